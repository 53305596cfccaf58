// Flushes a growing file's data to disk on a thread of its own while the
// file is still being written, so that the fsync which makes the finished
// file durable waits only for what was written since the last flush.
//
// Starting writeback alone (sync_file_range) did not shorten that fsync on a
// virtual machine's disk: the host keeps the data in its own cache and
// writes it out only when the guest flushes, so the final fsync paid for
// the whole file (~45 ms for a 28 MB backlog.json). An fdatasync per piece
// makes the host write the pieces while the rest is produced.
#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace assay::reporters {

class BackgroundSync {
 public:
  // `fd` must stay open until finish() returned (or the destructor ran).
  explicit BackgroundSync(int fd);
  BackgroundSync(const BackgroundSync&) = delete;
  BackgroundSync& operator=(const BackgroundSync&) = delete;
  // Waits for the flush in progress, as finish() does.
  ~BackgroundSync();

  // Tells it that the file now holds `written` bytes. Once kPiece more
  // bytes than at the last flush have been written, the thread (started on
  // first need) flushes everything written so far. Without a thread to
  // spare nothing is flushed early: the caller's own fsync still does it.
  void wrote(off_t written);

  // Stops the thread after the flush in progress. Returns the errno of the
  // first flush that failed, or 0. A failed flush must fail the file: the
  // kernel reports a write error to one fsync of the open file only, so the
  // caller's own later fsync may not see it.
  int finish();

  // Bytes written between two flushes.
  static constexpr off_t kPiece = 4 * 1024 * 1024;

 private:
  void run();

  int fd_;
  off_t requested_ = 0;  // the last `written` that asked for a flush
  std::mutex mutex_;
  std::condition_variable wanted_;
  bool pending_ = false;  // a flush is asked for and not yet started
  bool stopping_ = false;
  int error_ = 0;
  std::thread thread_;
};

}  // namespace assay::reporters
