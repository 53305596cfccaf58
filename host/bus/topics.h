// Topic names of the bus. The first frame of every message is one of these;
// subscribers filter by byte prefix ("assay.item." selects all item events).
// docs/events.md is the subscriber's reference for each topic's payload.
#pragma once

#include <string_view>

namespace assay::bus {

// Version of every payload's layout. Changes are additive; anything else
// bumps it (docs/events.md, "Versioning").
inline constexpr int kSchemaVersion = 1;

namespace topic {
// Lifecycle events, published on the event stream.
inline constexpr std::string_view kScanStarted = "assay.scan.started";
inline constexpr std::string_view kFinding = "assay.finding";
inline constexpr std::string_view kItemScored = "assay.item.scored";
inline constexpr std::string_view kItemNew = "assay.item.new";
inline constexpr std::string_view kItemResolved = "assay.item.resolved";
inline constexpr std::string_view kPluginFailed = "assay.plugin.failed";
inline constexpr std::string_view kScanCompleted = "assay.scan.completed";
inline constexpr std::string_view kReportDelivered = "assay.report.delivered";

// Internal pipeline only (scanner → scoring stage): a scanner run ended.
inline constexpr std::string_view kScannerDone = "assay.scanner.done";
// Internal pipeline only, within one process: the number under which a
// finding waits in the receiver's LocalHandoff (8 bytes, host byte order).
inline constexpr std::string_view kFindingHandoff = "assay.scanner.handoff";
// Internal pipeline only, within one process: the number under which a batch
// of findings (handled one by one, in order) waits in the receiver's
// LocalHandoff (8 bytes, host byte order).
inline constexpr std::string_view kBatchHandoff = "assay.scanner.batch";
}  // namespace topic

}  // namespace assay::bus
