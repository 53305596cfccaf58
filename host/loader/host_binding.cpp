#include "loader/host_binding.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace assay::loader {
namespace {

void forward_log(assay_host* host, assay_log_level level, const std::string& message) {
  std::string label;
  {
    std::lock_guard lock(host->mutex);
    label = host->label;
  }
  (*host->log)(level, label, message);
}

// --- functions the loader implements; none may throw across the ABI ---

void host_log(assay_host* host, assay_log_level level, const char* message) {
  if (!host) return;
  try {
    forward_log(host, level, message ? message : "");
  } catch (...) {
    // A failing log sink must not take the plugin's thread down.
  }
}

void host_set_error(assay_host* host, const char* message) {
  if (!host) return;
  try {
    std::string bounded = bounded_message(message);
    {
      std::lock_guard lock(host->mutex);
      host->error = bounded;
    }
    forward_log(host, ASSAY_LOG_DEBUG, "set_error: " + bounded);
  } catch (...) {
    // Out of memory while recording an error: the caller's status code still tells.
  }
}

void copy_error(char* error, size_t error_size, const std::string& text) {
  if (!error || error_size == 0) return;
  const std::string bounded = bounded_message(text.c_str());
  const size_t n = std::min(bounded.size(), error_size - 1);
  std::memcpy(error, bounded.data(), n);
  error[n] = '\0';
}

assay_status host_deliver(assay_host* host, const assay_delivery* message, char* error, size_t error_size) {
  if (!host) return ASSAY_INVALID;
  try {
    if (!message) {
      copy_error(error, error_size, "deliver: message is NULL");
      return ASSAY_INVALID;
    }
    std::string label;
    {
      std::lock_guard lock(host->mutex);
      label = host->label;
    }
    std::string reason;
    const assay_status status = host->delivery ? host->delivery->deliver(label, *message, reason)
                                               : ASSAY_UNSUPPORTED;
    if (!host->delivery) reason = "this host offers no delivery service";
    if (status != ASSAY_OK) copy_error(error, error_size, reason);
    return status;
  } catch (...) {
    copy_error(error, error_size, "deliver: out of memory");
    return ASSAY_NO_MEMORY;
  }
}

void* host_alloc(size_t size) { return std::malloc(size); }
void host_free(void* ptr) { std::free(ptr); }

// --- answers for scan functions the host did not supply ---

size_t no_file_count(const assay_scan*) { return 0; }
assay_status no_file_info(const assay_scan*, size_t, assay_file_info*) { return ASSAY_UNSUPPORTED; }
assay_status no_file_read(const assay_scan*, size_t, assay_blob*) { return ASSAY_UNSUPPORTED; }
void no_file_release(const assay_scan*, assay_blob*) {}
assay_status no_emit(const assay_scan*, const assay_finding*) { return ASSAY_UNSUPPORTED; }
int no_is_cancelled(const assay_scan*) { return 0; }
assay_status no_parallel_for(const assay_scan*, size_t, void (*)(void*, size_t), void*) {
  return ASSAY_UNSUPPORTED;
}
const char* no_text(const assay_scan*) { return ""; }
assay_status no_file_history(const assay_scan*, size_t, assay_file_history*) { return ASSAY_UNSUPPORTED; }
assay_status no_file_commit(const assay_scan*, size_t, size_t, assay_commit_info*) {
  return ASSAY_UNSUPPORTED;
}
assay_status no_line_origin(const assay_scan*, size_t, uint32_t, assay_line_origin*) {
  return ASSAY_UNSUPPORTED;
}
assay_status no_report_assessment(const assay_scan*, const char*) { return ASSAY_UNSUPPORTED; }
assay_status no_commits_since(const assay_scan*, int64_t, uint64_t*) { return ASSAY_UNSUPPORTED; }
assay_status no_cache_get(const assay_scan*, const char*, size_t, const char** value, size_t* value_size) {
  if (value) *value = nullptr;
  if (value_size) *value_size = 0;
  return ASSAY_UNSUPPORTED;
}
assay_status no_cache_put(const assay_scan*, const char*, size_t, const char*, size_t) { return ASSAY_UNSUPPORTED; }

template <class Fn>
Fn either(Fn supplied, Fn fallback) {
  return supplied ? supplied : fallback;
}

}  // namespace

std::string bounded_message(const char* message) {
  if (!message) return {};
  size_t length = strnlen(message, ASSAY_MAX_ERROR);
  if (length < ASSAY_MAX_ERROR) return std::string(message, length);
  length = ASSAY_MAX_ERROR - 1;
  // Back off to the start of the UTF-8 sequence the cut would split.
  while (length > 0 && (static_cast<unsigned char>(message[length]) & 0xC0) == 0x80) --length;
  return std::string(message, length);
}

HostBinding::HostBinding(const assay_host_api& scan_functions, std::string label,
                         std::shared_ptr<const LogCallback> log, std::shared_ptr<const DeliveryHook> delivery) {
  host_.label = std::move(label);
  host_.delivery = std::move(delivery);
  host_.log = log ? std::move(log) : std::make_shared<const LogCallback>(log_to_stderr);
  api_.struct_size = sizeof(assay_host_api);
  api_.api_major = ASSAY_API_MAJOR;
  api_.api_minor = ASSAY_API_MINOR;
  api_.host = &host_;
  api_.log = host_log;
  api_.set_error = host_set_error;
  api_.alloc = host_alloc;
  api_.free = host_free;
  api_.file_count = either(scan_functions.file_count, no_file_count);
  api_.file_info = either(scan_functions.file_info, no_file_info);
  api_.file_read = either(scan_functions.file_read, no_file_read);
  api_.file_release = either(scan_functions.file_release, no_file_release);
  api_.emit = either(scan_functions.emit, no_emit);
  api_.is_cancelled = either(scan_functions.is_cancelled, no_is_cancelled);
  api_.parallel_for = either(scan_functions.parallel_for, no_parallel_for);
  api_.scan_root = either(scan_functions.scan_root, no_text);
  api_.scan_commit = either(scan_functions.scan_commit, no_text);
  api_.file_history = either(scan_functions.file_history, no_file_history);
  api_.file_commit = either(scan_functions.file_commit, no_file_commit);
  api_.line_origin = either(scan_functions.line_origin, no_line_origin);
  api_.report_assessment = either(scan_functions.report_assessment, no_report_assessment);
  api_.deliver = host_deliver;
  api_.commits_since = either(scan_functions.commits_since, no_commits_since);
  api_.cache_get = either(scan_functions.cache_get, no_cache_get);
  api_.cache_put = either(scan_functions.cache_put, no_cache_put);
}

void HostBinding::rename(const std::string& plugin_name) {
  std::lock_guard lock(host_.mutex);
  host_.label = plugin_name;
}

std::string HostBinding::label() const {
  std::lock_guard lock(host_.mutex);
  return host_.label;
}

std::string HostBinding::take_error() {
  std::lock_guard lock(host_.mutex);
  return std::exchange(host_.error, std::string());
}

void HostBinding::clear_error() {
  std::lock_guard lock(host_.mutex);
  host_.error.clear();
}

void HostBinding::log(assay_log_level level, const std::string& message) {
  try {
    forward_log(&host_, level, message);
  } catch (...) {
    // Same rule as for the plugin's own log calls.
  }
}

}  // namespace assay::loader
