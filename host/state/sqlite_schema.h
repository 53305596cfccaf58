// The SQLite store's schema and its forward migrations. The version lives in
// PRAGMA user_version, the file's kind in PRAGMA application_id, so a file
// of another program, or one written by a newer assay, is recognised before
// anything is read or changed. Internal to host/state.
#pragma once

namespace assay::state {

class Database;

// "assy": marks a SQLite file as an assay state store.
inline constexpr int kApplicationId = 0x61737379;

// The schema version this assay writes.
int latest_schema_version();

// Brings the schema of `db` to `target_version` (at most the latest), one
// migration per version, all in one transaction, so a crash leaves either
// the old schema or the new one. A new file starts at version 0. Throws
// StoreVersionError for a file of a newer assay or of another program.
void migrate(Database& db, int target_version);

}  // namespace assay::state
