// Loading good plugins: what the host learns about them, the host table each
// one gets, older struct sizes, name clashes and the search order.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>

#include "loader/host_binding.h"
#include "loader/plugin_loader.h"
#include "loader/scanner_session.h"
#include "test_support.h"

namespace fs = std::filesystem;
using assay::loader::LoadedPlugin;
using assay::loader::PluginLoader;
using assay::loader::ScannerSession;
using namespace assay::loader::testing;

namespace {

TEST(LoadPlugins, GoodScannerLoadsWithItsInfo) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_file(fixture("good_scanner"));
  ASSERT_TRUE(loader.errors().empty()) << loader.errors()[0].message;
  ASSERT_EQ(loader.plugins().size(), 1u);
  const LoadedPlugin* plugin = loader.find("good_scanner");
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin, loader.plugins()[0].get());
  const auto& info = plugin->info();
  EXPECT_EQ(info.name, "good_scanner");
  EXPECT_EQ(info.version, "1.0.0");
  EXPECT_EQ(info.description, "Test fixture: one finding per file");
  EXPECT_EQ(info.schema_json, R"({"type":"object","properties":{"enabled":{"type":"boolean"}}})");
  EXPECT_EQ(info.kind, ASSAY_KIND_SCANNER);
  EXPECT_EQ(info.api_major, 1);
  EXPECT_EQ(info.api_minor, ASSAY_API_MINOR);  // the fixture is built against this SDK
  EXPECT_EQ(info.path, fixture("good_scanner"));
  EXPECT_TRUE(plugin->explicitly_requested());
  EXPECT_EQ(plugin->descriptor().struct_size, sizeof(assay_plugin));
  EXPECT_NE(plugin->descriptor().scanner_scan, nullptr);
  EXPECT_EQ(plugin->descriptor().reporter_begin, nullptr);
  EXPECT_EQ(loader.find("no_such_plugin"), nullptr);
}

TEST(LoadPlugins, GoodReporterLoadsWithItsInfo) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_file(fixture("good_reporter"));
  ASSERT_TRUE(loader.errors().empty()) << loader.errors()[0].message;
  const LoadedPlugin* plugin = loader.find("good_reporter");
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->info().kind, ASSAY_KIND_REPORTER);
  EXPECT_EQ(plugin->info().version, "2.1.0");
  EXPECT_EQ(plugin->info().schema_json, R"({"type":"object"})");
  EXPECT_EQ(plugin->descriptor().scanner_open, nullptr);
  EXPECT_NE(plugin->descriptor().reporter_close, nullptr);
}

TEST(LoadPlugins, EachPluginGetsItsOwnHostTableWithTheScanFunctions) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_file(fixture("good_scanner"));
  loader.load_file(fixture("good_reporter"));
  ASSERT_EQ(loader.plugins().size(), 2u);
  const assay_host_api* a = loader.plugins()[0]->host_api();
  const assay_host_api* b = loader.plugins()[1]->host_api();
  EXPECT_NE(a, b);
  EXPECT_NE(a->host, b->host);
  for (const assay_host_api* api : {a, b}) {
    EXPECT_EQ(api->struct_size, sizeof(assay_host_api));
    EXPECT_EQ(api->api_major, ASSAY_API_MAJOR);
    EXPECT_EQ(api->api_minor, ASSAY_API_MINOR);
    EXPECT_NE(api->log, nullptr);
    EXPECT_NE(api->set_error, nullptr);
    EXPECT_EQ(api->file_count, scan_functions().file_count);
    EXPECT_EQ(api->emit, scan_functions().emit);
    EXPECT_EQ(api->parallel_for, scan_functions().parallel_for);
    EXPECT_EQ(api->scan_commit, scan_functions().scan_commit);
    EXPECT_NE(api->line_origin, nullptr);  // the history functions of API 1.1 are always there
    // Not supplied by the test's scan functions: the binding answers ASSAY_UNSUPPORTED.
    ASSERT_NE(api->report_assessment, nullptr);
    EXPECT_EQ(api->report_assessment(nullptr, "{}"), ASSAY_UNSUPPORTED);
  }
}

TEST(LoadPlugins, OldMinorStructLoadsAndWorks) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_file(fixture("old_minor"));
  ASSERT_TRUE(loader.errors().empty()) << loader.errors()[0].message;
  const LoadedPlugin* plugin = loader.find("old_minor");
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->descriptor().struct_size, offsetof(assay_plugin, reporter_begin));
  EXPECT_EQ(plugin->descriptor().api_minor, 0);  // built for API 1.0
  EXPECT_EQ(plugin->info().kind, ASSAY_KIND_SCANNER);
  // The plugin wrote a reporter group beyond its struct_size; the host must not see it.
  EXPECT_EQ(plugin->descriptor().reporter_begin, nullptr);
  EXPECT_EQ(plugin->descriptor().reporter_close, nullptr);
  EXPECT_EQ(plugin->descriptor().scanner_flags, 0u);  // written beyond struct_size too
  EXPECT_FALSE(plugin->info().file_local());

  auto opened = ScannerSession::open(*plugin, "{}");
  ASSERT_TRUE(opened) << opened.error;
  assay_scan scan;
  scan.files = {{"a.txt", "1\n2\n3\n"}};
  EXPECT_EQ(opened.session->scan(&scan), ASSAY_OK) << opened.session->error();
  ASSERT_EQ(scan.findings.size(), 1u);
  EXPECT_EQ(scan.findings[0].title, "a.txt has 3 lines");
}

TEST(LoadPlugins, InitRunsAgainInAnotherLoader) {
  PluginLoader first(scan_functions(), discard_log());
  PluginLoader second(scan_functions(), discard_log());
  first.load_file(fixture("good_scanner"));
  second.load_file(fixture("good_scanner"));
  ASSERT_NE(first.find("good_scanner"), nullptr);
  ASSERT_NE(second.find("good_scanner"), nullptr);
  EXPECT_NE(first.find("good_scanner")->host_api(), second.find("good_scanner")->host_api());
  auto opened = ScannerSession::open(*second.find("good_scanner"), "{}");
  ASSERT_TRUE(opened) << opened.error;
}

TEST(LoadPlugins, WholeFixtureDirectoryLoadsTheGoodOnesInNameOrder) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_directory(fixture_dir(), true);
  std::vector<std::string> names;
  for (const auto& plugin : loader.plugins()) {
    names.push_back(plugin->info().name);
    EXPECT_FALSE(plugin->explicitly_requested());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"good_reporter", "good_scanner", "old_minor", "open_fails",
                                             "scan_fails", "scan_throws", "slow_scanner"}));
  // 16 faulty fixture plugins, the text file and the empty file.
  EXPECT_EQ(loader.errors().size(), 18u);
  for (const auto& error : loader.errors()) {
    EXPECT_EQ(error.path.parent_path(), fixture_dir());
    EXPECT_EQ(error.message.rfind(error.path.string() + ": ", 0), 0u) << error.message;
  }
}

class NameClashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(first_dir());
    fs::create_directories(second_dir());
    fs::copy_file(fixture("good_scanner"), first_dir() / "scanner.so");
    fs::copy_file(fixture("good_scanner"), second_dir() / "scanner.so");
  }
  fs::path first_dir() const { return temp_.path() / "first"; }
  fs::path second_dir() const { return temp_.path() / "second"; }

  TempDir temp_;
};

TEST_F(NameClashTest, FirstFoundWinsAndTheSecondIsAnError) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_directory(first_dir(), true);
  loader.load_directory(second_dir(), true);
  ASSERT_EQ(loader.plugins().size(), 1u);
  EXPECT_EQ(loader.plugins()[0]->info().path, first_dir() / "scanner.so");
  ASSERT_EQ(loader.errors().size(), 1u);
  EXPECT_EQ(loader.errors()[0].message, (second_dir() / "scanner.so").string() +
                                            ": duplicate plugin name 'good_scanner' (already loaded from " +
                                            (first_dir() / "scanner.so").string() + ")");
}

TEST_F(NameClashTest, TwoExplicitFilesWithOneNameAreAnError) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_file(first_dir() / "scanner.so");
  loader.load_file(second_dir() / "scanner.so");
  EXPECT_EQ(loader.plugins().size(), 1u);
  ASSERT_EQ(loader.errors().size(), 1u);
  EXPECT_NE(loader.errors()[0].message.find("duplicate plugin name 'good_scanner'"), std::string::npos);
}

TEST_F(NameClashTest, ExplicitFileTakesPrecedenceOverTheSearchPath) {
  LogRecorder log;
  PluginLoader loader(scan_functions(), log.callback());
  loader.load_all({second_dir() / "scanner.so"}, {first_dir()});
  EXPECT_TRUE(loader.errors().empty()) << loader.errors()[0].message;
  ASSERT_EQ(loader.plugins().size(), 1u);
  EXPECT_EQ(loader.plugins()[0]->info().path, second_dir() / "scanner.so");
  EXPECT_TRUE(loader.plugins()[0]->explicitly_requested());
  EXPECT_TRUE(log.contains(ASSAY_LOG_INFO, "", "is overridden by " + (second_dir() / "scanner.so").string()));
}

TEST_F(NameClashTest, TheSameFileTwiceIsLoadedOnce) {
  LogRecorder log;
  PluginLoader loader(scan_functions(), log.callback());
  loader.load_file(first_dir() / "scanner.so");
  loader.load_directory(first_dir(), true);
  loader.load_directory(first_dir() / ".." / "first", true);
  EXPECT_TRUE(loader.errors().empty()) << loader.errors()[0].message;
  EXPECT_EQ(loader.plugins().size(), 1u);
  EXPECT_TRUE(log.contains(ASSAY_LOG_DEBUG, "", "was already loaded"));
}

TEST(LoadPlugins, MissingDefaultDirectoryIsSkippedQuietly) {
  TempDir temp;
  LogRecorder log;
  PluginLoader loader(scan_functions(), log.callback());
  loader.load_directory(temp.path() / "absent", false);
  EXPECT_TRUE(loader.errors().empty());
  EXPECT_TRUE(loader.plugins().empty());
  EXPECT_TRUE(log.contains(ASSAY_LOG_DEBUG, "", (temp.path() / "absent").string() + " does not exist"));
  EXPECT_FALSE(log.contains(ASSAY_LOG_WARN, "", "does not exist"));
}

TEST(LoadPlugins, MissingConfiguredDirectoryIsAWarning) {
  TempDir temp;
  LogRecorder log;
  PluginLoader loader(scan_functions(), log.callback());
  loader.load_all({}, {temp.path() / "absent"});
  EXPECT_TRUE(loader.errors().empty());
  EXPECT_TRUE(log.contains(ASSAY_LOG_WARN, "", (temp.path() / "absent").string() + " does not exist"));
}

TEST(LoadPlugins, OnlySharedObjectFilesAreLoaded) {
  TempDir temp;
  fs::create_directories(temp.path() / "folder.so");
  std::ofstream(temp.path() / "README.md") << "plugins live here\n";
  fs::copy_file(fixture("good_scanner"), temp.path() / "scanner.so.disabled");
  fs::create_symlink(fixture("good_reporter"), temp.path() / "reporter.so");
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_directory(temp.path(), true);
  EXPECT_TRUE(loader.errors().empty()) << loader.errors()[0].message;
  ASSERT_EQ(loader.plugins().size(), 1u);
  EXPECT_EQ(loader.plugins()[0]->info().name, "good_reporter");
}

}  // namespace
