// A read-only memory mapping of a whole file, so that a database export of
// hundreds of megabytes is not copied into memory to be read once.
#pragma once

#include <string>
#include <string_view>

namespace assay::osv {

class MappedFile {
 public:
  // Maps `path`; throws std::runtime_error "<path>: <reason>" when it cannot.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace assay::osv
