#include "bus/finding_sender.h"

#include <cstring>
#include <mutex>
#include <zmq.hpp>

#include "bus/finding_message.h"
#include "bus/local_handoff.h"
#include "bus/socket_io.h"
#include "bus/topics.h"

namespace assay::bus {
namespace {

// How long one blocked send waits before looking at the cancel flag again.
constexpr std::chrono::milliseconds kSendSlice{50};
// How long done() waits for room in the receiver's queue.
constexpr std::chrono::seconds kDoneLimit{30};

}  // namespace

struct FindingSender::Impl {
  Impl(zmq::context_t& context, const std::string& endpoint, std::string plugin_name,
       const std::atomic<bool>* cancel_flag)
      : socket(context, zmq::socket_type::push), plugin(std::move(plugin_name)), cancel(cancel_flag) {
    if (endpoint.starts_with("inproc://")) handoff = LocalHandoff::find(context, endpoint);
    detail::set_linger(socket, endpoint);
    socket.set(zmq::sockopt::sndtimeo, static_cast<int>(kSendSlice.count()));
    socket.connect(endpoint);
  }

  // Sends under the lock, waiting in slices while the receiver's queue is
  // full, until sent, cancelled, shut down or past `deadline`.
  bool send_locked(std::string_view topic, std::string_view payload,
                   std::chrono::steady_clock::time_point deadline, bool honour_cancel = true) {
    try {
      while (!detail::send_two_frames(socket, topic, payload, zmq::send_flags::none)) {
        if (honour_cancel && cancel && cancel->load()) return false;
        if (std::chrono::steady_clock::now() >= deadline) return false;
      }
      return true;
    } catch (const zmq::error_t&) {
      // ETERM after a context shutdown, or the socket is unusable: either way
      // the receiver will not get this message.
      return false;
    }
  }

  bool finish(std::string_view status, std::string_view error,
              std::chrono::steady_clock::time_point deadline) {
    ScannerDone message{plugin, std::string(status), std::string(error), 0};
    std::lock_guard lock(mutex);
    if (done_sent) return false;
    done_sent = true;
    message.findings = sent;
    // The done message is what lets the scoring stage finish, also (above
    // all) when the scan is being cancelled: it waits for room until the
    // deadline even then.
    return send_locked(topic::kScannerDone, encode_done(message), deadline, false);
  }

  // Sends a finding parked in the receiver's handoff: only its number
  // travels. A finding whose number could not be sent is taken back.
  bool send_parked(Finding&& finding) {
    const uint64_t number = handoff->park(std::move(finding));
    char payload[sizeof(number)];
    std::memcpy(payload, &number, sizeof(number));
    bool queued = false;
    {
      std::lock_guard lock(mutex);
      queued = !done_sent && send_locked(topic::kFindingHandoff, std::string_view(payload, sizeof(payload)),
                                         std::chrono::steady_clock::time_point::max());
      if (queued) ++sent;
    }
    if (!queued) handoff->take(number);
    return queued;
  }

  // As send_parked, for a batch: one number for all of them.
  bool send_parked_batch(std::vector<Finding>&& findings) {
    const size_t count = findings.size();
    const uint64_t number = handoff->park_batch(std::move(findings));
    char payload[sizeof(number)];
    std::memcpy(payload, &number, sizeof(number));
    bool queued = false;
    {
      std::lock_guard lock(mutex);
      queued = !done_sent && send_locked(topic::kBatchHandoff, std::string_view(payload, sizeof(payload)),
                                         std::chrono::steady_clock::time_point::max());
      if (queued) sent += count;
    }
    if (!queued) handoff->take_batch(number);
    return queued;
  }

  bool send_encoded(const Finding& finding) {
    const std::string payload = encode_finding(finding);
    std::lock_guard lock(mutex);
    if (done_sent) return false;
    if (!send_locked(topic::kFinding, payload, std::chrono::steady_clock::time_point::max())) return false;
    ++sent;
    return true;
  }

  std::mutex mutex;
  zmq::socket_t socket;
  std::shared_ptr<LocalHandoff> handoff;  // the receiver's, when it is in this process
  std::string plugin;
  const std::atomic<bool>* cancel;
  uint64_t sent = 0;
  bool done_sent = false;
};

FindingSender::FindingSender(zmq::context_t& context, const std::string& endpoint, std::string plugin,
                             const std::atomic<bool>* cancel)
    : impl_(std::make_unique<Impl>(context, endpoint, std::move(plugin), cancel)) {}

FindingSender::~FindingSender() {
  try {
    impl_->finish("failed", "scanner run ended without reporting done",
                  std::chrono::steady_clock::now() + kAbandonWait);
  } catch (...) {
    // A destructor must not throw; the receiver's stop flag or mark_done
    // covers a run whose done message could not be sent.
  }
}

bool FindingSender::send(const Finding& finding) {
  if (impl_->handoff) return impl_->send_parked(Finding(finding));
  return impl_->send_encoded(finding);
}

bool FindingSender::send(Finding&& finding) {
  if (impl_->handoff) return impl_->send_parked(std::move(finding));
  return impl_->send_encoded(finding);
}

bool FindingSender::send_batch(std::vector<Finding>&& findings) {
  if (findings.empty()) return true;
  if (impl_->handoff) return impl_->send_parked_batch(std::move(findings));
  for (const Finding& finding : findings) {
    if (!impl_->send_encoded(finding)) return false;
  }
  return true;
}

bool FindingSender::done(std::string_view status, std::string_view error) {
  if (!is_scanner_status(status)) {
    throw std::invalid_argument("scanner done status must be ok, failed or cancelled, not '" +
                                std::string(status) + "'");
  }
  return impl_->finish(status, error, std::chrono::steady_clock::now() + kDoneLimit);
}

uint64_t FindingSender::sent() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->sent;
}

const std::string& FindingSender::plugin() const { return impl_->plugin; }

}  // namespace assay::bus
