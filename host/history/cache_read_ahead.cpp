#include "history/cache_read_ahead.h"

#include <utility>

namespace assay::history {

CacheReadAhead::CacheReadAhead(std::filesystem::path file)
    : file_(std::move(file)), thread_([this] {
        try {
          read_ = read_cache_unchecked(file_);
        } catch (...) {
          // Out of memory, say: take() finds nothing, and the build reads
          // the file itself (and meets the problem there).
          read_.reset();
        }
      }) {}

CacheReadAhead::~CacheReadAhead() {
  if (thread_.joinable()) thread_.join();
}

std::optional<CacheRead> CacheReadAhead::take(const std::filesystem::path& file, const std::string& git_dir) {
  if (thread_.joinable()) thread_.join();
  if (!read_ || file != file_) return std::nullopt;
  CacheRead checked = check_cache(std::move(*read_), file, git_dir);
  read_.reset();
  return checked;
}

}  // namespace assay::history
