#include "atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace assay::reporters {
namespace {

// Large enough that a report of thousands of items needs few system calls.
constexpr size_t kFlushThreshold = 64 * 1024;

// Written data is handed to the disk in pieces of this size while the file
// grows, so that commit's fsync waits only for the last piece instead of
// the whole file (a backlog.json can be 100 MB).
constexpr off_t kWritebackPiece = 8 * 1024 * 1024;

// Reports are meant to be read by other users and tools, like any build output.
constexpr mode_t kReportFileMode = 0644;

void close_quietly(int fd) {
  if (fd >= 0) ::close(fd);
}

// What mkostemp put in place of the 'X's: the temporary name's last part.
std::string unique_suffix_of(const std::filesystem::path& temp) {
  const std::string name = temp.filename().string();
  const size_t dash = name.rfind('-');
  return dash == std::string::npos ? name : name.substr(dash + 1);
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  if (target_.filename().empty())
    throw std::runtime_error("report file path '" + target_.string() + "' has no file name");
  const std::filesystem::path directory = target_.parent_path().empty() ? "." : target_.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) fail("cannot create output directory", directory, ec.value());

  // The leading dot keeps the file out of globs such as *.md while it is
  // written; mkostemp replaces the six trailing 'X's with a unique suffix.
  const std::string unique_suffix(6, 'X');
  std::string pattern = (directory / ("." + target_.filename().string() + ".tmp-" + unique_suffix)).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  fd_ = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd_ < 0) fail("cannot create a temporary file for", target_, errno);
  temp_ = name.data();
  remove_leftovers();
  if (::fchmod(fd_, kReportFileMode) != 0) {
    int error_number = errno;
    close_quietly(fd_);
    fd_ = -1;
    ::unlink(temp_.c_str());
    fail("cannot set the permissions of", temp_, error_number);
  }
}

AtomicFile::~AtomicFile() {
  if (remover_.joinable()) remover_.join();
  if (committed_) return;
  close_quietly(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

std::filesystem::path AtomicFile::set_aside_path(const std::filesystem::path& target, std::string_view suffix) {
  return target.parent_path() / ("." + target.filename().string() + ".old-" + std::string(suffix));
}

void AtomicFile::remove_leftovers() const {
  // Files a crashed commit kept aside: ".<name>.old-" and a suffix. Another
  // process committing the same target at this moment may lose its own
  // before it removes it; its removal then finds nothing, which is harmless.
  const std::filesystem::path directory = target_.parent_path().empty() ? "." : target_.parent_path();
  const std::string prefix = "." + target_.filename().string() + ".old-";
  DIR* listing = ::opendir(directory.c_str());
  if (listing == nullptr) return;
  while (const dirent* entry = ::readdir(listing)) {
    if (std::strncmp(entry->d_name, prefix.c_str(), prefix.size()) == 0)
      ::unlinkat(::dirfd(listing), entry->d_name, 0);
  }
  ::closedir(listing);
}

std::filesystem::path AtomicFile::set_aside_target() const {
  struct stat status {};
  if (::lstat(target_.c_str(), &status) != 0 || !S_ISREG(status.st_mode) || status.st_nlink != 1 ||
      status.st_size < kSetAsideSize)
    return {};
  std::filesystem::path aside = set_aside_path(target_, unique_suffix_of(temp_));
  // Without the second name the rename simply frees the old file itself.
  if (::link(target_.c_str(), aside.c_str()) != 0) return {};
  return aside;
}

void AtomicFile::write(std::string_view text) {
  if (committed_) throw std::logic_error("write after commit of '" + target_.string() + "'");
  buffer_.append(text);
  if (buffer_.size() >= kFlushThreshold) flush_buffer();
}

void AtomicFile::flush_buffer() {
  size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", temp_, errno);
    }
    done += static_cast<size_t>(n);
  }
  written_ += static_cast<off_t>(buffer_.size());
  buffer_.clear();
  start_writeback();
}

void AtomicFile::start_writeback() {
#ifdef __linux__
  if (written_ - writeback_from_ < kWritebackPiece) return;
  // Only a hint: it starts the disk writes and does not wait for them. Its
  // failure changes nothing, since commit's fsync reports every write error.
  ::sync_file_range(fd_, writeback_from_, written_ - writeback_from_, SYNC_FILE_RANGE_WRITE);
  writeback_from_ = written_;
#endif
}

std::optional<std::string> AtomicFile::commit() {
  if (committed_) return std::nullopt;
  flush_buffer();
  if (::fsync(fd_) != 0) fail("cannot flush", temp_, errno);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("cannot close", temp_, errno);
  const std::filesystem::path aside = set_aside_target();
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    const int error_number = errno;
    if (!aside.empty()) ::unlink(aside.c_str());
    fail("cannot rename the temporary file onto", target_, error_number);
  }
  committed_ = true;
  std::optional<std::string> warning = sync_directory();
  // The new report is in place: the old one is only freed, off the
  // reporter's path.
  if (!aside.empty()) {
    try {
      remover_ = std::thread([aside] { ::unlink(aside.c_str()); });
    } catch (const std::system_error&) {
      ::unlink(aside.c_str());  // no thread to spare: remove it here
    }
  }
  return warning;
}

std::optional<std::string> AtomicFile::sync_directory() const {
  // Without syncing the directory, a crash may forget the rename.
  const std::filesystem::path directory = target_.parent_path().empty() ? "." : target_.parent_path();
  int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) return not_durable("cannot open directory", directory, errno);
  int sync_result = ::fsync(dir_fd);
  int error_number = errno;
  close_quietly(dir_fd);
  if (sync_result != 0) return not_durable("cannot flush directory", directory, error_number);
  return std::nullopt;
}

std::string AtomicFile::not_durable(const std::string& action, const std::filesystem::path& directory,
                                    int error_number) const {
  return "wrote " + target_.string() + ", but " + action + " '" + directory.string() +
         "': " + std::system_category().message(error_number) + "; a system crash may lose the new file";
}

void AtomicFile::fail(const std::string& action, const std::filesystem::path& path, int error_number) const {
  throw std::runtime_error(action + " '" + path.string() +
                           "': " + std::system_category().message(error_number));
}

}  // namespace assay::reporters
