// A findings cache row written without a document is byte for byte what
// main's rows were: nlohmann::json of each Finding::to_json() in an array,
// dumped compactly with invalid UTF-8 replaced. The store compares the two
// texts, so any difference would rewrite every row of an unchanged tree.
#include "scan/findings_row_text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

namespace assay::scan {
namespace {

std::string dom_text(const std::vector<Finding>& findings) {
  nlohmann::json array = nlohmann::json::array();
  for (const Finding& f : findings) array.push_back(f.to_json());
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written_text(const std::vector<Finding>& findings) {
  std::string out = "[";
  for (size_t i = 0; i < findings.size(); ++i) {
    if (i > 0) out += ',';
    append_finding_json(out, findings[i]);
  }
  return out + "]";
}

// A marker finding as the markers scanner emits it.
Finding marker() {
  Finding f;
  f.source = "markers";
  f.rule = "FIXME";
  f.title = "FIXME: retry the socket";
  f.category = "technical-debt";
  f.path = "src/net/socket.c";
  f.line_start = 12;
  f.line_end = 14;
  f.evidence = "FIXME: retry the socket\nwhen the peer resets";
  f.effort_hours = 1.5;
  f.confidence = 0.9;
  f.tags = {"marker", "fixme"};
  f.details_json = R"({"comment":"line","language":"c","owner":"","tag":"FIXME"})";
  return f;
}

TEST(FindingsRowText, AMarkerFindingIsWrittenAsTheDocumentDumpsIt) {
  const Finding f = marker();
  EXPECT_EQ(written_text({f}),
            R"([{"category":"technical-debt","confidence":0.9,"cvss":null,)"
            R"("details":{"comment":"line","language":"c","owner":"","tag":"FIXME"},)"
            R"("effort_hours":1.5,"evidence":"FIXME: retry the socket\nwhen the peer resets","identity":"",)"
            R"("line_end":14,"line_start":12,"path":"src/net/socket.c","rule":"FIXME","severity":"",)"
            R"("source":"markers","tags":["marker","fixme"],"title":"FIXME: retry the socket"}])");
  EXPECT_EQ(written_text({f}), dom_text({f}));
}

TEST(FindingsRowText, AnEmptyFileHasAnEmptyArray) { EXPECT_EQ(written_text({}), "[]"); }

TEST(FindingsRowText, EmptyAndAbsentFieldsAreWrittenAsTheDocumentDumpsThem) {
  Finding f;  // every string empty, no numbers, no tags, no details
  EXPECT_EQ(written_text({f}),
            R"([{"category":"","confidence":null,"cvss":null,"details":null,"effort_hours":null,)"
            R"("evidence":"","identity":"","line_end":0,"line_start":0,"path":"","rule":"","severity":"",)"
            R"("source":"","tags":[],"title":""}])");
  EXPECT_EQ(written_text({f}), dom_text({f}));
}

TEST(FindingsRowText, EscapesUnicodeAndInvalidUtf8MatchTheDocument) {
  Finding f = marker();
  f.title = "quote \" backslash \\ tab \t cr \r ff \f bs \b controls \x01\x1f del \x7f";
  f.evidence = "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 /slash/";
  f.path = "bad\xff" "byte\xc3" "cut";                 // a stray byte and a cut sequence
  f.identity = "\xed\xa0\x80 surrogate, \xc0\xaf overlong";  // both invalid in UTF-8
  f.tags = {"", "\xe2\x82", "ok"};
  EXPECT_EQ(written_text({f}), dom_text({f}));
  const std::string text = written_text({f});
  EXPECT_NE(text.find(R"("quote \" backslash \\ tab \t cr \r ff \f bs \b controls \u0001\u001f del )"),
            std::string::npos);
  EXPECT_NE(text.find("bad\xef\xbf\xbd"), std::string::npos);  // U+FFFD
}

TEST(FindingsRowText, NumbersAreTheShortestTextsTheDocumentPrints) {
  Finding f = marker();
  f.line_start = 0;
  f.line_end = std::numeric_limits<uint32_t>::max();
  for (double v : {0.0, -0.0, 1.0, 0.1, 1e20, 1e-7, 123456.789, 10000.0}) {
    f.effort_hours = v;
    f.confidence = v / 3;
    f.cvss = v * 7;
    EXPECT_EQ(written_text({f}), dom_text({f})) << v;
  }
  f.effort_hours = 2.0;
  EXPECT_NE(written_text({f}).find(R"("effort_hours":2.0,)"), std::string::npos);
  EXPECT_NE(written_text({f}).find(R"("line_end":4294967295,)"), std::string::npos);
}

TEST(FindingsRowText, DetailsNotInCompactFormAreRewrittenAsTheDocumentDoes) {
  Finding f = marker();
  for (const char* details : {R"({ "b": 1, "a": [1, 2.50, {"z": null, "y": true}] })", R"({"x":1.0})",
                              R"({"a":"\u00e9\/"})", R"({"n":-0,"m":1E3})", "{}", R"({"d":{"b":1,"a":2}})"}) {
    f.details_json = details;
    EXPECT_EQ(written_text({f}), dom_text({f})) << details;
  }
  f.details_json = R"({"b": 1, "a": 2})";
  EXPECT_NE(written_text({f}).find(R"("details":{"a":2,"b":1},)"), std::string::npos);
}

TEST(FindingsRowText, DetailsThatAreNotJsonThrowAsTheDocumentDoes) {
  Finding f = marker();
  f.details_json = "{not json";
  std::string out;
  EXPECT_THROW(append_finding_json(out, f), nlohmann::json::exception);
  EXPECT_THROW(f.to_json(), nlohmann::json::exception);
}

TEST(FindingsRowText, SeveralFindingsAreSeparatedByCommas) {
  Finding a = marker();
  Finding b = marker();
  b.line_start = b.line_end = 40;
  b.severity = "high";
  b.cvss = 7.5;
  b.details_json.clear();
  EXPECT_EQ(written_text({a, b, a}), dom_text({a, b, a}));
}

}  // namespace
}  // namespace assay::scan
