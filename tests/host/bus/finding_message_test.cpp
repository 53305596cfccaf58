#include "bus/finding_message.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "bus/topics.h"

namespace assay::bus {
namespace {

Finding sample_finding() {
  Finding f;
  f.source = "markers";
  f.rule = "unicode-input";
  f.title = "Fix the parser";
  f.category = "technical-debt";
  f.path = "src/parse.cpp";
  f.line_start = 12;
  f.line_end = 14;
  f.evidence = "parser handles only ASCII";
  f.effort_hours = 2.5;
  f.confidence = 0.8;
  f.severity = "medium";
  f.tags = {"parser", "unicode"};
  f.identity = "abc123";
  f.details_json = R"({"lexer":"ascii"})";
  return f;
}

TEST(FindingMessage, FindingRoundTripsWithSchema) {
  const Finding original = sample_finding();
  const std::string payload = encode_finding(original);
  EXPECT_EQ(nlohmann::json::parse(payload).at("schema"), kSchemaVersion);
  const Finding back = decode_finding(payload);
  EXPECT_EQ(back.source, original.source);
  EXPECT_EQ(back.rule, original.rule);
  EXPECT_EQ(back.title, original.title);
  EXPECT_EQ(back.path, original.path);
  EXPECT_EQ(back.line_start, 12u);
  EXPECT_EQ(back.line_end, 14u);
  EXPECT_EQ(back.effort_hours, 2.5);
  EXPECT_EQ(back.confidence, 0.8);
  EXPECT_FALSE(back.cvss.has_value());
  EXPECT_EQ(back.tags, original.tags);
  EXPECT_EQ(nlohmann::json::parse(back.details_json), nlohmann::json::parse(original.details_json));
}

TEST(FindingMessage, InvalidUtf8IsReplacedNotFatal) {
  Finding f = sample_finding();
  f.evidence = std::string("bad \xff\xfe byte");
  const Finding back = decode_finding(encode_finding(f));
  EXPECT_NE(back.evidence.find("bad "), std::string::npos);
}

void expect_rejected(const std::string& payload, const std::string& fragment, bool done) {
  try {
    if (done) {
      decode_done(payload);
    } else {
      decode_finding(payload);
    }
    FAIL() << "accepted: " << payload;
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(FindingMessage, MalformedFindingsNameTheProblem) {
  expect_rejected("{not json", "not valid JSON", false);
  expect_rejected("[1,2]", "not a JSON object", false);
  expect_rejected(R"({"source":"a","rule":"r","title":"t"})", "'schema'", false);
  expect_rejected(R"({"schema":99,"source":"a","rule":"r","title":"t"})", "schema 99", false);
  expect_rejected(R"({"schema":1,"source":"a","rule":"r"})", "malformed", false);
  expect_rejected(R"({"schema":1,"source":"a","rule":"r","title":"t","line_start":"x"})", "malformed", false);
}

// Found by fuzz_finding: a float or negative line number used to be cast to
// uint32_t (undefined for 1e20, wrapping for -1).
TEST(FindingMessage, LineNumbersOutOfRangeAreRejected) {
  for (const char* line : {"1e20", "-1", "2.5", "4294967296", "true"}) {
    const std::string payload =
        std::string(R"({"schema":1,"source":"a","rule":"r","title":"t","line_start":)") + line + "}";
    expect_rejected(payload, "line_start", false);
  }
  const Finding last =
      decode_finding(R"({"schema":1,"source":"a","rule":"r","title":"t","line_end":4294967295})");
  EXPECT_EQ(last.line_end, 4294967295u);
}

TEST(FindingMessage, DoneRoundTrips) {
  const ScannerDone done{"secrets", "failed", "disk full", 42};
  const ScannerDone back = decode_done(encode_done(done));
  EXPECT_EQ(back.plugin, "secrets");
  EXPECT_EQ(back.status, "failed");
  EXPECT_EQ(back.error, "disk full");
  EXPECT_EQ(back.findings, 42u);
}

TEST(FindingMessage, MalformedDoneNamesTheProblem) {
  expect_rejected(R"({"schema":1,"status":"ok","findings":1})", "'plugin'", true);
  expect_rejected(R"({"schema":1,"plugin":"p","status":"great","findings":1})", "unknown status 'great'",
                  true);
  expect_rejected(R"({"schema":1,"plugin":"p","status":"ok","findings":-1})", "'findings'", true);
  expect_rejected(R"({"schema":1,"plugin":"p","status":"ok","findings":1,"error":5})", "'error'", true);
  EXPECT_THROW(encode_done(ScannerDone{"p", "maybe", "", 0}), std::invalid_argument);
}

}  // namespace
}  // namespace assay::bus
