#include "scan/state_stage.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bus/event_publisher.h"
#include "common/keep_out_of_git.h"
#include "delivery/endpoint.h"
#include "delivery/outbox_queue.h"
#include "delivery/outbox_sender.h"
#include "config/config.h"
#include "log/log.h"
#include "repo/repo_view.h"
#include "scan/history_context.h"
#include "scoring/model.h"
#include "state/lifecycle.h"
#include "state/sqlite_store.h"
#include "state/statistics.h"
#include "state/timestamps.h"

namespace assay::scan {
namespace {

// Pruning after a scan stops after this long; the rest waits for the next scan.
constexpr std::chrono::milliseconds kPruneBudget{2000};

state::ScanItem scan_item(const BacklogItem& item) {
  const Finding& f = item.finding;
  state::ScanItem s;
  s.fingerprint = item.fingerprint;
  s.key_prefix = scoring::Model::key_prefix(item.scores.category);
  s.source = f.source;
  s.rule = f.rule;
  s.category = item.scores.category;
  s.title = f.title;
  s.path = f.path;
  s.evidence = f.evidence;
  s.line_start = f.line_start;
  s.line_end = f.line_end;
  s.effort_hours = item.scores.effort_hours;
  s.value_usd = item.scores.value_usd;
  s.composite = item.scores.composite;
  return s;
}

// The scan's held items as the lifecycle sees them, made when asked.
class HeldScanItems : public state::ScanItems {
 public:
  explicit HeldScanItems(const std::vector<BacklogItem>& items) : items_(items) {}
  size_t size() const override { return items_.size(); }
  state::ScanItem operator[](size_t index) const override { return scan_item(items_[index]); }

 private:
  const std::vector<BacklogItem>& items_;
};

state::ScanFacts scan_facts(const ScanOutcome& outcome, int64_t started_at, int64_t recorded_at) {
  state::ScanFacts facts;
  facts.scan_id = outcome.scan_id;
  facts.repository_path = outcome.repository.path;
  facts.repository_name = outcome.repository.name;
  facts.target = outcome.repository.target;
  facts.commit = outcome.repository.commit;
  facts.started_at = started_at;
  facts.finished_at = recorded_at;
  for (const auto& run : outcome.runs) {
    if (run.kind == "scanner" && run.status == "ok") facts.complete_scanners.insert(run.name);
    facts.runs.push_back({outcome.scan_id, run.name, run.kind, run.version, run.status,
                          static_cast<int64_t>(run.findings), run.duration_ms, run.error});
  }
  return facts;
}

// The scan's assessment as the store keeps it; its JSON was validated when
// the scanner handed it over (maturity_assessment.h).
state::AssessmentRecord assessment_record(const ScanOutcome& outcome) {
  const MaturityAssessment& a = *outcome.assessment;
  state::AssessmentRecord record;
  record.scan_id = outcome.scan_id;
  record.source = a.source;
  record.level = a.level;
  record.percent = a.percent;
  const nlohmann::json given = nlohmann::json::parse(a.json);  // outlives the loop over its parts
  for (const auto& [name, percent] : given.at("dimensions").items())
    record.dimensions.push_back(
        {name, percent.is_number() ? std::optional<double>(percent.get<double>()) : std::nullopt});
  return record;
}

// The CPU time of the calling thread in microseconds: the merge's own
// cost, which the wall time of a busy machine hides.
int64_t thread_cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<int64_t>(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
}

nlohmann::json location_json(const std::string& path, int64_t line_start, int64_t line_end) {
  return {{"path", path}, {"line_start", line_start}, {"line_end", line_end}};
}

nlohmann::json or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

StateStage::StateStage(StateSettings settings, std::unique_ptr<state::StateStore> store)
    : settings_(std::move(settings)), store_(std::move(store)) {}

StateStage::~StateStage() = default;

std::unique_ptr<StateStage> StateStage::open(const config::Config& config,
                                             const std::filesystem::path& scan_path) {
  StateSettings settings;
  try {
    settings = state_settings(config);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  if (!settings.enabled) return nullptr;
  const std::string path = store_path(settings, scan_path).string();
  try {
    auto store = state::open_sqlite_store(path, {settings.busy_timeout_ms, true});
    keep_out_of_git(std::filesystem::path(path).parent_path());
    return std::unique_ptr<StateStage>(new StateStage(std::move(settings), std::move(store)));
  } catch (const state::StoreError& e) {
    throw ScanFailed(e.what());
  }
}

void StateStage::read(const std::string& repository_path,
                      const std::function<void(state::StateReader&, std::optional<int64_t>)>& work) {
  try {
    store_->read([&](state::StateReader& reader) {
      const std::optional<state::RepositoryRecord> repository = reader.find_repository(repository_path);
      work(reader, repository ? std::optional<int64_t>(repository->id) : std::nullopt);
    });
  } catch (const state::StoreError& e) {
    throw ScanFailed(e.what());
  }
}

void StateStage::merge(ScanOutcome& outcome, const repo::RepoView& repo, int64_t started_at,
                       int64_t recorded_at, const history::HistoryService* history_index,
                       const std::function<void(state::StateWriter&, int64_t)>& also_write) {
  const HeldScanItems items(outcome.items);
  const state::ScanFacts facts = scan_facts(outcome, started_at, recorded_at);
  HistoryContext history(repo, outcome.items, history_index);
  state::MergeResult result;
  state::Statistics stats;
  state::DeliveryCounts delivery;
  std::vector<state::AssessmentRecord> trend;
  const auto start = std::chrono::steady_clock::now();
  const int64_t cpu_start = thread_cpu_us();
  try {
    store_->write([&](state::StateWriter& writer) {
      result = state::merge_scan(writer, facts, items, history);
      if (outcome.assessment) writer.add_assessment(assessment_record(outcome));
      const state::OpenTotals open{result.scan.open_items, result.scan.open_effort_hours,
                                   result.scan.open_value_usd};
      stats = state::compute_statistics(writer, result.repository_id, recorded_at, settings_.period_days, open);
      delivery = writer.delivery_counts();
      trend = writer.assessment_trend(result.repository_id, kTrendLength);
      if (also_write && result.scan.merged) also_write(writer, result.repository_id);
    });
  } catch (const state::StoreError& e) {
    throw ScanFailed(e.what());
  }
  const auto merge_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  const int64_t merge_cpu_ms = (thread_cpu_us() - cpu_start) / 1000;
  // The log is copied into the store's file while the reports are written,
  // instead of when the scan closes the store.
  store_->settle_in_background();
  for (size_t i = 0; i < outcome.items.size(); ++i) {
    outcome.items[i].key = result.items[i].key;
    outcome.items[i].status = result.items[i].status;
    outcome.items[i].first_seen_at = result.items[i].first_seen_at;
  }
  StateReport& report = outcome.state;
  report.enabled = true;
  report.store = store_->location();
  report.merged = result.scan.merged;
  report.new_items = result.scan.new_items;
  report.reopened_items = result.scan.reopened_items;
  report.resolved_items = result.scan.resolved_items;
  report.stats = std::move(stats);
  report.resolved = std::move(result.resolved);
  report.delivery = std::move(delivery);
  report.maturity_trend = std::move(trend);
  log::write(log::Level::info, "host",
             "state: " + std::to_string(report.new_items) + " new, " + std::to_string(report.reopened_items) +
                 " reopened, " + std::to_string(report.resolved_items) + " resolved" +
                 (report.merged ? "" : " (a look-back at an older commit: the store was not changed)") +
                 "; merged in " + std::to_string(merge_ms) + " ms (" + std::to_string(merge_cpu_ms) + " ms CPU)");
}

void StateStage::publish(const ScanOutcome& outcome, bus::EventPublisher& events) const {
  if (events.wanted("assay.item.new")) {
    for (const auto& item : outcome.items) {
      if (item.status != "new" && item.status != "reopened") continue;
      const Finding& f = item.finding;
      events.publish("assay.item.new", {{"scan_id", outcome.scan_id},
                                        {"repository", outcome.repository.path},
                                        {"key", item.key},
                                        {"fingerprint", item.fingerprint},
                                        {"title", f.title},
                                        {"category", item.scores.category},
                                        {"source", f.source},
                                        {"location", location_json(f.path, f.line_start, f.line_end)},
                                        {"value_usd", item.scores.value_usd},
                                        {"composite", item.scores.composite},
                                        {"first_seen", state::iso8601(item.first_seen_at)},
                                        {"reopened", item.status == "reopened"}});
    }
  }
  if (!events.wanted("assay.item.resolved")) return;
  for (const auto& row : outcome.state.resolved) {
    events.publish("assay.item.resolved",
                   {{"scan_id", outcome.scan_id},
                    {"repository", outcome.repository.path},
                    {"key", row.key},
                    {"fingerprint", row.fingerprint},
                    {"title", row.title},
                    {"category", row.category},
                    {"source", row.source},
                    {"location", location_json(row.path, row.line_start, row.line_end)},
                    {"value_usd", row.value_usd},
                    {"first_seen", state::iso8601(row.first_seen_at)},
                    {"resolved_at", state::iso8601(row.resolved_at)},
                    {"commit", or_null(row.resolved_commit)},
                    {"cycle_time_hours", static_cast<double>(row.resolved_at - row.first_seen_at) / 3600.0}});
  }
}

assay_status StateStage::queue(const std::string& plugin, const std::string& scan_id,
                               const assay_delivery& message, std::string& error) {
  try {
    const int64_t id = delivery::queue_message(*store_, plugin, scan_id, message);
    log::write(log::Level::debug, "delivery", "queued message " + std::to_string(id) + " of " + plugin);
    return ASSAY_OK;
  } catch (const std::invalid_argument& e) {
    error = log::redact(e.what());
    return ASSAY_INVALID;
  } catch (const delivery::EndpointError& e) {
    error = log::redact(e.what());
    return ASSAY_INVALID;
  } catch (const std::exception& e) {
    error = log::redact(std::string("cannot write the outbox: ") + e.what());
    return ASSAY_ERROR;
  }
}

void StateStage::send_outbox(const std::atomic<bool>& stop) {
  try {
    bool any = false;
    store_->read([&](state::StateReader& reader) { any = reader.delivery_counts().pending > 0; });
    if (!any) return;
    delivery::OutboxSender sender(*store_);
    const int64_t deadline = delivery::wall_clock_ms() + int64_t{settings_.delivery_wait_seconds} * 1000;
    const delivery::SendReport report = sender.run(deadline, stop);
    if (report.pending > 0)
      log::write(log::Level::info, "delivery",
                 std::to_string(report.pending) + " message(s) left in the outbox of " + store_->location() +
                     " for the next run");
  } catch (const std::exception& e) {
    log::write(log::Level::error, "delivery", log::redact(std::string("sending the outbox failed: ") + e.what()));
  }
}

void StateStage::prune(int64_t now) {
  try {
    const state::PruneReport report = store_->prune(settings_.retention, now, kPruneBudget);
    if (report.rows > 0 || !report.complete)
      log::write(log::Level::debug, "host",
                 "state: pruned " + std::to_string(report.rows) + " rows" +
                     (report.complete ? "" : "; the rest is left for the next scan"));
  } catch (const std::exception& e) {
    log::write(log::Level::warn, "host", std::string("state: pruning failed: ") + e.what());
  }
}

}  // namespace assay::scan
