#pragma once

#include <string>

#include "repo/file_entry.h"

namespace assay::repo {

// Where a RepoView's file contents come from: the disk or the object database.
class ContentSource {
 public:
  virtual ~ContentSource() = default;
  // Contents of `file`. Thread-safe. Throws RepoError naming the path.
  virtual std::string read(const FileEntry& file) const = 0;
};

}  // namespace assay::repo
