#pragma once

#include <cstddef>
#include <string>

#include "repo/file_entry.h"

namespace assay::repo {

// Where a RepoView's file contents come from: the disk or the object database.
class ContentSource {
 public:
  virtual ~ContentSource() = default;
  // Contents of `file`. Thread-safe. Throws RepoError naming the path.
  virtual std::string read(const FileEntry& file) const = 0;
  // Contents of `file` in the first bytes of `buffer`; returns how many. The
  // buffer's size is left at least that large and what follows is unspecified,
  // so that one buffer serves many reads without being allocated or cleared
  // again. Thread-safe for distinct buffers. Throws like read().
  virtual size_t read_into(const FileEntry& file, std::string& buffer) const {
    buffer = read(file);
    return buffer.size();
  }
};

}  // namespace assay::repo
