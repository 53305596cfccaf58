// Queues a reporter's message (plugin.h, assay_delivery) in the outbox of a
// state store: checked, copied and committed before deliver returns, so that
// the message survives whatever happens next.
#pragma once

#include <assay/plugin.h>

#include <cstdint>
#include <string>

namespace assay::state {
class StateStore;
}

namespace assay::delivery {

// The defaults of a message whose numbers are 0 (docs/plugin-guide.md).
inline constexpr uint32_t kDefaultMaxAttempts = 5;
inline constexpr uint32_t kDefaultBackoffInitialMs = 1000;
inline constexpr uint32_t kDefaultBackoffMaxMs = 60000;
inline constexpr uint32_t kDefaultTimeoutMs = 10000;

// Writes `message` of `plugin` for scan `scan_id` into `store` as pending,
// due at once. Throws std::invalid_argument for a malformed message,
// EndpointError for an endpoint that cannot be read now (neither names the
// URL), state::StoreError when the store fails. Returns the message's id.
int64_t queue_message(state::StateStore& store, const std::string& plugin, const std::string& scan_id,
                      const assay_delivery& message);

}  // namespace assay::delivery
