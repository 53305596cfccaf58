#include "directory_fsync_fault.h"

#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace {

std::atomic<bool> fail_directories{false};
std::atomic<int> failed_calls{0};

bool is_directory(int fd) {
  struct stat status {};
  return ::fstat(fd, &status) == 0 && S_ISDIR(status.st_mode);
}

}  // namespace

// Replaces the C library's fsync for the whole process; other calls go to
// the kernel unchanged.
extern "C" int fsync(int fd) {
  if (fail_directories.load() && is_directory(fd)) {
    ++failed_calls;
    errno = EIO;
    return -1;
  }
  return static_cast<int>(::syscall(SYS_fsync, fd));
}

namespace assay::test {

DirectoryFsyncFault::DirectoryFsyncFault() {
  failed_calls = 0;
  fail_directories = true;
}

DirectoryFsyncFault::~DirectoryFsyncFault() { fail_directories = false; }

int DirectoryFsyncFault::failures() const { return failed_calls.load(); }

}  // namespace assay::test
