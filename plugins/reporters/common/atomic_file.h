// Writes one report file so that a reader sees either the previous file or the
// complete new one, never a half-written file: the text goes to a temporary
// file in the target's directory, which is flushed to disk and renamed over
// the target only on commit(). Shared by the built-in file reporters.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace assay::reporters {

class AtomicFile {
 public:
  // Creates the target's directory when missing and a temporary file beside
  // the target. Throws std::runtime_error naming the path and the system's
  // error text.
  explicit AtomicFile(std::filesystem::path target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Removes the temporary file unless commit() succeeded.
  ~AtomicFile();

  // Appends text. Buffered; throws std::runtime_error when the disk refuses.
  void write(std::string_view text);

  // Writes what is buffered, fsyncs, renames the temporary file over the
  // target and fsyncs the directory. Throws std::runtime_error naming the
  // path when the file could not be put in place. Once the rename succeeded
  // the report is written: a failure to flush the directory only means a
  // crash may still forget the rename, so it is returned as a warning for
  // the reporter to log instead of failing the report.
  [[nodiscard]] std::optional<std::string> commit();

  const std::filesystem::path& target() const { return target_; }

 private:
  void flush_buffer();
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
};

}  // namespace assay::reporters
