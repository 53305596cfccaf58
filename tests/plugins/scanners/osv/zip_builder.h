// Writes small zip archives for the tests: stored or deflated members, and
// optionally the ZIP64 end records an archive of more than 65535 members
// carries, so that the reader's ZIP64 path is exercised with a few members.
#pragma once

#include <string>
#include <vector>

namespace assay::osv::testing {

struct ZipEntry {
  std::string name;
  std::string data;
  bool deflate = true;
};

// The archive bytes. With `zip64_end`, the classic end record holds the
// all-ones markers and the counts live in the ZIP64 end record.
std::string build_zip(const std::vector<ZipEntry>& entries, bool zip64_end = false);

}  // namespace assay::osv::testing
