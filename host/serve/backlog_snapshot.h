// The current backlog of one repository as the snapshot endpoint answers it
// (docs/events.md, "Snapshot"): read from the repository's state store, so
// it is what the last merged scan left, whichever process ran it.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace assay::serve {

// {"schema", "repository", "scan_id", "commit", "finished_at", "items": [...]}
// with the open items, highest composite first; "error" instead of the
// backlog when the store is missing or unreadable. Never throws.
nlohmann::json backlog_snapshot(const std::filesystem::path& repository,
                                const std::filesystem::path& store_file);

}  // namespace assay::serve
