#include "sarif_message.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "json_fields.h"

namespace assay::sarif {
namespace {

using nlohmann::json;

const input::JsonPath kAt = input::JsonPath().child("message");

std::string format(const char* message_json, const RuleInfo* rule = nullptr,
                   const ToolComponent* tool = nullptr) {
  return format_message(json::parse(message_json), rule, tool, kAt);
}

TEST(SarifMessage, FillsPlaceholdersFromArguments) {
  EXPECT_EQ(format(R"({"text": "Import of '{0}' is not used in {1}.", "arguments": ["sys", "main"]})"),
            "Import of 'sys' is not used in main.");
  EXPECT_EQ(format(R"({"text": "{0}{0} and {1}", "arguments": ["a"]})"), "aa and {1}");
  EXPECT_EQ(format(R"({"text": "literal {{0}} and {{braces}}", "arguments": ["x"]})"),
            "literal {0} and {braces}");
  EXPECT_EQ(format(R"({"text": "no arguments {0}"})"), "no arguments {0}");
}

TEST(SarifMessage, ReducesEmbeddedLinksToTheirText) {
  EXPECT_EQ(format(R"({"text": "This SQL query depends on a [user-provided value](1)."})"),
            "This SQL query depends on a user-provided value.");
  EXPECT_EQ(format(R"({"text": "See [the docs](https://example.com/a_(b)) now"})"), "See the docs now");
  EXPECT_EQ(format(R"({"text": "array \\[0\\] and [unclosed"})"), "array [0] and [unclosed");
}

TEST(SarifMessage, UsesMarkdownWhenThereIsNoText) {
  EXPECT_EQ(format(R"({"markdown": "**bold** claim"})"), "**bold** claim");
}

TEST(SarifMessage, LooksUpMessageStringsById) {
  RuleInfo rule;
  rule.message_strings = {{"default", "Variable '{0}' is unused."}};
  ToolComponent tool;
  tool.global_message_strings = {{"shared", "Shared text {0}."}};
  EXPECT_EQ(format(R"({"id": "default", "arguments": ["x"]})", &rule, &tool), "Variable 'x' is unused.");
  EXPECT_EQ(format(R"({"id": "shared", "arguments": ["y"]})", &rule, &tool), "Shared text y.");
  try {
    format(R"({"id": "missing"})", &rule, &tool);
    FAIL() << "no error";
  } catch (const input::FieldError& error) {
    EXPECT_EQ(error.path(), "message.id");
    EXPECT_EQ(error.problem(), "'missing' names no message string of the rule or tool");
  }
  EXPECT_THROW(format(R"({})"), input::FieldError);
  EXPECT_THROW(format(R"({"text": "x", "arguments": [1]})"), input::FieldError);
}

TEST(SarifMessage, FirstLineAndShortening) {
  EXPECT_EQ(first_line("\n  \n  Package: flask  \nInstalled Version: 2.2.2"), "Package: flask");
  EXPECT_EQ(first_line(" \t\n"), "");
  EXPECT_EQ(shorten_utf8("short", 10), "short");
  EXPECT_EQ(shorten_utf8("héllo", 2), "h…");
  EXPECT_EQ(shorten_utf8("héllo", 3), "hé…");
}

}  // namespace
}  // namespace assay::sarif
