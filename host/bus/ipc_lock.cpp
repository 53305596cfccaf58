#include "bus/ipc_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace assay::bus {

IpcEndpointLock::IpcEndpointLock(const std::string& endpoint) {
  constexpr std::string_view kScheme = "ipc://";
  if (!endpoint.starts_with(kScheme)) return;
  const std::string path = endpoint.substr(kScheme.size());
  if (path.empty() || path.front() == '@') return;
  lock_path_ = path + ".lock";
  fd_ = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    throw std::runtime_error("cannot create lock file '" + lock_path_ + "' for endpoint '" + endpoint +
                             "': " + std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    fd_ = -1;
    if (error == EWOULDBLOCK) {
      throw std::runtime_error("endpoint '" + endpoint +
                               "' is already bound by another publisher (lock file '" + lock_path_ +
                               "' is held)");
    }
    throw std::runtime_error("cannot lock '" + lock_path_ + "' for endpoint '" + endpoint +
                             "': " + std::strerror(error));
  }
}

IpcEndpointLock::~IpcEndpointLock() {
  // The lock file stays: removing it would race with a process that has just
  // opened it and is about to lock it.
  if (fd_ >= 0) ::close(fd_);
}

IpcEndpointLock::IpcEndpointLock(IpcEndpointLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), lock_path_(std::move(other.lock_path_)) {}

}  // namespace assay::bus
