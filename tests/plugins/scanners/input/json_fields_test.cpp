#include "json_fields.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace assay::input {
namespace {

using nlohmann::json;

const JsonPath kAt = JsonPath().child("runs").child(0);

TEST(JsonFields, AbsentAndNullAreNotSet) {
  const json object = json::parse(R"({"a": null})");
  EXPECT_FALSE(string_field(object, "a", kAt).has_value());
  EXPECT_FALSE(string_field(object, "b", kAt).has_value());
  EXPECT_EQ(object_field(object, "a", kAt), nullptr);
}

TEST(JsonFields, WrongTypesNameTheField) {
  const json object = json::parse(R"({"name": 3, "list": {}, "count": -1, "score": "high"})");
  try {
    string_field(object, "name", kAt);
    FAIL() << "no error";
  } catch (const FieldError& error) {
    EXPECT_EQ(error.path(), "runs[0].name");
    EXPECT_EQ(error.problem(), "must be a string, got a number");
    EXPECT_STREQ(error.what(), "runs[0].name: must be a string, got a number");
  }
  EXPECT_THROW(array_field(object, "list", kAt), FieldError);
  EXPECT_THROW(count_field(object, "count", kAt), FieldError);
  EXPECT_THROW(number_or_numeric_string(object, "score", kAt), FieldError);
  EXPECT_THROW(require_object(json::array(), kAt), FieldError);
}

TEST(JsonFields, ReadsNumbersWrittenAsText) {
  const json object = json::parse(R"({"a": "7.5", "b": 9.8, "c": "", "d": "1e400"})");
  EXPECT_DOUBLE_EQ(*number_or_numeric_string(object, "a", kAt), 7.5);
  EXPECT_DOUBLE_EQ(*number_or_numeric_string(object, "b", kAt), 9.8);
  EXPECT_THROW(number_or_numeric_string(object, "c", kAt), FieldError);
  EXPECT_THROW(number_or_numeric_string(object, "d", kAt), FieldError);
}

TEST(JsonFields, CountsAcceptWholeFloats) {
  const json object = json::parse(R"({"a": 3, "b": 4.0, "c": 4.5, "d": true})");
  EXPECT_EQ(*count_field(object, "a", kAt), 3u);
  EXPECT_EQ(*count_field(object, "b", kAt), 4u);
  EXPECT_THROW(count_field(object, "c", kAt), FieldError);
  EXPECT_THROW(count_field(object, "d", kAt), FieldError);
  EXPECT_EQ(*bool_field(json::parse(R"({"x": true})"), "x", kAt), true);
}

}  // namespace
}  // namespace assay::input
