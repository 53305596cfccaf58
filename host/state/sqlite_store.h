// The SQLite backend of the state store: one file, WAL journal (readers never
// wait for the writer), FULL synchronous commits, one writer at a time.
#pragma once

#include <memory>
#include <string>

#include "state/state_store.h"

namespace assay::state {

struct SqliteOptions {
  // How long a writer waits for another process's transaction to end before
  // StateStore::write throws StoreBusy.
  int busy_timeout_ms = 10000;
  // Create the file (and its directory) when it does not exist; otherwise a
  // missing file is a StoreError.
  bool create = true;
};

// Opens (or creates) the store at `path` and migrates its schema to the
// latest version. Throws StoreVersionError for a store of a newer assay or a
// file of another program, StoreBusy when a migration cannot get the write
// lock in time, StoreError for anything else; every message names the file.
std::unique_ptr<StateStore> open_sqlite_store(const std::string& path, const SqliteOptions& options);

}  // namespace assay::state
