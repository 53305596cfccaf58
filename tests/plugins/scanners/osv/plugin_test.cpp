// Loads the built assay-osv.so with dlopen and drives it through the C ABI
// with a host API table over in-memory lockfiles, as the real host would,
// against the fixture database plus an all.zip export.
#include <assay/plugin.h>
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "scratch_dir.h"
#include "zip_builder.h"

namespace {

struct MemoryFile {
  std::string path;
  std::string content;
};

struct Emitted {
  std::string rule, title, category, path, evidence, severity, identity, details_json;
  uint32_t line_start = 0, line_end = 0;
  double confidence = -1, cvss = -1;
  std::vector<std::string> tags;
};

struct TestHost {
  std::vector<MemoryFile> files;
  std::string root = "/repo";
  std::mutex mutex;
  std::vector<Emitted> findings;
  std::vector<std::pair<assay_log_level, std::string>> logs;
  std::string error;
  int cancel_after = -1;
  std::atomic<bool> cancelled{false};
};

}  // namespace

struct assay_host {
  TestHost* test;
};
struct assay_scan {
  TestHost* test;
};

namespace {

std::string str(const char* s) { return s ? s : ""; }

void host_log(assay_host* h, assay_log_level level, const char* message) {
  std::lock_guard lock(h->test->mutex);
  h->test->logs.emplace_back(level, message);
}
void host_set_error(assay_host* h, const char* message) { h->test->error = message; }
void* host_alloc(size_t size) { return std::malloc(size); }
void host_free(void* p) { std::free(p); }
size_t host_file_count(const assay_scan* s) { return s->test->files.size(); }

assay_status host_file_info(const assay_scan* s, size_t index, assay_file_info* out) {
  if (index >= s->test->files.size()) return ASSAY_INVALID;
  out->path = s->test->files[index].path.c_str();
  out->size = s->test->files[index].content.size();
  out->blob_id = "";
  out->language = "";
  return ASSAY_OK;
}

assay_status host_file_read(const assay_scan* s, size_t index, assay_blob* out) {
  if (index >= s->test->files.size()) return ASSAY_INVALID;
  out->data = s->test->files[index].content.data();
  out->size = s->test->files[index].content.size();
  return ASSAY_OK;
}

void host_file_release(const assay_scan*, assay_blob*) {}

assay_status host_emit(const assay_scan* s, const assay_finding* f) {
  TestHost& t = *s->test;
  std::lock_guard lock(t.mutex);
  if (t.cancelled) return ASSAY_CANCELLED;
  Emitted e{str(f->rule),
            str(f->title),
            str(f->category),
            str(f->path),
            str(f->evidence),
            str(f->severity),
            str(f->identity),
            str(f->details_json),
            f->line_start,
            f->line_end,
            f->confidence,
            f->cvss,
            {}};
  for (size_t i = 0; i < f->tag_count; ++i) e.tags.push_back(f->tags[i]);
  t.findings.push_back(std::move(e));
  if (t.cancel_after >= 0 && static_cast<int>(t.findings.size()) >= t.cancel_after) t.cancelled = true;
  return ASSAY_OK;
}

int host_is_cancelled(const assay_scan* s) { return s->test->cancelled ? 1 : 0; }

assay_status host_parallel_for(const assay_scan* s, size_t count, void (*fn)(void*, size_t), void* user) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) {
      if (s->test->cancelled) return;
      fn(user, i);
    }
  };
  std::thread helper(worker);
  worker();
  helper.join();
  return s->test->cancelled ? ASSAY_CANCELLED : ASSAY_OK;
}

const char* host_scan_root(const assay_scan* s) { return s->test->root.c_str(); }
const char* host_scan_commit(const assay_scan*) { return ""; }

std::string read_fixture(const std::string& relative) {
  std::ifstream in(assay::osv::testing::fixture_path(relative), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class OsvPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    library_ = dlopen(ASSAY_PLUGIN_DIR "/assay-osv.so", RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(library_, nullptr) << dlerror();
    auto init = reinterpret_cast<assay_plugin_init_fn>(dlsym(library_, ASSAY_PLUGIN_INIT_SYMBOL));
    ASSERT_NE(init, nullptr);
    handle_.test = &test_;
    scan_.test = &test_;
    api_ = assay_host_api{sizeof(assay_host_api),
                          ASSAY_API_MAJOR,
                          ASSAY_API_MINOR,
                          &handle_,
                          host_log,
                          host_set_error,
                          host_alloc,
                          host_free,
                          host_file_count,
                          host_file_info,
                          host_file_read,
                          host_file_release,
                          host_emit,
                          host_is_cancelled,
                          host_parallel_for,
                          host_scan_root,
                          host_scan_commit,
                          nullptr,
                          nullptr,
                          nullptr,   // no history
                          nullptr,   // report_assessment: osv assesses nothing
                          nullptr,   // deliver (ABI 1.2): scanners have no report to deliver
                          nullptr,   // commits_since (ABI 1.3): no history
                          nullptr,   // cache_get (ABI 1.4): osv caches nothing
                          nullptr};  // cache_put
    plugin_.struct_size = sizeof(plugin_);
    ASSERT_EQ(init(&api_, &plugin_, sizeof(plugin_)), ASSAY_OK) << test_.error;
    // The fixture tree plus an npm all.zip export.
    std::filesystem::copy(assay::osv::testing::fixture_path("db"), db_.path() / "db",
                          std::filesystem::copy_options::recursive);
    db_.write(
        "db/npm-export/all.zip",
        assay::osv::testing::build_zip(
            {{"GHSA-test-traverse.json",
              R"({"id": "GHSA-test-traverse", "modified": "2023-10-01T00:00:00Z", "aliases": ["CVE-2023-45133"],
                        "summary": "Arbitrary code execution when compiling crafted code",
                        "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"}],
                        "affected": [{"package": {"ecosystem": "npm", "name": "@babel/traverse"},
                          "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "7.23.2"}]}]}]})"}}));
  }

  void add_fixture(const std::string& repository_path, const std::string& fixture) {
    test_.files.push_back({repository_path, read_fixture("lockfiles/" + fixture)});
  }

  std::string config(const std::string& extra = "") const {
    return R"({"database": ")" + (db_.path() / "db").string() + "\"" + extra + "}";
  }

  assay_status run(const std::string& config_json) {
    assay_instance* instance = nullptr;
    if (plugin_.scanner_open(&api_, config_json.c_str(), &instance) != ASSAY_OK) return ASSAY_ERROR;
    const assay_status status = plugin_.scanner_scan(instance, &scan_);
    if (status != ASSAY_OK && status != ASSAY_CANCELLED) scan_error_ = str(plugin_.last_error(instance));
    plugin_.scanner_close(instance);
    std::sort(test_.findings.begin(), test_.findings.end(), [](const Emitted& a, const Emitted& b) {
      return std::tie(a.path, a.line_start) < std::tie(b.path, b.line_start);
    });
    return status;
  }

  const Emitted* finding(const std::string& path, const std::string& rule) const {
    for (const Emitted& f : test_.findings) {
      if (f.path == path && f.rule == rule) return &f;
    }
    return nullptr;
  }

  bool logged(assay_log_level level, const std::string& fragment) const {
    return std::any_of(test_.logs.begin(), test_.logs.end(), [&](const auto& l) {
      return l.first == level && l.second.find(fragment) != std::string::npos;
    });
  }

  void* library_ = nullptr;
  assay::osv::testing::ScratchDir db_;
  TestHost test_;
  assay_host handle_{};
  assay_scan scan_{};
  assay_host_api api_{};
  assay_plugin plugin_{};
  std::string scan_error_;
};

TEST_F(OsvPlugin, InitDescribesAScannerWithSchema) {
  EXPECT_EQ(plugin_.kind, static_cast<uint32_t>(ASSAY_KIND_SCANNER));
  EXPECT_STREQ(plugin_.name, "osv");
  const auto schema = nlohmann::json::parse(plugin_.config_schema);
  EXPECT_EQ(schema["required"], nlohmann::json::array({"database"}));
  EXPECT_EQ(schema["properties"]["database"]["type"], "string");
}

TEST_F(OsvPlugin, FindsVulnerableDependenciesOfEveryEcosystem) {
  add_fixture("requirements.txt", "requirements.txt");
  add_fixture("web/package-lock.json", "package-lock-v3.json");
  add_fixture("ui/pnpm-lock.yaml", "pnpm-v6.yaml");
  add_fixture("svc/go.mod", "go.mod");
  add_fixture("svc/go.sum", "go.sum");
  add_fixture("rs/Cargo.lock", "Cargo.lock");
  add_fixture("rb/Gemfile.lock", "Gemfile.lock");
  add_fixture("php/composer.lock", "composer.lock");
  add_fixture("java/gradle.lockfile", "gradle.lockfile");
  add_fixture("cpp/conanfile.txt", "conanfile.txt");
  add_fixture("cpp/vcpkg.json", "vcpkg.json");
  test_.files.push_back({"README.md", "not a lockfile\n"});
  ASSERT_EQ(run(config()), ASSAY_OK) << scan_error_;

  std::vector<std::string> seen;
  for (const Emitted& f : test_.findings)
    seen.push_back(f.path + ":" + std::to_string(f.line_start) + " " + f.rule);
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "cpp/conanfile.txt:2 OSV-test-zlib",
                      "cpp/vcpkg.json:10 OSV-test-zlib",
                      "java/gradle.lockfile:4 GHSA-test-jackson",
                      "java/gradle.lockfile:5 GHSA-test-log4j",
                      "php/composer.lock:6 GHSA-test-symfony",
                      "rb/Gemfile.lock:15 GHSA-test-rack",
                      "requirements.txt:3 GHSA-test-django-0001",
                      "requirements.txt:10 PYSEC-test-pyyaml-last",
                      "rs/Cargo.lock:14 RUSTSEC-2021-test-3",
                      "svc/go.mod:6 GO-2023-test-gin",
                      "ui/pnpm-lock.yaml:13 GHSA-test-lodash-limit",
                      "ui/pnpm-lock.yaml:21 MAL-2024-test-1",
                      "web/package-lock.json:12 GHSA-test-lodash-limit",
                      "web/package-lock.json:16 GHSA-test-traverse",
                      "web/package-lock.json:19 GHSA-test-qs-versions",
                  }));
  // Not reported: withdrawn urllib3, nokogiri at exactly its fixed version,
  // the malformed requests advisory, and golang.org/x/net, vulnerable only at
  // the pseudo-version of go.sum, which go.mod beside it overrides.
  EXPECT_TRUE(logged(ASSAY_LOG_INFO, "15 vulnerable packages in 10 lockfiles"));
}

TEST_F(OsvPlugin, FindingCarriesAdvisoryPackageAndLockfileLine) {
  add_fixture("requirements.txt", "requirements.txt");
  ASSERT_EQ(run(config()), ASSAY_OK) << scan_error_;
  const Emitted* django = finding("requirements.txt", "GHSA-test-django-0001");
  ASSERT_NE(django, nullptr);
  // GHSA-test-django-0001 and PYSEC-2021-test-7 share CVE-2021-31542: one finding.
  EXPECT_EQ(django->title,
            "Django 3.2.0: GHSA-test-django-0001 (CVE-2021-31542) Potential directory traversal via uploaded "
            "files; "
            "fixed in 3.2.1");
  EXPECT_EQ(django->category, "security");
  EXPECT_EQ(django->severity, "critical");
  EXPECT_DOUBLE_EQ(django->cvss, 9.8);
  EXPECT_EQ(django->line_start, 3u);
  EXPECT_EQ(django->line_end, 3u);
  EXPECT_EQ(django->evidence, "Django==3.2.0");
  EXPECT_DOUBLE_EQ(django->confidence, 0.9);  // a manifest pin
  EXPECT_EQ(django->identity, "osv:GHSA-test-django-0001:PyPI/django:requirements.txt");
  EXPECT_EQ(django->tags, (std::vector<std::string>{"osv", "vulnerability", "pypi"}));
  const auto details = nlohmann::json::parse(django->details_json);
  EXPECT_EQ(details["ecosystem"], "PyPI");
  EXPECT_EQ(details["package"], "Django");
  EXPECT_EQ(details["advisory"], "GHSA-test-django-0001");
  EXPECT_EQ(details["aliases"], nlohmann::json::array({"CVE-2021-31542", "PYSEC-2021-test-7"}));
  EXPECT_EQ(details["lockfile"], "requirements.txt");
  EXPECT_EQ(details["lockfile_format"], "requirements.txt");
  ASSERT_EQ(details["occurrences"].size(), 1u);
  EXPECT_EQ(details["occurrences"][0]["version"], "3.2.0");
  EXPECT_EQ(details["occurrences"][0]["line"], 3);
  EXPECT_EQ(details["occurrences"][0]["text"], "Django==3.2.0");
  EXPECT_EQ(details["occurrences"][0]["fixed"], "3.2.1");
  EXPECT_EQ(details["cvss_vector"], "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  EXPECT_EQ(details["severity_source"], "advisory CVSS v3 base score");
  EXPECT_EQ(details["advisories"].size(), 2u);

  const Emitted* yaml = finding("requirements.txt", "PYSEC-test-pyyaml-last");
  ASSERT_NE(yaml, nullptr);
  EXPECT_EQ(yaml->title,
            "PyYAML 5.3.1: PYSEC-test-pyyaml-last Arbitrary code execution in full_load; "
            "no fixed version (last affected 5.3.1)");
  EXPECT_EQ(yaml->category, "dependency");
  EXPECT_EQ(yaml->severity, "");
  EXPECT_LT(yaml->cvss, 0);
}

TEST_F(OsvPlugin, SeverityWordsMaliciousPackagesAndZipAdvisories) {
  add_fixture("web/package-lock.json", "package-lock-v3.json");
  add_fixture("ui/pnpm-lock.yaml", "pnpm-v6.yaml");
  ASSERT_EQ(run(config()), ASSAY_OK) << scan_error_;
  const Emitted* lodash = finding("web/package-lock.json", "GHSA-test-lodash-limit");
  ASSERT_NE(lodash, nullptr);
  EXPECT_EQ(lodash->severity, "high");  // database_specific HIGH
  EXPECT_EQ(lodash->category, "security");
  EXPECT_DOUBLE_EQ(lodash->confidence, 1.0);  // a resolved lockfile version
  EXPECT_EQ(lodash->evidence, "\"node_modules/lodash\": {");
  EXPECT_NE(lodash->title.find("; no fixed version"), std::string::npos)
      << lodash->title;  // a limit is no fix
  const Emitted* qs = finding("web/package-lock.json", "GHSA-test-qs-versions");
  ASSERT_NE(qs, nullptr);
  EXPECT_EQ(qs->severity, "medium");
  EXPECT_EQ(qs->category, "dependency");
  const Emitted* traverse = finding("web/package-lock.json", "GHSA-test-traverse");
  ASSERT_NE(traverse, nullptr);
  EXPECT_DOUBLE_EQ(traverse->cvss, 8.8);
  EXPECT_NE(nlohmann::json::parse(traverse->details_json)["advisories"][0]["source"].get<std::string>().find(
                "all.zip:GHSA-test-traverse.json"),
            std::string::npos);
  const Emitted* malicious = finding("ui/pnpm-lock.yaml", "MAL-2024-test-1");
  ASSERT_NE(malicious, nullptr);
  EXPECT_EQ(malicious->severity, "critical");
  EXPECT_EQ(malicious->category, "security");
  EXPECT_EQ(malicious->tags.back(), "malicious");
}

TEST_F(OsvPlugin, OneFindingPerAdvisoryPackageAndLockfile) {
  // Two installed copies of a vulnerable package: one finding naming both.
  test_.files.push_back({"package-lock.json", R"({"lockfileVersion": 3, "packages": {
    "node_modules/lodash": {"version": "4.17.20"},
    "node_modules/a/node_modules/lodash": {"version": "4.17.15"},
    "node_modules/b/node_modules/lodash": {"version": "4.17.21"}}})"});
  ASSERT_EQ(run(config()), ASSAY_OK) << scan_error_;
  ASSERT_EQ(test_.findings.size(), 1u);
  const Emitted& f = test_.findings[0];
  EXPECT_EQ(f.line_start, 2u);
  EXPECT_NE(f.title.find("lodash 4.17.20, 4.17.15: GHSA-test-lodash-limit"), std::string::npos) << f.title;
  const auto details = nlohmann::json::parse(f.details_json);
  ASSERT_EQ(details["occurrences"].size(), 2u);
  EXPECT_EQ(details["occurrences"][1]["line"], 3);
}

TEST_F(OsvPlugin, BadLockfilesAndAdvisoriesAreLoggedAndTheRestScanned) {
  test_.files.push_back(
      {"broken/package-lock.json", "{\"packages\": {\n  \"node_modules/x\": {\"version\": 1}\n"});
  test_.files.push_back({"warn/composer.lock", R"({"packages": [{"name": "a/b"}]})"});
  add_fixture("requirements.txt", "requirements.txt");
  ASSERT_EQ(run(config()), ASSAY_OK) << scan_error_;
  EXPECT_EQ(test_.findings.size(), 2u);
  EXPECT_TRUE(
      logged(ASSAY_LOG_WARN,
             "broken/package-lock.json: not a readable package-lock.json: invalid JSON at line 3, column 1: "
             "unexpected end of input inside an object"));
  EXPECT_TRUE(logged(ASSAY_LOG_WARN, "warn/composer.lock: line 1: packages[0] without name and version"));
  EXPECT_TRUE(logged(ASSAY_LOG_WARN,
                     "PyPI/bad-event.json: affected[0].ranges[0].events[0]: an event has exactly one of"));
  EXPECT_TRUE(logged(ASSAY_LOG_INFO, "16 advisories indexed from"));
}

TEST_F(OsvPlugin, RelativeDatabaseIsUnderTheRepositoryRoot) {
  test_.root = db_.path().string();
  add_fixture("rb/Gemfile.lock", "Gemfile.lock");
  ASSERT_EQ(run(R"({"database": "db"})"), ASSAY_OK) << scan_error_;
  ASSERT_EQ(test_.findings.size(), 1u);
  EXPECT_EQ(test_.findings[0].rule, "GHSA-test-rack");
  EXPECT_EQ(test_.findings[0].severity, "high");  // 7.5
}

TEST_F(OsvPlugin, MissingDatabaseFailsTheScanWithTheField) {
  add_fixture("requirements.txt", "requirements.txt");
  EXPECT_EQ(run(R"({"database": "/nonexistent/osv"})"), ASSAY_ERROR);
  EXPECT_EQ(scan_error_, "plugins.osv.database: /nonexistent/osv: no such file or directory");
  EXPECT_TRUE(test_.findings.empty());
}

TEST_F(OsvPlugin, ConfigurationErrorsNameTheField) {
  assay_instance* instance = nullptr;
  EXPECT_NE(plugin_.scanner_open(&api_, "{}", &instance), ASSAY_OK);
  EXPECT_EQ(test_.error,
            "plugins.osv: missing required key 'database' (the OSV database directory or all.zip)");
  EXPECT_NE(plugin_.scanner_open(&api_, R"({"database": ""})", &instance), ASSAY_OK);
  EXPECT_EQ(test_.error, "plugins.osv.database: must be a non-empty path, got \"\"");
  EXPECT_NE(plugin_.scanner_open(&api_, R"({"database": "x", "databse": "y"})", &instance), ASSAY_OK);
  EXPECT_EQ(test_.error, "plugins.osv: unknown key 'databse'");
  EXPECT_NE(plugin_.scanner_open(&api_, R"({"database": "x", "max_file_size": 0})", &instance), ASSAY_OK);
  EXPECT_EQ(test_.error, "plugins.osv.max_file_size: must be a positive whole number of bytes, got 0");
}

TEST_F(OsvPlugin, LargeLockfilesAreSkipped) {
  add_fixture("requirements.txt", "requirements.txt");
  ASSERT_EQ(run(config(R"(, "max_file_size": 100)")), ASSAY_OK) << scan_error_;
  EXPECT_TRUE(test_.findings.empty());
  EXPECT_TRUE(logged(ASSAY_LOG_WARN, "requirements.txt: 370 bytes, more than max_file_size (100); not read"));
}

TEST_F(OsvPlugin, CancellationStopsEmitting) {
  add_fixture("requirements.txt", "requirements.txt");
  add_fixture("java/gradle.lockfile", "gradle.lockfile");
  test_.cancel_after = 1;
  EXPECT_EQ(run(config()), ASSAY_CANCELLED);
  EXPECT_EQ(test_.findings.size(), 1u);
}

}  // namespace
