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
                                   const history::HistoryService* history, StateStage* state, bool full)
    : config_(config), repo_(repo), history_(history), state_(state), full_(full) {
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

ScannerCache* IncrementalStage::prepare(const loader::PluginInfo& info) {
  if (state_ == nullptr || !info.file_local()) return nullptr;
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
  std::optional<state::FindingCacheRecord> record;
  std::vector<state::CachedFileRecord> rows;
  state_->read(repo_.root(), [&](state::StateReader& reader, std::optional<int64_t> repository_id) {
    if (!repository_id) return;
    record = reader.finding_cache(*repository_id, info.name);
    if (record) rows = reader.cached_files(*repository_id, info.name);
  });
  cache.plan(record, std::move(rows));
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
