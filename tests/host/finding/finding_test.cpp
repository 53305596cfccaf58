// Finding::from_abi leaves a finding in the form the JSON round trip of the
// findings pipeline would: moving it in process as an object must not change
// what the scoring stage, fingerprints and reports see.
#include "finding/finding.h"

#include <assay/plugin.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bus/finding_message.h"
#include "expect_same_finding.h"

namespace assay {
namespace {

struct RawFinding {
  std::vector<const char*> tags = {"marker", "bad \xC3 tag"};
  assay_finding raw{};
  RawFinding() {
    raw.struct_size = sizeof(raw);
    raw.rule = "TODO";
    raw.title = "TODO: caf\xE9 au lait";  // Latin-1, not UTF-8
    raw.category = "technical-debt";
    raw.path = "src/\xFFname.c";
    raw.line_start = 3;
    raw.line_end = 2;
    raw.evidence = "TODO: fine \xE2\x80\xA6 and cut \xE2\x80";
    raw.effort_hours = 1.25;
    raw.confidence = -1;
    raw.severity = "low";
    raw.cvss = -1;
    raw.tags = tags.data();
    raw.tag_count = tags.size();
    raw.identity = "id \x80";
    raw.details_json = R"({ "z": [1, 2.50, "\u0041\/"], "a" : {"n": null} })";
  }
};

TEST(Finding, FromAbiIsAlreadyWhatTheJsonRoundTripGives) {
  RawFinding input;
  const Finding f = Finding::from_abi(input.raw, "markers");
  expect_same_finding(f, bus::decode_finding(bus::encode_finding(f)));
}

TEST(Finding, FromAbiReplacesInvalidUtf8) {
  RawFinding input;
  const Finding f = Finding::from_abi(input.raw, "markers");
  EXPECT_EQ(f.title, "TODO: caf\xEF\xBF\xBD au lait");
  EXPECT_EQ(f.path, "src/\xEF\xBF\xBDname.c");
  EXPECT_EQ(f.evidence, "TODO: fine \xE2\x80\xA6 and cut \xEF\xBF\xBD");
  EXPECT_EQ(f.tags, (std::vector<std::string>{"marker", "bad \xEF\xBF\xBD tag"}));
  EXPECT_EQ(f.identity, "id \xEF\xBF\xBD");
  EXPECT_EQ(f.line_end, 3u) << "never before line_start";
}

TEST(Finding, FromAbiKeepsDetailsInCompactSortedForm) {
  RawFinding input;
  const Finding f = Finding::from_abi(input.raw, "markers");
  EXPECT_EQ(f.details_json, R"({"a":{"n":null},"z":[1,2.5,"A/"]})");
  input.raw.details_json = "";
  EXPECT_EQ(Finding::from_abi(input.raw, "markers").details_json, "");
  input.raw.details_json = "[1]";
  EXPECT_THROW(Finding::from_abi(input.raw, "markers"), std::invalid_argument);
  // Already compact and sorted (what the markers scanner writes): kept.
  input.raw.details_json = R"({"origin":{"state":"uncommitted"},"tag":"TODO","text":"a \"b\" \u0001"})";
  EXPECT_EQ(Finding::from_abi(input.raw, "markers").details_json,
            R"({"origin":{"state":"uncommitted"},"tag":"TODO","text":"a \"b\" \u0001"})");
  // Compact but with a repeated key: the round trip decides what stays.
  input.raw.details_json = R"({"a":1,"a":2})";
  EXPECT_EQ(Finding::from_abi(input.raw, "markers").details_json, nlohmann::json::parse(R"({"a":1,"a":2})").dump());
  // Invalid UTF-8 inside is still refused.
  input.raw.details_json = "{\"a\":\"\xC3\"}";
  EXPECT_THROW(Finding::from_abi(input.raw, "markers"), std::invalid_argument);
}

}  // namespace
}  // namespace assay
