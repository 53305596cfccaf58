// The compact reader of cached findings must give exactly what
// Finding::from_json gives for the host's own compact JSON, and refuse
// (so that nlohmann::json reads it) whatever it is not sure about.
#include "finding/compact_findings.h"

#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "finding/compact_json.h"
#include "expect_same_finding.h"

namespace assay {
namespace {

Finding sample() {
  Finding f;
  f.source = "markers";
  f.rule = "TODO";
  f.title = "TODO: caf\xC3\xA9 \"quoted\" back\\slash\ttab";
  f.category = "technical-debt";
  f.path = "src/a b.c";
  f.line_start = 3;
  f.line_end = 4294967295u;
  f.evidence = std::string("nul \0 and \x01 and \x1f", 19);
  f.effort_hours = 1.25;
  f.confidence = 0.1;
  f.severity = "low";
  f.tags = {"marker", "\xF0\x9F\x98\x80"};
  f.identity = "id";
  f.details_json = R"({"a":{"n":null,"t":true},"origin":{"state":"committed"},"z":[1,-2,"x\n"]})";
  return f;
}

// The text the findings cache stores for `findings`.
std::string cache_text(const std::vector<Finding>& findings) {
  nlohmann::json array = nlohmann::json::array();
  for (const Finding& f : findings) array.push_back(f.to_json());
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<Finding> slow(const std::string& text) {
  std::vector<Finding> out;
  for (const auto& j : nlohmann::json::parse(text)) out.push_back(Finding::from_json(j));
  return out;
}

// Reads `text` both ways and expects the same findings.
void expect_read_alike(const std::string& text) {
  std::vector<Finding> fast;
  ASSERT_TRUE(read_compact_findings(text, fast)) << text;
  const std::vector<Finding> reference = slow(text);
  ASSERT_EQ(fast.size(), reference.size());
  for (size_t i = 0; i < fast.size(); ++i) expect_same_finding(fast[i], reference[i]);
}

TEST(CompactFindings, ReadsWhatTheCacheWritesAsFromJsonDoes) {
  Finding bare;
  bare.source = "docs";
  bare.rule = "r";
  bare.title = "t";
  expect_read_alike(cache_text({sample(), bare}));
  expect_read_alike("[]");
}

TEST(CompactFindings, ReadsEscapesAndNumbersAsNlohmannDoes) {
  expect_read_alike(
      R"([{"source":"s","rule":"r","title":"\u00e9\ud83d\ude00\/\b\f\r","effort_hours":2,)"
      R"("confidence":-0,"cvss":7.5e0,"line_start":0,"extra":{"a":2,"b":1}}])");
  std::vector<Finding> fast;
  ASSERT_TRUE(read_compact_findings(R"([{"source":"s","rule":"r","title":"t","confidence":-0}])", fast));
  EXPECT_FALSE(std::signbit(*fast[0].confidence));  // the integer 0, as nlohmann keeps "-0"
}

TEST(CompactFindings, DetailsNotInDumpFormAreDumpedAgainByTheCaller) {
  // Each is valid JSON whose details dump() would write differently, or a
  // finding from_json refuses: the compact reader must leave them alone.
  for (const char* text : {
           R"([{"source":"s","rule":"r","title":"t","details":{"b":1,"a":2}}])",       // unsorted
           R"([{"source":"s","rule":"r","title":"t","details":{"a":1,"a":2}}])",       // repeated key
           R"([{"source":"s","rule":"r","title":"t","details":{"a":1.50}}])",          // a float
           R"([{"source":"s","rule":"r","title":"t","details":{"a":"\/"}}])",          // an escape dump() never writes
           R"([{"source":"s","rule":"r","title":"t","details":{"a":"\u0041"}}])",
           R"([{"source":"s","rule":"r","title":"t","details":{"a":"\u000a"}}])",
           R"([{"source":"s","rule":"r","title":"t","details":{"a":-0}}])",
           R"([{"source":"s","rule":"r","title":"t","details":{ "a":1}}])",            // whitespace
           R"([{"source":"s","rule":"r","title":"t","line_start":-1}])",               // from_json refuses
           R"([{"source":"s","rule":"r","title":"t","line_start":4294967296}])",
           R"([{"source":"s","rule":"r","title":"t","line_start":1.0}])",
           R"([{"source":"s","rule":"r","title":"t","category":null}])",
           R"([{"source":"s","rule":"r","title":"t","tags":["a",1]}])",
           R"([{"source":"s","rule":"r","title":"t","cvss":true}])",
           R"([{"source":"s","rule":"r","title":"t","rule":"again"}])",
           R"([{"source":"s","rule":"r"}])",                                           // no title
           R"([{"source":"s","rule":"r","title":"bad \xC3"}])",                         // invalid UTF-8
           R"([{"source":"s","rule":"r","title":"\ud800"}])",                          // lone surrogate
           R"([{"source":"s","rule":"r","title":"t"}] )",                              // trailing text
           R"([{"source":"s","rule":"r","title":"t"})",                                // cut short
           R"({"source":"s"})", R"([1])", ""}) {
    std::vector<Finding> out(1);
    EXPECT_FALSE(read_compact_findings(text, out)) << text;
    EXPECT_EQ(out.size(), 1u) << text;  // left as it was
  }
}

TEST(CompactJson, CanonicalValuesAreExactlyWhatDumpWrites) {
  for (const char* text : {R"({"a":[1,-9223372036854775808,18446744073709551615],"b":"\u001f\"\\"})",
                           R"([])", R"({})", R"("\u0000")", R"(true)", R"(null)"}) {
    CompactJsonReader in(text);
    std::string_view raw;
    ASSERT_TRUE(in.read_canonical(raw)) << text;
    EXPECT_TRUE(in.at_end());
    EXPECT_EQ(raw, nlohmann::json::parse(text).dump()) << text;
  }
  for (const char* text : {R"(-9223372036854775809)", R"(18446744073709551616)", R"("\u001F")", R"(01)"}) {
    CompactJsonReader in(text);
    std::string_view raw;
    EXPECT_FALSE(in.read_canonical(raw)) << text;
  }
}

}  // namespace
}  // namespace assay
