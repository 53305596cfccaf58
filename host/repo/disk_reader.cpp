#include "repo/disk_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "repo/repo_error.h"

namespace assay::repo {
namespace {

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

[[noreturn]] void throw_read_error(const std::string& root, const std::string& path, int error) {
  throw RepoError("cannot read '" + path + "' in " + root + ": " + std::strerror(error));
}

// Reads until end of file into the start of `buffer`, growing it as needed;
// returns the bytes read. The size from fstat is only a first guess, the file
// may change while it is read. Only growth clears bytes: a reused buffer is
// overwritten as it is. The usual case takes one read call: the buffer holds
// one byte more than fstat's size, and a read that filled exactly fstat's
// size and not that byte met the file's end (any other short read, e.g. of a
// file that changed or of a file system that returns less, reads on to 0).
std::size_t read_all(int fd, std::size_t expected_size, std::string& buffer, const std::string& root,
                     const std::string& path) {
  if (buffer.size() < expected_size + 1) buffer.resize(expected_size + 1);
  std::size_t filled = 0;
  while (true) {
    if (filled == buffer.size()) buffer.resize(buffer.size() * 2);
    const std::size_t wanted = buffer.size() - filled;
    ssize_t count = ::read(fd, buffer.data() + filled, wanted);
    if (count < 0) {
      if (errno == EINTR) continue;
      throw_read_error(root, path, errno);
    }
    if (count == 0) break;
    filled += static_cast<std::size_t>(count);
    if (filled == expected_size && static_cast<std::size_t>(count) < wanted) break;
  }
  return filled;
}

}  // namespace

DiskReader::DiskReader(std::string root) : root_(std::move(root)) {}

std::string DiskReader::read(const FileEntry& file) const {
  std::string data;
  data.resize(read_into(file, data));
  return data;
}

std::size_t DiskReader::read_into(const FileEntry& file, std::string& buffer) const {
  std::string full_path = root_ + "/" + file.path;
  FileDescriptor fd(::open(full_path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) throw_read_error(root_, file.path, errno);
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw_read_error(root_, file.path, errno);
  if (!S_ISREG(info.st_mode))
    throw RepoError("cannot read '" + file.path + "' in " + root_ + ": not a regular file");
  return read_all(fd.get(), static_cast<std::size_t>(info.st_size), buffer, root_, file.path);
}

}  // namespace assay::repo
