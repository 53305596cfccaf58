// Fuzzing of the maturity rule files: parse_rule_file, then the rules
// evaluated over a small repository (scores, percentages and levels within
// their ranges and consistent with each other).
#include <stdexcept>
#include <string>

#include "evaluator.h"
#include "fuzz_check.h"
#include "harnesses.h"
#include "rule_file.h"

namespace assay::fuzz {
namespace {

// Facts that answer every history question, so history rules are decided.
class SomeHistory : public maturity::HistoryFacts {
 public:
  std::optional<std::string> unavailable_reason() const override { return std::nullopt; }
  std::optional<maturity::FileHistory> file(std::string_view path) const override {
    if (path.size() % 2 == 0) return std::nullopt;
    return maturity::FileHistory{1'000'000, 1'700'000'000, {1'600'000'000, 1'700'000'000}};
  }
  uint64_t commits_since(int64_t) const override { return 7; }
  int64_t now() const override { return 1'700'100'000; }
};

maturity::RepositorySnapshot small_repository() {
  maturity::RepositorySnapshot s;
  s.files = {{"README.md", "markdown", 40},
             {".github/workflows/ci.yml", "yaml", 40},
             {"src/main.py", "python", 40},
             {"tests/test_main.py", "python", 40},
             {"Dockerfile", "dockerfile", 40},
             {"vendor/lib/x.go", "go", 40},
             {"go.mod", "", 40},
             {"docs/guide.md", "markdown", 40}};
  s.read = [](size_t index) -> std::optional<std::string> {
    if (index == 5) return std::nullopt;  // unreadable
    return std::string("# title\n## Install\nrun: pytest -q\nFROM debian:12 AS x\nUSER app\n")
        .append(index, 'x');
  };
  return s;
}

void check_assessment(const maturity::Assessment& a, size_t checks) {
  ASSAY_FUZZ_CHECK(a.checks.size() == checks, "every check has a result");
  ASSAY_FUZZ_CHECK(a.percent >= 0 && a.percent <= 100, "the overall percentage is within 0..100");
  ASSAY_FUZZ_CHECK(a.level == maturity::level_for(a.percent), "the level follows the percentage");
  for (const auto& r : a.checks) {
    if (r.status == maturity::Status::inconclusive) {
      ASSAY_FUZZ_CHECK(r.score == -1, "an inconclusive check scores -1");
    } else {
      ASSAY_FUZZ_CHECK(r.score >= 0 && r.score <= 10, "a score is within 0..10");
      ASSAY_FUZZ_CHECK((r.status == maturity::Status::pass) == (r.score == 10), "pass is exactly 10");
      ASSAY_FUZZ_CHECK((r.status == maturity::Status::fail) == (r.score == 0), "fail is exactly 0");
    }
    ASSAY_FUZZ_CHECK(!r.evidence.empty(), "every check says why");
  }
  for (const auto& d : a.dimensions)
    ASSAY_FUZZ_CHECK(!d.percent || (*d.percent >= 0 && *d.percent <= 100), "a dimension is within 0..100");
}

}  // namespace

Verdict run_maturity(std::string_view input) {
  maturity::RuleSet rules;
  try {
    rules = maturity::parse_rule_file(input, "fuzz.yaml");
  } catch (const maturity::RuleFileError& e) {
    ASSAY_FUZZ_CHECK(std::string(e.what()).rfind("fuzz.yaml", 0) == 0, "an error names the file");
    return Verdict::rejected;
  }
  check_assessment(maturity::assess(rules, small_repository(), SomeHistory()), rules.checks.size());
  check_assessment(maturity::assess(rules, small_repository(), maturity::NoHistoryFacts("none")),
                   rules.checks.size());
  return Verdict::accepted;
}

}  // namespace assay::fuzz
