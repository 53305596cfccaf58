// Reading maturity rule files: the built-in config/maturity.yaml, and the
// errors a broken file gives (file, line, check, field).
#include "rule_file.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "maturity_config.h"

namespace assay::maturity {
namespace {

std::string error_of(const std::string& yaml) {
  try {
    parse_rule_file(yaml, "rules.yaml");
  } catch (const RuleFileError& e) {
    return e.what();
  }
  return "accepted";
}

// A valid check to build broken variants from; `extra` is appended to it.
std::string one_check(const std::string& extra = "",
                      const std::string& evidence = "      - files: [SECURITY.md]\n") {
  return "version: 1\n"
         "checks:\n"
         "  - id: security-policy\n"
         "    title: Security policy\n"
         "    fix: Add a SECURITY.md\n"
         "    dimension: security\n"
         "    risk: medium\n"
         "    category: security\n" +
         extra + "    evidence:\n" + evidence;
}

TEST(RuleFile, TheBuiltInRulesCoverEveryDimensionAndLanguage) {
  const RuleSet rules = parse_rule_file(built_in_rules_text(), kBuiltInRulesLabel);
  EXPECT_GE(rules.checks.size(), 40u);
  std::set<std::string> dimensions;
  std::set<std::string> languages;
  std::set<std::string> ids;
  std::function<void(const EvidenceRule&)> collect = [&](const EvidenceRule& r) {
    languages.insert(r.languages.begin(), r.languages.end());
    for (const auto& a : r.any) collect(a);
  };
  for (const auto& check : rules.checks) {
    dimensions.insert(check.dimension);
    EXPECT_TRUE(ids.insert(check.id).second) << check.id;
    for (const auto& r : check.evidence) collect(r);
  }
  EXPECT_EQ(dimensions.size(), std::size(kDimensions));
  for (const char* language : {"python", "javascript", "typescript", "go", "rust", "java", "c", "cpp"})
    EXPECT_EQ(languages.count(language), 1u) << language;
  EXPECT_DOUBLE_EQ(rules.language_share, 0.1);
}

TEST(RuleFile, ReadsEveryKindOfRule) {
  const RuleSet rules = parse_rule_file(
      "version: 1\n"
      "language_share: 0.25\n"
      "ignore: [vendor/]\n"
      "checks:\n"
      "  - id: a\n"
      "    title: A\n"
      "    fix: Fix A\n"
      "    dimension: testing\n"
      "    risk: critical\n"
      "    category: testing\n"
      "    effort_hours: 2.5\n"
      "    confidence: 0.7\n"
      "    require: any\n"
      "    languages: [go]\n"
      "    applies_if: {files: go.mod}\n"
      "    evidence:\n"
      "      - files: ['*_test.go']\n"
      "        min_files: 3\n"
      "        weight: 2\n"
      "        name: go tests\n"
      "      - files: [ci.yml]\n"
      "        contains: ['go test']\n"
      "        every_file: true\n"
      "        case_sensitive: true\n"
      "      - files: ['*.pem']\n"
      "        absent: true\n"
      "      - files: [CHANGELOG.md]\n"
      "        history: {changed_within_days: 30}\n"
      "      - history: {commits_within_days: 90, min_commits: 13}\n"
      "      - ratio: {of: ['*_test.go'], to: ['*.go'], at_least: 0.5}\n"
      "      - any:\n"
      "          - files: [a]\n"
      "          - files: [b]\n",
      "rules.yaml");
  ASSERT_EQ(rules.checks.size(), 1u);
  EXPECT_DOUBLE_EQ(rules.language_share, 0.25);
  EXPECT_TRUE(rules.ignore.matches("vendor/x.go"));
  const Check& c = rules.checks[0];
  EXPECT_EQ(c.origin, "rules.yaml:5");
  EXPECT_EQ(c.risk, Risk::critical);
  EXPECT_DOUBLE_EQ(c.effort_hours, 2.5);
  EXPECT_DOUBLE_EQ(c.confidence, 0.7);
  EXPECT_FALSE(c.require_all);
  ASSERT_TRUE(c.applies_if.has_value());
  ASSERT_EQ(c.evidence.size(), 7u);
  EXPECT_EQ(c.evidence[0].min_files, 3u);
  EXPECT_DOUBLE_EQ(c.evidence[0].weight, 2);
  EXPECT_EQ(c.evidence[0].name, "go tests");
  EXPECT_EQ(c.evidence[0].line, 17u);
  EXPECT_TRUE(c.evidence[1].every_file);
  EXPECT_TRUE(c.evidence[2].absent);
  ASSERT_TRUE(c.evidence[3].history.has_value());
  EXPECT_EQ(c.evidence[3].history->kind, HistoryRule::Kind::changed_within_days);
  EXPECT_EQ(c.evidence[4].history->min_commits, 13u);
  ASSERT_TRUE(c.evidence[5].ratio.has_value());
  EXPECT_DOUBLE_EQ(c.evidence[5].ratio->at_least, 0.5);
  EXPECT_EQ(c.evidence[6].any.size(), 2u);
}

TEST(RuleFile, ListsFromAliasesAreFlattened) {
  const RuleSet rules = parse_rule_file(one_check("",
                                                  "      - files: &ci [a.yml, b.yml]\n"
                                                  "      - files: [*ci, c.yml]\n"),
                                        "rules.yaml");
  EXPECT_EQ(rules.checks[0].evidence[1].files.globs().size(), 3u);
}

TEST(RuleFile, ABrokenRuleNamesFileLineCheckAndField) {
  EXPECT_EQ(
      error_of(one_check("", "      - files: [ci.yml]\n        contains: ['ok', 'go (test']\n")),
      "rules.yaml:11:26: check 'security-policy' (checks[0]): evidence[0].contains[1]: invalid pattern: "
      "missing closing parenthesis at offset 8");
  EXPECT_EQ(error_of(one_check("    colour: red\n")),
            "rules.yaml:9:5: check 'security-policy' (checks[0]): unknown key 'colour'; known keys: id, "
            "title, fix, "
            "dimension, risk, category, effort_hours, confidence, require, languages, applies_if, evidence");
  EXPECT_EQ(
      error_of(one_check("", "      - files: ['[abc']\n")),
      "rules.yaml:10:17: check 'security-policy' (checks[0]): evidence[0].files[0]: glob '[abc': '[' without "
      "a closing ']'");
  EXPECT_EQ(
      error_of(one_check("    effort_hours: lots\n")),
      "rules.yaml:9:19: check 'security-policy' (checks[0]): effort_hours: must be a number, got 'lots'");
  EXPECT_EQ(error_of(one_check("    require: most\n")),
            "rules.yaml:9:14: check 'security-policy' (checks[0]): require: 'most' is not one of all, any");
}

TEST(RuleFile, RefusesWrongValuesAndShapes) {
  EXPECT_EQ(error_of("version: 1\nchecks:\n  - id: x\n    title: X\n"),
            "rules.yaml:3:5: check 'x' (checks[0]): missing required key 'fix'");
  EXPECT_EQ(error_of("version: 1\nchecks:\n  - title: X\n"),
            "rules.yaml:3:5: check checks[0]: missing required key 'id'");
  EXPECT_EQ(error_of("version: 1\nchecks:\n  - id: Bad_Id\n"),
            "rules.yaml:3:9: check checks[0]: id: 'Bad_Id' is not an id: use a-z, 0-9 and '-'");
  EXPECT_NE(error_of(one_check().replace(one_check().find("security\n    risk"), 8, "safety"))
                .find("dimension: 'safety' is not one of ci-cd, security, testing"),
            std::string::npos);
  EXPECT_EQ(error_of(one_check("", "      - contains: [x]\n")),
            "rules.yaml:10:9: check 'security-policy' (checks[0]): evidence[0]: give 'files', 'history', "
            "'ratio' or "
            "'any': a rule must look at something");
  EXPECT_EQ(
      error_of(one_check("", "      - history: {older_than_days: 30}\n")),
      "rules.yaml:10:18: check 'security-policy' (checks[0]): evidence[0].history: without 'files' only "
      "commits_within_days (commits of the whole repository) can be asked");
  EXPECT_EQ(error_of(one_check("", "      - files: [a]\n        history: {lags_at_most_days: 30}\n")),
            "rules.yaml:11:18: check 'security-policy' (checks[0]): evidence[0].history: lags_at_most_days "
            "needs 'behind': the files to keep up with");
  EXPECT_EQ(
      error_of(one_check("", "      - files: [a]\n        history: {changed_within_days: 3, behind: [b]}\n")),
      "rules.yaml:11:51: check 'security-policy' (checks[0]): evidence[0].history.behind: only goes with "
      "lags_at_most_days");
  EXPECT_EQ(
      error_of(one_check("", "      - files: [a]\n        min_commits: 2\n")),
      "rules.yaml:11:9: check 'security-policy' (checks[0]): evidence[0]: unknown key 'min_commits'; known "
      "keys: name, weight, languages, files, exclude, min_files, contains, case_sensitive, every_file, "
      "absent, history, ratio, any, applies_if");
  EXPECT_EQ(error_of(one_check("", "      - files: [a]\n        every_file: true\n")),
            "rules.yaml:11:21: check 'security-policy' (checks[0]): evidence[0].every_file: only goes with "
            "'contains'");
  EXPECT_EQ(error_of(one_check("", "      - any: [{files: [a]}]\n        files: [b]\n")),
            "rules.yaml:11:16: check 'security-policy' (checks[0]): evidence[0].files: does not go with "
            "'any' (give "
            "it to a rule inside)");
  EXPECT_EQ(error_of(one_check("", "      - files: [a]\n        weight: 0\n")),
            "rules.yaml:11:17: check 'security-policy' (checks[0]): evidence[0].weight: must be a number "
            "above 0 to "
            "100, got 0");
  EXPECT_EQ(error_of(one_check("", "      - files: [a]\n        applies_if: {contains: [x]}\n")),
            "rules.yaml:11:21: check 'security-policy' (checks[0]): evidence[0].applies_if: give 'files', "
            "'history', 'ratio' or 'any': a rule must look at something");
  EXPECT_EQ(error_of(one_check("", "      []\n")),
            "rules.yaml:10:7: check 'security-policy' (checks[0]): evidence: must be a non-empty list of "
            "rules, got "
            "a list");
}

TEST(RuleFile, RefusesABrokenFileAsAWhole) {
  EXPECT_EQ(error_of("version: 1\nchecks: [\n"),
            "rules.yaml:3:1: YAML syntax error: end of sequence flow not found");
  EXPECT_EQ(error_of("- a\n"),
            "rules.yaml:1:1: the top level must be a mapping with 'version' and 'checks', got a list");
  EXPECT_EQ(error_of("version: 2\nchecks: []\n"),
            "rules.yaml:1:10: version: is 2; this assay reads rule files of version 1");
  EXPECT_EQ(error_of("checks: []\n"), "rules.yaml:1:1: missing required key 'version'");
  EXPECT_EQ(error_of(one_check() + one_check().substr(one_check().find("  - id"))),
            "rules.yaml:11:9: check 'security-policy' (checks[1]): id: is defined twice in this file");
}

TEST(RuleFile, MergingRefusesAnIdDefinedTwiceNamingBothPlaces) {
  RuleSet base = parse_rule_file(one_check(), "base.yaml");
  RuleSet more = parse_rule_file(
      "version: 1\nignore: [gen/]\nchecks:\n" + one_check().substr(one_check().find("  - id")), "more.yaml");
  try {
    merge_rule_sets(base, std::move(more));
    FAIL() << "merged";
  } catch (const RuleFileError& e) {
    EXPECT_STREQ(e.what(), "more.yaml:4: check 'security-policy' is already defined at base.yaml:3");
  }
  RuleSet other = parse_rule_file(
      "version: 1\nignore: [gen/]\nchecks:\n  - id: other\n    title: O\n    fix: F\n    dimension: testing\n"
      "    risk: low\n    category: testing\n    evidence: [{files: [t/]}]\n",
      "other.yaml");
  merge_rule_sets(base, std::move(other));
  EXPECT_EQ(base.checks.size(), 2u);
  EXPECT_TRUE(base.ignore.matches("gen/a.c"));
}

}  // namespace
}  // namespace assay::maturity
