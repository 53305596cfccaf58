#pragma once

#include <string>

#include "repo/content_source.h"

namespace assay::repo {

// Reads files below a root directory from disk. Each read opens its own file
// descriptor, so reads from many threads need no lock. Symbolic links are not
// followed, even if one replaced a file after listing.
class DiskReader : public ContentSource {
 public:
  explicit DiskReader(std::string root);
  std::string read(const FileEntry& file) const override;
  size_t read_into(const FileEntry& file, std::string& buffer) const override;

 private:
  std::string root_;
};

}  // namespace assay::repo
