#include "scan/scan_target.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <string>

#include "bus/finding_sender.h"
#include "finding/finding.h"
#include "repo/repo_view.h"
#include "scan/cache_functions.h"
#include "scan/finding_recorder.h"
#include "scan/history_functions.h"
#include "scan/maturity_assessment.h"
#include "scan/parallel.h"
#include "scan/read_buffers.h"

namespace assay::scan {
namespace {

size_t file_count(const assay_scan* scan) { return target_file_count(scan); }

assay_status file_info(const assay_scan* scan, size_t index, assay_file_info* out) {
  const std::optional<size_t> file = repo_file_index(scan, index);
  if (!file || !out) return ASSAY_INVALID;
  if (out->struct_size < sizeof(size_t)) return ASSAY_INVALID;
  const auto& entry = scan->repo->files()[*file];
  assay_file_info info{};
  info.struct_size = sizeof(info);
  info.path = entry.path.c_str();
  info.size = entry.size;
  info.blob_id = entry.blob_id.c_str();
  info.language = entry.language.c_str();
  // Rule 3: fill what both sides know; struct_size tells the plugin how much.
  size_t n = std::min<size_t>(out->struct_size, sizeof(info));
  std::memcpy(out, &info, n);
  out->struct_size = n;
  return ASSAY_OK;
}

assay_status file_read(const assay_scan* scan, size_t index, assay_blob* out) {
  const std::optional<size_t> file = repo_file_index(scan, index);
  if (!file || !out) return ASSAY_INVALID;
  if (out->struct_size < sizeof(assay_blob)) return ASSAY_INVALID;
  try {
    std::unique_ptr<std::string> buffer = take_read_buffer();
    const size_t size = scan->repo->read_into(*file, *buffer);
    out->data = buffer->data();
    out->size = size;
    out->host_private = buffer.release();
    const_cast<assay_scan*>(scan)->files_read.fetch_add(1, std::memory_order_relaxed);
    return ASSAY_OK;
  } catch (const std::exception& e) {
    if (scan->log) scan->log(ASSAY_LOG_WARN, e.what());
    if (scan->recorder) scan->recorder->unreadable(*file);
    return ASSAY_ERROR;
  }
}

void file_release(const assay_scan*, assay_blob* blob) {
  if (!blob || !blob->host_private) return;
  give_back_read_buffer(std::unique_ptr<std::string>(static_cast<std::string*>(blob->host_private)));
  blob->host_private = nullptr;
  blob->data = nullptr;
  blob->size = 0;
}

assay_status emit(const assay_scan* scan, const assay_finding* raw) {
  if (!scan || !raw) return ASSAY_INVALID;
  if (scan->cancelled->load(std::memory_order_relaxed)) return ASSAY_CANCELLED;
  auto* mutable_scan = const_cast<assay_scan*>(scan);
  try {
    Finding finding = Finding::from_abi(*raw, scan->plugin);
    if (!scan->sender->send(std::move(finding))) return ASSAY_CANCELLED;
    return ASSAY_OK;
  } catch (const std::exception& e) {
    // A malformed finding is a defect of the plugin; refuse it, say why, go on.
    uint64_t n = mutable_scan->rejected.fetch_add(1) + 1;
    if (scan->log && n <= 10) scan->log(ASSAY_LOG_WARN, std::string("finding refused: ") + e.what());
    return ASSAY_INVALID;
  }
}

int is_cancelled(const assay_scan* scan) {
  return scan && scan->cancelled->load(std::memory_order_relaxed) ? 1 : 0;
}

assay_status run_parallel(const assay_scan* scan, size_t count, void (*fn)(void*, size_t), void* user) {
  if (!scan || !fn) return ASSAY_INVALID;
  std::function<void(size_t)> call = [fn, user](size_t i) { fn(user, i); };
  bool finished = parallel_for(*scan->pool, scan->workers, count, call, *scan->cancelled);
  return finished ? ASSAY_OK : ASSAY_CANCELLED;
}

const char* scan_root(const assay_scan* scan) { return scan ? scan->root.c_str() : ""; }
const char* scan_commit(const assay_scan* scan) { return scan ? scan->commit.c_str() : ""; }

}  // namespace

size_t target_file_count(const assay_scan* scan) {
  if (!scan) return 0;
  return scan->files ? scan->files->size() : scan->repo->files().size();
}

std::optional<size_t> repo_file_index(const assay_scan* scan, size_t index) {
  if (!scan || index >= target_file_count(scan)) return std::nullopt;
  return scan->files ? (*scan->files)[index] : index;
}

assay_host_api scan_functions() {
  assay_host_api api{};
  api.struct_size = sizeof(api);
  api.api_major = ASSAY_API_MAJOR;
  api.api_minor = ASSAY_API_MINOR;
  api.file_count = &file_count;
  api.file_info = &file_info;
  api.file_read = &file_read;
  api.file_release = &file_release;
  api.emit = &emit;
  api.is_cancelled = &is_cancelled;
  api.parallel_for = &run_parallel;
  api.scan_root = &scan_root;
  api.scan_commit = &scan_commit;
  add_history_functions(api);
  api.report_assessment = &report_assessment;
  add_cache_functions(api);
  return api;
}

}  // namespace assay::scan
