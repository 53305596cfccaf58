#include "scan/incremental_stage.h"

#include "config/config.h"
#include "history/history_service.h"
#include "loader/plugin_info.h"
#include "log/log.h"
#include "repo/repo_view.h"
#include "scan/state_stage.h"
#include "state/state_store.h"

namespace assay::scan {

IncrementalStage::IncrementalStage(const config::Config& config, const repo::RepoView& repo,
                                   const history::HistoryService* history, StateStage* state, bool full,
                                   std::unique_ptr<StoredCachesAhead> ahead)
    : config_(config), repo_(repo), history_(history), state_(state), full_(full), ahead_(std::move(ahead)) {
  if (history_ && history_->available()) {
    const history::BuildReport& report = history_->build_report();
    writable_ = report.problems.empty() && !report.cancelled;
  }
}

IncrementalStage::~IncrementalStage() = default;

std::string IncrementalStage::doubt() const {
  if (full_) return "--full";
  if (!writable_) return "the history walk was incomplete, so line origins may differ from a complete one";
  return "";
}

std::unique_ptr<StoredCachesAhead> IncrementalStage::read_ahead(
    const config::Config& config, const repo::RepoView& repo, StateStage* state, bool full,
    const std::vector<const loader::PluginInfo*>& scanners) {
  if (state == nullptr || full) return nullptr;
  std::vector<StoredCachesAhead::Wanted> wanted;
  for (const loader::PluginInfo* info : scanners) {
    if (!info->file_local()) continue;
    try {
      wanted.push_back({info->name, info->version,
                        config_digest(config.plugin_config_json(info->name, info->schema_json))});
    } catch (const std::exception&) {
      continue;  // prepare() plans no cache for it
    }
  }
  if (wanted.empty()) return nullptr;
  return std::make_unique<StoredCachesAhead>(*state, repo.root(), std::move(wanted));
}

ScannerCache* IncrementalStage::prepare(const loader::PluginInfo& info) {
  if (state_ == nullptr || !info.file_local()) return nullptr;
  // Taken first: whatever is planned, the reading has ended before the
  // store is used again.
  std::optional<StoredCache> ahead = ahead_ ? ahead_->take(info.name) : std::nullopt;
  std::string config_json;
  try {
    config_json = config_.plugin_config_json(info.name, info.schema_json);
  } catch (const std::exception&) {
    return nullptr;  // the scanner cannot be opened either; its run says why
  }
  if (!keys_) keys_ = file_keys(repo_, history_);
  caches_.push_back(
      std::make_unique<ScannerCache>(info.name, info.version, config_digest(config_json), repo_, *keys_));
  ScannerCache& cache = *caches_.back();
  if (const std::string reason = doubt(); !reason.empty()) {
    cache.plan_full(reason);
    return &cache;
  }
  StoredCache stored;
  if (ahead) {
    stored = std::move(*ahead);
  } else {
    state_->read(repo_.root(), [&](state::StateReader& reader, std::optional<int64_t> repository_id) {
      if (!repository_id) return;
      stored.record = reader.finding_cache(*repository_id, info.name);
      if (stored.record) stored.rows = reader.cached_files(*repository_id, info.name);
    });
  }
  cache.plan(std::move(stored));
  return &cache;
}

void IncrementalStage::store(state::StateWriter& writer, int64_t repository_id, const std::string& scan_id,
                             const std::vector<PluginRun>& runs,
                             const std::vector<BacklogItem>& items) const {
  for (const auto& cache : caches_) {
    if (!writable_) {
      writer.delete_finding_cache(repository_id, cache->scanner());
      continue;
    }
    std::string status = "failed";
    for (const auto& run : runs) {
      if (run.kind == "scanner" && run.name == cache->scanner()) status = run.status;
    }
    cache->store(writer, repository_id, scan_id, status, items);
  }
}

}  // namespace assay::scan
