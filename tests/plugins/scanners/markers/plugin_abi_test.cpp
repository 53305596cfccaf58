// Loads the built assay-markers.so with dlopen and drives it through the C
// ABI with a host API table over in-memory files, as the real host would.
#include <assay/plugin.h>
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

struct MemoryFile {
  std::string path;
  std::string language;
  std::string content;
};

struct EmittedFinding {
  std::string rule, title, category, path, evidence, severity, details_json;
  uint32_t line_start = 0, line_end = 0;
  double effort_hours = -1, confidence = -1;
  std::vector<std::string> tags;
};

// Everything the test host knows and records.
struct TestHost {
  std::vector<MemoryFile> files;
  std::mutex mutex;
  std::vector<EmittedFinding> findings;
  std::vector<std::pair<assay_log_level, std::string>> logs;
  std::string error;
  std::atomic<int> reads{0};
  std::atomic<int> releases{0};
  int cancel_after = -1;     // emit answers ASSAY_CANCELLED once this many findings arrived
  std::string refused_rule;  // emit answers ASSAY_INVALID for findings of this rule
  std::atomic<int> refusals{0};
  std::atomic<bool> cancelled{false};
  std::atomic<int> origin_calls{0};
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
  if (index >= s->test->files.size() || out->struct_size < sizeof(assay_file_info)) return ASSAY_INVALID;
  const MemoryFile& f = s->test->files[index];
  out->path = f.path.c_str();
  out->size = f.content.size();
  out->blob_id = "";
  out->language = f.language.c_str();
  return ASSAY_OK;
}

assay_status host_file_read(const assay_scan* s, size_t index, assay_blob* out) {
  if (index >= s->test->files.size()) return ASSAY_INVALID;
  ++s->test->reads;
  out->data = s->test->files[index].content.data();
  out->size = s->test->files[index].content.size();
  out->host_private = nullptr;
  return ASSAY_OK;
}

void host_file_release(const assay_scan* s, assay_blob*) { ++s->test->releases; }

assay_status host_emit(const assay_scan* s, const assay_finding* f) {
  TestHost& t = *s->test;
  std::lock_guard lock(t.mutex);
  if (t.cancelled) return ASSAY_CANCELLED;
  if (!t.refused_rule.empty() && str(f->rule) == t.refused_rule) {
    ++t.refusals;
    return ASSAY_INVALID;
  }
  EmittedFinding e{str(f->rule),     str(f->title),    str(f->category),     str(f->path),
                   str(f->evidence), str(f->severity), str(f->details_json), f->line_start,
                   f->line_end,      f->effort_hours,  f->confidence,        {}};
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
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return s->test->cancelled ? ASSAY_CANCELLED : ASSAY_OK;
}

const char* host_scan_root(const assay_scan*) { return "/repo"; }
const char* host_scan_commit(const assay_scan*) { return ""; }

assay_status host_file_history(const assay_scan*, size_t, assay_file_history*) { return ASSAY_UNSUPPORTED; }
assay_status host_file_commit(const assay_scan*, size_t, size_t, assay_commit_info*) {
  return ASSAY_UNSUPPORTED;
}

// Lines of files named "fresh*" are uncommitted, of "broken*" cannot be told;
// any other line N entered at commit c0ffee… by Ann on 2020-01-01 + N days.
assay_status host_line_origin(const assay_scan* s, size_t index, uint32_t line, assay_line_origin* out) {
  ++s->test->origin_calls;
  const std::string& path = s->test->files.at(index).path;
  if (path.rfind("broken", 0) == 0) return ASSAY_ERROR;
  out->struct_size = sizeof(assay_line_origin);
  out->commit = "";
  out->author = "";
  out->time = 0;
  if (path.rfind("fresh", 0) == 0) {
    out->kind = ASSAY_ORIGIN_UNCOMMITTED;
    return ASSAY_OK;
  }
  out->kind = ASSAY_ORIGIN_COMMITTED;
  out->commit = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00";
  out->author = "Ann <ann@example.com>";
  out->time = 1577836800 + static_cast<int64_t>(line) * 86400;
  return ASSAY_OK;
}

class MarkersPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    library_ = dlopen(ASSAY_PLUGIN_DIR "/assay-markers.so", RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(library_, nullptr) << dlerror();
    auto init = reinterpret_cast<assay_plugin_init_fn>(dlsym(library_, ASSAY_PLUGIN_INIT_SYMBOL));
    ASSERT_NE(init, nullptr);
    handle_.test = &test_;
    scan_.test = &test_;
    api_ = assay_host_api{
        sizeof(assay_host_api), ASSAY_API_MAJOR,   ASSAY_API_MINOR,   &handle_,          host_log,
        host_set_error,         host_alloc,        host_free,         host_file_count,   host_file_info,
        host_file_read,         host_file_release, host_emit,         host_is_cancelled, host_parallel_for,
        host_scan_root,         host_scan_commit,  host_file_history, host_file_commit,  host_line_origin,
        nullptr,  // report_assessment
        nullptr,   // deliver (ABI 1.2): scanners have no report to deliver
        nullptr,   // commits_since (ABI 1.3): markers counts no commits
        nullptr,   // cache_get (ABI 1.4): markers caches nothing
        nullptr};  // cache_put
    plugin_.struct_size = sizeof(plugin_);
    ASSERT_EQ(init(&api_, &plugin_, sizeof(plugin_)), ASSAY_OK) << test_.error;
  }

  // Opens an instance with `config`, scans, closes; returns the scan status.
  assay_status run(const std::string& config) {
    assay_instance* instance = nullptr;
    if (plugin_.scanner_open(&api_, config.c_str(), &instance) != ASSAY_OK) return ASSAY_ERROR;
    const assay_status status = plugin_.scanner_scan(instance, &scan_);
    if (status != ASSAY_OK && status != ASSAY_CANCELLED) scan_error_ = str(plugin_.last_error(instance));
    plugin_.scanner_close(instance);
    std::sort(test_.findings.begin(), test_.findings.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    return status;
  }

  bool logged(assay_log_level level, const std::string& fragment) const {
    return std::any_of(test_.logs.begin(), test_.logs.end(), [&](const auto& l) {
      return l.first == level && l.second.find(fragment) != std::string::npos;
    });
  }

  void* library_ = nullptr;
  TestHost test_;
  assay_host handle_{};
  assay_scan scan_{};
  assay_host_api api_{};
  assay_plugin plugin_{};
  std::string scan_error_;
};

TEST_F(MarkersPlugin, InitDescribesAScannerWithSchema) {
  EXPECT_EQ(plugin_.api_major, ASSAY_API_MAJOR);
  EXPECT_EQ(plugin_.kind, static_cast<uint32_t>(ASSAY_KIND_SCANNER));
  EXPECT_STREQ(plugin_.name, "markers");
  EXPECT_EQ(plugin_.scanner_flags, ASSAY_SCANNER_FILE_LOCAL);  // a marker depends on its file only
  EXPECT_NE(plugin_.scanner_open, nullptr);
  EXPECT_NE(plugin_.scanner_scan, nullptr);
  EXPECT_NE(plugin_.scanner_close, nullptr);
  EXPECT_EQ(plugin_.reporter_begin, nullptr);
  const auto schema = nlohmann::json::parse(plugin_.config_schema);
  EXPECT_EQ(schema["properties"]["enabled"]["type"], "boolean");
}

TEST_F(MarkersPlugin, ScanEmitsFindingsThroughTheAbi) {
  std::string big = "// TODO: in a file over the size limit\n";
  big.append(300, ' ');
  test_.files = {
      {"src/main.cpp", "cpp",
       "int x = 1; // FIXME(alice): integer overflow\nconst char* s = \"TODO: not a finding\";\n"},
      {"app/util.py", "python",
       "def f():\n    \"\"\"TODO: document the security check\n    and its callers\n    \"\"\"\n"},
      {"bin/data.c", "c", std::string("// TODO: hidden\0binary", 22)},
      {"big.c", "c", big},
      {"README", "", "TODO: unknown language\n"},
      {"lib/legacy.inc", "", "<?php // HACK: mapped by extension\n"},
      {"clean.go", "go", "package main\n"},
  };
  ASSERT_EQ(run(R"({"max_file_size": 200, "languages": {"inc": "php"}})"), ASSAY_OK) << scan_error_;
  ASSERT_EQ(test_.findings.size(), 3u);

  const EmittedFinding& doc = test_.findings[0];
  EXPECT_EQ(doc.path, "app/util.py");
  EXPECT_EQ(doc.rule, "TODO");
  EXPECT_EQ(doc.title, "TODO: document the security check");
  EXPECT_EQ(doc.category, "security");
  EXPECT_EQ(doc.severity, "high");
  EXPECT_DOUBLE_EQ(doc.effort_hours, 3);
  EXPECT_EQ(doc.line_start, 2u);
  EXPECT_EQ(doc.line_end, 3u);
  EXPECT_EQ(doc.evidence, "TODO: document the security check and its callers");
  EXPECT_EQ(nlohmann::json::parse(doc.details_json)["comment"], "doc");

  const EmittedFinding& hack = test_.findings[1];
  EXPECT_EQ(hack.path, "lib/legacy.inc");
  EXPECT_EQ(hack.rule, "HACK");
  EXPECT_EQ(nlohmann::json::parse(hack.details_json)["language"], "php");

  const EmittedFinding& fixme = test_.findings[2];
  EXPECT_EQ(fixme.path, "src/main.cpp");
  EXPECT_EQ(fixme.rule, "FIXME");
  EXPECT_EQ(fixme.title, "FIXME: integer overflow");
  EXPECT_EQ(fixme.category, "code-quality");
  EXPECT_EQ(fixme.severity, "high");
  EXPECT_DOUBLE_EQ(fixme.effort_hours, 6);
  EXPECT_DOUBLE_EQ(fixme.confidence, 0.9);
  EXPECT_EQ(fixme.line_start, 1u);
  EXPECT_EQ(fixme.line_end, 1u);
  EXPECT_EQ(fixme.evidence, "FIXME(alice): integer overflow");
  EXPECT_EQ(fixme.tags, (std::vector<std::string>{"marker", "fixme"}));
  const auto details = nlohmann::json::parse(fixme.details_json);
  EXPECT_EQ(details["tag"], "FIXME");
  EXPECT_EQ(details["text"], "integer overflow");
  EXPECT_EQ(details["owner"], "alice");
  EXPECT_EQ(details["reference"], "");
  EXPECT_EQ(details["language"], "cpp");
  EXPECT_EQ(details["comment"], "line");

  // big.c is skipped by its listed size, before reading; README has no language.
  EXPECT_EQ(test_.reads.load(), 5);
  EXPECT_EQ(test_.releases.load(), test_.reads.load());
  EXPECT_TRUE(logged(ASSAY_LOG_INFO, "3 markers in 7 files")) << "no summary";
  EXPECT_TRUE(logged(ASSAY_LOG_DEBUG, "1 binary"));
  EXPECT_TRUE(logged(ASSAY_LOG_DEBUG, "1 larger than max_file_size"));
  EXPECT_TRUE(logged(ASSAY_LOG_DEBUG, "1 files of unknown language"));
}

TEST_F(MarkersPlugin, BadConfigurationFailsOpenNamingTheField) {
  assay_instance* instance = nullptr;
  EXPECT_NE(plugin_.scanner_open(&api_, R"({"tags": [{"tag": "A", "severity": "urgent"}]})", &instance),
            ASSAY_OK);
  EXPECT_NE(test_.error.find("plugins.markers.tags[0].severity"), std::string::npos) << test_.error;
}

// The host never opens a disabled plugin and removes `enabled` from the
// section; a host that passes it on still gets a working scanner.
TEST_F(MarkersPlugin, EnabledKeyIsAcceptedAndLeftToTheHost) {
  test_.files = {{"a.c", "c", "// TODO: x\n"}};
  EXPECT_EQ(run(R"({"enabled": true})"), ASSAY_OK) << scan_error_;
  EXPECT_EQ(test_.findings.size(), 1u);
  assay_instance* instance = nullptr;
  EXPECT_NE(plugin_.scanner_open(&api_, R"({"enabled": "no"})", &instance), ASSAY_OK);
  EXPECT_NE(test_.error.find("plugins.markers.enabled"), std::string::npos) << test_.error;
}

TEST_F(MarkersPlugin, ARefusedFindingDoesNotEndTheScan) {
  std::string many;
  for (int i = 0; i < 20; ++i)
    many += "// FIXME: refused " + std::to_string(i) + "\n// TODO: kept " + std::to_string(i) + "\n\n";
  test_.files = {{"a.c", "c", many}, {"b.c", "c", "// FIXME: refused\n// TODO: kept too\n"}};
  test_.refused_rule = "FIXME";
  EXPECT_EQ(run("{}"), ASSAY_OK) << scan_error_;
  EXPECT_EQ(test_.refusals.load(), 21);
  EXPECT_EQ(test_.findings.size(), 21u);
  EXPECT_TRUE(std::all_of(test_.findings.begin(), test_.findings.end(),
                          [](const EmittedFinding& f) { return f.rule == "TODO"; }));
  EXPECT_TRUE(logged(ASSAY_LOG_WARN, "refused 21 marker findings")) << "no warning with the count";
  EXPECT_TRUE(logged(ASSAY_LOG_INFO, "21 markers in 2 files"));
}

TEST_F(MarkersPlugin, EffortBeyondTheHostsLimitFailsOpenNamingTheField) {
  assay_instance* instance = nullptr;
  EXPECT_NE(
      plugin_.scanner_open(
          &api_, R"({"keywords": [{"name": "k", "words": ["x"], "effort_multiplier": 5000}]})", &instance),
      ASSAY_OK);
  EXPECT_NE(test_.error.find("plugins.markers.keywords[0].effort_multiplier"), std::string::npos)
      << test_.error;
  EXPECT_NE(test_.error.find("10000"), std::string::npos) << test_.error;
}

TEST_F(MarkersPlugin, CancellationStopsEmitting) {
  std::string many;
  for (int i = 0; i < 50; ++i) many += "// TODO: item " + std::to_string(i) + "\n\n";
  test_.files = {{"a.c", "c", many}, {"b.c", "c", many}};
  test_.cancel_after = 1;
  EXPECT_EQ(run("{}"), ASSAY_CANCELLED);
  EXPECT_EQ(test_.findings.size(), 1u);
  EXPECT_EQ(test_.releases.load(), test_.reads.load());
}

TEST_F(MarkersPlugin, TagsGivenByNameTakeTheirRules) {
  test_.files = {{"a.c", "c", "// FIXME: known\n// SECURITY: new\n// HACK: not listed\n"}};
  ASSERT_EQ(run(R"({"tags": ["FIXME", "SECURITY"]})"), ASSAY_OK) << scan_error_;
  ASSERT_EQ(test_.findings.size(), 2u);
  auto by_rule = [&](const std::string& rule) {
    auto it = std::find_if(test_.findings.begin(), test_.findings.end(),
                           [&](const EmittedFinding& f) { return f.rule == rule; });
    return it == test_.findings.end() ? EmittedFinding{} : *it;
  };
  EXPECT_EQ(by_rule("FIXME").severity, "medium");
  EXPECT_DOUBLE_EQ(by_rule("FIXME").effort_hours, 4);
  const EmittedFinding security = by_rule("SECURITY");
  EXPECT_EQ(security.category, "technical-debt");
  EXPECT_EQ(security.severity, "low");
  EXPECT_DOUBLE_EQ(security.effort_hours, 1);
}

TEST_F(MarkersPlugin, ConfiguredTagsReplaceTheDefaults) {
  test_.files = {{"a.rs", "rust", "// TODO: not configured\n// NOTE: configured\n"}};
  ASSERT_EQ(
      run(R"({"tags": [{"tag": "NOTE", "category": "documentation", "severity": "info", "effort_hours": 0.5}]})"),
      ASSAY_OK);
  ASSERT_EQ(test_.findings.size(), 1u);
  EXPECT_EQ(test_.findings[0].rule, "NOTE");
  EXPECT_EQ(test_.findings[0].category, "documentation");
  EXPECT_EQ(test_.findings[0].severity, "info");
  EXPECT_DOUBLE_EQ(test_.findings[0].effort_hours, 0.5);
  EXPECT_EQ(test_.findings[0].line_start, 2u);
}

TEST_F(MarkersPlugin, MarkersCarryTheOriginOfTheirLine) {
  test_.files = {{"a.c", "c", "// TODO: first\n\n// FIXME: third\n"},
                 {"fresh.c", "c", "// TODO: not committed yet\n"},
                 {"broken.c", "c", "// TODO: no origin\n"}};
  ASSERT_EQ(run("{}"), ASSAY_OK) << scan_error_;
  ASSERT_EQ(test_.findings.size(), 4u);
  auto origin_at = [&](const std::string& path, uint32_t line) {
    for (const EmittedFinding& f : test_.findings) {
      if (f.path == path && f.line_start == line)
        return nlohmann::json::parse(f.details_json).value("origin", nlohmann::json());
    }
    ADD_FAILURE() << "no finding at " << path << ":" << line;
    return nlohmann::json();
  };
  EXPECT_EQ(origin_at("a.c", 1), nlohmann::json::parse(R"({"state": "committed",
      "commit": "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00", "author": "Ann <ann@example.com>",
      "time": "2020-01-02T00:00:00Z"})"));
  EXPECT_EQ(origin_at("a.c", 3)["time"], "2020-01-04T00:00:00Z");
  EXPECT_TRUE(origin_at("broken.c", 1).is_null());
  EXPECT_EQ(
      origin_at("fresh.c", 1),
      nlohmann::json::parse(R"({"state": "uncommitted", "commit": null, "author": null, "time": null})"));
  EXPECT_EQ(test_.origin_calls.load(), 4);
  EXPECT_TRUE(logged(ASSAY_LOG_DEBUG, "1 markers without a known origin"));
}

TEST_F(MarkersPlugin, OriginsCanBeTurnedOff) {
  test_.files = {{"a.c", "c", "// TODO: first\n"}};
  ASSERT_EQ(run(R"({"origins": false})"), ASSAY_OK) << scan_error_;
  ASSERT_EQ(test_.findings.size(), 1u);
  EXPECT_FALSE(nlohmann::json::parse(test_.findings[0].details_json).contains("origin"));
  EXPECT_EQ(test_.origin_calls.load(), 0);
}

// A plugin built for API 1.1 loaded by a 1.0 host: the host's table ends at
// scan_commit, and what lies beyond it must never be called.
TEST_F(MarkersPlugin, OnAnApi10HostNoHistoryFunctionIsCalled) {
  api_.struct_size = offsetof(assay_host_api, file_history);
  api_.api_minor = 0;
  test_.files = {{"a.c", "c", "// TODO: first\n"}};
  ASSERT_EQ(run("{}"), ASSAY_OK) << scan_error_;
  ASSERT_EQ(test_.findings.size(), 1u);
  EXPECT_FALSE(nlohmann::json::parse(test_.findings[0].details_json).contains("origin"));
  EXPECT_EQ(test_.origin_calls.load(), 0);
}

}  // namespace
