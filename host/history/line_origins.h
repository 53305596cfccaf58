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
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "history/history_index.h"
#include "history/origin_runs.h"

namespace assay::history {

// The origin code of a line (kept in runs of lines, origin_runs.h):
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

// The producer of a version that no walked change produced (it predates the
// walked history).
inline constexpr uint32_t kNoProducer = 0xFFFFFFFFu;

struct OriginLimits {
  uint64_t max_blob_bytes = 1 << 20;  // larger versions are not diffed
};

struct OriginResult {
  enum class Status { ok, binary, too_large, unreadable };
  Status status = Status::ok;
  OriginRuns origins;           // the codes of the blob's lines (status ok)
  std::string problem;          // names the blob when unreadable, too large or binary
  // The commit (index into commits()) of the change the origins are
  // attributed to, kNoProducer when none: what producing_commit() said.
  uint32_t producer = kNoProducer;
};

// Origins computed earlier (by an earlier scan, kept in the cache file) of
// the version `blob` of the file as produced by commits()[producer], or
// nullptr when there are none. Lets a file that gained one version since
// be brought up to date with one diff instead of one per version.
using KnownOrigins =
    std::function<std::shared_ptr<const OriginRuns>(const ObjectId& blob, uint32_t producer)>;

// The commit (index into commits()) of the newest change of `file` that
// produced `blob`, or kNoProducer: the version origins are attributed to.
// Origins computed when another change was the newest to produce the blob
// (before a revert brought it back) are stale.
uint32_t producing_commit(const HistoryIndex& index, uint32_t file, const ObjectId& blob);

// Origins of all lines of `blob`, a version of the file `file` (a name in
// index.names() that has changes). A blob that no change produced (the
// file did not change in the walked history) gets kBeforeHistory for every
// line. Versions `known` has origins for are not computed again (nor the
// versions below them). `repository` must not be used by another thread
// during the call.
OriginResult compute_origins(git_repository* repository, const HistoryIndex& index, uint32_t file,
                             const ObjectId& blob, const OriginLimits& limits,
                             const KnownOrigins& known = nullptr);

// Number of lines of `text`: a last line without '\n' counts.
uint32_t count_lines(std::string_view text);

// For every line of `after` (0-based), the 0-based line of `before` it was
// left unchanged from, or -1 when the diff inserted or changed it.
std::vector<int32_t> unchanged_lines(std::string_view before, std::string_view after);

// True when `text` looks binary (a NUL byte in its first 8000 bytes, as git
// decides).
bool looks_binary(std::string_view text);

}  // namespace assay::history
