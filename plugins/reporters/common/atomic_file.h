// Writes one report file so that a reader sees either the previous file or the
// complete new one, never a half-written file: the text goes to a temporary
// file in the target's directory, which is flushed to disk and renamed over
// the target only on commit(). Shared by the built-in file reporters.
//
// Renaming over a large file frees its blocks and cached pages within the
// rename (about 0.1 s for an 85 MB backlog.json): commit() therefore keeps the
// replaced file under a second hidden name and removes it on a thread of its
// own, which the destructor waits for.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace assay::reporters {

class AtomicFile {
 public:
  // Creates the target's directory when missing and a temporary file beside
  // the target. Throws std::runtime_error naming the path and the system's
  // error text.
  explicit AtomicFile(std::filesystem::path target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Removes the temporary file unless commit() succeeded; waits until the
  // file the commit replaced is removed.
  ~AtomicFile();

  // Appends text. Buffered; throws std::runtime_error when the disk refuses.
  void write(std::string_view text);

  // Writes what is buffered, fsyncs, renames the temporary file over the
  // target and fsyncs the directory. Throws std::runtime_error naming the
  // path when the file could not be put in place. Once the rename succeeded
  // the report is written: a failure to flush the directory only means a
  // crash may still forget the rename, so it is returned as a warning for
  // the reporter to log instead of failing the report. A replaced file of
  // kSetAsideSize bytes or more is removed in the background (see above).
  [[nodiscard]] std::optional<std::string> commit();

  const std::filesystem::path& target() const { return target_; }

  // The size from which a replaced target is removed in the background.
  static constexpr off_t kSetAsideSize = 4 * 1024 * 1024;

  // The hidden name a replaced `target` is kept under until it is removed:
  // ".<file name>.old-<suffix>". A crash may leave one behind; the next
  // AtomicFile for the same target removes such leftovers.
  static std::filesystem::path set_aside_path(const std::filesystem::path& target, std::string_view suffix);

 private:
  void flush_buffer();
  // Gives the current target a second name when it is large, so that the
  // rename does not free it. Returns that name, or "" when nothing was set
  // aside.
  std::filesystem::path set_aside_target() const;
  void remove_leftovers() const;
  // Starts the disk writes of what was written since the last start, once
  // that is a piece's worth.
  void start_writeback();
  std::optional<std::string> sync_directory() const;
  std::string not_durable(const std::string& action, const std::filesystem::path& directory,
                          int error_number) const;
  [[noreturn]] void fail(const std::string& action, const std::filesystem::path& path,
                         int error_number) const;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
  std::string buffer_;
  off_t written_ = 0;         // bytes written to fd_
  off_t writeback_from_ = 0;  // where the next start_writeback begins
  bool committed_ = false;
  std::thread remover_;  // removes the file commit() replaced
};

}  // namespace assay::reporters
