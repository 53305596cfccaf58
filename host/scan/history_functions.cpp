#include "scan/history_functions.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "history/history_service.h"
#include "repo/repo_view.h"
#include "scan/scan_target.h"

namespace assay::scan {
namespace {

// Rule 3: fill what both sides know; struct_size tells the plugin how much.
template <class T>
void copy_out(const T& filled, T* out) {
  const size_t n = std::min<size_t>(out->struct_size, sizeof(T));
  std::memcpy(static_cast<void*>(out), &filled, n);
  out->struct_size = n;
}

// ASSAY_OK when the call can be answered, with the scanner's file `index`
// turned into the index of the repository's file; otherwise the status to
// return.
assay_status check(const assay_scan* scan, size_t& index, const size_t* out_size) {
  if (!scan || !out_size || *out_size < sizeof(size_t)) return ASSAY_INVALID;
  if (!scan->history || !scan->history->available()) return ASSAY_UNSUPPORTED;
  const std::optional<size_t> file = repo_file_index(scan, index);
  if (!file) return ASSAY_INVALID;
  index = *file;
  return ASSAY_OK;
}

assay_status file_history(const assay_scan* scan, size_t index, assay_file_history* out) {
  if (assay_status s = check(scan, index, out ? &out->struct_size : nullptr); s != ASSAY_OK) return s;
  const history::FileFacts* facts = scan->history->facts(index);
  const history::BuildReport& report = scan->history->build_report();
  assay_file_history filled{};
  filled.struct_size = sizeof(filled);
  filled.commits = facts->commits;
  filled.authors = facts->authors;
  filled.first_change = facts->first_change;
  filled.last_change = facts->last_change;
  filled.hotspot_multiplier = scan->history->hotspot(index).multiplier;
  filled.flags = report.shallow || report.stopped_at_since ? ASSAY_HISTORY_CUT : 0u;
  copy_out(filled, out);
  return ASSAY_OK;
}

assay_status file_commit(const assay_scan* scan, size_t index, size_t nth, assay_commit_info* out) {
  if (assay_status s = check(scan, index, out ? &out->struct_size : nullptr); s != ASSAY_OK) return s;
  const history::FileFacts* facts = scan->history->facts(index);
  if (nth >= facts->commit_list.size()) return ASSAY_INVALID;
  const uint32_t commit = facts->commit_list[nth];
  assay_commit_info filled{};
  filled.struct_size = sizeof(filled);
  filled.id = scan->history->commit_text(commit).c_str();
  filled.author = scan->history->author_text(commit).c_str();
  filled.time = scan->history->index().commits()[commit].author_time;
  copy_out(filled, out);
  return ASSAY_OK;
}

assay_origin_kind abi_kind(history::LineOrigin::Kind kind) {
  switch (kind) {
    case history::LineOrigin::Kind::committed:
      return ASSAY_ORIGIN_COMMITTED;
    case history::LineOrigin::Kind::at_or_before:
      return ASSAY_ORIGIN_AT_OR_BEFORE;
    case history::LineOrigin::Kind::uncommitted:
      return ASSAY_ORIGIN_UNCOMMITTED;
    case history::LineOrigin::Kind::before_history:
    case history::LineOrigin::Kind::no_such_line:
    case history::LineOrigin::Kind::unavailable:
      break;
  }
  return ASSAY_ORIGIN_BEFORE_HISTORY;
}

assay_status line_origin(const assay_scan* scan, size_t index, uint32_t line, assay_line_origin* out) {
  if (assay_status s = check(scan, index, out ? &out->struct_size : nullptr); s != ASSAY_OK) return s;
  try {
    const history::LineOrigin origin = scan->history->line_origin(index, line);
    // The service logs a file whose versions cannot be diffed, once.
    if (origin.kind == history::LineOrigin::Kind::no_such_line) return ASSAY_INVALID;
    if (origin.kind == history::LineOrigin::Kind::unavailable) return ASSAY_ERROR;
    assay_line_origin filled{};
    filled.struct_size = sizeof(filled);
    filled.kind = abi_kind(origin.kind);
    filled.commit = "";
    filled.author = "";
    if (origin.commit) {
      filled.commit = scan->history->commit_text(*origin.commit).c_str();
      filled.author = scan->history->author_text(*origin.commit).c_str();
      filled.time = scan->history->index().commits()[*origin.commit].author_time;
    }
    copy_out(filled, out);
    return ASSAY_OK;
  } catch (const std::exception& e) {
    if (scan->log) scan->log(ASSAY_LOG_WARN, std::string("line origin failed: ") + e.what());
    return ASSAY_ERROR;
  }
}

// One pass over the commit lists of the scanner's files, each commit
// counted once by its index.
assay_status commits_since(const assay_scan* scan, int64_t since, uint64_t* out) {
  if (!scan || !out) return ASSAY_INVALID;
  if (!scan->history || !scan->history->available()) return ASSAY_UNSUPPORTED;
  const auto& commits = scan->history->index().commits();
  std::vector<bool> counted(commits.size());
  uint64_t count = 0;
  const size_t files = target_file_count(scan);
  for (size_t i = 0; i < files; ++i) {
    const std::optional<size_t> file = repo_file_index(scan, i);
    if (!file) continue;
    for (const uint32_t commit : scan->history->facts(*file)->commit_list) {
      if (counted[commit] || commits[commit].author_time < since) continue;
      counted[commit] = true;
      ++count;
    }
  }
  *out = count;
  return ASSAY_OK;
}

}  // namespace

void add_history_functions(assay_host_api& api) {
  api.file_history = &file_history;
  api.file_commit = &file_commit;
  api.line_origin = &line_origin;
  api.commits_since = &commits_since;
}

}  // namespace assay::scan
