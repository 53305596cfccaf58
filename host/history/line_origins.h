// The origin of every line of one version of a file: the commit at which
// the line's text entered the file. Computed from the file's own versions in
// the history index (the blobs its changes recorded), never by a blame over
// the whole history: each version is diffed against the version it was
// made from, oldest first, and a line that a diff leaves unchanged keeps the
// origin it had in the older version; the others entered with the change.
// A version is attributed to the newest change that produced it (as blame
// does: a line a revert brought back entered with the revert). A merge is
// diffed against each parent's version, so lines from a merged branch keep
// the branch commit that wrote them.
#pragma once

#include <git2/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "history/history_index.h"

namespace assay::history {

// One origin code per line:
//   c                 the line entered the file at commits()[c]
//   kAlreadyThere | c the line was already there when commits()[c] changed
//                     the file and the walked history goes no further back
//                     (shallow clone, window, unreadable older version): it
//                     entered at that commit or before
//   kBeforeHistory    the file did not change in the walked history at all
//   kUncommitted      the line is not in the scanned commit (working tree)
inline constexpr uint32_t kAlreadyThere = 0x80000000u;
inline constexpr uint32_t kBeforeHistory = 0xFFFFFFFEu;
inline constexpr uint32_t kUncommitted = 0xFFFFFFFFu;

struct OriginLimits {
  uint64_t max_blob_bytes = 1 << 20;  // larger versions are not diffed
};

struct OriginResult {
  enum class Status { ok, binary, too_large, unreadable };
  Status status = Status::ok;
  std::vector<uint32_t> lines;  // one code per line of the blob (status ok)
  std::string problem;          // names the blob when unreadable, too large or binary
};

// Origins of all lines of `blob`, a version of the file `file` (a name in
// index.names() that has changes). A blob that no change produced (the
// file did not change in the walked history) gets kBeforeHistory for every
// line. `repository` must not be used by another thread during the call.
OriginResult compute_origins(git_repository* repository, const HistoryIndex& index, uint32_t file,
                             const ObjectId& blob, const OriginLimits& limits);

// Number of lines of `text`: a last line without '\n' counts.
uint32_t count_lines(std::string_view text);

// For every line of `after` (0-based), the 0-based line of `before` it was
// left unchanged from, or -1 when the diff inserted or changed it.
std::vector<int32_t> unchanged_lines(std::string_view before, std::string_view after);

// True when `text` looks binary (a NUL byte in its first 8000 bytes, as git
// decides).
bool looks_binary(std::string_view text);

}  // namespace assay::history
