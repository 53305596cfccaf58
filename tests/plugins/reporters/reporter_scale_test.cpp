// Long backlogs: both reporters handle 20,000 items, reading only what they
// need of each (the markdown reporter parses the JSON of the next best item
// only; the json reporter copies compact item JSON as it is). The time spent
// in the plugins is printed, not asserted: it varies with the machine, but a
// quadratic step would show as a jump between the two sizes.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "reporter_harness.h"
#include "scratch_dir.h"

namespace assay::test {
namespace {

using nlohmann::ordered_json;

constexpr size_t kLongBacklog = 20000;
constexpr size_t kShortBacklog = 2000;

// `count` items over 500 files (250 of them with technical debt), in rank order; only the first, the next
// best, keeps its score breakdown.
std::vector<ReportItem> many_items(size_t count) {
  static const char* const kCategories[] = {"technical-debt", "code-quality", "security", "documentation"};
  std::vector<ReportItem> items;
  items.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const auto rank = static_cast<uint32_t>(i + 1);
    items.push_back(make_item("TD-" + std::to_string(rank), "Marker comment number " + std::to_string(rank),
                              kCategories[i % 4], i % 3 == 0 ? "maturity" : "markers",
                              "src/module" + std::to_string(i % 500) + "/file.c", rank, rank + 2, 1.5,
                              100.0 - static_cast<double>(i) / 1000.0, 120, rank));
    if (i > 0) items.back().json.erase("breakdown");
  }
  return items;
}

void print_time(const std::string& what, size_t items, const RunResult& result) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(result.plugin_time).count();
  std::cout << "[ timing   ] " << what << ", " << items << " items: " << ms << " ms in the plugin\n";
  ::testing::Test::RecordProperty(what + " " + std::to_string(items) + " items ms", std::to_string(ms));
}

class ReporterScaleTest : public ::testing::Test {
 protected:
  RunInput input_of(size_t count) {
    RunInput input;
    input.items = many_items(count);
    input.header = sample_header(count, "TD-1");
    input.header["summary"]["items"] = count;
    input.output_dir = scratch.path() / ("out-" + std::to_string(count));
    return input;
  }
  ScratchDir scratch;
};

TEST_F(ReporterScaleTest, MarkdownParsesOnlyTheNextBestItemsJson) {
  LoadedReporter reporter("markdown");
  for (size_t count : {kShortBacklog, kLongBacklog}) {
    RunInput input = input_of(count);
    // Not JSON at all: a reporter that parsed these would fail the run.
    for (size_t i = 1; i < input.items.size(); ++i) input.items[i].json_text_override = "not json";
    RunResult result = reporter.run(input);
    ASSERT_TRUE(result.ok()) << result.failed_stage << ": " << result.error;
    print_time("markdown", count, result);
    const std::string md = read_file(input.output_dir / "BACKLOG.md");
    EXPECT_NE(md.find("Showing 10 of " + std::to_string(count) + " items."), std::string::npos);
    EXPECT_NE(md.find("**[TD-1] Marker comment number 1**"), std::string::npos);
    EXPECT_NE(md.find("- **WSJF** 6.5 = (business value 6"), std::string::npos);
    EXPECT_NE(md.find("in 250 files; the 5 with the most estimated effort"), std::string::npos);
  }
}

TEST_F(ReporterScaleTest, JsonOnOneLineWritesEveryItem) {
  LoadedReporter reporter("json");
  for (size_t count : {kShortBacklog, kLongBacklog}) {
    RunInput input = input_of(count);
    input.config = R"({"indent":0})";
    RunResult result = reporter.run(input);
    ASSERT_TRUE(result.ok()) << result.failed_stage << ": " << result.error;
    print_time("json indent 0", count, result);
    const ordered_json backlog = ordered_json::parse(read_file(input.output_dir / "backlog.json"));
    ASSERT_EQ(backlog.at("items").size(), count);
    EXPECT_EQ(backlog.at("items").back(), input.items.back().json);
  }
}

TEST_F(ReporterScaleTest, JsonOneItemPerLineWritesEveryItem) {
  LoadedReporter reporter("json");
  for (size_t count : {kShortBacklog, kLongBacklog}) {
    RunInput input = input_of(count);
    RunResult result = reporter.run(input);
    ASSERT_TRUE(result.ok()) << result.failed_stage << ": " << result.error;
    print_time("json indent 2, an item a line", count, result);
    const std::string text = read_file(input.output_dir / "backlog.json");
    const ordered_json backlog = ordered_json::parse(text);
    ASSERT_EQ(backlog.at("items").size(), count);
    EXPECT_EQ(backlog.at("items").at(count / 2), input.items.at(count / 2).json);
  }
}

TEST_F(ReporterScaleTest, JsonIndentedWritesEveryItem) {
  LoadedReporter reporter("json");
  for (size_t count : {kShortBacklog, kLongBacklog}) {
    RunInput input = input_of(count);
    input.config = R"({"item_layout":"indented"})";
    RunResult result = reporter.run(input);
    ASSERT_TRUE(result.ok()) << result.failed_stage << ": " << result.error;
    print_time("json indent 2, items indented", count, result);
    const ordered_json backlog = ordered_json::parse(read_file(input.output_dir / "backlog.json"));
    ASSERT_EQ(backlog.at("items").size(), count);
    EXPECT_EQ(backlog.at("items").at(count / 2), input.items.at(count / 2).json);
  }
}

}  // namespace
}  // namespace assay::test
