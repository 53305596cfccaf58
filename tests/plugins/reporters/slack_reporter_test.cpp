// The slack reporter through its shared object: configuration errors, the
// digest's content, Slack's limits on a large backlog, and the hand-off to
// the host's delivery service.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "reporter_harness.h"
#include "scratch_dir.h"

namespace assay::test {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr const char* kConfig = R"({"webhook_url_env": "ASSAY_TEST_HOOK"})";

// All the text of a message's blocks, one block per line.
std::string block_texts(const json& message) {
  std::string all;
  for (const auto& block : message["blocks"]) {
    if (block.contains("text")) all += block["text"]["text"].get<std::string>();
    if (block.contains("elements"))
      for (const auto& e : block["elements"]) all += e["text"].get<std::string>();
    all += "\n";
  }
  return all;
}

class SlackReporterTest : public ::testing::Test {
 protected:
  RunResult run(const std::string& config, ordered_json header, std::vector<ReportItem> items) {
    input_ = RunInput{};
    input_.config = config;
    input_.header = std::move(header);
    input_.items = std::move(items);
    input_.output_dir = dir_.path();
    return reporter_.run(input_);
  }
  json last_message() { return json::parse(reporter_.host().deliveries.back().body); }

  ScratchDir dir_;
  LoadedReporter reporter_{"slack"};
  RunInput input_;
};

TEST_F(SlackReporterTest, NeedsExactlyOneWebhookSource) {
  RunResult none = run("{}", sample_header(5, "TD-001"), sample_items());
  EXPECT_EQ(none.failed_stage, "begin");
  EXPECT_NE(none.error.find("exactly one of webhook_url_env"), std::string::npos) << none.error;
  RunResult both = run(R"({"webhook_url_env": "A", "webhook_url_file": "/run/hook"})",
                       sample_header(5, "TD-001"), sample_items());
  EXPECT_EQ(both.failed_stage, "begin");
  RunResult bad = run(R"({"webhook_url_env": "not a name"})", sample_header(5, "TD-001"), sample_items());
  EXPECT_NE(bad.error.find("plugins.slack.webhook_url_env"), std::string::npos) << bad.error;
  RunResult range = run(R"({"webhook_url_env": "A", "delivery": {"max_attempts": 0}})",
                        sample_header(5, "TD-001"), sample_items());
  EXPECT_NE(range.error.find("plugins.slack.delivery.max_attempts"), std::string::npos) << range.error;
  EXPECT_TRUE(reporter_.host().deliveries.empty());
}

TEST_F(SlackReporterTest, QueuesOneDigestWithTheEndpointReferenceOnly) {
  RunResult result =
      run(R"({"webhook_url_file": "/run/secrets/hook", "top": 3, "delivery": {"max_attempts": 7}})",
          sample_header(5, "TD-001"), sample_items());
  ASSERT_TRUE(result.ok()) << result.error;
  ASSERT_EQ(reporter_.host().deliveries.size(), 1u);
  const auto& delivery = reporter_.host().deliveries[0];
  EXPECT_EQ(delivery.endpoint, "file:/run/secrets/hook");
  EXPECT_EQ(delivery.max_attempts, 7u);
  EXPECT_EQ(delivery.summary, "assay · parser-lib: 5 items");
  const json message = last_message();
  EXPECT_EQ(message["text"],
            "assay · parser-lib: 5 items. Next best: TD-001 Overflow in the expression parser");
  const auto& blocks = message["blocks"];
  EXPECT_EQ(blocks[0]["type"], "header");
  EXPECT_EQ(blocks[0]["text"]["text"], "assay · parser-lib: 5 items");
  EXPECT_EQ(blocks[1]["type"], "context");
  EXPECT_EQ(blocks[1]["elements"][0]["text"],
            "`main` @ `3f9a2c1` · scanned 2026-11-25T17:00:04Z · maturity developing · 18.5 h of effort, "
            "$14580 of value");
  EXPECT_EQ(blocks[2]["text"]["text"],
            "*Next best item:* `TD-001` Overflow in the expression parser\n"
            "score *35.2* · technical-debt · 4 h · $550 · `src/parser.c:10`");
  EXPECT_EQ(blocks[3]["type"], "divider");
  // top 3: three item sections; the title's line break and '|' stay text.
  EXPECT_EQ(blocks[5]["text"]["text"],
            "*2. `SEC-001`* Hard-coded | password in config loader\n"
            "score *30.1* · security · 1.5 h · $1234 · `config/app.yaml:3`");
  EXPECT_EQ(blocks[7]["text"]["text"], "*New since the last report (0)*\nnone");
  EXPECT_EQ(blocks[8]["text"]["text"], "*Resolved since the last report (0)*\nnone");
  EXPECT_EQ(blocks[9]["elements"][0]["text"], "Full report: `" + (dir_.path() / "BACKLOG.md").string() + "`");
  EXPECT_EQ(blocks.size(), 10u);
}

TEST_F(SlackReporterTest, ListsNewAndResolvedSinceTheLastReport) {
  ordered_json header = sample_header(5, "TD-001");
  header["state"] = {
      {"store", "/x/state.db"}, {"merged", true}, {"new", 2}, {"reopened", 0}, {"resolved", 1}};
  // One resolved in this scan (at or after scan.started_at), one earlier.
  header["completed"] = ordered_json::array({{{"key", "TD-009"},
                                              {"title", "Old <thing> & more"},
                                              {"resolved_at", "2026-11-25T17:00:04Z"},
                                              {"cycle_time_hours", 26.5},
                                              {"value_usd", 570.0}},
                                             {{"key", "TD-004"},
                                              {"title", "Earlier"},
                                              {"resolved_at", "2026-11-24T10:00:00Z"},
                                              {"cycle_time_hours", 3},
                                              {"value_usd", 10.0}}});
  auto items = sample_items();
  items[1].json["status"] = "new";
  items[4].json["status"] = "reopened";
  RunResult result =
      run(std::string(R"({"webhook_url_env": "H", "report_link": "https://ci.example/r/7"})"), header, items);
  ASSERT_TRUE(result.ok()) << result.error;
  const std::string texts = block_texts(last_message());
  EXPECT_NE(texts.find("*New since the last report (2)*\n"
                       "• `SEC-001` Hard-coded | password in config loader (security, score 30.1)\n"
                       "• `DOC-001` Document the public API (documentation, reopened, score 8.0)"),
            std::string::npos)
      << texts;
  EXPECT_NE(texts.find("*Resolved since the last report (1)*\n"
                       "• `TD-009` Old &lt;thing&gt; &amp; more (cycle time 26.5 h, $570)"),
            std::string::npos)
      << texts;
  EXPECT_NE(texts.find("Full report: <https://ci.example/r/7|https://ci.example/r/7>"), std::string::npos);
  EXPECT_EQ(reporter_.host().deliveries[0].summary, "assay · parser-lib: 5 items, 2 new, 1 resolved");
}

TEST_F(SlackReporterTest, LargeBacklogStaysWithinSlackLimits) {
  std::vector<ReportItem> items;
  for (uint32_t i = 1; i <= 300; ++i) {
    const std::string key = "TD-" + std::to_string(i);
    items.push_back(make_item(key, std::string(300, 'T') + " é", "technical-debt", "markers",
                              "src/" + std::string(100, 'p') + ".c", i, i, 1, 1000.0 - i, 10, i));
    items.back().json["status"] = "new";
  }
  RunResult result =
      run(R"({"webhook_url_env": "H", "top": 40, "list_lines": 200})", sample_header(300, "TD-1"), items);
  ASSERT_TRUE(result.ok()) << result.error;
  const std::string body = reporter_.host().deliveries[0].body;
  EXPECT_LE(body.size(), 12000u);
  const json message = json::parse(body);
  const auto& blocks = message["blocks"];
  EXPECT_LE(blocks.size(), 50u);
  size_t item_sections = 0;
  for (const auto& block : blocks) {
    if (block["type"] != "section") continue;
    const std::string text = block["text"]["text"].get<std::string>();
    EXPECT_LE(text.size(), 3000u * 3);  // bytes; characters are checked in test_slack_block_kit
    item_sections += text.rfind("*", 0) == 0 && text.find(". `TD-") != std::string::npos;
  }
  // 40 requested; each item's section is ~400 bytes of JSON, so fewer fit.
  EXPECT_GT(item_sections, 10u);
  EXPECT_LT(item_sections, 40u);
  // The top list was cut (a note says so), the lists keep their place and
  // the link is the last block.
  const std::string texts = block_texts(message);
  EXPECT_NE(texts.find("more of the top items did not fit in this message"), std::string::npos);
  EXPECT_NE(texts.find("*New since the last report (300)*"), std::string::npos);
  EXPECT_NE(texts.find("*Resolved since the last report (0)*"), std::string::npos);
  EXPECT_EQ(blocks.back()["type"], "context");
  EXPECT_EQ(blocks.back()["elements"][0]["text"].get<std::string>().rfind("Full report: ", 0), 0u);
  // Titles are clipped to 200 characters in the lists.
  EXPECT_NE(texts.find(std::string(199, 'T') + "…"), std::string::npos);
}

TEST_F(SlackReporterTest, RefusedQueueFailsTheReport) {
  reporter_.host().deliver_status = ASSAY_ERROR;
  RunResult result = run(kConfig, sample_header(5, "TD-001"), sample_items());
  EXPECT_EQ(result.failed_stage, "end");
  EXPECT_EQ(result.error, "the host did not queue the message: the outbox is full (test)");
}

}  // namespace
}  // namespace assay::test
