#pragma once

#include <cstdint>
#include <string>

namespace assay::repo {

// One file of the scan target.
struct FileEntry {
  std::string path;        // repository-relative, '/' separated, no leading "./"
  std::uint64_t size = 0;  // bytes, as read() will return them
  std::string blob_id;     // 40-hex git blob id, or "" when not known without hashing
  std::string language;    // language id guessed from the name, or "" when unknown
};

}  // namespace assay::repo
