// Every way a shared object can be wrong gives exactly one error line that
// starts with the file's path, and no loaded plugin.
#include <gtest/gtest.h>

#include <cctype>
#include <cstddef>
#include <ostream>
#include <string>

#include "loader/plugin_loader.h"
#include "test_support.h"

namespace fs = std::filesystem;
using assay::loader::PluginLoader;
using namespace assay::loader::testing;

namespace {

struct BrokenPlugin {
  std::string file;    // in the fixture directory
  std::string reason;  // what follows "<path>: "
};

// Lets gtest name a parameter without dumping its bytes.
void PrintTo(const BrokenPlugin& plugin, std::ostream* out) { *out << plugin.file; }

std::string fixture_file(const std::string& name) { return "fixture-" + name + ".so"; }

class LoadErrorTest : public ::testing::TestWithParam<BrokenPlugin> {};

TEST_P(LoadErrorTest, GivesOneLineStartingWithThePath) {
  LogRecorder log;
  PluginLoader loader(scan_functions(), log.callback());
  const fs::path path = fixture_dir() / GetParam().file;
  loader.load_file(path);
  EXPECT_TRUE(loader.plugins().empty());
  ASSERT_EQ(loader.errors().size(), 1u);
  EXPECT_EQ(loader.errors()[0].path, path);
  EXPECT_EQ(loader.errors()[0].message, path.string() + ": " + GetParam().reason);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, LoadErrorTest,
    ::testing::Values(
        BrokenPlugin{"not_a_shared_object.so", "cannot load shared object: invalid ELF header"},
        BrokenPlugin{"empty.so", "cannot load shared object: file too short"},
        BrokenPlugin{fixture_file("no_entry"), "no entry point: assay_plugin_init is not exported"},
        BrokenPlugin{fixture_file("init_fails"), "init failed with status 1: database missing"},
        BrokenPlugin{fixture_file("init_fails_silently"), "init failed with status 3: no reason given"},
        BrokenPlugin{fixture_file("init_throws"), "init threw: boom"},
        BrokenPlugin{fixture_file("major_mismatch"), "built for API 2.0, host speaks 1.4"},
        BrokenPlugin{fixture_file("minor_too_new"), "built for API 1.7, host speaks 1.4"},
        BrokenPlugin{fixture_file("struct_too_large"),
                     "assay_plugin struct_size " + std::to_string(sizeof(assay_plugin) + 16) +
                         " is larger than the " + std::to_string(sizeof(assay_plugin)) +
                         " bytes this host knows"},
        BrokenPlugin{fixture_file("struct_too_small"),
                     "assay_plugin struct_size " + std::to_string(offsetof(assay_plugin, config_schema)) +
                         " is smaller than the " + std::to_string(offsetof(assay_plugin, scanner_open)) +
                         " bytes API 1.4 requires"},
        BrokenPlugin{fixture_file("half_group"), "scanner group incomplete: scanner_scan is NULL"},
        BrokenPlugin{fixture_file("both_groups"),
                     "both the scanner and the reporter group are filled; a plugin is one kind"},
        BrokenPlugin{fixture_file("no_group"), "neither the scanner nor the reporter group is filled"},
        BrokenPlugin{fixture_file("kind_mismatch"), "kind says reporter but the scanner group is filled"},
        BrokenPlugin{fixture_file("bad_name"),
                     "invalid name 'Bad Name': a name must match [a-z0-9][a-z0-9_-]*"},
        BrokenPlugin{fixture_file("no_name"), "name is missing"},
        BrokenPlugin{fixture_file("no_version"), "version is missing"}),
    [](const ::testing::TestParamInfo<BrokenPlugin>& info) {
      std::string name = fs::path(info.param.file).stem().string();
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(LoadErrors, SchemaThatIsNotJsonNamesTheParseError) {
  PluginLoader loader(scan_functions(), discard_log());
  const fs::path path = fixture("bad_schema");
  loader.load_file(path);
  EXPECT_TRUE(loader.plugins().empty());
  ASSERT_EQ(loader.errors().size(), 1u);
  const std::string& message = loader.errors()[0].message;
  EXPECT_EQ(message.rfind(path.string() + ": config_schema is not valid JSON: ", 0), 0u) << message;
  EXPECT_NE(message.find("parse error"), std::string::npos) << message;
}

TEST(LoadErrors, MissingExplicitFile) {
  PluginLoader loader(scan_functions(), discard_log());
  const fs::path path = fixture_dir() / "does-not-exist.so";
  loader.load_file(path);
  ASSERT_EQ(loader.errors().size(), 1u);
  EXPECT_EQ(loader.errors()[0].message, path.string() + ": no such file");
}

TEST(LoadErrors, ExplicitDirectoryIsNotAPlugin) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_file(fixture_dir());
  ASSERT_EQ(loader.errors().size(), 1u);
  EXPECT_EQ(loader.errors()[0].message, fixture_dir().string() + ": not a regular file");
}

TEST(LoadErrors, PluginDirectoryThatIsAFile) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_directory(fixture("good_scanner"), true);
  ASSERT_EQ(loader.errors().size(), 1u);
  EXPECT_EQ(loader.errors()[0].message, fixture("good_scanner").string() + ": not a directory");
}

TEST(LoadErrors, ARefusedPluginDoesNotStopTheOthers) {
  PluginLoader loader(scan_functions(), discard_log());
  loader.load_file(fixture("init_throws"));
  loader.load_file(fixture("good_scanner"));
  loader.load_file(fixture("no_entry"));
  loader.load_file(fixture("good_reporter"));
  EXPECT_EQ(loader.errors().size(), 2u);
  ASSERT_EQ(loader.plugins().size(), 2u);
  EXPECT_EQ(loader.plugins()[0]->info().name, "good_scanner");
  EXPECT_EQ(loader.plugins()[1]->info().name, "good_reporter");
}

}  // namespace
