// Guards an ipc:// endpoint against a second bind. Binding an ipc:// path
// that another process has bound silently takes the path over (the old
// socket file is unlinked), so a second host would steal the first one's
// subscribers. The lock is an flock() on "<path>.lock" held while the
// endpoint is bound; the kernel releases it when the process dies.
#pragma once

#include <string>

namespace assay::bus {

class IpcEndpointLock {
 public:
  // For ipc://<path> endpoints takes the lock, throwing std::runtime_error
  // naming the endpoint when another holder has it or the lock file cannot be
  // created. Other endpoints (inproc://, tcp://, abstract ipc://@name, which
  // the kernel already refuses to bind twice) need no lock: nothing is done.
  explicit IpcEndpointLock(const std::string& endpoint);
  ~IpcEndpointLock();
  IpcEndpointLock(IpcEndpointLock&& other) noexcept;
  IpcEndpointLock& operator=(IpcEndpointLock&&) = delete;
  IpcEndpointLock(const IpcEndpointLock&) = delete;
  IpcEndpointLock& operator=(const IpcEndpointLock&) = delete;

  // The lock file's path, empty when the endpoint needed none.
  const std::string& lock_path() const { return lock_path_; }

 private:
  int fd_ = -1;
  std::string lock_path_;
};

}  // namespace assay::bus
