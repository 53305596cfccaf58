#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "reporter_harness.h"
#include "scratch_dir.h"

namespace assay::test {
namespace {

using nlohmann::ordered_json;

class JsonReporterTest : public ::testing::Test {
 protected:
  RunInput sample_input(size_t item_count = 5) {
    RunInput input;
    input.items = sample_items();
    input.items.resize(item_count);
    input.header = sample_header(item_count, item_count > 0 ? "TD-001" : "");
    input.output_dir = scratch.path() / "out";
    return input;
  }
  ordered_json read_backlog(const RunInput& input) {
    return ordered_json::parse(read_file(input.output_dir / "backlog.json"));
  }

  LoadedReporter reporter{"json"};
  ScratchDir scratch;
};

std::vector<std::string> keys_of(const ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

TEST_F(JsonReporterTest, DeclaresItselfAsReporterWithConfigSchema) {
  const assay_plugin& plugin = reporter.plugin();
  EXPECT_EQ(plugin.kind, ASSAY_KIND_REPORTER);
  EXPECT_STREQ(plugin.name, "json");
  EXPECT_EQ(plugin.scanner_open, nullptr);
  ASSERT_NE(plugin.config_schema, nullptr);
  auto schema = ordered_json::parse(plugin.config_schema);
  EXPECT_EQ(schema.at("properties").at("enabled").at("type"), "boolean");
  EXPECT_EQ(schema.at("properties").at("file").at("default"), "backlog.json");
  EXPECT_EQ(schema.at("properties").at("indent").at("default"), 2);
  EXPECT_EQ(schema.at("properties").at("item_layout").at("default"), "line");
  EXPECT_EQ(schema.at("properties").at("item_layout").at("enum"), ordered_json::parse(R"(["line","indented"])"));
  EXPECT_EQ(schema.at("additionalProperties"), false);
}

TEST_F(JsonReporterTest, WritesTheDocumentShapeWithItemsInRankOrder) {
  RunInput input = sample_input();
  RunResult result = reporter.run(input);
  ASSERT_TRUE(result.ok()) << result.failed_stage << ": " << result.error;

  ordered_json backlog = read_backlog(input);
  EXPECT_EQ(keys_of(backlog), (std::vector<std::string>{"schema", "repository", "scan", "maturity", "items",
                                                        "next_best", "summary", "stats", "completed",
                                                        "generated_by"}));
  // A header without the state store's fields: no statistics, nothing completed.
  EXPECT_TRUE(backlog.at("stats").is_null());
  EXPECT_EQ(backlog.at("completed"), ordered_json::array());
  EXPECT_EQ(backlog.at("schema"), 1);
  EXPECT_EQ(backlog.at("repository"), input.header.at("repository"));
  EXPECT_EQ(backlog.at("scan"), input.header.at("scan"));
  EXPECT_EQ(backlog.at("maturity"), input.header.at("maturity"));
  EXPECT_EQ(backlog.at("next_best"), "TD-001");
  EXPECT_EQ(backlog.at("summary"), input.header.at("summary"));
  EXPECT_EQ(backlog.at("generated_by"), "assay 0.1.0");
  ASSERT_EQ(backlog.at("items").size(), 5u);
  for (size_t i = 0; i < input.items.size(); ++i) {
    EXPECT_EQ(backlog.at("items").at(i), input.items[i].json) << "item " << i;
    EXPECT_EQ(keys_of(backlog.at("items").at(i)), keys_of(input.items[i].json))
        << "field order of item " << i;
  }
}

TEST_F(JsonReporterTest, ZeroItemsStillGiveValidJson) {
  RunInput input = sample_input(0);
  RunResult result = reporter.run(input);
  ASSERT_TRUE(result.ok()) << result.error;
  ordered_json backlog = read_backlog(input);
  EXPECT_TRUE(backlog.at("items").is_array());
  EXPECT_TRUE(backlog.at("items").empty());
  EXPECT_TRUE(backlog.at("next_best").is_null());
}

TEST_F(JsonReporterTest, IndentZeroWritesOneLine) {
  RunInput input = sample_input();
  input.config = R"({"enabled":true,"indent":0})";
  ASSERT_TRUE(reporter.run(input).ok());
  const std::string text = read_file(input.output_dir / "backlog.json");
  EXPECT_EQ(text.find('\n'), text.size() - 1);
  EXPECT_EQ(ordered_json::parse(text).at("items").size(), 5u);
}

TEST_F(JsonReporterTest, IndentZeroCopiesTheHostsItemTextAsItIs) {
  RunInput input = sample_input(2);
  input.config = R"({"indent":0})";
  const std::string host_text = R"({"key":"TD-001", "effort_hours":4.50,"title":"caf\u00e9"})";
  input.items[0].json_text_override = "  " + host_text + "\t";
  ASSERT_TRUE(reporter.run(input).ok());
  const std::string text = read_file(input.output_dir / "backlog.json");
  EXPECT_NE(text.find("\"items\":[" + host_text + ",{\"key\":\"SEC-001\""), std::string::npos) << text;
  EXPECT_EQ(text.find('\n'), text.size() - 1);
}

TEST_F(JsonReporterTest, IndentZeroPutsAMultiLineItemOnOneLine) {
  RunInput input = sample_input(1);
  input.config = R"({"indent":0})";
  input.items[0].json_text_override = "{\n  \"key\": \"TD-001\",\n  \"rank\": 1\n}";
  ASSERT_TRUE(reporter.run(input).ok());
  const std::string text = read_file(input.output_dir / "backlog.json");
  EXPECT_NE(text.find("\"items\":[{\"key\":\"TD-001\",\"rank\":1}]"), std::string::npos) << text;
  EXPECT_EQ(text.find('\n'), text.size() - 1);
}

TEST_F(JsonReporterTest, IndentZeroStillRejectsItemTextThatIsNoObject) {
  for (const char* bad : {"[1, 2]", "{\"key\": ", "{\n\"key\": 1"}) {
    RunInput input = sample_input(1);
    input.config = R"({"indent":0})";
    input.items[0].json_text_override = bad;
    RunResult result = reporter.run(input);
    EXPECT_EQ(result.failed_stage, "item") << bad;
    EXPECT_NE(result.error.find("TD-001: its JSON is not a JSON object"), std::string::npos) << result.error;
  }
}

TEST_F(JsonReporterTest, ItemsAreOneLineEachByDefault) {
  RunInput input = sample_input(2);
  const std::string host_text = R"({"key":"TD-001","effort_hours":4.5,"title":"caf\u00e9"})";
  input.items[0].json_text_override = host_text;
  ASSERT_TRUE(reporter.run(input).ok());
  const std::string text = read_file(input.output_dir / "backlog.json");
  // The header is indented; each item is the host's text on a line of its own.
  EXPECT_NE(text.find("\n  \"items\": [\n    " + host_text + ",\n    {\"key\":\"SEC-001\","), std::string::npos)
      << text;
  EXPECT_NE(text.find("}\n  ],\n  \"next_best\": \"TD-001\",\n"), std::string::npos) << text;
  EXPECT_EQ(ordered_json::parse(text).at("items").at(1), input.items[1].json);
}

TEST_F(JsonReporterTest, OneLineLayoutPutsAMultiLineItemOnOneLine) {
  RunInput input = sample_input(1);
  input.items[0].json_text_override = "{\n  \"key\": \"TD-001\",\n  \"rank\": 1\n}";
  ASSERT_TRUE(reporter.run(input).ok());
  const std::string text = read_file(input.output_dir / "backlog.json");
  EXPECT_NE(text.find("\"items\": [\n    {\"key\":\"TD-001\",\"rank\":1}\n  ]"), std::string::npos) << text;
}

TEST_F(JsonReporterTest, BothItemLayoutsHoldTheSameDocument) {
  RunInput input = sample_input();
  ASSERT_TRUE(reporter.run(input).ok());
  const std::string lines = read_file(input.output_dir / "backlog.json");
  input.config = R"({"item_layout":"indented"})";
  ASSERT_TRUE(reporter.run(input).ok());
  const std::string indented = read_file(input.output_dir / "backlog.json");
  EXPECT_NE(lines, indented);
  EXPECT_EQ(ordered_json::parse(lines), ordered_json::parse(indented));
  // Indented, the same items take more lines: 5 item lines against many.
  EXPECT_LT(std::count(lines.begin(), lines.end(), '\n') + 5, std::count(indented.begin(), indented.end(), '\n'));
}

TEST_F(JsonReporterTest, IndentNestsItemsTwoLevelsDeep) {
  RunInput input = sample_input(1);
  input.config = R"({"indent":4,"item_layout":"indented"})";
  ASSERT_TRUE(reporter.run(input).ok());
  const std::string text = read_file(input.output_dir / "backlog.json");
  EXPECT_NE(text.find("\n    \"items\": [\n        {\n            \"key\": \"TD-001\","), std::string::npos)
      << text;
  EXPECT_NE(text.find("\n    ],\n    \"next_best\": \"TD-001\",\n"), std::string::npos) << text;
  EXPECT_EQ(ordered_json::parse(text).at("items").at(0), input.items[0].json);
}

TEST_F(JsonReporterTest, EmptyItemListIsPrintedAsBrackets) {
  RunInput input = sample_input(0);
  ASSERT_TRUE(reporter.run(input).ok());
  EXPECT_NE(read_file(input.output_dir / "backlog.json").find("\"items\": [],"), std::string::npos);
}

TEST_F(JsonReporterTest, HonoursTheConfiguredFileName) {
  RunInput input = sample_input();
  input.config = R"({"file":"ranked.json"})";
  ASSERT_TRUE(reporter.run(input).ok());
  EXPECT_EQ(directory_entries(input.output_dir), std::vector<std::string>{"ranked.json"});
}

TEST_F(JsonReporterTest, SuccessfulWriteLeavesNoTemporaryFile) {
  RunInput input = sample_input();
  ASSERT_TRUE(reporter.run(input).ok());
  EXPECT_EQ(directory_entries(input.output_dir), std::vector<std::string>{"backlog.json"});
  ASSERT_FALSE(reporter.host().logs.empty());
  EXPECT_NE(reporter.host().logs.back().find("backlog.json"), std::string::npos);
}

TEST_F(JsonReporterTest, FailedRunKeepsThePreviousFileAndRemovesTheTemporaryOne) {
  RunInput input = sample_input();
  std::filesystem::create_directories(input.output_dir);
  { std::ofstream(input.output_dir / "backlog.json") << "previous"; }
  input.items[2].json_text_override = "[1, 2]";
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "item");
  EXPECT_NE(result.error.find("TD-002"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("not a JSON object"), std::string::npos) << result.error;
  EXPECT_EQ(directory_entries(input.output_dir), std::vector<std::string>{"backlog.json"});
  EXPECT_EQ(read_file(input.output_dir / "backlog.json"), "previous");
}

TEST_F(JsonReporterTest, UnwritableOutputDirectoryIsReportedWithItsPath) {
  RunInput input = sample_input();
  { std::ofstream(scratch.path() / "blocker") << "a file where a directory should be"; }
  input.output_dir = scratch.path() / "blocker" / "out";
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "begin");
  EXPECT_EQ(result.status, ASSAY_ERROR);
  EXPECT_NE(result.error.find(input.output_dir.string()), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("Not a directory"), std::string::npos) << result.error;
}

TEST_F(JsonReporterTest, TargetThatIsADirectoryFailsAtRenameWithoutLeftovers) {
  RunInput input = sample_input();
  std::filesystem::create_directories(input.output_dir / "backlog.json");
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "end");
  EXPECT_NE(result.error.find((input.output_dir / "backlog.json").string()), std::string::npos)
      << result.error;
  EXPECT_EQ(directory_entries(input.output_dir), std::vector<std::string>{"backlog.json"});
}

TEST_F(JsonReporterTest, RejectsAnUnknownItemLayoutNamingTheField) {
  RunInput input = sample_input(1);
  input.config = R"({"item_layout":"tabular"})";
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "begin");
  EXPECT_NE(result.error.find("plugins.json.item_layout"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("tabular"), std::string::npos) << result.error;
}

TEST_F(JsonReporterTest, RejectsInvalidConfigurationNamingTheField) {
  RunInput input = sample_input();
  input.config = R"({"indent":-1})";
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "begin");
  EXPECT_NE(result.error.find("plugins.json.indent"), std::string::npos) << result.error;

  input.config = R"({"file":"../escape.json"})";
  result = reporter.run(input);
  EXPECT_NE(result.error.find("plugins.json.file"), std::string::npos) << result.error;

  input.config = R"({"colour":"red"})";
  result = reporter.run(input);
  EXPECT_NE(result.error.find("plugins.json.colour is not a known setting"), std::string::npos)
      << result.error;
  EXPECT_FALSE(std::filesystem::exists(input.output_dir / "backlog.json"));
}

TEST_F(JsonReporterTest, RejectsHeaderWithoutRequiredField) {
  RunInput input = sample_input();
  input.header.erase("scan");
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "begin");
  EXPECT_NE(result.error.find("'scan' is missing"), std::string::npos) << result.error;

  input = sample_input();
  input.header["schema"] = 2;
  result = reporter.run(input);
  EXPECT_NE(result.error.find("reads schema 1"), std::string::npos) << result.error;
}

TEST_F(JsonReporterTest, MissingItemsFailTheReport) {
  RunInput input = sample_input();
  input.announced_items = 6;
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "end");
  EXPECT_NE(result.error.find("announced 6 items but 5 arrived"), std::string::npos) << result.error;
  EXPECT_TRUE(directory_entries(input.output_dir).empty());
}

}  // namespace
}  // namespace assay::test
