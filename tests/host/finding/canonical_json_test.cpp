// is_compact_json_object: true exactly for text the parse-and-dump round
// trip of a finding's details would leave unchanged (within its rules).
#include "finding/canonical_json.h"

#include <gtest/gtest.h>

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace assay {
namespace {

// Whatever the check accepts, the round trip must give back unchanged.
void expect_round_trip_keeps(const std::string& text) {
  EXPECT_EQ(nlohmann::json::parse(text).dump(), text) << text;
}

TEST(CompactJsonObject, AcceptsWhatTheWriterWrites) {
  const std::vector<std::string> accepted = {
      R"({})",
      R"({"a":1})",
      R"({"":null,"a":true,"b":false})",
      R"({"comment":"line","language":"cpp","origin":{"author":"Ann","commit":null,"state":"committed","time":"2024-01-02T03:04:05Z"},"owner":"","reference":"#12","tag":"TODO","text":"fix it"})",
      R"({"a":[1,-2,0,[],{}],"b":[{"x":"y"}]})",
      R"({"esc":"quote \" backslash \\ tab \t nl \n cr \r bs \b ff \f ctl \u0001 \u001f"})",
      "{\"utf8\":\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 del \x7F\"}",
      R"({"big":999999999999999999,"neg":-999999999999999999})",
      R"({"A":1,"B":2,"a":3,"b":4})",
      R"({"commits":4,"hotspot":0.5,"score":-2.25,"x":[1.0,1e+100,1e-05,123456.789]})",
  };
  for (const auto& text : accepted) {
    EXPECT_TRUE(is_compact_json_object(text)) << text;
    expect_round_trip_keeps(text);
  }
}

TEST(CompactJsonObject, RefusesOtherFormsOfValidJson) {
  // Each is valid JSON whose round trip changes it, so the host must not
  // keep it as it is.
  const std::vector<std::string> refused = {
      R"( {"a":1})",          // whitespace
      R"({"a": 1})",          // whitespace
      R"({"b":1,"a":2})",     // keys out of order
      R"({"a":1,"a":2})",     // repeated key
      R"({"\u0061":1})",      // escaped key
      R"({"a":"\/"})",        // escape the writer does not use
      R"({"a":"\u0041"})",    // escape of a printable character
      R"({"a":"\u000a"})",    // control character with a short form
      R"({"a":"\u001F"})",    // upper-case hex
      R"({"a":1e3})",         // exponent
      R"({"a":-0})",          // negative zero
      R"({"a":1.50})",        // a trailing zero
      R"({"a":1E+100})",      // upper-case exponent
      R"({"a":0.1000000000000000055511151231257827})",  // more digits than the shortest form
  };
  for (const auto& text : refused) {
    EXPECT_FALSE(is_compact_json_object(text)) << text;
    EXPECT_NE(nlohmann::json::parse(text).dump(), text) << text;
  }
  // Long integers are not judged: the round trip may or may not keep them,
  // so the host always makes it.
  EXPECT_FALSE(is_compact_json_object(R"({"a":1234567890123456789})"));
}

TEST(CompactJsonObject, AcceptsANumberExactlyWhenTheRoundTripKeepsIt) {
  // Whatever the check says about a number, parse-and-dump agrees.
  for (const char* number : {"0.5", "1.5", "1.0", "-0.0", "0.0", "2.0", "1e+100", "1e100", "1e-05", "0.00001",
                             "1.5e3", "1500.0", "3.14159", "3.141590", "0.1", "0.30000000000000004", "1e308",
                             "-1.25e-7", "123456789012345678.0", "1.7976931348623157e+308", "5e-324", "1.",
                             ".5", "1.e5", "1e", "1e+", "--1.0", "1.0.0", "+1.0", "0e0", "00.5"}) {
    const std::string text = std::string("{\"n\":") + number + "}";
    const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    const bool kept = !parsed.is_discarded() && parsed.dump() == text;
    EXPECT_EQ(is_compact_json_object(text), kept) << text;
  }
}

TEST(CompactJsonObject, RefusesWhatIsNotOneJsonObject) {
  const std::vector<std::string> refused = {
      "",        "[]",         "\"a\"",       "1",          "{",         "{\"a\":1}x", "{\"a\":1}{}",
      "{\"a\"}", "{\"a\":}",   "{\"a\":01}",  "{\"a\":tru}", "{\"a\":[1,]}", "{\"a\":1,}",
      "{\"a\":\"\x01\"}",      // raw control character
      "{\"a\":\"\xC3\"}",      // cut-short UTF-8
      "{\"a\":\"\xC0\xAF\"}",  // overlong form
      "{\"a\":\"\xED\xA0\x80\"}",  // surrogate
      "{\"a\":\"unterminated}",
  };
  for (const auto& text : refused) EXPECT_FALSE(is_compact_json_object(text)) << text;
}

TEST(CompactJsonObject, RefusesNestingDeeperThanItsLimit) {
  std::string deep;
  for (int i = 0; i < 65; ++i) deep += "{\"a\":";
  deep += "1";
  for (int i = 0; i < 65; ++i) deep += "}";
  EXPECT_FALSE(is_compact_json_object(deep));
  EXPECT_TRUE(is_compact_json_object(deep.substr(5, deep.size() - 6)));  // 64 deep
}

}  // namespace
}  // namespace assay

namespace assay {
namespace {

TEST(CompactMember, FindsTheTextOfATopLevelMember) {
  const std::string text =
      R"({"a":{"origin":1},"origin":{"state":"committed","time":"2024-01-02T03:04:05Z"},"z":"origin"})";
  const CompactMember member = find_compact_member(text, "origin");
  ASSERT_TRUE(member.compact);
  ASSERT_TRUE(member.value.has_value());
  EXPECT_EQ(*member.value, R"({"state":"committed","time":"2024-01-02T03:04:05Z"})");
  EXPECT_EQ(find_compact_member(text, "z").value, std::optional<std::string_view>(R"("origin")"));
}

TEST(CompactMember, TellsAMissingMemberFromTextThatMustBeParsed) {
  // Only nested: not a top-level member.
  const CompactMember nested = find_compact_member(R"({"a":{"origin":1}})", "origin");
  EXPECT_TRUE(nested.compact);
  EXPECT_FALSE(nested.value.has_value());
  const CompactMember spaced = find_compact_member(R"({"origin": 1})", "origin");
  EXPECT_FALSE(spaced.compact);
  EXPECT_FALSE(spaced.value.has_value());
}

TEST(CompactMember, FindsSeveralMembersInOnePass) {
  const std::string text = R"({"author":"Ann","commit":"ab12","state":"committed","x":{"time":1}})";
  const std::array<std::string_view, 3> keys = {"state", "time", "author"};
  std::array<std::optional<std::string_view>, 3> values;
  ASSERT_TRUE(find_compact_members(text, keys, values));
  EXPECT_EQ(values[0], std::optional<std::string_view>(R"("committed")"));
  EXPECT_FALSE(values[1].has_value());  // only nested
  EXPECT_EQ(values[2], std::optional<std::string_view>(R"("Ann")"));
  // Text that must be parsed leaves every value empty.
  EXPECT_FALSE(find_compact_members(R"({"state": "x"})", keys, values));
  EXPECT_FALSE(values[0].has_value());
  std::array<std::optional<std::string_view>, 2> too_few;
  EXPECT_FALSE(find_compact_members(text, keys, too_few));
}

}  // namespace
}  // namespace assay
