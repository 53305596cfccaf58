// The hotspots configuration section: defaults, the skipped languages and
// errors that name the field.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "hotspots_config.h"

namespace assay::hotspots {
namespace {

std::string error_of(const std::string& json_text) {
  try {
    HotspotsConfig::parse(json_text);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(HotspotsConfig, ProseAndDataFormatsAreSkippedByDefault) {
  const HotspotsConfig config = HotspotsConfig::parse("");
  for (const char* language : {"markdown", "rst", "tex", "json", "yaml", "toml", "ini", "xml"})
    EXPECT_TRUE(config.skips(language)) << language;
  for (const char* language : {"c", "cpp", "python", "go", "shell", "html", "css"})
    EXPECT_FALSE(config.skips(language)) << language;
}

TEST(HotspotsConfig, AListOfSkippedLanguagesReplacesTheDefault) {
  const HotspotsConfig config = HotspotsConfig::parse(R"({"skip_languages": ["python"]})");
  EXPECT_TRUE(config.skips("python"));
  EXPECT_FALSE(config.skips("markdown"));
  EXPECT_FALSE(HotspotsConfig::parse(R"({"skip_languages": []})").skips("markdown"));
}

TEST(HotspotsConfig, ABadSkippedLanguageIsNamedByItsIndex) {
  EXPECT_EQ(error_of(R"({"skip_languages": "markdown"})"),
            "plugins.hotspots.skip_languages: must be a list of language ids, got \"markdown\"");
  EXPECT_EQ(error_of(R"({"skip_languages": ["yaml", 3]})"),
            "plugins.hotspots.skip_languages[1]: must be a language id (text), got 3");
  const std::string unknown = error_of(R"({"skip_languages": ["markdown", "yml"]})");
  EXPECT_EQ(unknown.rfind(
                "plugins.hotspots.skip_languages[1]: \"yml\" is not a language the lexer knows (known: ", 0),
            0u)
      << unknown;
  EXPECT_NE(unknown.find("yaml"), std::string::npos) << unknown;
}

TEST(HotspotsConfig, OtherFieldsAreCheckedAsBefore) {
  EXPECT_EQ(error_of(R"({"top_share": 0})"),
            "plugins.hotspots.top_share: must be a number greater than 0 and at most 1, got 0");
  EXPECT_EQ(
      error_of(R"({"languages": []})"),
      "plugins.hotspots.languages: unknown key (expected enabled, top_share, max_findings, min_commits, "
      "max_file_size, skip_languages)");
}

}  // namespace
}  // namespace assay::hotspots
