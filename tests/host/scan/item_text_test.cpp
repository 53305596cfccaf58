// The item text written without a document is byte for byte what the
// document (item_json) dumps to: backlog.json and the reporters must not see
// a difference.
#include "scan/item_text.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>
#include <nlohmann/json.hpp>

#include "scan/backlog.h"
#include "scan/json_text.h"

namespace assay::scan {
namespace {

std::string dom_text(const BacklogItem& item) {
  return item_json(item).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string written_text(const BacklogItem& item) {
  std::string out = "prefix:";  // appends, never overwrites
  append_item_json(out, item);
  EXPECT_EQ(out.rfind("prefix:", 0), 0u);
  return out.substr(7);
}

// The item's breakdown, for a test to change: the item holds a copy of its
// shared one from then on.
scoring::Breakdown& editable_breakdown(BacklogItem& item) {
  auto copy = std::make_shared<scoring::Breakdown>(*item.breakdown);
  scoring::Breakdown& editable = *copy;
  item.breakdown = std::move(copy);
  return editable;
}

// A marker finding scored by the default model, as a scan produces it.
BacklogItem scored_item() {
  YAML::Node config = YAML::LoadFile(std::string(ASSAY_SOURCE_DIR) + "/config/assay.yaml");
  scoring::Model model = scoring::Model::from_yaml(config["scoring"], "developing");
  BacklogItem item;
  item.finding.source = "markers";
  item.finding.rule = "FIXME";
  item.finding.title = "FIXME: retry the socket";
  item.finding.category = "technical-debt";
  item.finding.path = "src/net/socket.c";
  item.finding.line_start = 12;
  item.finding.line_end = 14;
  item.finding.evidence = "FIXME: retry the socket\nwhen the peer resets";
  item.finding.effort_hours = 1.5;
  item.finding.confidence = 0.9;
  item.finding.tags = {"marker", "fixme"};
  item.finding.details_json = R"({"comment":"line","language":"c","owner":"","tag":"FIXME"})";
  set_scores(item, model.score(item.finding, scoring::FileContext{}));
  item.fingerprint = "0123456789abcdef0123456789abcdef";
  item.key = "TD-007";
  item.rank = 7;
  return item;
}

TEST(ItemText, ScoredMarkerMatchesTheDocument) {
  const BacklogItem item = scored_item();
  ASSERT_FALSE(item.breakdown->wsjf.components.empty());
  EXPECT_EQ(written_text(item), dom_text(item));
}

// A scan drops each item's breakdown and has it recomputed when the item is
// written: the text must be the one the kept breakdown gives.
TEST(ItemText, DroppedBreakdownIsRecomputedToTheSameText) {
  YAML::Node config = YAML::LoadFile(std::string(ASSAY_SOURCE_DIR) + "/config/assay.yaml");
  const scoring::Model model = scoring::Model::from_yaml(config["scoring"], "developing");
  const BacklogItem kept = scored_item();
  const std::string expected = written_text(kept);
  BacklogItem dropped = kept;
  drop_breakdown(dropped);
  EXPECT_EQ(dropped.breakdown, nullptr);
  EXPECT_EQ(dropped.scores.composite, kept.scores.composite);  // the numbers stay

  std::string out;
  append_item_json(out, dropped, breakdown_of(dropped, &model));
  EXPECT_EQ(out, expected);
  EXPECT_EQ(item_json(dropped, &model).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
            expected);
  // Without the model there is nothing to write it from: an error, never an
  // empty breakdown.
  EXPECT_THROW(breakdown_of(dropped, nullptr), std::logic_error);
  EXPECT_THROW(item_json(dropped), std::logic_error);
  std::string unused;
  EXPECT_THROW(append_item_json(unused, dropped), std::logic_error);
}

// The recomputed breakdown is scored in the item's own file context (its
// file's hotspot multiplier, its line's age), as the scan first scored it.
TEST(ItemText, DroppedBreakdownKeepsTheFileContext) {
  YAML::Node config = YAML::LoadFile(std::string(ASSAY_SOURCE_DIR) + "/config/assay.yaml");
  const scoring::Model model = scoring::Model::from_yaml(config["scoring"], "developing");
  BacklogItem kept = scored_item();
  kept.context.hotspot_multiplier = 2.5;
  kept.context.age_days = 400.0;
  set_scores(kept, score_finding(model, kept.finding, kept.context));
  ASSERT_NE(kept.scores.technical_debt, scored_item().scores.technical_debt);
  BacklogItem dropped = kept;
  drop_breakdown(dropped);
  std::string out;
  append_item_json(out, dropped, breakdown_of(dropped, &model));
  EXPECT_EQ(out, written_text(kept));
}

TEST(ItemText, OriginAndFileHistoryMatchTheDocument) {
  BacklogItem item = scored_item();
  item.history.origin = OriginNote{"committed", "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d",
                                   "Zoë \"Z\" <z@example.com>", "2025-08-14T09:12:00Z"};
  item.history.file_history = FileHistoryNote{42, 5, 6.5, 2.04, "365d"};
  const std::string text = written_text(item);
  EXPECT_EQ(text, dom_text(item));
  EXPECT_NE(
      text.find(
          R"("file_history":{"commits":42,"authors":5,"median_commits":6.5,"hotspot_multiplier":2.04,"window":"365d"})"),
      std::string::npos)
      << text;
  item.history.origin = OriginNote{"uncommitted", "", "", ""};
  EXPECT_EQ(written_text(item), dom_text(item));
  EXPECT_NE(
      written_text(item).find(R"("origin":{"commit":null,"author":null,"time":null,"state":"uncommitted"})"),
      std::string::npos);
}

// The state store's fields and the history's sit side by side, in the
// document's order: status, first_seen, details, origin, file_history.
TEST(ItemText, StateAndHistoryFieldsTogetherMatchTheDocument) {
  BacklogItem item = scored_item();
  item.status = "reopened";
  item.first_seen_at = 1763985600;  // 2025-11-24T12:00:00Z
  item.history.origin = OriginNote{"at_or_before", "00000000000000000000000000000000000000aa",
                                   "A <a@example.com>", "2015-01-01T00:00:00Z"};
  item.history.file_history = FileHistoryNote{3, 2, 1, 1.5, "all"};
  const std::string text = written_text(item);
  EXPECT_EQ(text, dom_text(item));
  EXPECT_NE(text.find(R"("rank":7,"status":"reopened","first_seen":"2025-11-24T12:00:00Z","details":{)"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find(R"("tag":"FIXME"},"origin":{"commit":"00000000000000000000000000000000000000aa",)"
                R"("author":"A <a@example.com>","time":"2015-01-01T00:00:00Z","state":"at_or_before"},)"
                R"("file_history":{"commits":3,"authors":2,"median_commits":1.0,"hotspot_multiplier":1.5,)"
                R"("window":"all"},"breakdown":{)"),
      std::string::npos)
      << text;
}

// Each thread remembers the last first-seen time it formatted: items with
// other times, an unknown one, and the first again in between.
TEST(ItemText, FirstSeenTimesOfSuccessiveItemsAreNotConfused) {
  BacklogItem item = scored_item();
  const std::vector<std::pair<int64_t, std::string>> times = {
      {1763985600, R"("first_seen":"2025-11-24T12:00:00Z")"}, {1763985601, R"("first_seen":"2025-11-24T12:00:01Z")"},
      {1763985600, R"("first_seen":"2025-11-24T12:00:00Z")"}, {0, R"("first_seen":null)"},
      {1763985600, R"("first_seen":"2025-11-24T12:00:00Z")"}, {86400, R"("first_seen":"1970-01-02T00:00:00Z")"}};
  for (const auto& [seconds, expected] : times) {
    item.first_seen_at = seconds;
    const std::string text = written_text(item);
    EXPECT_EQ(text, dom_text(item));
    EXPECT_NE(text.find(expected), std::string::npos) << seconds << ": " << text;
  }
}

TEST(ItemText, EmptyFieldsAreNullOrEmptyLikeTheDocument) {
  BacklogItem item;
  item.finding.source = "s";
  item.finding.rule = "r";
  item.finding.title = "t";
  const std::string text = written_text(item);
  EXPECT_EQ(text, dom_text(item));
  EXPECT_NE(text.find(R"("severity":null,"tags":[])"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("details":null,"origin":null,"file_history":null)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("wsjf":{"components":{},"formula":"","value":0.0})"), std::string::npos) << text;
}

TEST(ItemText, StringsAreEscapedLikeTheDocument) {
  BacklogItem item = scored_item();
  item.finding.title = std::string("quote \" backslash \\ tab \t nl \n cr \r bs \b ff \f nul ") + '\0' +
                       " unit sep \x1f del \x7f ünïcødé \u2026 emoji \U0001F600";
  item.finding.evidence = "/* slash / stays */";
  item.finding.tags = {"", "\x01", "ok"};
  item.finding.severity = "high";
  EXPECT_EQ(written_text(item), dom_text(item));
  EXPECT_NE(written_text(item).find(R"(nul \u0000 unit sep \u001f del )"), std::string::npos);
}

TEST(ItemText, InvalidUtf8IsReplacedLikeTheDocument) {
  BacklogItem item = scored_item();
  for (const std::string& bad :
       {std::string("lone \x80 continuation"), std::string("cut \xE2\x82"),
        std::string("overlong \xC0\xAF slash"), std::string("surrogate \xED\xA0\x80"),
        std::string("too high \xF4\x90\x80\x80"), std::string("\xFF\xFE"),
        std::string("mixed \xC3\xA9 and \xC3 end")}) {
    item.finding.title = bad;
    item.finding.path = bad;
    EXPECT_EQ(written_text(item), dom_text(item)) << bad;
  }
}

TEST(ItemText, NumbersArePrintedLikeTheDocument) {
  BacklogItem item = scored_item();
  const double kValues[] = {0.0,   -0.0,    1.0,           0.1,    2.5,
                            1e20,  1.5e-7,  123456789.125, 1e-300, 1e300,
                            -3.75, 1.0 / 3, 42.42,         100.0,  1e15,
                            1e16,  0.00001, 0.0001,        5e-324, std::numeric_limits<double>::max()};
  for (double v : kValues) {
    item.scores.composite = v;
    item.scores.value_usd = -v;
    editable_breakdown(item).risk.components = {{"x", v}};
    EXPECT_EQ(written_text(item), dom_text(item)) << v;
  }
  item.scores.risk = std::nan("");
  item.scores.wsjf = std::numeric_limits<double>::infinity();
  item.finding.line_start = 4294967295u;
  item.rank = 0;
  EXPECT_EQ(written_text(item), dom_text(item));
  EXPECT_NE(written_text(item).find(R"("risk":null)"), std::string::npos);
}

TEST(ItemText, ComponentsAreSortedAndTheLastOfARepeatedNameCounts) {
  BacklogItem item = scored_item();
  editable_breakdown(item).ice.components = {{"zeta", 1}, {"alpha", 2}, {"mid", 3}, {"alpha", 4}, {"Zed", 5}};
  const std::string text = written_text(item);
  EXPECT_EQ(text, dom_text(item));
  EXPECT_NE(text.find(R"("components":{"Zed":5.0,"alpha":4.0,"mid":3.0,"zeta":1.0})"), std::string::npos)
      << text;
}

TEST(ItemText, ManyComponentsAreSortedToo) {
  BacklogItem item = scored_item();
  auto& components = editable_breakdown(item).wsjf.components;
  components.clear();
  for (int i = 40; i > 0; --i) components.emplace_back("c" + std::to_string(i % 30), i);
  EXPECT_EQ(written_text(item), dom_text(item));
}

TEST(JsonText, RememberedNumbersAreNotConfused) {
  // Numbers that share a slot of the remembered ones still print as themselves.
  std::string expected;
  std::string out;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 2000; ++i) {
      const double v = i * 0.37 - 100;
      append_json_number(out, v);
      out += ' ';
      if (round == 0) expected += nlohmann::json(v).dump() + ' ';
    }
  }
  EXPECT_EQ(out, expected + expected);
}

// The skip over plain bytes (sixteen at a time, the last ones padded) must
// stop at every byte that needs care, wherever in a block it sits: each byte
// value at each offset of every text length up to two blocks and a tail,
// against nlohmann's dump of the same text.
TEST(JsonText, EveryByteAtEveryOffsetIsWrittenLikeTheDocument) {
  for (int value = 0; value < 256; ++value) {
    for (size_t length = 1; length <= 35; ++length) {
      for (size_t offset = 0; offset < length; ++offset) {
        std::string text(length, 'a');
        text[offset] = static_cast<char>(value);
        std::string out = "x";  // appends after what is there
        append_json_string(out, text);
        const std::string expected =
            "x" + nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        ASSERT_EQ(out, expected) << "byte " << value << " at " << offset << " of " << length;
      }
    }
  }
  for (size_t length = 0; length <= 35; ++length) {
    const std::string text(length, '~');
    std::string out;
    append_json_string(out, text);
    EXPECT_EQ(out, "\"" + text + "\"");
  }
  // Multi-byte sequences across a word's end, plain text of many words.
  for (size_t offset = 0; offset < 10; ++offset) {
    const std::string text = std::string(offset, 'x') + "\u00e9\u2026\U0001F600" + std::string(20, 'y');
    std::string out;
    append_json_string(out, text);
    EXPECT_EQ(out, nlohmann::json(text).dump()) << offset;
  }
}

TEST(JsonText, AppendsStringsAndNumbers) {
  std::string out;
  append_json_string(out, "a\"b");
  out += ' ';
  append_json_number(out, 0.5);
  out += ' ';
  append_json_number(out, uint64_t{18446744073709551615u});
  out += ' ';
  append_json_number(out, 3.0);
  EXPECT_EQ(out, R"("a\"b" 0.5 18446744073709551615 3.0)");
}

TEST(JsonText, AppendsStringArraysLikeTheDocument) {
  for (const std::vector<std::string>& values :
       {std::vector<std::string>{}, {"marker"}, {"marker", "fix\"me", "\n", ""}}) {
    std::string out;
    append_json_string_array(out, values);
    EXPECT_EQ(out, nlohmann::json(values).dump());
  }
}

}  // namespace
}  // namespace assay::scan
