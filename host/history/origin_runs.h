// The line origins of one version of a file, held as runs: consecutive lines
// with the same origin code (line_origins.h) are one run. A file's lines
// mostly come from a few commits (all from one when the file was added at
// once and never changed since), so a version of thousands of lines takes a
// handful of runs where one code per line took four bytes a line; the scan
// keeps the origins of every file it asked about, and the cache file stores
// them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace assay::history {

// Lines [end of the run before (0 for the first), end) all have `code`.
struct OriginRun {
  uint32_t end = 0;
  uint32_t code = 0;
  bool operator==(const OriginRun&) const = default;
};

class OriginRuns {
 public:
  // No lines (an empty file).
  OriginRuns() = default;
  // `count` lines, all with `code`.
  OriginRuns(uint32_t count, uint32_t code);
  // The runs of one code per line.
  static OriginRuns from_codes(const std::vector<uint32_t>& codes);

  // Appends `count` lines with `code` (nothing when `count` is 0), joining
  // the last run when it has the same code. Throws std::length_error when
  // the file would have more than 2^32 - 1 lines.
  void append(uint32_t code, uint32_t count = 1);
  // Gives back what the run list grew by while it was appended to: the
  // origins are kept for the rest of the scan.
  void shrink_to_fit() { runs_.shrink_to_fit(); }

  uint32_t line_count() const { return runs_.empty() ? 0 : runs_.back().end; }
  // Code of the 0-based `line`; requires line < line_count().
  uint32_t code_at(uint32_t line) const;
  // Like code_at(), for lines asked in increasing order (the lines a diff
  // left unchanged): `run` starts at 0 and is kept between the calls, which
  // then take one pass over the runs between them.
  uint32_t code_from(uint32_t line, size_t& run) const;
  // One code per line, as from_codes() took them.
  std::vector<uint32_t> codes() const;
  // In line order, never two neighbours with the same code, no empty run.
  const std::vector<OriginRun>& runs() const { return runs_; }

  bool operator==(const OriginRuns&) const = default;

 private:
  std::vector<OriginRun> runs_;
};

}  // namespace assay::history
