// The results the outbox's delivery counters count (DeliveryCounts::results,
// outbox_records.h), listed for readers that name all of them, 0 when
// nothing happened: the report header's service.deliveries and the service's
// /metrics.
#pragma once

namespace assay::state {

// One per attempt: delivered (2xx), rate_limited (429), server_error (5xx),
// timeout, network_error (no response), rejected (any other status); and
// dead, one per message given up.
inline constexpr const char* kDeliveryResults[] = {"delivered",     "rate_limited", "server_error", "timeout",
                                                   "network_error", "rejected",     "dead"};

}  // namespace assay::state
