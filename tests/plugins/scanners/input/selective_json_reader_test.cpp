#include "selective_json_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "text_position.h"

namespace assay::input {
namespace {

using nlohmann::json;

struct Captured {
  std::string path;
  json value;
};

// Captures every element of items[], skips everything else.
JsonReadResult capture_items(std::string_view text, std::vector<Captured>& out, size_t stop_after = 0) {
  const JsonSelector select = [](const JsonPath& p, ValueKind kind) {
    if (p.empty()) return Selection::descend;
    if (p.matches({"items"})) return kind == ValueKind::array ? Selection::descend : Selection::capture;
    if (p.matches({"items", JsonPath::kAnyIndex})) return Selection::capture;
    return Selection::skip;
  };
  const JsonSink sink = [&](const JsonPath& p, json&& value) {
    out.push_back({p.str(), std::move(value)});
    return stop_after == 0 || out.size() < stop_after;
  };
  return read_json_selectively(text, select, sink);
}

TEST(SelectiveJsonReader, CapturesSelectedPartsWithTheirPaths) {
  std::vector<Captured> got;
  const auto result = capture_items(
      R"({"meta": {"big": [1, 2, 3]}, "items": [{"a": [1, {"b": null}]}, "text", 7, [true, false]], "tail": 1})",
      got);
  ASSERT_TRUE(result.ok()) << result.error->message;
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].path, "items[0]");
  EXPECT_EQ(got[0].value, json::parse(R"({"a": [1, {"b": null}]})"));
  EXPECT_EQ(got[1].path, "items[1]");
  EXPECT_EQ(got[1].value, "text");
  EXPECT_EQ(got[2].value, 7);
  EXPECT_EQ(got[3].path, "items[3]");
  EXPECT_EQ(got[3].value, json::parse("[true, false]"));
}

TEST(SelectiveJsonReader, CapturesANonArrayWhereAnArrayWasExpected) {
  std::vector<Captured> got;
  ASSERT_TRUE(capture_items(R"({"items": {"not": "a list"}})", got).ok());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].path, "items");
  EXPECT_TRUE(got[0].value.is_object());
}

TEST(SelectiveJsonReader, TruncatedTextNamesWhereReadingStopped) {
  std::vector<Captured> got;
  const std::string text = "{\"items\": [\n  {\"a\": 1},\n  {\"a\": [1, {\"b\": ";
  const auto result = capture_items(text, got);
  ASSERT_TRUE(result.error.has_value());
  EXPECT_EQ(result.error->path, "items[1].a[1].b");
  EXPECT_EQ(result.error->line, 3u);
  EXPECT_EQ(result.error->offset, text.size());
  EXPECT_EQ(result.error->column, 19u);  // just after the 18 bytes of line 3
  EXPECT_NE(result.error->message.find("unexpected end of input"), std::string::npos)
      << result.error->message;
  EXPECT_EQ(result.error->message.find("json.exception"), std::string::npos) << result.error->message;
  // What was complete before the cut was delivered.
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].path, "items[0]");
}

TEST(SelectiveJsonReader, SyntaxErrorPointsAtTheBadToken) {
  std::vector<Captured> got;
  const auto result = capture_items("{\"items\": [1,\n 2,, 3]}", got);
  ASSERT_TRUE(result.error.has_value());
  EXPECT_EQ(result.error->line, 2u);
  EXPECT_EQ(result.error->column, 4u);  // the second comma
  EXPECT_EQ(result.error->path, "items");
}

TEST(SelectiveJsonReader, RejectsTrailingTextAndInvalidUtf8) {
  std::vector<Captured> got;
  auto trailing = capture_items(R"({"items": []} {"items": []})", got);
  ASSERT_TRUE(trailing.error.has_value());
  EXPECT_EQ(trailing.error->path, "(top level)");
  auto bad_utf8 = capture_items("{\"items\": [\"\xff\"]}", got);
  ASSERT_TRUE(bad_utf8.error.has_value());
  EXPECT_EQ(bad_utf8.error->path, "items");
}

TEST(SelectiveJsonReader, RefusesNestingBeyondTheLimit) {
  std::string text = "{\"items\": [";
  for (int i = 0; i < 300; ++i) text += "[";
  // The object is depth 1, the items array 2: the 199th bracket after them is depth 201.
  const size_t first_too_deep = text.size() - 300 + 198;
  for (int i = 0; i < 300; ++i) text += "]";
  text += "]}";
  std::vector<Captured> got;
  const auto result = capture_items(text, got);
  ASSERT_TRUE(result.error.has_value());
  EXPECT_NE(result.error->message.find("deeper than 200 levels"), std::string::npos) << result.error->message;
  EXPECT_EQ(result.error->offset, first_too_deep);
  EXPECT_EQ(result.error->column, first_too_deep + 1);
}

TEST(SelectiveJsonReader, SinkCanStopReading) {
  std::vector<Captured> got;
  const auto result = capture_items(R"({"items": [1, 2, 3, 4]})", got, 2);
  EXPECT_TRUE(result.stopped);
  EXPECT_FALSE(result.error.has_value());
  EXPECT_EQ(got.size(), 2u);
}

TEST(SelectiveJsonReader, ReadsAWholeDocument) {
  JsonReadError error;
  auto document = read_json_document(R"({"a": [1, 2.5, "x", {"b": false}]})", error);
  ASSERT_TRUE(document.has_value());
  EXPECT_EQ((*document)["a"][1], 2.5);
  EXPECT_FALSE(read_json_document("[1, 2", error).has_value());
  EXPECT_EQ(error.path, "(top level)");
  auto scalar = read_json_document("  42 ", error);
  ASSERT_TRUE(scalar.has_value());
  EXPECT_EQ(*scalar, 42);
}

TEST(TextPosition, CountsLinesAndColumnsInBytes) {
  EXPECT_EQ(position_of("abc", 0).line, 1u);
  EXPECT_EQ(position_of("abc", 0).column, 1u);
  EXPECT_EQ(position_of("ab\ncd", 3).line, 2u);
  EXPECT_EQ(position_of("ab\ncd", 3).column, 1u);
  EXPECT_EQ(position_of("ab\ncd", 4).column, 2u);
  EXPECT_EQ(position_of("ab\ncd", 99).column, 3u);
}

TEST(DescribeJsonType, NamesTypesInWords) {
  EXPECT_EQ(describe_json_type(json()), "null");
  EXPECT_EQ(describe_json_type(json::array()), "an array");
  EXPECT_EQ(describe_json_type(json(1.5)), "a number");
  EXPECT_EQ(describe_json_type(json("x")), "a string");
}

}  // namespace
}  // namespace assay::input
