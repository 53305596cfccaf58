// Shared by the state store tests: a store in a temporary file, scan items and
// scan facts with hand-picked values, and merge contexts without git.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "state/lifecycle.h"
#include "state/sqlite_store.h"

namespace assay::state::test {

// 2026-01-01T00:00:00Z; the tests count hours from here.
inline constexpr int64_t kT0 = 1767225600;
inline constexpr int64_t kHour = 3600;
inline constexpr int64_t kDay = 86400;

// A directory removed with everything in it when the object goes.
class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::unique_ptr<StateStore> open_store(const std::filesystem::path& file, int busy_timeout_ms = 2000);

// `text`, kept until the test program ends: ScanItem only views its text.
std::string_view kept(std::string text);

// An item of scanner `source` with `fingerprint`; key prefix TD unless given.
// Its text is kept().
ScanItem item(const std::string& fingerprint, const std::string& source, double value_usd,
              double effort_hours, const std::string& prefix = "TD", const std::string& path = "src/a.c");

// A scan of /repo at `at` (start and finish), commit `commit`, in which the
// scanners `complete` ran to the end.
ScanFacts facts(const std::string& scan_id, int64_t at, const std::vector<std::string>& complete,
                const std::string& commit = "");

// Answers a merge without git: a fixed look-back verdict and fixed previous
// fingerprints.
class FixedContext : public MergeContext {
 public:
  bool look_back = false;
  std::unordered_map<size_t, std::string> previous;
  std::vector<std::string> asked;  // the last commits it was asked about

  bool looks_back_from(const std::string& last_commit) override;
  std::unordered_map<size_t, std::string> previous_fingerprints(
      const std::string& last_commit, const std::set<std::string>& vanished) override;
  std::set<std::string> vanished;  // what the last call was told
};

// Merges in one write transaction.
MergeResult merge(StateStore& store, const ScanFacts& facts, const std::vector<ScanItem>& items,
                  MergeContext& context);
MergeResult merge(StateStore& store, const ScanFacts& facts, const std::vector<ScanItem>& items);

// Runs SQL on the store's file through a separate connection (to tamper with
// it, or to look underneath the interfaces).
void raw_sql(const std::filesystem::path& file, const std::string& sql);
int64_t raw_integer(const std::filesystem::path& file, const std::string& sql);
std::string raw_text(const std::filesystem::path& file, const std::string& sql);

}  // namespace assay::state::test
