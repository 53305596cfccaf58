#include "line_hash_cache.h"

#include "line_identity.h"

namespace assay::sarif {

LineHashCache::LineHashCache(const sdk::Scan& scan, const std::unordered_map<std::string, size_t>& files,
                             uint64_t max_file_size)
    : scan_(scan), files_(files), max_file_size_(max_file_size) {}

std::optional<uint64_t> LineHashCache::line_hash(const std::string& path, uint32_t line) {
  const std::vector<uint64_t>& hashes = hashes_of(path);
  if (line == 0 || line > hashes.size()) return std::nullopt;
  return hashes[line - 1];
}

const std::vector<uint64_t>& LineHashCache::hashes_of(const std::string& path) {
  const auto cached = hashes_.find(path);
  if (cached != hashes_.end()) return cached->second;
  std::vector<uint64_t>& hashes = hashes_[path];
  const auto file = files_.find(path);
  if (file == files_.end() || scan_.file(file->second).size > max_file_size_) return hashes;
  sdk::Blob blob(scan_.api(), scan_.raw());
  if (!scan_.read(file->second, blob)) return hashes;
  const std::string_view text = blob.view();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    hashes.push_back(line_text_hash(text.substr(start, end - start)));
    start = end + 1;
  }
  return hashes;
}

}  // namespace assay::sarif
