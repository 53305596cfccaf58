// The history cache file: a HistoryIndex and the line origins computed from
// it, stored so that the next scan walks only the commits added since.
//
// Format (all integers little-endian): the 8 bytes "ASSAYHC1", a u32
// format version, a u64 payload length, a u64 digest of the payload
// (FNV-1a over 8-byte words), then the payload: the repository's git
// directory, the provenance, the authors, names, commits, every file's
// changes and the cached origins (each with the commit they were attributed
// to, as runs of lines with one origin: a line count and a code per run).
// This is format version 3; a file of an older version is refused and the
// history walked again.
// Every index is checked on reading: a file that is truncated, corrupt,
// written by another format version or for another repository is refused
// with a reason, and the caller walks the history from scratch.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "history/history_index.h"
#include "history/origin_runs.h"

namespace assay::history {

// The origins of all lines of one version (blob) of one file.
struct CachedOrigins {
  uint32_t file = 0;  // the file's name (index into the index's names())
  ObjectId blob;
  // The commit of the change the origins were attributed to (index into
  // commits()), kNoProducer when none (line_origins.h).
  uint32_t producer = 0;
  OriginRuns lines;  // origin codes of the lines (see line_origins.h)
};

struct CacheContents {
  HistoryIndex index;
  std::vector<CachedOrigins> origins;
};

struct CacheRead {
  std::optional<CacheContents> contents;
  // Why the file could not be used; "" when it does not exist (or was used).
  std::string problem;
};

// Reads `file`, written for the repository whose git directory is
// `git_dir`. Never throws: every problem is a reason in CacheRead::problem.
CacheRead read_cache(const std::filesystem::path& file, const std::string& git_dir);

// A cache file read and decoded before the repository it must have been
// written for is known (see CacheReadAhead).
struct UncheckedCache {
  CacheRead read;
  // The git directory the file says it was written for; nullopt when the
  // file could not be read that far.
  std::optional<std::string> written_for;
};

// read_cache() in two steps: check_cache(read_cache_unchecked(file), file,
// git_dir) is read_cache(file, git_dir), with the same problems.
UncheckedCache read_cache_unchecked(const std::filesystem::path& file);
CacheRead check_cache(UncheckedCache unchecked, const std::filesystem::path& file, const std::string& git_dir);

// Writes atomically: a temporary file in the same directory, flushed to
// disk, then renamed over `file`. Creates the directory when missing (with
// a .gitignore of "*" when it is named .assay, as the report stage does).
// Throws HistoryError naming the file when it cannot be written.
void write_cache(const std::filesystem::path& file, const std::string& git_dir, const HistoryIndex& index,
                 const std::vector<CachedOrigins>& origins);

}  // namespace assay::history
