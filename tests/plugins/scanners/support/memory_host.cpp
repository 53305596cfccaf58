#include "memory_host.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <thread>

struct assay_host {
  assay::test::MemoryHost* test;
};
struct assay_scan {
  assay::test::MemoryHost* test;
};

namespace assay::test {
namespace {

std::string str(const char* s) { return s ? s : ""; }

void host_log(assay_host* h, assay_log_level level, const char* message) {
  std::lock_guard lock(h->test->mutex);
  h->test->logs.emplace_back(level, str(message));
}
void host_set_error(assay_host* h, const char* message) {
  std::lock_guard lock(h->test->mutex);
  h->test->error = str(message);
}
void* host_alloc(size_t size) { return std::malloc(size); }
void host_free(void* p) { std::free(p); }
size_t host_file_count(const assay_scan* s) { return s->test->files.size(); }

assay_status host_file_info(const assay_scan* s, size_t index, assay_file_info* out) {
  if (index >= s->test->files.size() || out->struct_size < sizeof(assay_file_info)) return ASSAY_INVALID;
  const MemoryFile& f = s->test->files[index];
  out->path = f.path.c_str();
  out->size = f.content.size();
  out->blob_id = f.blob_id.c_str();
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

void host_file_release(const assay_scan*, assay_blob*) {}

assay_status host_emit(const assay_scan* s, const assay_finding* f) {
  MemoryHost& t = *s->test;
  if (!f->rule || !f->title) return ASSAY_INVALID;
  EmittedFinding e{str(f->rule),
                   str(f->title),
                   str(f->category),
                   str(f->path),
                   str(f->evidence),
                   str(f->severity),
                   str(f->identity),
                   str(f->details_json),
                   f->line_start,
                   f->line_end,
                   f->effort_hours,
                   f->confidence,
                   {}};
  for (size_t i = 0; i < f->tag_count; ++i) e.tags.push_back(f->tags[i]);
  std::lock_guard lock(t.mutex);
  t.findings.push_back(std::move(e));
  return ASSAY_OK;
}

int host_is_cancelled(const assay_scan*) { return 0; }

assay_status host_parallel_for(const assay_scan*, size_t count, void (*fn)(void*, size_t), void* user) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) fn(user, i);
  };
  std::thread helper(worker);
  worker();
  helper.join();
  return ASSAY_OK;
}

const char* host_scan_root(const assay_scan*) { return "/repo"; }
const char* host_scan_commit(const assay_scan* s) { return s->test->commit.c_str(); }

assay_status host_report_assessment(const assay_scan* s, const char* json) {
  std::lock_guard lock(s->test->mutex);
  s->test->assessments.push_back(str(json));
  return ASSAY_OK;
}

assay_status host_cache_get(const assay_scan* s, const char* key, size_t key_size, const char** value,
                            size_t* value_size) {
  std::lock_guard lock(s->test->mutex);
  auto it = s->test->cache->find(std::string(key, key_size));
  *value = it == s->test->cache->end() ? nullptr : it->second.data();
  *value_size = it == s->test->cache->end() ? 0 : it->second.size();
  return ASSAY_OK;
}

// Values a get handed out stay valid: map nodes do not move, and a put of a
// key already held keeps its first value in these tests' single runs.
assay_status host_cache_put(const assay_scan* s, const char* key, size_t key_size, const char* value,
                            size_t value_size) {
  std::lock_guard lock(s->test->mutex);
  s->test->cache->insert_or_assign(std::string(key, key_size), std::string(value, value_size));
  return ASSAY_OK;
}

}  // namespace

MemoryHost::MemoryHost(const std::string& plugin_name) {
  const std::string path = std::string(ASSAY_PLUGIN_DIR) + "/assay-" + plugin_name + ".so";
  library_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library_) throw std::runtime_error(str(dlerror()));
  auto init = reinterpret_cast<assay_plugin_init_fn>(dlsym(library_, ASSAY_PLUGIN_INIT_SYMBOL));
  if (!init) throw std::runtime_error(path + ": no " ASSAY_PLUGIN_INIT_SYMBOL);
  static assay_host handle;
  handle.test = this;
  static assay_host_api api{};
  api = assay_host_api{sizeof(assay_host_api),
                       ASSAY_API_MAJOR,
                       ASSAY_API_MINOR,
                       &handle,
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
                       nullptr,  // file_history: no history in these tests
                       nullptr,  // file_commit
                       nullptr,  // line_origin
                       host_report_assessment,
                       nullptr,   // deliver (ABI 1.2): scanners have no report to deliver
                       nullptr,   // commits_since (ABI 1.3): no history
                       nullptr,   // cache_get (ABI 1.4): no cache
                       nullptr};  // cache_put
  plugin_.struct_size = sizeof(plugin_);
  if (init(&api, &plugin_, sizeof(plugin_)) != ASSAY_OK)
    throw std::runtime_error(path + ": init failed: " + error);
}

MemoryHost::~MemoryHost() = default;  // plugins stay loaded for the process (ABI rule 9)

assay_status MemoryHost::run(const std::string& config_json) {
  assay_host handle{this};
  assay_host_api api{api_size,       ASSAY_API_MAJOR,   ASSAY_API_MINOR,
                     &handle,        host_log,          host_set_error,
                     host_alloc,     host_free,         host_file_count,
                     host_file_info, host_file_read,    host_file_release,
                     host_emit,      host_is_cancelled, host_parallel_for,
                     host_scan_root, host_scan_commit,  nullptr,
                     nullptr,        nullptr,           host_report_assessment,
                     nullptr,        nullptr,           nullptr,
                     nullptr};  // no history, deliver (1.2), commits_since (1.3), cache (1.4)
  if (api_size < sizeof(assay_host_api)) api.report_assessment = nullptr;
  if (cache) {
    api.cache_get = host_cache_get;
    api.cache_put = host_cache_put;
  }
  assay_instance* instance = nullptr;
  error.clear();
  if (plugin_.scanner_open(&api, config_json.c_str(), &instance) != ASSAY_OK) {
    open_error = error;
    return ASSAY_ERROR;
  }
  assay_scan scan{this};
  const assay_status status = plugin_.scanner_scan(instance, &scan);
  if (status != ASSAY_OK && status != ASSAY_CANCELLED) scan_error = str(plugin_.last_error(instance));
  plugin_.scanner_close(instance);
  return status;
}

bool MemoryHost::logged(assay_log_level level, const std::string& fragment) const {
  return std::any_of(logs.begin(), logs.end(), [&](const auto& l) {
    return l.first == level && l.second.find(fragment) != std::string::npos;
  });
}

}  // namespace assay::test
