// End to end: `assay scan` with the osv scanner enabled on a repository
// whose lockfiles name vulnerable packages of the fixture database, and the
// configuration check of an osv section without its database.
#include <gtest/gtest.h>

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
const std::string kOsvFixtures = std::string(ASSAY_SOURCE_DIR) + "/tests/plugins/scanners/osv/fixtures";

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class OsvE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-osv-e2e-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "repo");
  }
  void TearDown() override { fs::remove_all(dir_); }

  ProcessResult assay(std::vector<std::string> args) {
    args.insert(args.begin(), kAssay);
    return run_process(args);
  }

  fs::path dir_;
};

TEST_F(OsvE2E, ScanReportsVulnerableDependencies) {
  fs::copy_file(kOsvFixtures + "/lockfiles/requirements.txt", dir_ / "repo/requirements.txt");
  fs::copy_file(kOsvFixtures + "/lockfiles/Gemfile.lock", dir_ / "repo/Gemfile.lock");
  write(dir_ / "assay.yaml",
        "plugins:\n  markers: {enabled: false}\n  maturity: {enabled: false}\n  osv:\n    enabled: true\n    "
        "database: " +
            kOsvFixtures + "/db\n");
  const ProcessResult r = assay({"scan", (dir_ / "repo").string(), "--config", (dir_ / "assay.yaml").string(),
                                 "--out", (dir_ / "out").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const nlohmann::json b = nlohmann::json::parse(read(dir_ / "out/backlog.json"));
  ASSERT_EQ(b.at("items").size(), 3u) << b.dump(2);
  const nlohmann::json& first = b.at("items")[0];
  EXPECT_EQ(first.at("source"), "osv");
  EXPECT_EQ(first.at("rule"), "GHSA-test-django-0001");
  EXPECT_EQ(first.at("category"), "security");
  EXPECT_EQ(first.at("severity"), "critical");
  EXPECT_EQ(first.at("location").at("path"), "requirements.txt");
  EXPECT_EQ(first.at("location").at("line_start"), 3);
  EXPECT_EQ(first.at("details").at("occurrences")[0].at("fixed"), "3.2.1");
  EXPECT_EQ(first.at("scores").at("security"), 98.0);  // CVSS 9.8 x 10
  for (const auto& run : b.at("scan").at("plugins")) {
    if (run.at("name") != "osv") continue;
    EXPECT_EQ(run.at("status"), "ok");
    EXPECT_EQ(run.at("findings"), 3);
  }
  // The malformed fixture advisory is reported, with its JSON path.
  EXPECT_NE(r.err.find("bad-event.json: affected[0].ranges[0].events[0]"), std::string::npos) << r.err;
}

TEST_F(OsvE2E, EnabledWithoutDatabaseIsAConfigurationError) {
  write(dir_ / "assay.yaml", "plugins:\n  osv:\n    enabled: true\n");
  const ProcessResult r = assay({"config", "check", (dir_ / "assay.yaml").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE((r.out + r.err).find("plugins.osv: missing required key 'database'"), std::string::npos)
      << r.out << r.err;
}

TEST_F(OsvE2E, MissingDatabaseFailsOnlyTheOsvRun) {
  write(dir_ / "repo/requirements.txt", "Django==3.2.0\n");
  write(dir_ / "repo/main.c", "/* FIXME: overflow */\n");
  write(dir_ / "assay.yaml", "plugins:\n  maturity: {enabled: false}\n  osv: {enabled: true, database: " +
                                 (dir_ / "nowhere").string() + "}\n");
  const ProcessResult r = assay({"scan", (dir_ / "repo").string(), "--config", (dir_ / "assay.yaml").string(),
                                 "--out", (dir_ / "out").string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const nlohmann::json b = nlohmann::json::parse(read(dir_ / "out/backlog.json"));
  EXPECT_EQ(b.at("items").size(), 1u);  // the marker
  for (const auto& run : b.at("scan").at("plugins")) {
    if (run.at("name") != "osv") continue;
    EXPECT_EQ(run.at("status"), "failed");
    EXPECT_NE(run.at("error").get<std::string>().find("plugins.osv.database: "), std::string::npos)
        << run.dump();
  }
}

}  // namespace
