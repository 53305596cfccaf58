// A fixed list of repository paths, folded to lower case once and indexed by
// how they end, how they begin and how their file names begin, so that a
// glob list is tried only on the paths its patterns' anchors allow
// (PathGlob::anchors) instead of on every path: the maturity rules match
// about a hundred glob lists against every file of the repository.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "path_glob.h"

namespace assay::scanners {

class PathIndex {
 public:
  // `folded_paths` in ASCII lower case (lower_ascii); their positions are
  // what matching() returns.
  explicit PathIndex(std::vector<std::string> folded_paths);

  size_t size() const { return paths_.size(); }
  const std::string& path(size_t position) const { return paths_[position]; }

  // The positions, ascending, of the paths `globs` matches: exactly those
  // for which globs.matches_folded(path(position)) holds.
  std::vector<size_t> matching(const GlobList& globs) const;

 private:
  // Adds the positions of the paths `anchor` allows to `out`; false when it
  // allows every path.
  bool add_candidates(const PathGlob::Anchor& anchor, std::vector<uint32_t>& out) const;

  std::vector<std::string> paths_;
  std::vector<std::string_view> names_;  // the file name of each path
  std::vector<uint32_t> by_ending_;      // positions ordered by the reversed path
  std::vector<uint32_t> by_path_;        // positions ordered by the path
  std::vector<uint32_t> by_name_;        // positions ordered by the file name
};

}  // namespace assay::scanners
