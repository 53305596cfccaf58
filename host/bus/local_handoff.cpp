#include "bus/local_handoff.h"

#include <map>
#include <utility>

namespace assay::bus {
namespace {

// Receivers with a handoff, by context and endpoint. An inproc:// endpoint
// name is only unique within its context.
struct Directory {
  std::mutex mutex;
  std::map<std::pair<const void*, std::string>, std::weak_ptr<LocalHandoff>, std::less<>> entries;
};

Directory& directory() {
  static Directory instance;
  return instance;
}

}  // namespace

uint64_t LocalHandoff::park(Finding&& finding) {
  std::lock_guard lock(mutex_);
  const uint64_t number = ++last_number_;
  parked_.emplace(number, std::move(finding));
  return number;
}

std::optional<Finding> LocalHandoff::take(uint64_t number) {
  std::lock_guard lock(mutex_);
  auto it = parked_.find(number);
  if (it == parked_.end()) return std::nullopt;
  Finding finding = std::move(it->second);
  parked_.erase(it);
  return finding;
}

uint64_t LocalHandoff::park_batch(std::vector<Finding>&& findings) {
  std::lock_guard lock(mutex_);
  const uint64_t number = ++last_number_;
  parked_batches_.emplace(number, std::move(findings));
  return number;
}

std::optional<std::vector<Finding>> LocalHandoff::take_batch(uint64_t number) {
  std::lock_guard lock(mutex_);
  auto it = parked_batches_.find(number);
  if (it == parked_batches_.end()) return std::nullopt;
  std::vector<Finding> findings = std::move(it->second);
  parked_batches_.erase(it);
  return findings;
}

size_t LocalHandoff::parked() const {
  std::lock_guard lock(mutex_);
  return parked_.size() + parked_batches_.size();
}

std::unique_ptr<LocalHandoff::Registration> LocalHandoff::publish(const zmq::context_t& context,
                                                                  std::string endpoint,
                                                                  std::shared_ptr<LocalHandoff> handoff) {
  Directory& d = directory();
  std::lock_guard lock(d.mutex);
  d.entries[{&context, endpoint}] = handoff;
  return std::make_unique<Registration>(&context, std::move(endpoint));
}

std::shared_ptr<LocalHandoff> LocalHandoff::find(const zmq::context_t& context, std::string_view endpoint) {
  Directory& d = directory();
  std::lock_guard lock(d.mutex);
  auto it = d.entries.find(std::pair<const void*, std::string>(&context, std::string(endpoint)));
  return it == d.entries.end() ? nullptr : it->second.lock();
}

LocalHandoff::Registration::~Registration() {
  Directory& d = directory();
  std::lock_guard lock(d.mutex);
  d.entries.erase({context_, endpoint_});
}

}  // namespace assay::bus
