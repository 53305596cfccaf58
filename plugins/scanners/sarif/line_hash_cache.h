// The line hashes (line_identity.h) of the repository files that a SARIF
// file's results point to, read through the host's file API on first use
// and kept for the rest of that SARIF file. Only files of the scan target
// are read; a path the resolver refused never reaches here.
#pragma once

#include <assay/plugin.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace assay::sarif {

class LineHashCache {
 public:
  // `files`: repository path -> index in the scan's file list. Files larger
  // than `max_file_size` are not read.
  LineHashCache(const sdk::Scan& scan, const std::unordered_map<std::string, size_t>& files,
                uint64_t max_file_size);

  // The hash of line `line` (1-based) of `path`, or nullopt when the file is
  // not in the scan, unreadable, too large, or shorter.
  std::optional<uint64_t> line_hash(const std::string& path, uint32_t line);

 private:
  const std::vector<uint64_t>& hashes_of(const std::string& path);

  const sdk::Scan& scan_;
  const std::unordered_map<std::string, size_t>& files_;
  uint64_t max_file_size_;
  std::unordered_map<std::string, std::vector<uint64_t>> hashes_;  // empty: not readable
};

}  // namespace assay::sarif
