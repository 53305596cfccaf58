#include "background_sync.h"

#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace assay::reporters {

BackgroundSync::BackgroundSync(int fd) : fd_(fd) {}

BackgroundSync::~BackgroundSync() { finish(); }

void BackgroundSync::wrote(off_t written) {
  if (written - requested_ < kPiece) return;
  requested_ = written;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    pending_ = true;
  }
  if (thread_.joinable()) {
    wanted_.notify_one();
    return;
  }
  try {
    thread_ = std::thread([this] { run(); });
  } catch (const std::system_error&) {
    // No thread to spare: the final fsync flushes everything itself.
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = false;
  }
}

void BackgroundSync::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wanted_.wait(lock, [&] { return pending_ || stopping_; });
    if (stopping_) return;
    pending_ = false;
    lock.unlock();
    // Flushes all the data written so far, also what came after the request.
    const int result = ::fdatasync(fd_);
    const int error_number = result == 0 ? 0 : errno;
    lock.lock();
    if (error_number != 0 && error_number != EINTR && error_ == 0) error_ = error_number;
  }
}

int BackgroundSync::finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wanted_.notify_one();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

}  // namespace assay::reporters
