#include "history/origin_runs.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace assay::history {

OriginRuns::OriginRuns(uint32_t count, uint32_t code) { append(code, count); }

OriginRuns OriginRuns::from_codes(const std::vector<uint32_t>& codes) {
  if (codes.size() > std::numeric_limits<uint32_t>::max())
    throw std::length_error("a file of more than 2^32 - 1 lines");
  OriginRuns runs;
  for (uint32_t code : codes) runs.append(code);
  runs.shrink_to_fit();
  return runs;
}

void OriginRuns::append(uint32_t code, uint32_t count) {
  if (count == 0) return;
  const uint32_t lines = line_count();
  if (count > std::numeric_limits<uint32_t>::max() - lines)
    throw std::length_error("a file of more than 2^32 - 1 lines");
  if (!runs_.empty() && runs_.back().code == code) {
    runs_.back().end += count;
  } else {
    runs_.push_back({lines + count, code});
  }
}

uint32_t OriginRuns::code_at(uint32_t line) const {
  // The first run that ends after the line holds it.
  auto run = std::upper_bound(runs_.begin(), runs_.end(), line,
                              [](uint32_t l, const OriginRun& r) { return l < r.end; });
  return run->code;
}

uint32_t OriginRuns::code_from(uint32_t line, size_t& run) const {
  if (run >= runs_.size() || (run > 0 && runs_[run - 1].end > line)) run = 0;  // asked out of order
  while (runs_[run].end <= line) ++run;
  return runs_[run].code;
}

std::vector<uint32_t> OriginRuns::codes() const {
  std::vector<uint32_t> codes;
  codes.reserve(line_count());
  for (const OriginRun& run : runs_) codes.resize(run.end, run.code);
  return codes;
}

}  // namespace assay::history
