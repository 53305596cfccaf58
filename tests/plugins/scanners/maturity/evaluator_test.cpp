// Evaluating checks: statuses, scores, percentages and levels on small rule
// sets over in-memory repositories, each number worked out in the comments.
#include "evaluator.h"
#include "pattern_outcome.h"

#include <gtest/gtest.h>

#include <map>

#include "rule_file.h"

namespace assay::maturity {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kNow = 1'800'000'000;

// History facts given by the test.
class FakeHistory : public HistoryFacts {
 public:
  std::map<std::string, FileHistory, std::less<>> files;
  std::vector<int64_t> commit_times;
  std::optional<std::string> unavailable_reason() const override { return std::nullopt; }
  std::optional<FileHistory> file(std::string_view path) const override {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  uint64_t commits_since(int64_t since) const override {
    return std::count_if(commit_times.begin(), commit_times.end(), [&](int64_t t) { return t >= since; });
  }
  int64_t now() const override { return kNow; }
};

// The host's cache as the evaluator sees it, counting what it is asked.
struct MemoryCache {
  std::map<std::string, std::string, std::less<>> entries;
  size_t gets = 0;
  size_t puts = 0;
};

struct Repo {
  std::map<std::string, std::string> files;  // path -> content
  std::map<std::string, std::string> languages;
  std::map<std::string, std::string> blobs = {};  // path -> blob id; none: ""
  mutable size_t reads = 0;

  RepositorySnapshot snapshot(MemoryCache* cache = nullptr) const {
    RepositorySnapshot s;
    std::vector<std::string> contents;
    for (const auto& [path, content] : files) {
      auto lang = languages.find(path);
      auto blob = blobs.find(path);
      s.files.push_back({path, lang == languages.end() ? "" : lang->second, content.size(),
                         blob == blobs.end() ? "" : blob->second});
    }
    s.read = [this, paths = s.files](size_t i) -> std::optional<std::string> {
      ++reads;
      return files.at(paths[i].path);
    };
    if (cache) {
      s.cache_get = [cache](std::string_view key) -> std::optional<std::string> {
        ++cache->gets;
        auto it = cache->entries.find(key);
        if (it == cache->entries.end()) return std::nullopt;
        return it->second;
      };
      s.cache_put = [cache](std::string_view key, std::string_view value) {
        ++cache->puts;
        cache->entries[std::string(key)] = std::string(value);
      };
    }
    return s;
  }
};

// A rule file with one check per entry of `checks` (YAML of the check body
// after its id line), all in dimension testing, risk medium, unless the body
// says otherwise.
RuleSet rules(const std::string& body) {
  return parse_rule_file("version: 1\nchecks:\n" + body, "test.yaml");
}

std::string check(const std::string& id, const std::string& evidence, const std::string& extra = "",
                  const std::string& dimension = "testing", const std::string& risk = "medium") {
  return "  - id: " + id + "\n    title: " + id + "\n    fix: fix " + id + "\n    dimension: " + dimension +
         "\n    risk: " + risk + "\n    category: testing\n" + extra + "    evidence:\n" + evidence;
}

const CheckResult& result(const Assessment& a, const std::string& id) {
  for (const auto& r : a.checks)
    if (r.check->id == id) return r;
  throw std::out_of_range(id);
}

TEST(Evaluator, FilesRulesPassFailAndCountTowardsMinFiles) {
  const RuleSet r = rules(check("readme", "      - files: [/README.md]\n") +
                          check("docs", "      - files: ['/docs/*.md']\n        min_files: 4\n") +
                          check("policy", "      - files: [SECURITY.md]\n"));
  const Repo repo{{{"README.md", "# x"}, {"docs/a.md", ""}, {"docs/b.md", ""}, {"docs/c.md", ""}}, {}};
  const Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "readme").status, Status::pass);
  EXPECT_EQ(result(a, "readme").score, 10);
  EXPECT_EQ(result(a, "readme").evidence, std::vector<std::string>{"found README.md"});
  // 3 of 4 files: 7.5 of 10.
  EXPECT_EQ(result(a, "docs").status, Status::partial);
  EXPECT_DOUBLE_EQ(result(a, "docs").score, 7.5);
  EXPECT_EQ(result(a, "docs").evidence,
            std::vector<std::string>{"3 files of 4 wanted: docs/a.md, docs/b.md, docs/c.md"});
  EXPECT_EQ(result(a, "policy").status, Status::fail);
  EXPECT_EQ(result(a, "policy").score, 0);
  EXPECT_EQ(result(a, "policy").evidence, std::vector<std::string>{"no file matches SECURITY.md"});
  // All medium (weight 5): (10 + 7.5 + 0) × 5 / (3 × 50) = 58.3 %.
  EXPECT_DOUBLE_EQ(a.percent, 58.3);
  EXPECT_EQ(a.level, "maturing");
  EXPECT_DOUBLE_EQ(*a.dimensions[2].percent, 58.3);
  EXPECT_EQ(a.dimensions[2].name, "testing");
  EXPECT_FALSE(a.dimensions[0].percent.has_value());
}

TEST(Evaluator, ContentPatternsGiveThePathAndLine) {
  const RuleSet r =
      rules(check("ci", "      - files: [.github/workflows/*.yml]\n        contains: ['\\bctest\\b']\n") +
            check("perm",
                  "      - files: [.github/workflows/*.yml]\n        contains: ['^\\s*permissions:']\n"
                  "        every_file: true\n"));
  const Repo repo{{{".github/workflows/a.yml", "on: push\njobs:\n  t:\n    steps:\n      - run: ctest -j2\n"},
                   {".github/workflows/b.yml", "permissions:\n  contents: read\n"},
                   {".github/workflows/c.yml", "on: pull_request\n"}},
                  {}};
  const Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "ci").status, Status::pass);
  EXPECT_EQ(result(a, "ci").evidence,
            std::vector<std::string>{".github/workflows/a.yml:5: - run: ctest -j2"});
  // 1 of 3 workflow files declares permissions: 3.33.
  EXPECT_EQ(result(a, "perm").status, Status::partial);
  EXPECT_DOUBLE_EQ(result(a, "perm").score, 3.33);
  EXPECT_EQ(result(a, "perm").evidence,
            (std::vector<std::string>{"1 of 3 files match /^\\s*permissions:/",
                                      "no match in .github/workflows/a.yml, .github/workflows/c.yml"}));
}

TEST(Evaluator, AbsentRulesFailOnWhatTheyFind) {
  const RuleSet r =
      rules(check("keys", "      - files: ['*.pem']\n        exclude: [tests/]\n        absent: true\n") +
            check("tokens",
                  "      - files: ['*.py']\n        contains: ['AKIA[0-9A-Z]{16}']\n"
                  "        case_sensitive: true\n        absent: true\n"));
  Repo repo{{{"tests/fixture.pem", "x"}, {"app.py", "print(1)\n"}}, {}};
  Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "keys").status, Status::pass);
  EXPECT_EQ(result(a, "keys").evidence, std::vector<std::string>{"no file matches *.pem"});
  EXPECT_EQ(result(a, "tokens").status, Status::pass);
  repo.files["deploy/server.pem"] = "-----BEGIN PRIVATE KEY-----";
  repo.files["app.py"] = "key = 'AKIAABCDEFGHIJKLMNOP'\n";
  a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "keys").status, Status::fail);
  EXPECT_EQ(result(a, "keys").evidence,
            (std::vector<std::string>{"found 1 file that should not be here:", "deploy/server.pem"}));
  EXPECT_EQ(result(a, "tokens").evidence,
            (std::vector<std::string>{"found in 1 file:", "app.py:1: key = 'AKIAABCDEFGHIJKLMNOP'"}));
}

TEST(Evaluator, RatioRulesScaleToTheTargetAndAreNotApplicableWithoutSources) {
  const RuleSet r = rules(check("ratio", "      - ratio: {of: ['tests/'], to: ['*.py'], at_least: 0.5}\n"));
  // 1 test file per 4 source files = 0.25, half of the 0.5 target: score 5.
  Repo repo{{{"tests/test_a.py", ""}, {"a.py", ""}, {"b.py", ""}, {"c.py", ""}, {"d.py", ""}}, {}};
  Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "ratio").status, Status::partial);
  EXPECT_DOUBLE_EQ(result(a, "ratio").score, 5);
  EXPECT_EQ(result(a, "ratio").evidence,
            std::vector<std::string>{"1 file like tests/ per 4 like *.py: ratio 0.25 (0.5 counts as full)"});
  repo.files = {{"README.md", ""}};
  a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "ratio").status, Status::inconclusive);
  EXPECT_EQ(result(a, "ratio").score, -1);
  EXPECT_EQ(result(a, "ratio").evidence,
            (std::vector<std::string>{"not applicable:", "no file matches *.py"}));
  EXPECT_EQ(a.percent, 0);
  EXPECT_EQ(a.level, "nascent");
}

TEST(Evaluator, HistoryRulesAreInconclusiveWithoutHistoryAndSkippedInScores) {
  const RuleSet r =
      rules(check("fresh", "      - files: [CHANGELOG.md]\n        history: {changed_within_days: 180}\n") +
            check("readme", "      - files: [README.md]\n"));
  const Repo repo{{{"CHANGELOG.md", ""}}, {}};
  const Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("the host offers no history facts"));
  EXPECT_EQ(result(a, "fresh").status, Status::inconclusive);
  EXPECT_EQ(result(a, "fresh").evidence,
            std::vector<std::string>{"history: the host offers no history facts"});
  // Only the failed readme check counts: 0 %.
  EXPECT_EQ(a.percent, 0);
}

TEST(Evaluator, HistoryRulesWithFacts) {
  const RuleSet r = rules(
      check("fresh", "      - files: [CHANGELOG.md]\n        history: {changed_within_days: 180}\n") +
      check("stale", "      - files: [docs/]\n        history: {changed_within_days: 30}\n") +
      check("old", "      - files: [LICENSE]\n        history: {older_than_days: 365}\n") +
      check("busy", "      - files: ['*.c']\n        history: {commits_within_days: 90, min_commits: 4}\n") +
      check("maintained", "      - history: {commits_within_days: 90, min_commits: 13}\n"));
  const Repo repo{
      {{"CHANGELOG.md", ""}, {"docs/a.md", ""}, {"LICENSE", ""}, {"a.c", ""}, {"b.c", ""}, {"new.c", ""}},
      {}};
  FakeHistory h;
  h.files["CHANGELOG.md"] = {kNow - 400 * kDay, kNow - 20 * kDay, {}, false};
  h.files["docs/a.md"] = {kNow - 400 * kDay, kNow - 45 * kDay, {}, false};
  h.files["LICENSE"] = {kNow - 500 * kDay, kNow - 500 * kDay, {}, false};
  h.files["a.c"] = {
      kNow - 100 * kDay, kNow - 1 * kDay, {kNow - 1 * kDay, kNow - 10 * kDay, kNow - 100 * kDay}, false};
  h.files["b.c"] = {kNow - 100 * kDay, kNow - 5 * kDay, {kNow - 5 * kDay}, false};
  for (int day = 0; day < 90; day += 9) h.commit_times.push_back(kNow - day * kDay);  // 10 commits
  h.commit_times.push_back(kNow - 200 * kDay);
  const Assessment a = assess(r, repo.snapshot(), h);
  EXPECT_EQ(result(a, "fresh").status, Status::pass);
  EXPECT_EQ(result(a, "fresh").evidence,
            std::vector<std::string>{"CHANGELOG.md last changed 20 days ago (within 180 days wanted)"});
  EXPECT_EQ(result(a, "stale").status, Status::fail);
  EXPECT_EQ(result(a, "old").status, Status::pass);
  EXPECT_EQ(result(a, "old").evidence,
            std::vector<std::string>{"LICENSE added 500 days ago (at least 365 days wanted)"});
  // a.c has 2 commits in 90 days (the best file), 2 of 4 wanted: 5.
  EXPECT_DOUBLE_EQ(result(a, "busy").score, 5);
  EXPECT_EQ(result(a, "busy").evidence,
            (std::vector<std::string>{"a.c: 2 commits in the last 90 days (4 wanted)",
                                      "1 matched file without history (not committed, changed only by "
                                      "merges, or unchanged in the history window)"}));
  // 10 commits of 13 wanted: 7.69.
  EXPECT_DOUBLE_EQ(result(a, "maintained").score, 7.69);
  EXPECT_EQ(result(a, "maintained").evidence,
            std::vector<std::string>{"10 commits in the last 90 days (13 wanted)"});
}

TEST(Evaluator, LagRulesMeasureAFileAgainstTheLatestChangeOfOthers) {
  const std::string lag =
      "      - files: [CHANGELOG.md]\n        history: {lags_at_most_days: 30, behind: ['*.c']}\n";
  const RuleSet r = rules(check("kept", lag));
  const Repo repo{{{"CHANGELOG.md", ""}, {"a.c", ""}, {"b.c", ""}, {"README.md", ""}}, {}};
  FakeHistory h;
  h.files["CHANGELOG.md"] = {kNow - 400 * kDay, kNow - 100 * kDay, {}, false};
  h.files["a.c"] = {kNow - 400 * kDay, kNow - 80 * kDay, {}, false};       // 20 days after the changelog
  h.files["README.md"] = {kNow - 400 * kDay, kNow - 1 * kDay, {}, false};  // not behind: not code
  Assessment a = assess(r, repo.snapshot(), h);
  EXPECT_EQ(result(a, "kept").status, Status::pass);
  EXPECT_EQ(
      result(a, "kept").evidence,
      std::vector<std::string>{
          "CHANGELOG.md last changed 20 days before the latest change of a.c (at most 30 days wanted)"});
  // b.c changes 45 days after the changelog: more than 30.
  h.files["b.c"] = {kNow - 400 * kDay, kNow - 55 * kDay, {}, false};
  a = assess(r, repo.snapshot(), h);
  EXPECT_EQ(result(a, "kept").status, Status::fail);
  EXPECT_EQ(
      result(a, "kept").evidence,
      std::vector<std::string>{
          "CHANGELOG.md last changed 45 days before the latest change of b.c (at most 30 days wanted)"});
  // The changelog changed after all the code.
  h.files["CHANGELOG.md"] = {kNow - 400 * kDay, kNow - 2 * kDay, {}, false};
  a = assess(r, repo.snapshot(), h);
  EXPECT_EQ(result(a, "kept").status, Status::pass);
  EXPECT_EQ(
      result(a, "kept").evidence,
      std::vector<std::string>{"CHANGELOG.md last changed after the latest change of b.c (at most 30 days "
                               "wanted)"});
  // No code in the history: nothing to keep up with. No history for the
  // changelog: inconclusive.
  FakeHistory only_changelog;
  only_changelog.files["CHANGELOG.md"] = {kNow - 400 * kDay, kNow - 300 * kDay, {}, false};
  a = assess(r, repo.snapshot(), only_changelog);
  EXPECT_EQ(result(a, "kept").status, Status::pass);
  EXPECT_EQ(
      result(a, "kept").evidence,
      std::vector<std::string>{"no file matching *.c changed in the history: nothing for CHANGELOG.md to "
                               "keep up with"});
  a = assess(r, repo.snapshot(), FakeHistory());
  EXPECT_EQ(result(a, "kept").status, Status::inconclusive);
  EXPECT_EQ(result(a, "kept").evidence, std::vector<std::string>{"history: no history for CHANGELOG.md"});
}

TEST(Evaluator, LanguagesDecideWhichRulesApply) {
  const std::string evidence =
      "      - name: python\n        languages: [python]\n        files: [poetry.lock]\n"
      "      - name: go\n        languages: [go]\n        files: [go.sum]\n"
      "      - name: rust\n        languages: [rust]\n        files: [Cargo.lock]\n";
  const RuleSet r = rules(check("locks", evidence) +
                          check("java-only", "      - files: [pom.xml]\n", "    languages: [java]\n"));
  // 10 go files and 1 python file: python's share 1/11 = 0.09 is below 0.1, so python is absent.
  Repo repo{{{"go.sum", ""}, {"tool.py", ""}}, {{"tool.py", "python"}}};
  for (int i = 0; i < 10; ++i) {
    repo.files["pkg/f" + std::to_string(i) + ".go"] = "";
    repo.languages["pkg/f" + std::to_string(i) + ".go"] = "go";
  }
  Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(a.languages, std::vector<std::string>{"go"});
  EXPECT_EQ(result(a, "locks").status, Status::pass);
  // Rules that do not apply stay out of the evidence of a decided check.
  EXPECT_EQ(result(a, "locks").evidence, std::vector<std::string>{"go: found go.sum"});
  EXPECT_EQ(result(a, "java-only").status, Status::inconclusive);
  EXPECT_EQ(result(a, "java-only").evidence, std::vector<std::string>{"not applicable: no java code here"});
  // A second python file: 2/12 = 0.17 ≥ 0.1, python is present and its lock missing: 1 of 2 rules = 5.
  repo.files["tool2.py"] = "";
  repo.languages["tool2.py"] = "python";
  a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(a.languages, (std::vector<std::string>{"go", "python"}));
  EXPECT_EQ(result(a, "locks").status, Status::partial);
  EXPECT_DOUBLE_EQ(result(a, "locks").score, 5);
}

TEST(Evaluator, AppliesIfGatesTheCheck) {
  const RuleSet r = rules(check("non-root", "      - files: [Dockerfile]\n        contains: ['^USER ']\n",
                                "    applies_if: {files: [Dockerfile]}\n"));
  Repo repo{{{"main.c", ""}}, {}};
  Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "non-root").status, Status::inconclusive);
  EXPECT_EQ(result(a, "non-root").evidence,
            (std::vector<std::string>{"not applicable:", "no file matches Dockerfile"}));
  repo.files["Dockerfile"] = "FROM debian:12\nUSER app\n";
  a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "non-root").status, Status::pass);
}

// A rule's own gate: the rule drops out of the check (as a rule of an absent
// language does) unless its applies_if rule is fully met.
TEST(Evaluator, AppliesIfGatesARule) {
  const std::string evidence =
      "      - name: conan\n        applies_if: {files: [conanfile.txt], exclude: [tests/]}\n"
      "        files: [conan.lock]\n"
      "      - name: go\n        files: [go.sum]\n";
  const RuleSet r = rules(check("locks", evidence));
  Repo repo{{{"tests/conanfile.txt", ""}}, {}};
  Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "locks").status, Status::fail);
  EXPECT_EQ(result(a, "locks").evidence, std::vector<std::string>{"go: no file matches go.sum"});
  repo.files["go.sum"] = "";
  a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "locks").status, Status::pass);
  // The gate met: the rule counts, and its file is missing: 1 of 2 rules = 5.
  repo.files["conanfile.txt"] = "";
  a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "locks").status, Status::partial);
  EXPECT_DOUBLE_EQ(result(a, "locks").score, 5);
  EXPECT_EQ(result(a, "locks").evidence,
            (std::vector<std::string>{"conan: no file matches conan.lock", "go: found go.sum"}));
}

TEST(Evaluator, RequireAnyTakesTheBestRuleAndAllTakesTheWeightedShare) {
  const std::string evidence =
      "      - files: [a]\n        weight: 3\n"
      "      - files: [b]\n";
  const RuleSet r = rules(check("all", evidence) + check("any", evidence, "    require: any\n"));
  const Repo repo{{{"b", ""}}, {}};
  const Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  // all: (3 × 0 + 1 × 1) / 4 = 0.25 -> 2.5; any: best rule met -> 10.
  EXPECT_DOUBLE_EQ(result(a, "all").score, 2.5);
  EXPECT_EQ(result(a, "any").status, Status::pass);
}

TEST(Evaluator, AnUndecidedRuleMakesTheCheckInconclusiveUnlessAnotherPasses) {
  const std::string evidence =
      "      - files: [CHANGELOG.md]\n        history: {changed_within_days: 10}\n"
      "      - files: [NEWS]\n";
  const RuleSet r = rules(check("all", evidence) + check("any", evidence, "    require: any\n"));
  Repo repo{{{"CHANGELOG.md", ""}}, {}};
  Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("no history"));
  EXPECT_EQ(result(a, "all").status, Status::inconclusive);
  EXPECT_EQ(result(a, "any").status, Status::inconclusive);
  repo.files["NEWS"] = "";
  a = assess(r, repo.snapshot(), NoHistoryFacts("no history"));
  EXPECT_EQ(result(a, "all").status, Status::inconclusive);
  EXPECT_EQ(result(a, "any").status, Status::pass);
}

TEST(Evaluator, AnyRulesTakeTheBestAlternative) {
  const RuleSet r = rules(check("lint",
                                "      - name: js\n        any:\n          - files: [.eslintrc.json]\n"
                                "          - files: [package.json]\n            contains: ['\"eslint\"']\n"));
  Repo repo{{{"package.json", "{\"devDependencies\": {\"eslint\": \"9\"}}\n"}}, {}};
  Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "lint").status, Status::pass);
  EXPECT_EQ(result(a, "lint").evidence,
            std::vector<std::string>{"js: package.json:1: {\"devDependencies\": {\"eslint\": \"9\"}}"});
  repo.files["package.json"] = "{}";
  a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_EQ(result(a, "lint").status, Status::fail);
  EXPECT_EQ(result(a, "lint").evidence,
            (std::vector<std::string>{"js: no file matches .eslintrc.json",
                                      "js: no match for /\"eslint\"/ in package.json"}));
}

TEST(Evaluator, RiskWeightsTheOverallPercentageAndSetsTheLevel) {
  // critical pass (10 × 10) + low fail (2.5 × 0) = 100 / 125 = 80 %: advanced.
  const RuleSet r = rules(check("a", "      - files: [a]\n", "", "security", "critical") +
                          check("b", "      - files: [b]\n", "", "ci-cd", "low"));
  const Repo repo{{{"a", ""}}, {}};
  const Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"));
  EXPECT_DOUBLE_EQ(a.percent, 80);
  EXPECT_EQ(a.level, "advanced");
  EXPECT_DOUBLE_EQ(*a.dimensions[1].percent, 100);
  EXPECT_DOUBLE_EQ(*a.dimensions[0].percent, 0);
}

TEST(Evaluator, LevelThresholds) {
  EXPECT_EQ(level_for(100), "advanced");
  EXPECT_EQ(level_for(75), "advanced");
  EXPECT_EQ(level_for(74.9), "maturing");
  EXPECT_EQ(level_for(50), "maturing");
  EXPECT_EQ(level_for(49.9), "developing");
  EXPECT_EQ(level_for(25), "developing");
  EXPECT_EQ(level_for(24.9), "nascent");
  EXPECT_EQ(level_for(0), "nascent");
}

// The keys' pattern digests: 64-bit FNV-1a of the case mode ('i', 'c') and
// the expression, worked out by an independent implementation.
const std::string kCtest = "0301bbcb991f266d";        // i \bctest\b
const std::string kPermissions = "d71e9fd14d62e6d9";  // i ^\s*permissions:

// Two content checks over three workflow files, each with a blob id.
class ContentCache : public ::testing::Test {
 protected:
  const RuleSet rules_ =
      rules(check("ci", "      - files: [.github/workflows/*.yml]\n        contains: [nothing, '\\bctest\\b']\n") +
            check("perm",
                  "      - files: [.github/workflows/*.yml]\n        contains: ['^\\s*permissions:']\n"
                  "        every_file: true\n"));
  Repo repo_{{{".github/workflows/a.yml", "on: push\njobs:\n  t:\n    steps:\n      - run: ctest -j2\n"},
              {".github/workflows/b.yml", "permissions:\n  contents: read\n"},
              {".github/workflows/c.yml", "on: pull_request\n"}},
             {},
             {{".github/workflows/a.yml", std::string(40, 'a')},
              {".github/workflows/b.yml", std::string(40, 'b')},
              {".github/workflows/c.yml", std::string(40, 'c')}}};
  MemoryCache cache_;

  Assessment assess_with_cache() { return assess(rules_, repo_.snapshot(&cache_), NoHistoryFacts("none")); }
};

TEST_F(ContentCache, ASecondAssessmentOfTheSameBlobsReadsNoFile) {
  const Assessment first = assess_with_cache();
  EXPECT_EQ(repo_.reads, 3u);
  // ci: "nothing" and ctest in a.yml (found: the other files are not
  // searched); perm: one pattern in each of the three files.
  EXPECT_EQ(cache_.puts, 5u);
  EXPECT_EQ(cache_.entries.size(), 5u);
  EXPECT_EQ(cache_.entries.at("maturity.content/1 " + std::string(40, 'a') + " " + kCtest),
            "1 0 5 - run: ctest -j2");
  EXPECT_EQ(cache_.entries.at("maturity.content/1 " + std::string(40, 'c') + " " + kPermissions), "0 0");
  repo_.reads = 0;
  const Assessment second = assess_with_cache();
  EXPECT_EQ(repo_.reads, 0u);
  EXPECT_EQ(cache_.puts, 5u);
  for (const char* id : {"ci", "perm"}) {
    EXPECT_EQ(result(second, id).status, result(first, id).status) << id;
    EXPECT_EQ(result(second, id).evidence, result(first, id).evidence) << id;
  }
  EXPECT_EQ(result(second, "ci").evidence, std::vector<std::string>{".github/workflows/a.yml:5: - run: ctest -j2"});
  EXPECT_DOUBLE_EQ(result(second, "perm").score, 3.33);
}

TEST_F(ContentCache, AChangedBlobOrAnUnreadableValueIsSearchedAgain) {
  assess_with_cache();
  repo_.reads = 0;
  repo_.files[".github/workflows/c.yml"] = "permissions: {}\n";
  repo_.blobs[".github/workflows/c.yml"] = std::string(40, 'd');
  cache_.entries["maturity.content/1 " + std::string(40, 'b') + " " + kPermissions] = "1 0 x";
  const Assessment a = assess_with_cache();
  EXPECT_EQ(repo_.reads, 2u);  // c.yml (new blob) and b.yml (its value does not parse)
  EXPECT_EQ(result(a, "perm").evidence,
            (std::vector<std::string>{"2 of 3 files match /^\\s*permissions:/", "no match in .github/workflows/a.yml"}));
  EXPECT_EQ(cache_.entries.at("maturity.content/1 " + std::string(40, 'b') + " " + kPermissions),
            "1 0 1 permissions:");
}

TEST_F(ContentCache, AFileWithoutABlobIdIsSearchedEveryTime) {
  repo_.blobs.erase(".github/workflows/a.yml");
  assess_with_cache();
  repo_.reads = 0;
  assess_with_cache();
  EXPECT_EQ(repo_.reads, 1u);
  EXPECT_EQ(cache_.entries.size(), 2u);  // perm in b.yml and c.yml; nothing of a.yml
}

TEST(PatternOutcome, RecordsRoundTripAndOthersAreRefused) {
  PatternOutcome found;
  found.match = PatternMatch{12, "uses: actions/checkout@v4"};
  EXPECT_EQ(encode_outcome(found), "1 0 12 uses: actions/checkout@v4");
  const auto back = decode_outcome(encode_outcome(found));
  ASSERT_TRUE(back && back->match);
  EXPECT_EQ(back->match->line, 12u);
  EXPECT_EQ(back->match->line_text, "uses: actions/checkout@v4");
  EXPECT_FALSE(back->gave_up);
  PatternOutcome empty_line;
  empty_line.match = PatternMatch{3, ""};
  ASSERT_TRUE(decode_outcome(encode_outcome(empty_line)));
  EXPECT_EQ(decode_outcome(encode_outcome(empty_line))->match->line_text, "");
  PatternOutcome stopped;
  stopped.gave_up = true;
  EXPECT_EQ(encode_outcome(stopped), "0 1");
  EXPECT_TRUE(decode_outcome("0 1")->gave_up);
  for (const char* bad : {"", "2 0", "0", "0 0 7", "1 0", "1 0 0 x", "1 0 x", "0 2"})
    EXPECT_FALSE(decode_outcome(bad).has_value()) << bad;
  const ContentPattern pattern("ctest", false);
  EXPECT_EQ(pattern_cache_key(pattern, ""), "");
  EXPECT_EQ(pattern_cache_key(ContentPattern("x", true), "abc"), "maturity.content/1 abc 08a24607b54a077e");
  EXPECT_NE(pattern_cache_key(ContentPattern("x", false), "abc"), pattern_cache_key(ContentPattern("x", true), "abc"));
}

TEST(Evaluator, IgnoredPathsAndLargeFilesAreNotSeen) {
  const RuleSet r = parse_rule_file("version: 1\nignore: [vendor/]\nchecks:\n" +
                                        check("vendored", "      - files: [SECURITY.md]\n") +
                                        check("big", "      - files: [ci.yml]\n        contains: [ctest]\n"),
                                    "test.yaml");
  const Repo repo{{{"vendor/lib/SECURITY.md", ""}, {"ci.yml", std::string(100, ' ') + "ctest\n"}}, {}};
  EvaluationLimits limits;
  limits.max_file_size = 50;
  const Assessment a = assess(r, repo.snapshot(), NoHistoryFacts("none"), limits);
  EXPECT_EQ(result(a, "vendored").status, Status::fail);
  EXPECT_EQ(result(a, "big").status, Status::fail);
  EXPECT_EQ(result(a, "big").evidence,
            (std::vector<std::string>{"no match for /ctest/ in ci.yml",
                                      "1 file not searched (unreadable or larger than 50 bytes)"}));
}

}  // namespace
}  // namespace assay::maturity
