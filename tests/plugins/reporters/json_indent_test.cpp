// The json reporter's one-pass layout against nlohmann's parse and dump: for
// every text it accepts the bytes must be the same, and every text
// nlohmann's compact dump writes must be accepted.
#include "json_indent.h"

#include "canonical_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>

namespace assay::reporters {
namespace {

using nlohmann::ordered_json;

// What the reporter wrote before the one-pass layout: parse, dump with the
// indent, and indent continuation lines by `depth` levels.
std::optional<std::string> reference(std::string_view text, int indent, int depth) {
  ordered_json parsed = ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return std::nullopt;
  const std::string dumped = parsed.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
  std::string out;
  for (char c : dumped) {
    out += c;
    if (c == '\n') out.append(static_cast<size_t>(indent * depth), ' ');
  }
  return out;
}

std::optional<std::string> indented(std::string_view text, int indent, int depth) {
  JsonIndenter indenter;
  std::string out = "before";
  if (!indenter.append(out, text, indent, depth)) {
    EXPECT_EQ(out, "before") << "a refused text leaves the output alone";
    return std::nullopt;
  }
  return out.substr(6);
}

// Accepted text must come out as nlohmann lays it out.
void expect_same_when_accepted(std::string_view text) {
  for (int indent : {1, 2, 4}) {
    for (int depth : {0, 2}) {
      const auto ours = indented(text, indent, depth);
      if (!ours) continue;
      const auto theirs = reference(text, indent, depth);
      ASSERT_TRUE(theirs.has_value()) << "accepted what nlohmann cannot parse: " << text;
      ASSERT_EQ(*ours, *theirs) << text;
    }
  }
}

void expect_accepted_and_same(std::string_view text) {
  ASSERT_TRUE(indented(text, 2, 2).has_value()) << text;
  expect_same_when_accepted(text);
}

TEST(JsonIndenter, LaysOutAnItemLikeNlohmann) {
  const std::string item =
      R"({"key":"TD-001","title":"FIXME: \"quoted\" \\ tab\t","location":{"path":"a/b.c","line_start":3,)"
      R"("line_end":4},"effort_hours":1.5,"severity":null,"tags":["marker","fixme"],"empty":{},"none":[],)"
      R"("flag":true,"off":false,"nested":[[1,[2,{}]],{"a":[]}],"details":{"comment":"line","owner":""},)"
      R"("score":-0.25,"big":1e+20,"small":1e-05,"neg":-17,"zero":0,"unicode":"ünï \u0001 …"})";
  expect_accepted_and_same(item);
  EXPECT_EQ(*indented(R"({"a":[1,{}],"b":{"c":null}})", 2, 1),
            "{\n    \"a\": [\n      1,\n      {}\n    ],\n    \"b\": {\n      \"c\": null\n    }\n  }");
}

TEST(JsonIndenter, TopLevelScalarsAndEmptyContainers) {
  for (const char* text : {"{}", "[]", "1", "\"x\"", "null", "[[]]", "{\"a\":{}}", "-5", "0.5"})
    expect_accepted_and_same(text);
}

TEST(JsonIndenter, RefusesWhatNlohmannWouldWriteDifferently) {
  for (const char* text : {
           "{ \"a\":1}",              // whitespace
           "{\"a\":1} ",              // trailing whitespace
           "{\"a\":1,\"a\":2}",       // repeated key: nlohmann keeps one
           "{\"a\":\"\\/\"}",         // escape nlohmann does not write
           "{\"a\":\"\\u0041\"}",     // A written as an escape
           "{\"a\":\"\\u000a\"}",     // newline nlohmann writes as \n
           "{\"a\":\"\\u001F\"}",     // upper-case hex
           "{\"a\":1.50}",            // not the shortest form: printed anew, so accepted
           "{\"a\":-0}",              // nlohmann prints 0
           "{\"a\":12345678901234567890}",  // beyond 64 bits: nlohmann turns it into a double
           "{\"a\":1e400}",           // out of range
           "{\"a\":01}",              // not JSON
           "{\"a\":1.}",              // not JSON
           "{\"a\":.5}",              // not JSON
           "{\"a\":tru}",             // not JSON
           "{\"a\":1",                // unterminated
           "{\"a\":\"\x80\"}",        // invalid UTF-8
           "{\"a\":\"\xC0\xAF\"}",    // overlong
           "{\"a\":\"\xED\xA0\x80\"}",  // surrogate
           "{\"a\":\"raw\ttab\"}",    // raw control character
           "{\"a\":1}{}",             // two documents
           "{\"a\" :1}",              // whitespace before the colon
           "[1,]",                    // trailing comma
           "",                        // nothing
       }) {
    expect_same_when_accepted(text);
  }
  EXPECT_FALSE(indented("{ \"a\":1}", 2, 0));
  EXPECT_FALSE(indented("{\"a\":1,\"a\":2}", 2, 0));
  EXPECT_FALSE(indented("{\"a\":-0}", 2, 0));
  EXPECT_FALSE(indented("{\"a\":\"\\u0041\"}", 2, 0));
  EXPECT_EQ(*indented("{\"a\":1.50}", 2, 0), "{\n  \"a\": 1.5\n}");
  EXPECT_EQ(*indented("{\"a\":1E2}", 2, 0), "{\n  \"a\": 100.0\n}");
}

// Random documents, dumped compactly by nlohmann, must all be accepted and
// laid out the same; random damage to them must never produce a difference.
class RandomDocuments {
 public:
  explicit RandomDocuments(uint32_t seed) : rng_(seed) {}

  ordered_json value(int depth) {
    switch (pick(depth > 4 ? 5 : 7)) {
      case 0:
        return nullptr;
      case 1:
        return pick(2) == 0;
      case 2:
        return static_cast<int64_t>(rng_()) - (1LL << 31);
      case 3:
        return number();
      case 4:
        return text();
      case 5: {
        ordered_json array = ordered_json::array();
        for (int i = pick(4); i > 0; --i) array.push_back(value(depth + 1));
        return array;
      }
      default: {
        ordered_json object = ordered_json::object();
        for (int i = pick(5); i > 0; --i) object[text()] = value(depth + 1);
        return object;
      }
    }
  }

  std::string damaged(std::string text) {
    if (text.empty()) return text;
    const size_t at = static_cast<size_t>(pick(static_cast<int>(text.size())));
    static const char kBytes[] = " \t\n\",:{}[]\\0-1.eE\x80\xC3u";
    const char byte = kBytes[pick(sizeof(kBytes) - 1)];
    switch (pick(3)) {
      case 0:
        text.insert(at, 1, byte);
        break;
      case 1:
        text[at] = byte;
        break;
      default:
        text.erase(at, 1);
    }
    return text;
  }

 private:
  int pick(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }

  double number() {
    switch (pick(4)) {
      case 0:
        return pick(1000) / 4.0;
      case 1:
        return std::ldexp(static_cast<double>(rng_()), pick(200) - 100);
      case 2:
        return -static_cast<double>(rng_()) / 7.0;
      default:
        return pick(100) / 100.0;
    }
  }

  std::string text() {
    static const char* const kPieces[] = {"a", "key", "\"", "\\", "\n", "\t", "\x01", "\x1f", "/", "é",
                                          "…", "\U0001F600", " ", "\x7f", "\b", "\f", "\r", "z"};
    std::string s;
    for (int i = pick(6); i > 0; --i) s += kPieces[pick(sizeof(kPieces) / sizeof(kPieces[0]))];
    return s;
  }

  std::mt19937 rng_;
};

TEST(JsonIndenter, RandomDocumentsMatchNlohmann) {
  RandomDocuments random(20261125);
  for (int i = 0; i < 2000; ++i) {
    const std::string text = random.value(0).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    expect_accepted_and_same(text);
    for (int d = 0; d < 3; ++d) expect_same_when_accepted(random.damaged(text));
  }
}

TEST(JsonIndenter, OneIndenterLaysOutManyTextsAlike) {
  // Remembered numbers and reused buffers must not leak from one text into
  // the next.
  RandomDocuments random(7);
  JsonIndenter indenter;
  for (int i = 0; i < 3000; ++i) {
    const std::string text = random.value(0).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    std::string out;
    ASSERT_TRUE(indenter.append(out, text, 2, 1)) << text;
    ASSERT_EQ(out, *reference(text, 2, 1)) << text;
    const std::string damaged = random.damaged(text);
    std::string damaged_out;
    if (indenter.append(damaged_out, damaged, 2, 1)) {
      ASSERT_EQ(damaged_out, reference(damaged, 2, 1)) << damaged;
    }
  }
}

std::string canonical(std::string_view text, int indent, int depth) {
  std::string out = "before";
  append_canonical_layout(out, text, indent, depth);
  EXPECT_EQ(out.rfind("before", 0), 0u) << "appends, never overwrites";
  return out.substr(6);
}

void expect_canonical_same(std::string_view text) {
  for (int indent : {1, 2, 4}) {
    for (int depth : {0, 1, 2}) ASSERT_EQ(canonical(text, indent, depth), *reference(text, indent, depth)) << text;
  }
}

// The layout of text the host vouches for: every compact dump comes out as
// nlohmann lays it out, without being checked.
TEST(CanonicalLayout, RandomCompactDumpsMatchNlohmann) {
  RandomDocuments random(20261126);
  for (int i = 0; i < 2000; ++i)
    expect_canonical_same(random.value(0).dump(-1, ' ', false, ordered_json::error_handler_t::replace));
}

TEST(CanonicalLayout, StructureInsideStringsIsText) {
  for (const char* text : {R"({"a{":"}]","b,":[":",",","\\"],"c\"":"\\\\","d":{},"e":[],"f":[{},[]]})",
                           R"({"x":[[],{},[[]],{"y":{}}],"z":"\u001f\"\\"})", R"([])", R"({})", R"("s")",
                           R"(-1.5e-07)", R"({"k":null,"t":true,"f":false,"n":-0.0})"}) {
    const std::string dumped = ordered_json::parse(text).dump();
    expect_canonical_same(dumped);
  }
  EXPECT_EQ(canonical(R"({"a":[1,{"b":"x,y"}],"c":{}})", 2, 1),
            "{\n    \"a\": [\n      1,\n      {\n        \"b\": \"x,y\"\n      }\n    ],\n    \"c\": {}\n  }");
}

// Unbalanced text is outside the contract; it must still not break the pass.
TEST(CanonicalLayout, TextThatIsNoDumpDoesNotCrash) {
  for (const char* text : {"}}]]", "{\"a\":\"unterminated", "\"\\", "[", "]]]{"}) canonical(text, 2, 0);
}

}  // namespace
}  // namespace assay::reporters
