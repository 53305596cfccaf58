#include "scanner_host.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <tuple>

namespace assay::test {
namespace {

ScannerHost& state(assay_host* host) { return *reinterpret_cast<ScannerHost*>(host); }
ScannerHost& state(const assay_scan* scan) {
  return *reinterpret_cast<ScannerHost*>(const_cast<assay_scan*>(scan));
}
std::string str(const char* s) { return s ? s : ""; }

void host_log(assay_host* host, assay_log_level level, const char* message) {
  state(host).record_log(level, message);
}
void host_set_error(assay_host* host, const char* message) { state(host).record_error(message); }
void* host_alloc(size_t size) { return std::malloc(size); }
void host_free(void* p) { std::free(p); }
size_t host_file_count(const assay_scan* scan) { return state(scan).files.size(); }

assay_status host_file_info(const assay_scan* scan, size_t index, assay_file_info* out) {
  const auto& files = state(scan).files;
  if (index >= files.size() || out->struct_size < sizeof(assay_file_info)) return ASSAY_INVALID;
  out->path = files[index].path.c_str();
  out->size = files[index].content.size();
  out->blob_id = "";
  out->language = files[index].language.c_str();
  return ASSAY_OK;
}

assay_status host_file_read(const assay_scan* scan, size_t index, assay_blob* out) {
  ScannerHost& host = state(scan);
  if (index >= host.files.size()) return ASSAY_INVALID;
  host.count_read();
  out->data = host.files[index].content.data();
  out->size = host.files[index].content.size();
  out->host_private = nullptr;
  return ASSAY_OK;
}

void host_file_release(const assay_scan* scan, assay_blob*) { state(scan).count_release(); }
assay_status host_emit(const assay_scan* scan, const assay_finding* f) {
  return state(scan).record_finding(*f);
}
int host_is_cancelled(const assay_scan* scan) { return state(scan).cancelled() ? 1 : 0; }

assay_status host_parallel_for(const assay_scan* scan, size_t count, void (*fn)(void*, size_t), void* user) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) {
      if (state(scan).cancelled()) return;
      fn(user, i);
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return state(scan).cancelled() ? ASSAY_CANCELLED : ASSAY_OK;
}

const char* host_scan_root(const assay_scan* scan) { return state(scan).root.c_str(); }
const char* host_scan_commit(const assay_scan*) { return ""; }

}  // namespace

ScannerHost::ScannerHost(const std::string& plugin_name) {
  const std::string file = std::string(ASSAY_PLUGIN_DIR) + "/assay-" + plugin_name + ".so";
  library_ = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library_ == nullptr) throw std::runtime_error(dlerror());
  auto init = reinterpret_cast<assay_plugin_init_fn>(dlsym(library_, ASSAY_PLUGIN_INIT_SYMBOL));
  if (init == nullptr) throw std::runtime_error(file + " exports no " ASSAY_PLUGIN_INIT_SYMBOL);
  api_ = assay_host_api{sizeof(assay_host_api),
                        ASSAY_API_MAJOR,
                        ASSAY_API_MINOR,
                        reinterpret_cast<assay_host*>(this),
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
                        nullptr,   // file_history: no history in these tests
                        nullptr,   // file_commit
                        nullptr,   // line_origin
                        nullptr,   // report_assessment: these scanners assess nothing
                        nullptr,   // deliver (ABI 1.2): scanners have no report to deliver
                        nullptr,   // commits_since (ABI 1.3): no history
                        nullptr,   // cache_get (ABI 1.4): these tests keep no cache
                        nullptr};  // cache_put
  plugin_.struct_size = sizeof(plugin_);
  if (init(&api_, &plugin_, sizeof(plugin_)) != ASSAY_OK)
    throw std::runtime_error("init failed: " + open_error_);
}

assay_status ScannerHost::run(const std::string& config_json) {
  findings_.clear();
  logs_.clear();
  scan_error_.clear();
  cancelled_ = false;
  assay_instance* instance = nullptr;
  const assay_status opened = plugin_.scanner_open(&api_, config_json.c_str(), &instance);
  if (opened != ASSAY_OK) return opened;
  const assay_status status = plugin_.scanner_scan(instance, reinterpret_cast<const assay_scan*>(this));
  if (status != ASSAY_OK && status != ASSAY_CANCELLED) scan_error_ = str(plugin_.last_error(instance));
  plugin_.scanner_close(instance);
  std::sort(findings_.begin(), findings_.end(), [](const EmittedFinding& a, const EmittedFinding& b) {
    return std::tie(a.path, a.line_start, a.title) < std::tie(b.path, b.line_start, b.title);
  });
  return status;
}

void ScannerHost::record_log(assay_log_level level, const char* message) {
  std::lock_guard lock(mutex_);
  logs_.emplace_back(level, str(message));
}

assay_status ScannerHost::record_finding(const assay_finding& f) {
  std::lock_guard lock(mutex_);
  if (cancelled_) return ASSAY_CANCELLED;
  EmittedFinding e;
  e.rule = str(f.rule);
  e.title = str(f.title);
  e.category = str(f.category);
  e.path = str(f.path);
  e.evidence = str(f.evidence);
  e.severity = str(f.severity);
  e.identity = str(f.identity);
  e.line_start = f.line_start;
  e.line_end = f.line_end;
  e.effort_hours = f.effort_hours;
  e.confidence = f.confidence;
  e.cvss = f.cvss;
  for (size_t i = 0; i < f.tag_count; ++i) e.tags.push_back(str(f.tags[i]));
  if (f.details_json) e.details = nlohmann::json::parse(f.details_json);
  if (e.rule.empty() || e.title.empty()) return ASSAY_INVALID;
  findings_.push_back(std::move(e));
  if (cancel_after >= 0 && static_cast<long>(findings_.size()) >= cancel_after) cancelled_ = true;
  return ASSAY_OK;
}

bool ScannerHost::logged(assay_log_level level, const std::string& fragment) const {
  return std::any_of(logs_.begin(), logs_.end(), [&](const auto& line) {
    return line.first == level && line.second.find(fragment) != std::string::npos;
  });
}

std::string ScannerHost::log_text() const {
  std::string text;
  for (const auto& [level, line] : logs_)
    text += "[" + std::to_string(static_cast<int>(level)) + "] " + line + "\n";
  return text;
}

std::vector<EmittedFinding> ScannerHost::with_rule(const std::string& rule) const {
  std::vector<EmittedFinding> out;
  std::copy_if(findings_.begin(), findings_.end(), std::back_inserter(out),
               [&](const EmittedFinding& f) { return f.rule == rule; });
  return out;
}

std::string read_source_file(const std::string& path_from_source_root) {
  std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/" + path_from_source_root, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path_from_source_root);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace assay::test
