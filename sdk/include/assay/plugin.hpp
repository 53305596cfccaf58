// Header-only C++ helpers over plugin.h. Nothing here adds to the ABI: a
// plugin built with these helpers exports the same single C entry point as a
// plugin written in C. The helpers guarantee rule 7 (no exception crosses the
// boundary) by wrapping every export in noexcept + catch-all.
//
// A scanner:
//
//   class MyScanner : public assay::sdk::Scanner {
//    public:
//     MyScanner(const assay::sdk::Host& host, const std::string& config_json);
//     void scan(assay::sdk::Scan& scan) override;
//   };
//   ASSAY_SCANNER_PLUGIN(MyScanner, "my-scanner", "1.0.0", "Finds things",
//                        R"({"type":"object"})")
//
// A reporter derives from assay::sdk::Reporter and uses ASSAY_REPORTER_PLUGIN.
// Throwing from a constructor, scan(), item() or end() reports the exception's
// message as the plugin's error.
#ifndef ASSAY_PLUGIN_HPP
#define ASSAY_PLUGIN_HPP

#include <assay/plugin.h>

#include <atomic>
#include <cstddef>
#include <cstring>
#include <ctime>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace assay::sdk {

// The host API table of one plugin, with C++ conveniences.
class Host {
 public:
  explicit Host(const assay_host_api* api) : api_(api) {}
  const assay_host_api* api() const { return api_; }
  void log(assay_log_level level, const std::string& message) const {
    api_->log(api_->host, level, message.c_str());
  }
  void info(const std::string& m) const { log(ASSAY_LOG_INFO, m); }
  void warn(const std::string& m) const { log(ASSAY_LOG_WARN, m); }
  void error(const std::string& m) const { log(ASSAY_LOG_ERROR, m); }
  void debug(const std::string& m) const { log(ASSAY_LOG_DEBUG, m); }
  void set_error(const std::string& m) const { api_->set_error(api_->host, m.c_str()); }

 private:
  const assay_host_api* api_;
};

// A file's contents, released when it goes out of scope.
class Blob {
 public:
  Blob(const assay_host_api* api, const assay_scan* scan) : api_(api), scan_(scan) {
    blob_.struct_size = sizeof(blob_);
  }
  Blob(const Blob&) = delete;
  Blob& operator=(const Blob&) = delete;
  ~Blob() {
    if (loaded_) api_->file_release(scan_, &blob_);
  }
  assay_blob* raw() { return &blob_; }
  void mark_loaded() { loaded_ = true; }
  std::string_view view() const { return loaded_ ? std::string_view(blob_.data, blob_.size) : std::string_view(); }

 private:
  const assay_host_api* api_;
  const assay_scan* scan_;
  assay_blob blob_{};
  bool loaded_ = false;
};

struct FileInfo {
  std::string_view path;
  uint64_t size = 0;
  std::string_view blob_id;
  std::string_view language;
};

// History facts of one file (API 1.1); see assay_file_history.
struct FileHistory {
  uint32_t commits = 0;
  uint32_t authors = 0;
  int64_t first_change = 0;  // seconds since 1970-01-01 UTC, 0 when commits == 0
  int64_t last_change = 0;
  double hotspot_multiplier = 1.0;
  bool cut = false;  // the walked history is cut (shallow clone or window)
};

// One commit (API 1.1); the strings stay valid until scan() returns.
struct CommitInfo {
  std::string_view id;
  std::string_view author;
  int64_t time = 0;
};

// Where a line came from (API 1.1); see assay_line_origin.
struct LineOrigin {
  assay_origin_kind kind = ASSAY_ORIGIN_BEFORE_HISTORY;
  std::string_view commit;  // "" unless kind is COMMITTED or AT_OR_BEFORE
  std::string_view author;
  int64_t time = 0;
};

// "2024-01-02T03:04:05Z" for seconds since 1970-01-01 UTC, the form the
// host expects in a finding's details ("origin": {"time": ...}).
inline std::string utc_iso8601(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// A finding under construction; strings are owned here until emit copies them.
struct Finding {
  std::string rule;
  std::string title;
  std::string category;
  std::string path;
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  std::string evidence;
  double effort_hours = -1;
  double confidence = -1;
  std::string severity;
  double cvss = -1;
  std::vector<std::string> tags;
  std::string identity;
  std::string details_json;
};

// One running scan. Thread-safe like the host API it wraps.
class Scan {
 public:
  Scan(const assay_host_api* api, const assay_scan* scan) : api_(api), scan_(scan) {}

  size_t file_count() const { return api_->file_count(scan_); }

  FileInfo file(size_t index) const {
    assay_file_info info{};
    info.struct_size = sizeof(info);
    if (api_->file_info(scan_, index, &info) != ASSAY_OK) throw std::runtime_error("file_info failed");
    return FileInfo{info.path, info.size, info.blob_id ? info.blob_id : "", info.language ? info.language : ""};
  }

  // Reads a file; returns false when the host could not read it (logged by the host).
  // Blob blob(scan.api(), scan.raw()); if (scan.read(i, blob)) use(blob.view());
  bool read(size_t index, Blob& blob) const {
    if (api_->file_read(scan_, index, blob.raw()) != ASSAY_OK) return false;
    blob.mark_loaded();
    return true;
  }

  // Hands one finding to the host. Returns ASSAY_OK when it was accepted,
  // ASSAY_INVALID when the host refused this finding as malformed (the host
  // logs why; later findings may still be emitted), ASSAY_CANCELLED when the
  // scan is being cancelled (stop emitting then).
  assay_status emit(const Finding& f) const {
    std::vector<const char*> tags;
    tags.reserve(f.tags.size());
    for (const auto& t : f.tags) tags.push_back(t.c_str());
    assay_finding raw{};
    raw.struct_size = sizeof(raw);
    raw.rule = f.rule.c_str();
    raw.title = f.title.c_str();
    raw.category = f.category.empty() ? nullptr : f.category.c_str();
    raw.path = f.path.empty() ? nullptr : f.path.c_str();
    raw.line_start = f.line_start;
    raw.line_end = f.line_end;
    raw.evidence = f.evidence.empty() ? nullptr : f.evidence.c_str();
    raw.effort_hours = f.effort_hours;
    raw.confidence = f.confidence;
    raw.severity = f.severity.empty() ? nullptr : f.severity.c_str();
    raw.cvss = f.cvss;
    raw.tags = tags.empty() ? nullptr : tags.data();
    raw.tag_count = tags.size();
    raw.identity = f.identity.empty() ? nullptr : f.identity.c_str();
    raw.details_json = f.details_json.empty() ? nullptr : f.details_json.c_str();
    return api_->emit(scan_, &raw);
  }

  bool cancelled() const { return api_->is_cancelled(scan_) != 0; }

  // Hands the maturity assessment (a JSON object, see plugin.h) to the host.
  // ASSAY_UNSUPPORTED when the host predates API 1.1.
  assay_status report_assessment(const std::string& assessment_json) const {
    if (!offers(offsetof(assay_host_api, report_assessment), sizeof(api_->report_assessment)) ||
        api_->report_assessment == nullptr)
      return ASSAY_UNSUPPORTED;
    return api_->report_assessment(scan_, assessment_json.c_str());
  }

  // Whether the host's table is large enough to hold the member at `offset`.
  bool offers(size_t offset, size_t size) const { return api_->struct_size >= offset + size; }

  // Runs fn(i) for i in [0, count) across the host's threads. An exception in
  // fn is caught, the first one is rethrown here after all calls finished.
  template <class Fn>
  bool parallel_for(size_t count, Fn&& fn) const {
    // Fn is deduced as a reference for a named callable; point at the callable.
    struct Ctx {
      std::remove_reference_t<Fn>* fn;
      std::exception_ptr error;
      std::atomic_flag failed = ATOMIC_FLAG_INIT;
    } ctx{&fn, nullptr};
    auto trampoline = [](void* user, size_t i) {
      auto* c = static_cast<Ctx*>(user);
      try {
        (*c->fn)(i);
      } catch (...) {
        if (!c->failed.test_and_set()) c->error = std::current_exception();
      }
    };
    assay_status st = api_->parallel_for(scan_, count, trampoline, &ctx);
    if (ctx.error) std::rethrow_exception(ctx.error);
    return st == ASSAY_OK;
  }

  // True when the host offers the history functions of API 1.1. A plugin
  // built for 1.1 may be loaded by a 1.0 host, whose table ends earlier.
  bool has_history_api() const {
    return api_->struct_size >= offsetof(assay_host_api, line_origin) + sizeof(api_->line_origin) &&
           api_->file_history != nullptr && api_->file_commit != nullptr && api_->line_origin != nullptr;
  }

  // History facts of file `index`; nullopt when the host has no history for
  // this scan (or is a 1.0 host).
  std::optional<FileHistory> history(size_t index) const {
    if (!has_history_api()) return std::nullopt;
    assay_file_history raw{};
    raw.struct_size = sizeof(raw);
    raw.hotspot_multiplier = 1.0;
    if (api_->file_history(scan_, index, &raw) != ASSAY_OK) return std::nullopt;
    return FileHistory{raw.commits,     raw.authors, raw.first_change, raw.last_change, raw.hotspot_multiplier,
                       (raw.flags & ASSAY_HISTORY_CUT) != 0};
  }

  // The nth (0 = newest) commit that changed file `index`; nullopt past the
  // last one or without history.
  std::optional<CommitInfo> file_commit(size_t index, size_t nth) const {
    if (!has_history_api()) return std::nullopt;
    assay_commit_info raw{};
    raw.struct_size = sizeof(raw);
    if (api_->file_commit(scan_, index, nth, &raw) != ASSAY_OK) return std::nullopt;
    return CommitInfo{raw.id ? raw.id : "", raw.author ? raw.author : "", raw.time};
  }

  // Distinct commits with an author time at or after `since` among those of
  // the files this scanner is given (plugin.h, commits_since). nullopt
  // without history, and from a host before API 1.3: a caller then counts
  // over file_commit itself.
  std::optional<uint64_t> commits_since(int64_t since) const {
    if (api_->api_minor < 3 || !offers(offsetof(assay_host_api, commits_since), sizeof(api_->commits_since)) ||
        api_->commits_since == nullptr)
      return std::nullopt;
    uint64_t count = 0;
    if (api_->commits_since(scan_, since, &count) != ASSAY_OK) return std::nullopt;
    return count;
  }

  // True when the host offers the key-value cache of API 1.4 (plugin.h,
  // cache_get). A plugin built for 1.4 may be loaded by an older host.
  bool has_cache_api() const {
    return api_->api_minor >= 4 && offers(offsetof(assay_host_api, cache_put), sizeof(api_->cache_put)) &&
           api_->cache_get != nullptr && api_->cache_put != nullptr;
  }

  // This scanner's cached value of `key`: nullopt on a miss, from a host
  // before 1.4, or when the host keeps no cache for this scan. The bytes
  // stay valid until scan() returns.
  std::optional<std::string_view> cache_get(std::string_view key) const {
    if (!has_cache_api()) return std::nullopt;
    const char* value = nullptr;
    size_t size = 0;
    if (api_->cache_get(scan_, key.data(), key.size(), &value, &size) != ASSAY_OK || value == nullptr)
      return std::nullopt;
    return std::string_view(value, size);
  }

  // Stores `value` under `key` for this scanner's later scans; false when
  // the host refused it (too long) or keeps no cache (older host, cache off).
  bool cache_put(std::string_view key, std::string_view value) const {
    if (!has_cache_api()) return false;
    return api_->cache_put(scan_, key.data(), key.size(), value.data(), value.size()) == ASSAY_OK;
  }

  // The origin of 1-based `line` of file `index`; nullopt without history,
  // for a line outside the file, or when the file's versions cannot be
  // diffed (the host logs why).
  std::optional<LineOrigin> line_origin(size_t index, uint32_t line) const {
    if (!has_history_api()) return std::nullopt;
    assay_line_origin raw{};
    raw.struct_size = sizeof(raw);
    if (api_->line_origin(scan_, index, line, &raw) != ASSAY_OK) return std::nullopt;
    return LineOrigin{static_cast<assay_origin_kind>(raw.kind), raw.commit ? raw.commit : "",
                      raw.author ? raw.author : "", raw.time};
  }

  std::string root() const { return api_->scan_root(scan_); }
  std::string commit() const { return api_->scan_commit(scan_); }
  const assay_scan* raw() const { return scan_; }
  const assay_host_api* api() const { return api_; }

 private:
  const assay_host_api* api_;
  const assay_scan* scan_;
};

class Scanner {
 public:
  virtual ~Scanner() = default;
  virtual void scan(Scan& scan) = 0;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void item(const assay_item& item) = 0;
  virtual void end() = 0;
};

namespace detail {

// Instance wrapper: owns the C++ object and its last error string.
template <class T>
struct Instance {
  std::unique_ptr<T> object;
  std::string last_error;
};

inline void copy_error(std::string& dst, const char* what) {
  dst = what ? what : "unknown error";
  if (dst.size() >= ASSAY_MAX_ERROR) dst.resize(ASSAY_MAX_ERROR - 1);
}

template <class T>
const char* last_error(assay_instance* inst) noexcept {
  auto* i = reinterpret_cast<Instance<T>*>(inst);
  return (i && !i->last_error.empty()) ? i->last_error.c_str() : nullptr;
}

// A scanner instance also keeps the host table it was opened with, since
// scanner_scan receives only the scan handle.
template <class T>
struct ScannerInstance : Instance<T> {
  const assay_host_api* host = nullptr;
};

template <class T>
assay_status scanner_open_with_host(const assay_host_api* host, const char* config_json,
                                    assay_instance** out) noexcept {
  try {
    auto inst = std::make_unique<ScannerInstance<T>>();
    inst->host = host;
    inst->object = std::make_unique<T>(Host(host), std::string(config_json ? config_json : "{}"));
    *out = reinterpret_cast<assay_instance*>(inst.release());
    return ASSAY_OK;
  } catch (const std::exception& e) {
    host->set_error(host->host, e.what());
  } catch (...) {
    host->set_error(host->host, "unknown exception in scanner_open");
  }
  return ASSAY_ERROR;
}

template <class T>
const char* scanner_last_error(assay_instance* inst) noexcept {
  auto* i = reinterpret_cast<ScannerInstance<T>*>(inst);
  return (i && !i->last_error.empty()) ? i->last_error.c_str() : nullptr;
}

template <class T>
assay_status scanner_scan(assay_instance* inst, const assay_scan* scan) noexcept {
  auto* i = reinterpret_cast<ScannerInstance<T>*>(inst);
  try {
    Scan s(i->host, scan);
    i->object->scan(s);
    return s.cancelled() ? ASSAY_CANCELLED : ASSAY_OK;
  } catch (const std::exception& e) {
    copy_error(i->last_error, e.what());
  } catch (...) {
    copy_error(i->last_error, "unknown exception in scan");
  }
  return ASSAY_ERROR;
}

template <class T>
void scanner_close(assay_instance* inst) noexcept {
  delete reinterpret_cast<ScannerInstance<T>*>(inst);
}

template <class T>
assay_status reporter_begin(const assay_host_api* host, const char* config_json, const assay_report* report,
                            assay_instance** out) noexcept {
  try {
    auto inst = std::make_unique<Instance<T>>();
    inst->object = std::make_unique<T>(Host(host), std::string(config_json ? config_json : "{}"), *report);
    *out = reinterpret_cast<assay_instance*>(inst.release());
    return ASSAY_OK;
  } catch (const std::exception& e) {
    host->set_error(host->host, e.what());
  } catch (...) {
    host->set_error(host->host, "unknown exception in reporter_begin");
  }
  return ASSAY_ERROR;
}

template <class T>
assay_status reporter_item(assay_instance* inst, const assay_item* item) noexcept {
  auto* i = reinterpret_cast<Instance<T>*>(inst);
  try {
    i->object->item(*item);
    return ASSAY_OK;
  } catch (const std::exception& e) {
    copy_error(i->last_error, e.what());
  } catch (...) {
    copy_error(i->last_error, "unknown exception in reporter_item");
  }
  return ASSAY_ERROR;
}

template <class T>
assay_status reporter_end(assay_instance* inst) noexcept {
  auto* i = reinterpret_cast<Instance<T>*>(inst);
  try {
    i->object->end();
    return ASSAY_OK;
  } catch (const std::exception& e) {
    copy_error(i->last_error, e.what());
  } catch (...) {
    copy_error(i->last_error, "unknown exception in reporter_end");
  }
  return ASSAY_ERROR;
}

template <class T>
void reporter_close(assay_instance* inst) noexcept {
  delete reinterpret_cast<Instance<T>*>(inst);
}

inline void fill_identity(assay_plugin* out, assay_plugin_kind kind, const char* name, const char* version,
                          const char* description, const char* schema) {
  out->struct_size = sizeof(assay_plugin);
  out->api_major = ASSAY_API_MAJOR;
  out->api_minor = ASSAY_API_MINOR;
  out->kind = kind;
  out->name = name;
  out->version = version;
  out->description = description;
  out->config_schema = schema;
}

template <class T>
assay_status init_scanner(const assay_host_api* host, assay_plugin* out, size_t out_size, const char* name,
                          const char* version, const char* description, const char* schema,
                          uint32_t scanner_flags = 0) noexcept {
  if (!out || out_size < sizeof(assay_plugin)) {
    if (host) host->set_error(host->host, "host's assay_plugin is smaller than this plugin needs");
    return ASSAY_UNSUPPORTED;
  }
  std::memset(out, 0, sizeof(assay_plugin));
  fill_identity(out, ASSAY_KIND_SCANNER, name, version, description, schema);
  out->last_error = &scanner_last_error<T>;
  out->scanner_open = &scanner_open_with_host<T>;
  out->scanner_scan = &scanner_scan<T>;
  out->scanner_close = &scanner_close<T>;
  out->scanner_flags = scanner_flags;
  return ASSAY_OK;
}

template <class T>
assay_status init_reporter(const assay_host_api* host, assay_plugin* out, size_t out_size, const char* name,
                           const char* version, const char* description, const char* schema) noexcept {
  if (!out || out_size < sizeof(assay_plugin)) {
    if (host) host->set_error(host->host, "host's assay_plugin is smaller than this plugin needs");
    return ASSAY_UNSUPPORTED;
  }
  std::memset(out, 0, sizeof(assay_plugin));
  fill_identity(out, ASSAY_KIND_REPORTER, name, version, description, schema);
  out->last_error = &last_error<T>;
  out->reporter_begin = &reporter_begin<T>;
  out->reporter_item = &reporter_item<T>;
  out->reporter_end = &reporter_end<T>;
  out->reporter_close = &reporter_close<T>;
  return ASSAY_OK;
}

}  // namespace detail
}  // namespace assay::sdk

// Defines the plugin's one exported entry point for a Scanner subclass whose
// constructor is T(const assay::sdk::Host&, const std::string& config_json).
#define ASSAY_SCANNER_PLUGIN(T, NAME, VERSION, DESCRIPTION, SCHEMA)                                          \
  extern "C" ASSAY_EXPORT assay_status assay_plugin_init(const assay_host_api* host, assay_plugin* out,      \
                                                         size_t out_size) {                                  \
    return ::assay::sdk::detail::init_scanner<T>(host, out, out_size, NAME, VERSION, DESCRIPTION, SCHEMA);   \
  }

// The same for a scanner that keeps the promise of ASSAY_SCANNER_FILE_LOCAL
// (plugin.h): its findings for a file depend only on that file.
#define ASSAY_FILE_LOCAL_SCANNER_PLUGIN(T, NAME, VERSION, DESCRIPTION, SCHEMA)                               \
  extern "C" ASSAY_EXPORT assay_status assay_plugin_init(const assay_host_api* host, assay_plugin* out,      \
                                                         size_t out_size) {                                  \
    return ::assay::sdk::detail::init_scanner<T>(host, out, out_size, NAME, VERSION, DESCRIPTION, SCHEMA,    \
                                                 ASSAY_SCANNER_FILE_LOCAL);                                  \
  }

// Defines the entry point for a Reporter subclass whose constructor is
// T(const assay::sdk::Host&, const std::string& config_json, const assay_report&).
#define ASSAY_REPORTER_PLUGIN(T, NAME, VERSION, DESCRIPTION, SCHEMA)                                         \
  extern "C" ASSAY_EXPORT assay_status assay_plugin_init(const assay_host_api* host, assay_plugin* out,      \
                                                         size_t out_size) {                                  \
    return ::assay::sdk::detail::init_reporter<T>(host, out, out_size, NAME, VERSION, DESCRIPTION, SCHEMA);  \
  }

#endif  // ASSAY_PLUGIN_HPP
