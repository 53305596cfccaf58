// End to end: `assay scan` on a directory with another tool's SARIF file and
// benchmark results, writing backlog.json and backlog.sarif.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.h"

namespace fs = std::filesystem;
using assay::test::ProcessResult;
using assay::test::run_process;

namespace {

const std::string kAssay = std::string(ASSAY_BINARY_DIR) + "/bin/assay";

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const char* kRuffSarif = R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "ruff", "rules": [
  {"id": "F401", "shortDescription": {"text": "unused import"}, "properties": {"name": "unused-import"}}]}},
  "results": [
    {"ruleId": "F401", "level": "error", "message": {"text": "`os` imported but unused"},
     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/app.py"}, "region": {"startLine": 1}}}]},
    {"ruleId": "F401", "level": "error", "message": {"text": "`sys` imported but unused"},
     "suppressions": [{"kind": "inSource"}],
     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/app.py"}, "region": {"startLine": 2}}}]},
    {"ruleId": "F401", "level": "error", "message": {"text": "outside"},
     "locations": [{"physicalLocation": {"artifactLocation": {"uri": "../../etc/passwd"}}}]}]}]})";

class EvidenceE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-evidence-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    repo_ = dir_ / "repo";
    write(repo_ / "src/app.py", "import os\nimport sys\n\nprint('hello')\n");
    write(repo_ / "reports/ruff.sarif", kRuffSarif);
    const std::string fixtures =
        std::string(ASSAY_SOURCE_DIR) + "/tests/plugins/scanners/benchmarks/fixtures/";
    write(repo_ / "bench/current.json", read(fixtures + "google-current.json"));
    write(repo_ / "bench/baseline.json", read(fixtures + "google-baseline.json"));
    // The maturity scanner is off: these tests count the imported findings.
    write(config_, R"(plugins:
  maturity:
    enabled: false
  sarif:
    paths: ["reports/*.sarif"]
  benchmarks:
    comparisons: [{current: bench/current.json, baseline: bench/baseline.json}]
report:
  formats: [json, sarif]
)");
  }
  void TearDown() override { fs::remove_all(dir_); }

  ProcessResult assay(std::vector<std::string> args) {
    args.insert(args.begin(), kAssay);
    return run_process(args);
  }

  fs::path dir_;
  fs::path repo_;
  fs::path config_ =
      fs::temp_directory_path() / ("assay-evidence-e2e-" + std::to_string(::getpid()) + ".yaml");
};

TEST_F(EvidenceE2E, SarifAndBenchmarkFindingsReachBothReports) {
  const ProcessResult r = assay({"scan", repo_.string(), "--config", config_.string()});
  fs::remove(config_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("[sarif] reports/ruff.sarif: runs[0].results[2].locations[0]: uri '../../etc/passwd'"),
            std::string::npos)
      << r.err;

  const nlohmann::json backlog = nlohmann::json::parse(read(repo_ / ".assay/backlog.json"));
  ASSERT_EQ(backlog["items"].size(), 2u) << backlog.dump(2);
  std::map<std::string, nlohmann::json> by_source;
  for (const auto& item : backlog["items"]) by_source[item["source"]] = item;
  const nlohmann::json& ruff = by_source.at("sarif");
  EXPECT_EQ(ruff["title"], "F401: `os` imported but unused");
  EXPECT_EQ(ruff["category"], "code-quality");
  EXPECT_EQ(ruff["severity"], "high");
  EXPECT_EQ(ruff["location"]["path"], "src/app.py");
  EXPECT_EQ(ruff["details"]["identity"], "line-text");
  const nlohmann::json& bench = by_source.at("benchmarks");
  EXPECT_EQ(bench["title"], "BM_Parse/64 is 28.8% slower (median 1.04 µs -> 1.34 µs)");
  EXPECT_EQ(bench["category"], "performance");

  const nlohmann::json sarif = nlohmann::json::parse(read(repo_ / ".assay/backlog.sarif"));
  EXPECT_EQ(sarif["version"], "2.1.0");
  const nlohmann::json& results = sarif["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2u);
  for (const auto& result : results) {
    EXPECT_TRUE(result["partialFingerprints"]["assay/v1"].is_string());
    EXPECT_TRUE(result["properties"]["assay"]["scores"].contains("composite"));
  }
  EXPECT_FALSE(fs::exists(repo_ / ".assay/BACKLOG.md"));  // md is not among the formats
}

TEST_F(EvidenceE2E, FormatSarifNamesTheReporter) {
  const ProcessResult r = assay({"scan", repo_.string(), "--config", config_.string(), "--format", "sarif"});
  fs::remove(config_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(repo_ / ".assay/backlog.sarif"));
  EXPECT_FALSE(fs::exists(repo_ / ".assay/backlog.json"));
}

}  // namespace
