#include "scan/stored_caches_ahead.h"

#include <utility>

#include "scan/state_stage.h"
#include "state/state_store.h"

namespace assay::scan {

StoredCachesAhead::StoredCachesAhead(StateStage& state, std::string repository_path, std::vector<Wanted> wanted)
    : thread_([this, &state, path = std::move(repository_path), wanted = std::move(wanted)] {
        read_all(state, path, wanted);
      }) {}

StoredCachesAhead::~StoredCachesAhead() {
  if (thread_.joinable()) thread_.join();
}

void StoredCachesAhead::read_all(StateStage& state, const std::string& repository_path,
                                 const std::vector<Wanted>& wanted) {
  try {
    state.read(repository_path, [&](state::StateReader& reader, std::optional<int64_t> repository_id) {
      // A repository the store does not know yet has no caches.
      for (const Wanted& w : wanted) read_[w.scanner];
      if (!repository_id) return;
      for (const Wanted& w : wanted) {
        StoredCache& stored = read_[w.scanner];
        stored.record = reader.finding_cache(*repository_id, w.scanner);
        if (stored.record) stored.rows = reader.cached_files(*repository_id, w.scanner);
      }
    });
    // Decoded outside the read transaction, and only rows a plan can use.
    for (const Wanted& w : wanted) {
      auto it = read_.find(w.scanner);
      if (it == read_.end() || !it->second.record) continue;
      const state::FindingCacheRecord& record = *it->second.record;
      if (record.version == w.version && record.config_digest == w.config_digest)
        decode_rows(it->second, w.scanner);
    }
  } catch (...) {
    failure_ = std::current_exception();
  }
}

std::optional<StoredCache> StoredCachesAhead::take(const std::string& scanner) {
  if (thread_.joinable()) thread_.join();
  if (failure_) std::rethrow_exception(failure_);
  auto it = read_.find(scanner);
  if (it == read_.end()) return std::nullopt;
  StoredCache stored = std::move(it->second);
  read_.erase(it);
  return stored;
}

}  // namespace assay::scan
