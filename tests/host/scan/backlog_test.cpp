// Fingerprints, ranking, keys and next-best selection of a scan's backlog.
#include "scan/backlog.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <tuple>
#include <nlohmann/json.hpp>

#include "scan/fingerprint.h"

namespace assay::scan {
namespace {

scoring::Model default_model() {
  YAML::Node config = YAML::LoadFile(std::string(ASSAY_SOURCE_DIR) + "/config/assay.yaml");
  return scoring::Model::from_yaml(config["scoring"], "developing");
}

Finding marker(const std::string& path, uint32_t line, const std::string& text, const std::string& category = "") {
  Finding f;
  f.source = "markers";
  f.rule = "TODO";
  f.title = "TODO: " + text;
  f.category = category;
  f.path = path;
  f.line_start = line;
  f.line_end = line;
  f.evidence = "TODO: " + text;
  return f;
}

std::vector<BacklogItem> scored(const std::vector<Finding>& findings) {
  scoring::Model model = default_model();
  std::vector<BacklogItem> items;
  for (const auto& f : findings) {
    BacklogItem item;
    item.finding = f;
    set_scores(item, model.score(f, scoring::FileContext{}));
    items.push_back(item);
  }
  return items;
}

// A held item (breakdown dropped) and one that kept its breakdown get the
// same composite under the assessed level; only the second gets a formula.
TEST(ReweightItem, GivesHeldAndKeptBreakdownsTheSameComposite) {
  const scoring::Model advanced = default_model().with_maturity_level("advanced");
  std::vector<BacklogItem> kept = scored({marker("src/a.c", 1, "x")});
  std::vector<BacklogItem> held = kept;
  drop_breakdown(held[0]);
  reweight_item(kept[0], advanced);
  reweight_item(held[0], advanced);
  // advanced .5/.1/.3/.1 on the debt marker of docs/scoring.md: 22.38
  EXPECT_DOUBLE_EQ(kept[0].scores.composite, 22.38);
  EXPECT_DOUBLE_EQ(held[0].scores.composite, 22.38);
  EXPECT_DOUBLE_EQ(kept[0].breakdown->composite.value, 22.38);
  EXPECT_EQ(held[0].breakdown, nullptr);
  EXPECT_EQ(breakdown_of(held[0], &advanced).composite.formula, kept[0].breakdown->composite.formula);
}

TEST(Fingerprint, IgnoresLineNumbersAndWhitespace) {
  Finding a = marker("src/a.c", 10, "retry  on\terror");
  Finding b = marker("src/a.c", 42, "retry on error");
  EXPECT_EQ(fingerprint(a, 0), fingerprint(b, 0));
  EXPECT_EQ(fingerprint(a, 0).size(), 32u);
}

// The value worked out by an independent implementation of the two FNV-1a
// halves over "markers", "TODO", "a.c", "TODO: x", "0", each followed by 0x1f.
TEST(Fingerprint, IsTheTwoHashHalvesInLowerCaseHex) {
  EXPECT_EQ(fingerprint(marker("a.c", 9, "x"), 0), "8255a3503e32849dbab1773beaa8c3e0");
}

TEST(Fingerprint, SeparatesPathRuleSourceAndOccurrence) {
  Finding a = marker("src/a.c", 1, "x");
  Finding other_path = marker("src/b.c", 1, "x");
  Finding other_rule = a;
  other_rule.rule = "FIXME";
  Finding other_source = a;
  other_source.source = "other";
  EXPECT_NE(fingerprint(a, 0), fingerprint(other_path, 0));
  EXPECT_NE(fingerprint(a, 0), fingerprint(other_rule, 0));
  EXPECT_NE(fingerprint(a, 0), fingerprint(other_source, 0));
  EXPECT_NE(fingerprint(a, 0), fingerprint(a, 1));
}

TEST(Fingerprint, ScannerIdentityWinsOverEvidence) {
  Finding a = marker("src/a.c", 1, "first wording");
  Finding b = marker("src/a.c", 1, "second wording");
  a.identity = b.identity = "sarif:abc123";
  EXPECT_EQ(fingerprint(a, 0), fingerprint(b, 0));
  // Nor do rule and path count: the scanner's identity is the whole identity.
  b.path = "src/moved.c";
  b.rule = "FIXME";
  EXPECT_EQ(fingerprint(a, 0), fingerprint(b, 0));
  Finding other_scanner = a;
  other_scanner.source = "other";
  EXPECT_NE(fingerprint(a, 0), fingerprint(other_scanner, 0));
}

TEST(Backlog, EqualFindingsInOneFileGetDistinctStableFingerprints) {
  auto forward = scored({marker("a.c", 5, "same"), marker("a.c", 9, "same"), marker("b.c", 1, "same")});
  auto reversed = scored({marker("b.c", 1, "same"), marker("a.c", 9, "same"), marker("a.c", 5, "same")});
  assign_fingerprints(forward);
  assign_fingerprints(reversed);
  auto find = [](const std::vector<BacklogItem>& items, const std::string& path, uint32_t line) {
    return std::find_if(items.begin(), items.end(), [&](const BacklogItem& i) {
             return i.finding.path == path && i.finding.line_start == line;
           })->fingerprint;
  };
  EXPECT_NE(find(forward, "a.c", 5), find(forward, "a.c", 9));
  EXPECT_EQ(find(forward, "a.c", 5), find(reversed, "a.c", 5));
  EXPECT_EQ(find(forward, "a.c", 9), find(reversed, "a.c", 9));
}

// The scan's way (first fingerprints as items arrive, then only the equal
// ones numbered) gives what assign_fingerprints gives, whatever the order.
TEST(Backlog, NumberingFirstFingerprintsEqualsAssigningThem) {
  const std::vector<Finding> findings = {marker("a.c", 9, "same"), marker("b.c", 1, "same"),
                                         marker("a.c", 5, "same"), marker("a.c", 7, "other"),
                                         marker("a.c", 2, "same"),  marker("c.c", 3, "alone")};
  auto assigned = scored(findings);
  assign_fingerprints(assigned);
  auto numbered = scored(findings);
  std::reverse(numbered.begin(), numbered.end());
  for (auto& item : numbered) set_first_fingerprint(item);
  number_fingerprints(numbered);
  std::reverse(numbered.begin(), numbered.end());
  for (size_t i = 0; i < findings.size(); ++i) EXPECT_EQ(numbered[i].fingerprint, assigned[i].fingerprint) << i;
  // a.c's three "same" markers: occurrences 0, 1, 2 by line (2, 5, 9).
  EXPECT_EQ(assigned[4].fingerprint, fingerprint(findings[4], 0));
  EXPECT_EQ(assigned[2].fingerprint, fingerprint(findings[2], 1));
  EXPECT_EQ(assigned[0].fingerprint, fingerprint(findings[0], 2));
  EXPECT_EQ(assigned[5].fingerprint, fingerprint(findings[5], 0));
}

TEST(Backlog, RanksByCompositeAndNumbersKeysPerCategory) {
  auto items = scored({marker("a.c", 1, "plain"), marker("b.c", 2, "sql injection in login", "security"),
                       marker("c.c", 3, "another")});
  items[1].finding.severity = "high";
  set_scores(items[1], default_model().score(items[1].finding, scoring::FileContext{}));
  assign_fingerprints(items);
  rank_items(items);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].key, "SEC-001");
  EXPECT_EQ(items[0].rank, 1u);
  for (size_t i = 1; i < items.size(); ++i) EXPECT_GE(items[i - 1].scores.composite, items[i].scores.composite);
  // Equal scores are ordered by path, so keys do not depend on thread timing.
  EXPECT_EQ(items[1].finding.path, "a.c");
  EXPECT_EQ(items[1].key, "TD-001");
  EXPECT_EQ(items[2].key, "TD-002");
}

// Keys carry at least three digits, as many as the number needs past 999.
TEST(Backlog, KeyNumbersHaveAtLeastThreeDigits) {
  std::vector<Finding> findings;
  for (uint32_t i = 0; i < 1001; ++i) findings.push_back(marker("f.c", i + 1, "item " + std::to_string(i)));
  auto items = scored(findings);
  assign_fingerprints(items);
  rank_items(items);
  ASSERT_EQ(items.size(), 1001u);
  EXPECT_EQ(items[0].key, "TD-001");
  EXPECT_EQ(items[9].key, "TD-010");
  EXPECT_EQ(items[99].key, "TD-100");
  EXPECT_EQ(items[998].key, "TD-999");
  EXPECT_EQ(items[999].key, "TD-1000");
  EXPECT_EQ(items[1000].key, "TD-1001");
}

// The items are moved into their ranked order along the cycles of the
// permutation: every item must land where a sort of the items puts it, also
// when the order has long cycles, fixed points and two-item swaps.
TEST(Backlog, RankingPutsEveryItemWhereASortOfTheItemsWould) {
  std::vector<Finding> findings;
  for (uint32_t i = 0; i < 60; ++i)
    findings.push_back(marker("f" + std::to_string((i * 37) % 60) + ".c", i % 7 + 1, "item " + std::to_string(i),
                              i % 5 == 0 ? "security" : ""));
  auto items = scored(findings);
  for (size_t i = 0; i < items.size(); ++i) items[i].scores.composite = static_cast<double>((i * 13) % 9);
  assign_fingerprints(items);
  std::vector<std::string> expected;
  auto sorted = items;
  std::sort(sorted.begin(), sorted.end(), [](const BacklogItem& a, const BacklogItem& b) {
    if (a.scores.composite != b.scores.composite) return a.scores.composite > b.scores.composite;
    return std::tie(a.finding.path, a.finding.line_start, a.fingerprint) <
           std::tie(b.finding.path, b.finding.line_start, b.fingerprint);
  });
  for (const auto& item : sorted) expected.push_back(item.fingerprint + " " + item.finding.title);
  rank_items(items);
  std::vector<std::string> ranked;
  for (const auto& item : items) ranked.push_back(item.fingerprint + " " + item.finding.title);
  EXPECT_EQ(ranked, expected);
  EXPECT_EQ(items.front().rank, 1u);
  EXPECT_EQ(items.back().rank, 60u);
}

TEST(Backlog, NextBestIsTheFirstEligibleItem) {
  scoring::Model model = default_model();
  auto items = scored({marker("a.c", 1, "one"), marker("b.c", 1, "two")});
  assign_fingerprints(items);
  rank_items(items);
  EXPECT_EQ(next_best_key(items, model), items[0].key);
  items[0].scores.risk = 0.99;  // too risky to recommend
  EXPECT_EQ(next_best_key(items, model), items[1].key);
  items[1].scores.composite = 0.5;  // below min_score
  EXPECT_EQ(next_best_key(items, model), "");
}

TEST(Backlog, ItemJsonHasTheDocumentedShape) {
  auto items = scored({marker("src/a.c", 3, "x")});
  items[0].finding.line_end = 4;
  assign_fingerprints(items);
  rank_items(items);
  auto j = item_json(items[0]);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  const std::vector<std::string> expected = {"key",      "fingerprint", "title",     "category",     "source",
                                             "rule",     "location",    "evidence",  "effort_hours", "confidence",
                                             "severity", "tags",        "scores",    "value_usd",    "risk",
                                             "rank",     "status",      "first_seen", "details",     "origin",
                                             "file_history", "breakdown"};
  EXPECT_EQ(keys, expected);
  EXPECT_TRUE(j["origin"].is_null());  // the marker stated no origin
  EXPECT_TRUE(j["file_history"].is_null());
  EXPECT_EQ(j["location"]["line_end"], 4);
  std::vector<std::string> parts;
  for (const auto& [k, v] : j["breakdown"].items()) parts.push_back(k);
  EXPECT_EQ(parts, (std::vector<std::string>{"wsjf", "ice", "technical_debt", "security", "composite", "value_usd",
                                             "risk"}));
  EXPECT_EQ(j["scores"]["composite"], items[0].scores.composite);
  auto summary = summary_json(items);
  EXPECT_EQ(summary["items"], 1);
  EXPECT_EQ(summary["by_source"]["markers"], 1);
}

}  // namespace
}  // namespace assay::scan
