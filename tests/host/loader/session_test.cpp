// Sessions call into plugins and turn every failure, status or exception,
// into an error string; the instance is always closed.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "loader/host_binding.h"
#include "loader/plugin_loader.h"
#include "loader/reporter_session.h"
#include "loader/scanner_session.h"
#include "test_support.h"

namespace fs = std::filesystem;
using assay::loader::HostBinding;
using assay::loader::LoadedPlugin;
using assay::loader::PluginInfo;
using assay::loader::PluginLoader;
using assay::loader::ReporterSession;
using assay::loader::ScannerSession;
using namespace assay::loader::testing;

namespace {

class FixtureSessionTest : public ::testing::Test {
 protected:
  const LoadedPlugin& load(const std::string& name) {
    loader_.load_file(fixture(name));
    const LoadedPlugin* plugin = loader_.find(name);
    if (!plugin) throw std::runtime_error(name + " did not load");
    return *plugin;
  }

  LogRecorder log_;
  PluginLoader loader_{scan_functions(), log_.callback()};
};

TEST_F(FixtureSessionTest, ScannerEmitsOneFindingPerFile) {
  auto opened = ScannerSession::open(load("good_scanner"), R"({"enabled":true})");
  ASSERT_TRUE(opened) << opened.error;
  assay_scan scan;
  scan.files = {{"a.txt", "one\ntwo\n"}, {"src/b.c", "int x;"}, {"empty", ""}};
  EXPECT_EQ(opened.session->scan(&scan), ASSAY_OK);
  EXPECT_EQ(opened.session->error(), "");
  ASSERT_EQ(scan.findings.size(), 3u);
  EXPECT_EQ(scan.findings[0].rule, "fixture-file");
  EXPECT_EQ(scan.findings[0].title, "a.txt has 2 lines");
  EXPECT_EQ(scan.findings[0].path, "a.txt");
  EXPECT_EQ(scan.findings[0].line_start, 1u);
  EXPECT_EQ(scan.findings[0].line_end, 2u);
  EXPECT_EQ(scan.findings[0].category, "code-quality");
  EXPECT_EQ(scan.findings[0].tags, std::vector<std::string>{"fixture"});
  EXPECT_EQ(scan.findings[1].title, "src/b.c has 1 lines");
  EXPECT_EQ(scan.findings[2].line_start, 0u);
}

TEST_F(FixtureSessionTest, CancelledScanIsNotAnError) {
  auto opened = ScannerSession::open(load("good_scanner"), "{}");
  ASSERT_TRUE(opened) << opened.error;
  assay_scan scan;
  scan.files = {{"a.txt", "x\n"}};
  scan.cancelled = true;
  EXPECT_EQ(opened.session->scan(&scan), ASSAY_CANCELLED);
  EXPECT_EQ(opened.session->error(), "");
  EXPECT_TRUE(scan.findings.empty());
}

TEST_F(FixtureSessionTest, ScanFailureCarriesTheInstancesLastError) {
  auto opened = ScannerSession::open(load("scan_fails"), "{}");
  ASSERT_TRUE(opened) << opened.error;
  assay_scan scan;
  EXPECT_EQ(opened.session->scan(&scan), ASSAY_ERROR);
  EXPECT_EQ(opened.session->error(), "scanner_scan failed: scan exploded");
}

TEST_F(FixtureSessionTest, ScanThatThrowsBecomesAnError) {
  auto opened = ScannerSession::open(load("scan_throws"), "{}");
  ASSERT_TRUE(opened) << opened.error;
  assay_scan scan;
  EXPECT_EQ(opened.session->scan(&scan), ASSAY_ERROR);
  EXPECT_EQ(opened.session->error(), "scanner_scan threw: scan blew up");
  // The session stays usable: a later call reports afresh.
  EXPECT_EQ(opened.session->scan(&scan), ASSAY_ERROR);
  EXPECT_EQ(opened.session->error(), "scanner_scan threw: scan blew up");
}

TEST_F(FixtureSessionTest, OpenFailureCarriesTheSetErrorMessage) {
  auto opened = ScannerSession::open(load("open_fails"), "{}");
  EXPECT_FALSE(opened);
  EXPECT_EQ(opened.error, "scanner_open failed: license key not configured");
}

TEST_F(FixtureSessionTest, ScannerSessionRefusesAReporter) {
  auto opened = ScannerSession::open(load("good_reporter"), "{}");
  EXPECT_FALSE(opened);
  EXPECT_EQ(opened.error, "plugin 'good_reporter' is not a scanner");
}

assay_report report_into(const char* output_dir, size_t items) {
  assay_report report{};
  report.struct_size = sizeof(report);
  report.output_dir = output_dir;
  report.repository = "/srv/repo";
  report.commit = "abc123";
  report.next_best = "SEC-001";
  report.item_count = items;
  report.json = "{}";
  return report;
}

assay_item item(uint32_t rank, const char* key, double composite, const char* title) {
  assay_item it{};
  it.struct_size = sizeof(it);
  it.rank = rank;
  it.key = key;
  it.composite = composite;
  it.title = title;
  return it;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(FixtureSessionTest, ReporterReceivesTheReportAndItems) {
  TempDir out;
  const std::string dir = out.path().string();
  auto opened = ReporterSession::begin(load("good_reporter"), "{}", report_into(dir.c_str(), 2));
  ASSERT_TRUE(opened) << opened.error;
  EXPECT_EQ(opened.session->item(item(1, "SEC-001", 91.5, "Hard-coded password")), ASSAY_OK);
  EXPECT_EQ(opened.session->item(item(2, "TD-004", 40.25, "Split parser.c")), ASSAY_OK);
  EXPECT_EQ(opened.session->end(), ASSAY_OK) << opened.session->error();
  opened.session.reset();
  EXPECT_EQ(read_file(out.path() / "good_reporter.txt"),
            "repository /srv/repo commit abc123 items 2 next_best SEC-001\n"
            "1 SEC-001 91.50 Hard-coded password\n"
            "2 TD-004 40.25 Split parser.c\n");
}

TEST_F(FixtureSessionTest, ReporterBeginFailureCarriesTheSetErrorMessage) {
  auto opened = ReporterSession::begin(load("good_reporter"), "{}", report_into("", 0));
  EXPECT_FALSE(opened);
  EXPECT_EQ(opened.error, "reporter_begin failed: output_dir is required");
}

TEST_F(FixtureSessionTest, ReporterEndFailureCarriesTheInstancesLastError) {
  TempDir out;
  const std::string dir = (out.path() / "missing").string();
  auto opened = ReporterSession::begin(load("good_reporter"), "{}", report_into(dir.c_str(), 0));
  ASSERT_TRUE(opened) << opened.error;
  EXPECT_EQ(opened.session->end(), ASSAY_ERROR);
  EXPECT_EQ(opened.session->error(),
            "reporter_end failed: cannot write " + dir + "/good_reporter.txt: No such file or directory");
}

TEST_F(FixtureSessionTest, ReporterSessionRefusesAScanner) {
  auto opened = ReporterSession::begin(load("good_scanner"), "{}", report_into("/tmp", 0));
  EXPECT_FALSE(opened);
  EXPECT_EQ(opened.error, "plugin 'good_scanner' is not a reporter");
}

// --- plugins defined in this test, for failure modes no fixture shows ---

// The instance is the plugin's own host table: enough to call set_error later.
assay_instance* as_instance(const assay_host_api* host) {
  return reinterpret_cast<assay_instance*>(const_cast<assay_host_api*>(host));
}
const assay_host_api* as_host(assay_instance* instance) {
  return reinterpret_cast<assay_host_api*>(instance);
}

class InProcessTest : public ::testing::Test {
 protected:
  InProcessTest() {
    descriptor_.struct_size = sizeof(assay_plugin);
    descriptor_.api_major = ASSAY_API_MAJOR;
    descriptor_.kind = ASSAY_KIND_SCANNER;
    descriptor_.name = "inproc";
    descriptor_.version = "1";
    descriptor_.scanner_open = [](const assay_host_api* host, const char*, assay_instance** out) {
      *out = as_instance(host);
      return ASSAY_OK;
    };
    descriptor_.scanner_close = [](assay_instance*) {};
  }

  LoadedPlugin plugin() {
    PluginInfo info;
    info.name = "inproc";
    return LoadedPlugin(info, descriptor_,
                        std::make_unique<HostBinding>(scan_functions(), "inproc", log_ptr()), false);
  }
  std::shared_ptr<const assay::loader::LogCallback> log_ptr() {
    return std::make_shared<const assay::loader::LogCallback>(log_.callback());
  }

  assay_plugin descriptor_{};
  LogRecorder log_;
};

TEST_F(InProcessTest, StatusIsTheLastResortReason) {
  descriptor_.scanner_scan = [](assay_instance*, const assay_scan*) { return ASSAY_NO_MEMORY; };
  descriptor_.last_error = [](assay_instance*) -> const char* { return nullptr; };
  LoadedPlugin p = plugin();
  auto opened = ScannerSession::open(p, "{}");
  ASSERT_TRUE(opened) << opened.error;
  EXPECT_EQ(opened.session->scan(nullptr), ASSAY_NO_MEMORY);
  EXPECT_EQ(opened.session->error(), "scanner_scan failed: returned status 4");
}

TEST_F(InProcessTest, SetErrorExplainsAScanWithoutLastError) {
  descriptor_.scanner_scan = [](assay_instance* instance, const assay_scan*) {
    as_host(instance)->set_error(as_host(instance)->host, "disk full");
    return ASSAY_ERROR;
  };
  LoadedPlugin p = plugin();
  auto opened = ScannerSession::open(p, "{}");
  ASSERT_TRUE(opened) << opened.error;
  EXPECT_EQ(opened.session->scan(nullptr), ASSAY_ERROR);
  EXPECT_EQ(opened.session->error(), "scanner_scan failed: disk full");
}

TEST_F(InProcessTest, NonStandardExceptionIsCaught) {
  descriptor_.scanner_scan = [](assay_instance*, const assay_scan*) -> assay_status { throw 42; };
  LoadedPlugin p = plugin();
  auto opened = ScannerSession::open(p, "{}");
  ASSERT_TRUE(opened) << opened.error;
  EXPECT_EQ(opened.session->scan(nullptr), ASSAY_ERROR);
  EXPECT_EQ(opened.session->error(), "scanner_scan threw an exception that is not a std::exception");
}

TEST_F(InProcessTest, OpenThatThrowsBecomesAnError) {
  descriptor_.scanner_open = [](const assay_host_api*, const char*, assay_instance**) -> assay_status {
    throw std::runtime_error("bad config");
  };
  LoadedPlugin p = plugin();
  auto opened = ScannerSession::open(p, "{}");
  EXPECT_FALSE(opened);
  EXPECT_EQ(opened.error, "scanner_open threw: bad config");
}

TEST_F(InProcessTest, OpenWithoutInstanceIsAnError) {
  descriptor_.scanner_open = [](const assay_host_api*, const char*, assay_instance** out) {
    *out = nullptr;
    return ASSAY_OK;
  };
  LoadedPlugin p = plugin();
  auto opened = ScannerSession::open(p, "{}");
  EXPECT_FALSE(opened);
  EXPECT_EQ(opened.error, "scanner_open returned ASSAY_OK but no instance");
}

TEST_F(InProcessTest, CloseThatThrowsIsLoggedNotPropagated) {
  descriptor_.scanner_scan = [](assay_instance*, const assay_scan*) { return ASSAY_OK; };
  descriptor_.scanner_close = [](assay_instance*) { throw std::runtime_error("double free averted"); };
  LoadedPlugin p = plugin();
  {
    auto opened = ScannerSession::open(p, "{}");
    ASSERT_TRUE(opened) << opened.error;
  }
  EXPECT_TRUE(log_.contains(ASSAY_LOG_ERROR, "inproc", "scanner_close threw: double free averted"));
}

// A reporter whose calls are counted, to see close run after a failure.
struct ReporterCalls {
  int items = 0;
  int closes = 0;
};
ReporterCalls reporter_calls;

TEST_F(InProcessTest, ReporterIsClosedAfterAFailedItem) {
  reporter_calls = {};
  descriptor_ = assay_plugin{};
  descriptor_.struct_size = sizeof(assay_plugin);
  descriptor_.api_major = ASSAY_API_MAJOR;
  descriptor_.kind = ASSAY_KIND_REPORTER;
  descriptor_.name = "inproc";
  descriptor_.version = "1";
  descriptor_.reporter_begin = [](const assay_host_api*, const char*, const assay_report*,
                                  assay_instance** out) {
    *out = reinterpret_cast<assay_instance*>(&reporter_calls);
    return ASSAY_OK;
  };
  descriptor_.reporter_item = [](assay_instance*, const assay_item* item) -> assay_status {
    ++reporter_calls.items;
    if (item->rank == 2) throw std::length_error("title too long");
    return ASSAY_OK;
  };
  descriptor_.reporter_end = [](assay_instance*) { return ASSAY_OK; };
  descriptor_.reporter_close = [](assay_instance*) { ++reporter_calls.closes; };
  LoadedPlugin p = plugin();
  {
    auto opened = ReporterSession::begin(p, "{}", report_into("/tmp", 2));
    ASSERT_TRUE(opened) << opened.error;
    EXPECT_EQ(opened.session->item(item(1, "A-1", 1, "first")), ASSAY_OK);
    EXPECT_EQ(opened.session->error(), "");
    EXPECT_EQ(opened.session->item(item(2, "A-2", 1, "second")), ASSAY_ERROR);
    EXPECT_EQ(opened.session->error(), "reporter_item threw: title too long");
    EXPECT_EQ(reporter_calls.closes, 0);
  }
  EXPECT_EQ(reporter_calls.items, 2);
  EXPECT_EQ(reporter_calls.closes, 1);
}

}  // namespace
