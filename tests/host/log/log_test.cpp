#include "log/log.h"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace assay::log {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class LogTest : public ::testing::Test {
 protected:
  void TearDown() override { setup("info", "text"); }  // the stream dies with the test
  std::ostringstream out;
};

TEST_F(LogTest, ParsesLevelsAndFormats) {
  EXPECT_EQ(parse_level("warn"), Level::warn);
  EXPECT_EQ(parse_level("off"), Level::off);
  EXPECT_EQ(level_name(Level::error), "error");
  EXPECT_EQ(parse_format("json"), Format::json);
}

TEST_F(LogTest, RejectsInvalidLevelsAndFormatsNamingTheAllowedOnes) {
  try {
    setup("verbose", "text");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "invalid log level 'verbose'; allowed: trace, debug, info, warn, error, off");
  }
  try {
    setup("info", "xml");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "invalid log format 'xml'; allowed: text, json");
  }
}

TEST_F(LogTest, WritesTextLinesWithAComponentPrefixForPlugins) {
  setup(Level::info, Format::text, out);
  write(Level::info, "", "host started");
  write(Level::warn, "markers", "skipped a binary file");
  spdlog::error("through spdlog {}", 42);
  const auto lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 3u);
  const std::string stamp = R"(\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] )";
  EXPECT_TRUE(std::regex_match(lines[0], std::regex(stamp + R"(\[info\] host started)"))) << lines[0];
  EXPECT_TRUE(std::regex_match(lines[1], std::regex(stamp + R"(\[warn\] \[markers\] skipped a binary file)")))
      << lines[1];
  EXPECT_TRUE(std::regex_match(lines[2], std::regex(stamp + R"(\[error\] through spdlog 42)"))) << lines[2];
}

TEST_F(LogTest, FiltersBelowTheConfiguredLevel) {
  setup(Level::warn, Format::text, out);
  EXPECT_FALSE(enabled(Level::info));
  EXPECT_TRUE(enabled(Level::error));
  write(Level::info, "markers", "hidden");
  spdlog::debug("hidden too");
  write(Level::error, "markers", "shown");
  const auto lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("shown"), std::string::npos);
}

TEST_F(LogTest, OffWritesNothing) {
  setup(Level::off, Format::json, out);
  write(Level::error, "", "nothing");
  spdlog::critical("nothing either");
  EXPECT_EQ(out.str(), "");
  EXPECT_FALSE(enabled(Level::error));
}

TEST_F(LogTest, WritesOneParsableJsonObjectPerLine) {
  setup(Level::trace, Format::json, out);
  write(Level::debug, "", "scan started");
  write(Level::error, "json", "cannot write backlog.json");
  const auto lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 2u);
  const auto first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["level"], "debug");
  EXPECT_EQ(first["component"], "host");
  EXPECT_EQ(first["message"], "scan started");
  EXPECT_TRUE(std::regex_match(first["time"].get<std::string>(),
                               std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)")))
      << first["time"];
  const auto second = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(second["level"], "error");
  EXPECT_EQ(second["component"], "json");
  EXPECT_EQ(lines[0].rfind("{\"time\":", 0), 0u);
}

TEST_F(LogTest, EscapesJsonStringsAndReplacesInvalidUtf8) {
  setup(Level::info, Format::json, out);
  const std::string message = std::string("quote \" backslash \\ newline \n tab \t bell \x07 nul ") + '\0' +
                              " bad \xff\xfe end \xC3\xA9";
  write(Level::info, "we\"ird\n", message);
  const auto lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 1u) << out.str();
  EXPECT_NE(lines[0].find(R"(\n tab \t bell \u0007 nul \u0000)"), std::string::npos) << lines[0];
  const auto parsed = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(parsed["component"], "we\"ird\n");
  EXPECT_EQ(parsed["message"], std::string("quote \" backslash \\ newline \n tab \t bell \x07 nul ") + '\0' +
                                   " bad \xEF\xBF\xBD\xEF\xBF\xBD end \xC3\xA9");
}

TEST_F(LogTest, MapsPluginAbiLevels) {
  EXPECT_EQ(from_plugin_level(0), Level::trace);
  EXPECT_EQ(from_plugin_level(1), Level::debug);
  EXPECT_EQ(from_plugin_level(2), Level::info);
  EXPECT_EQ(from_plugin_level(3), Level::warn);
  EXPECT_EQ(from_plugin_level(4), Level::error);
  EXPECT_EQ(from_plugin_level(99), Level::error);
  EXPECT_EQ(from_plugin_level(-1), Level::trace);
}

}  // namespace
}  // namespace assay::log
