#include "scan/scan_runner.h"

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <future>
#include <iterator>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "bus/bus.h"
#include "bus/event_publisher.h"
#include "bus/finding_receiver.h"
#include "bus/finding_sender.h"
#include "config/config.h"
#include "history/cache_read_ahead.h"
#include "history/history_service.h"
#include "loader/plugin_loader.h"
#include "loader/scanner_session.h"
#include "log/log.h"
#include "plugin_cache/plugin_cache.h"
#include "repo/repo_view.h"
#include "scan/breakdown_texts_ahead.h"
#include "scan/finding_recorder.h"
#include "scan/history_stage.h"
#include "scan/incremental_stage.h"
#include "scan/maturity_stage.h"
#include "scan/plugin_cache_stage.h"
#include "scan/report_stage.h"
#include "scan/scan_target.h"
#include "scan/score_memo.h"
#include "scan/scored_items.h"
#include "scan/state_stage.h"
#include "scan/target_opening.h"
#include "scan/time_format.h"
#include "scoring/model.h"
#include "state/timestamps.h"

namespace assay::scan {
namespace {

using Clock = std::chrono::steady_clock;

// How long the scoring stage may take to drain after the last scanner ended.
constexpr std::chrono::seconds kScoringDrainLimit{60};

// Replayed findings travel to the scoring stage in batches of this many:
// one message each instead of one per finding, small enough that the stage
// looks at its stop flag often (FindingReceiver handles 256 messages between
// two looks).
constexpr size_t kReplayBatch = 64;

std::string new_scan_id() {
  std::random_device rd;
  std::mt19937_64 gen((static_cast<uint64_t>(rd()) << 32) ^ rd());
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(gen()),
                static_cast<unsigned long long>(gen()));
  return buf;
}

int64_t ms_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

const char* target_name(repo::TargetKind kind) {
  switch (kind) {
    case repo::TargetKind::WorkingTree:
      return "working-tree";
    case repo::TargetKind::Commit:
      return "commit";
    case repo::TargetKind::Directory:
      return "directory";
  }
  return "directory";
}

// Counts finished scanner tasks so the caller can wait for all of them.
class Countdown {
 public:
  explicit Countdown(size_t n) : left_(n) {}
  void done() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--left_ == 0) cv_.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return left_ == 0; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  size_t left_;
};

// Shows "files read" on a terminal while scanners work.
class Progress {
 public:
  Progress(bool enabled, const std::vector<std::unique_ptr<assay_scan>>& targets, size_t files)
      : enabled_(enabled), targets_(targets), files_(files) {
    if (enabled_) thread_ = std::thread([this] { loop(); });
  }
  ~Progress() { stop(); }
  void stop() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
    std::fputs("\r\033[K", stderr);
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(200), [&] { return stopping_; })) {
      uint64_t read = 0;
      for (const auto& t : targets_) read += t->files_read.load(std::memory_order_relaxed);
      std::fprintf(stderr, "\r\033[Kscanning: %llu file reads, %zu files, %zu scanners",
                   static_cast<unsigned long long>(read), files_, targets_.size());
    }
  }
  bool enabled_;
  const std::vector<std::unique_ptr<assay_scan>>& targets_;
  size_t files_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

}  // namespace

std::vector<std::string> reporter_names(const std::vector<std::string>& formats) {
  std::vector<std::string> names;
  for (const auto& f : formats) {
    // "sarif" names the scanner that imports SARIF; the reporter that writes
    // it is sarif-report.
    names.push_back(f == "md" ? "markdown" : f == "sarif" ? "sarif-report" : f);
  }
  return names;
}

ScanRunner::ScanRunner(const config::Config& config, const loader::PluginLoader& loader, bus::Bus& bus,
                       bus::EventPublisher& events)
    : config_(config), loader_(loader), bus_(bus), events_(events) {}

namespace {

struct ScannerJob {
  const loader::LoadedPlugin* plugin;
  PluginRun run;
  std::string stage = "scan";     // where a failure happened: open or scan
  ScannerCache* cache = nullptr;  // a file-local scanner's findings cache, when kept
};

// Sends the cached findings of the files the scanner was not given, after
// a successful run, as if it had emitted them (moved out of the cache: it
// does not hold them twice; in batches of kReplayBatch). Returns false when
// the scan was cancelled meanwhile.
bool replay_cached(ScannerCache& cache, bus::FindingSender& sender) {
  std::vector<Finding> replay = cache.take_replay();
  for (size_t at = 0; at < replay.size(); at += kReplayBatch) {
    const auto begin = replay.begin() + static_cast<std::ptrdiff_t>(at);
    const auto end = replay.begin() + static_cast<std::ptrdiff_t>(std::min(replay.size(), at + kReplayBatch));
    if (!sender.send_batch(std::vector<Finding>(std::make_move_iterator(begin), std::make_move_iterator(end))))
      return false;
  }
  return true;
}

// Everything one scan needs while its scanners run.
struct ScanState {
  const config::Config& config;
  bus::EventPublisher& events;
  const repo::RepoView& repo;
  const scoring::Model& model;
  history::HistoryService* history;
  plugin_cache::PluginCache* plugin_cache;  // nullptr: scanners get no cache
  int64_t now;  // seconds since the epoch at the start of the scan (line ages)
  std::string scan_id;
  std::string repository;
  std::mutex items_mutex;
  // Blocks, not one vector: they grow without copying what they hold into a
  // buffer twice its size (take_all moves them into an exact one).
  ScoredItems items;
  AssessmentInbox assessments;
  std::set<std::string> drained;  // scanners whose successful end the scoring stage saw
  // The findings caches' recorders, by scanner, for the findings that
  // cannot be scored (their files' findings are not cached). Filled while
  // the scanners run (a cache is planned just before its scanner starts):
  // guarded by items_mutex.
  std::map<std::string, FindingRecorder*> recorders;
};

void score_findings(ScanState& state, bus::FindingReceiver& receiver,
                    const std::vector<std::string>& expected, const std::atomic<bool>& stop) {
  ScoreMemo memo(state.model);
  receiver.run(
      expected,
      [&](Finding&& finding) {
        BacklogItem item;
        try {
          FindingHistory known = finding_history(finding, state.history, state.now);
          item.context = known.context;
          // Only the numbers are held (drop_breakdown below).
          item.scores = memo.score(finding, known.context);
          item.history = std::move(known.note);
        } catch (const std::exception& e) {
          log::write(log::Level::error, "host",
                     "cannot score a finding of '" + finding.source + "': " + e.what());
          std::lock_guard<std::mutex> lock(state.items_mutex);
          if (auto it = state.recorders.find(finding.source); it != state.recorders.end())
            it->second->unscored(finding.path);
          return;
        }
        item.finding = std::move(finding);
        set_first_fingerprint(item);
        drop_breakdown(item);
        release_spare_capacity(item);
        if (state.events.wanted("assay.finding")) {
          state.events.publish("assay.finding", {{"scan_id", state.scan_id},
                                                 {"repository", state.repository},
                                                 {"finding", item.finding.to_json()}});
        }
        std::lock_guard<std::mutex> lock(state.items_mutex);
        item.arrival = static_cast<uint32_t>(state.items.size());
        state.items.push_back(std::move(item));
      },
      [&](const bus::FindingReceiver::Done& done) {
        if (done.status == "ok") {
          std::lock_guard<std::mutex> lock(state.items_mutex);
          state.drained.insert(done.plugin);
        }
        log::write(log::Level::debug, "host",
                   "scoring stage: scanner '" + done.plugin + "' done (" + done.status + ", " +
                       std::to_string(done.findings) + " findings)");
      },
      stop);
  log::write(log::Level::debug, "host",
             "scoring stage: " + std::to_string(memo.hits() + memo.misses()) + " findings scored, " +
                 std::to_string(memo.hits()) + " with the scores of an earlier one");
}

// Runs one scanner to its end. Whatever happens, the scanner's done message
// is sent, so the scoring stage never waits for it in vain.
void run_one_scanner(ScannerJob& job, assay_scan& target, const config::Config& config) {
  const auto& info = job.plugin->info();
  auto start = Clock::now();
  assay_status status = ASSAY_ERROR;
  std::string error;
  try {
    std::string config_json = config.plugin_config_json(info.name, info.schema_json);
    auto opened = loader::ScannerSession::open(*job.plugin, config_json);
    if (opened) {
      status = opened.session->scan(&target);
      error = opened.session->error();
    } else {
      job.stage = "open";
      error = opened.error;
    }
  } catch (const std::exception& e) {
    error = std::string("host error while running the scanner: ") + e.what();
  }
  if (status == ASSAY_OK && job.cache && !replay_cached(*job.cache, *target.sender)) status = ASSAY_CANCELLED;
  if (job.cache) job.run.cache = job.cache->use();
  job.run.duration_ms = ms_since(start);
  job.run.findings = target.sender->sent();
  if (status == ASSAY_OK) {
    job.run.status = "ok";
  } else if (status == ASSAY_CANCELLED) {
    job.run.status = "cancelled";
  } else {
    job.run.status = "failed";
    job.run.error = error.empty() ? "failed without a reason" : error;
  }
  try {
    target.sender->done(job.run.status, job.run.error);
  } catch (const std::exception& e) {
    log::write(log::Level::error, "host", "cannot report the end of '" + info.name + "': " + e.what());
  }
}

}  // namespace

namespace {

// A format naming no loaded reporter is a usage error; one whose plugin
// failed to load is not (the load failure is reported instead).
void check_reporters(const loader::PluginLoader& loader, const std::vector<std::string>& reporters) {
  for (const auto& name : reporters) {
    const auto* plugin = loader.find(name);
    bool load_failed = false;
    for (const auto& e : loader.errors()) load_failed |= e.path.stem() == "assay-" + name;
    if (!load_failed && (!plugin || plugin->info().kind != ASSAY_KIND_REPORTER)) {
      throw UsageError("unknown report format '" + name + "' (no reporter plugin of that name is loaded)");
    }
  }
}

// Load failures are part of the scan's record.
void record_load_failures(ScanOutcome& outcome, const loader::PluginLoader& loader,
                          bus::EventPublisher& events) {
  for (const auto& e : loader.errors()) {
    outcome.runs.push_back(
        {e.path.filename().string(), "", "", "load-failed", 0, 0, e.message, std::nullopt});
    events.publish("assay.plugin.failed", {{"scan_id", outcome.scan_id},
                                           {"repository", outcome.repository.path},
                                           {"plugin", e.path.filename().string()},
                                           {"kind", nullptr},
                                           {"stage", "load"},
                                           {"error", e.message}});
  }
}

std::vector<ScannerJob> scanner_jobs(const loader::PluginLoader& loader, const config::Config& config,
                                     const std::optional<std::vector<std::string>>& only) {
  std::vector<ScannerJob> jobs;
  for (const auto& plugin : loader.plugins()) {
    const auto& info = plugin->info();
    if (info.kind != ASSAY_KIND_SCANNER || !config.plugin_enabled(info.name)) continue;
    if (only && std::find(only->begin(), only->end(), info.name) == only->end()) continue;
    jobs.push_back({plugin.get(), {info.name, "scanner", info.version, "", 0, 0, "", std::nullopt}});
  }
  return jobs;
}

std::unique_ptr<assay_scan> scan_target_for(const ScannerJob& job, const ScanState& state,
                                            boost::asio::thread_pool& pool, size_t workers,
                                            const std::atomic<bool>& cancel) {
  const repo::RepoView& repo = state.repo;
  auto target = std::make_unique<assay_scan>();
  target->repo = &repo;
  target->history = state.history;
  target->plugin_cache = state.plugin_cache;
  target->plugin_version = job.run.version;
  target->pool = &pool;
  target->workers = workers;
  target->cancelled = &cancel;
  target->plugin = job.run.name;
  target->root = repo.root();
  target->commit = repo.commit();
  std::string name = job.run.name;
  target->log = [name](assay_log_level level, const std::string& message) {
    log::write(log::from_plugin_level(level), name, message);
  };
  return target;
}

// Plans the findings cache of file-local scanner `job` (nullptr without a
// store) and points its scan target at the files to read and at the
// cache's recorder.
void plan_cache(ScannerJob& job, assay_scan& target, IncrementalStage& incremental, ScanState& state) {
  job.cache = incremental.prepare(job.plugin->info());
  if (!job.cache) return;
  target.files = job.cache->files();
  target.recorder = &job.cache->recorder();
  std::lock_guard<std::mutex> lock(state.items_mutex);
  state.recorders[job.run.name] = &job.cache->recorder();
}

// Runs every scanner concurrently while the scoring stage turns their
// findings into items (state.items). The scanners without a findings cache
// start at once on the worker pool; meanwhile the calling thread plans the
// file-local scanners' caches (file keys, the store's rows, the findings to
// replay) and then runs those scanners itself, so that neither the planning
// nor a long replay queues behind the pool's scanners, and the pool's long
// scanners do not wait for the planning. Returns when all scanners have
// ended and the stage has drained. Throws what planning a cache threw
// (ScanFailed), after the scanners already started have ended; the
// file-local scanners not yet run then end cancelled, unrun.
void run_scanners(ScanState& state, std::vector<ScannerJob>& jobs, IncrementalStage& incremental, bus::Bus& bus,
                  bool show_progress, size_t files, const std::atomic<bool>& cancel) {
  std::vector<std::string> scanner_names;
  for (const auto& j : jobs) scanner_names.push_back(j.run.name);
  size_t threads = state.config.scan_threads();
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  boost::asio::thread_pool pool(threads);

  std::string endpoint = bus.unique_endpoint("assay-findings");
  bus::FindingReceiver receiver(bus.context(), endpoint);
  std::atomic<bool> scoring_stop{false};
  std::promise<void> scoring_finished;
  std::thread scoring([&] {
    try {
      score_findings(state, receiver, scanner_names, scoring_stop);
    } catch (const std::exception& e) {
      log::write(log::Level::error, "host", std::string("scoring stage stopped: ") + e.what());
    }
    scoring_finished.set_value();
  });

  std::vector<std::unique_ptr<assay_scan>> targets;
  std::vector<std::unique_ptr<bus::FindingSender>> senders;
  for (auto& job : jobs) {
    targets.push_back(scan_target_for(job, state, pool, threads, cancel));
    senders.push_back(std::make_unique<bus::FindingSender>(bus.context(), endpoint, job.run.name, &cancel));
    targets.back()->sender = senders.back().get();
    targets.back()->assessments = &state.assessments;
  }
  std::exception_ptr plan_failure;
  {
    Progress progress(show_progress && ::isatty(STDERR_FILENO), targets, files);
    Countdown pending(jobs.size());
    for (size_t i = 0; i < jobs.size(); ++i) {
      if (jobs[i].plugin->info().file_local()) continue;
      boost::asio::post(pool, [&, i] {
        run_one_scanner(jobs[i], *targets[i], state.config);
        pending.done();
      });
    }
    // Every cache is planned before the first file-local scanner runs: a
    // scanner's replay waits for the scoring stage, and the next plan
    // should not wait behind it.
    for (size_t i = 0; i < jobs.size() && !plan_failure; ++i) {
      if (!jobs[i].plugin->info().file_local()) continue;
      try {
        plan_cache(jobs[i], *targets[i], incremental, state);
      } catch (...) {
        plan_failure = std::current_exception();
      }
    }
    for (size_t i = 0; i < jobs.size(); ++i) {
      if (!jobs[i].plugin->info().file_local()) continue;
      if (plan_failure) {
        jobs[i].run.status = "cancelled";
        senders[i]->done(jobs[i].run.status, "");
      } else {
        // This thread works through the scanner's parallel work too: one
        // helper fewer keeps it on as many threads as a pool thread's
        // scanner gets (a third lexing thread on two cores only adds
        // buffers and an allocator arena).
        targets[i]->workers = threads - 1;
        run_one_scanner(jobs[i], *targets[i], state.config);
      }
      pending.done();
    }
    pending.wait();
  }
  // Every scanner has sent its done message; the stage finishes once it has
  // drained them. Should one have been lost, stop waiting after a bound.
  if (scoring_finished.get_future().wait_for(kScoringDrainLimit) != std::future_status::ready) {
    log::write(log::Level::error, "host", "scoring stage did not see every scanner finish; stopping it");
    scoring_stop.store(true);
  }
  scoring.join();
  pool.join();
  if (plan_failure) std::rethrow_exception(plan_failure);
}

// A scanner whose findings did not all reach the scoring stage (it stopped
// waiting, see kScoringDrainLimit) did not complete: otherwise the state store
// would take its lost findings for resolved items.
void fail_undrained(std::vector<ScannerJob>& jobs, const std::set<std::string>& drained) {
  for (auto& job : jobs) {
    if (job.run.status != "ok" || drained.count(job.run.name)) continue;
    job.run.status = "failed";
    job.run.error = "not all of its findings reached the scoring stage";
  }
}

void record_scanner_runs(ScanOutcome& outcome, const std::vector<ScannerJob>& jobs,
                         bus::EventPublisher& events) {
  for (const auto& job : jobs) {
    if (job.run.status == "failed") {
      log::write(log::Level::error, job.run.name, "scan failed: " + job.run.error);
      events.publish("assay.plugin.failed", {{"scan_id", outcome.scan_id},
                                             {"repository", outcome.repository.path},
                                             {"plugin", job.run.name},
                                             {"kind", "scanner"},
                                             {"stage", job.stage},
                                             {"error", job.run.error}});
    }
    outcome.runs.push_back(job.run);
  }
}

void publish_results(const ScanOutcome& outcome, bus::EventPublisher& events, bool cancelled,
                     int64_t duration_ms) {
  if (events.wanted("assay.item.scored")) {
    for (const auto& item : outcome.items) {
      nlohmann::json payload = item_json(item, outcome.model.get());
      payload["scan_id"] = outcome.scan_id;
      payload["repository"] = outcome.repository.path;
      events.publish("assay.item.scored", std::move(payload));
    }
  }
  events.publish(
      "assay.scan.completed",
      {{"scan_id", outcome.scan_id},
       {"repository", outcome.repository.path},
       {"status", cancelled ? "cancelled" : "ok"},
       {"items", outcome.items.size()},
       {"duration_ms", duration_ms},
       {"next_best", outcome.next_best.empty() ? nlohmann::json(nullptr) : nlohmann::json(outcome.next_best)},
       {"plugins", outcome.runs.size()}});
}

// Routes the plugins' deliver calls to the scan's state store while it
// lives.
class DeliveryScope {
 public:
  DeliveryScope(loader::DeliveryHook& hook, StateStage* stage, const std::string& scan_id) : hook_(hook) {
    if (!stage) return;
    hook_.set([stage, scan_id](const std::string& plugin, const assay_delivery& message, std::string& error) {
      return stage->queue(plugin, scan_id, message, error);
    });
  }
  ~DeliveryScope() { hook_.clear(); }
  DeliveryScope(const DeliveryScope&) = delete;
  DeliveryScope& operator=(const DeliveryScope&) = delete;

 private:
  loader::DeliveryHook& hook_;
};

}  // namespace

ScanOutcome ScanRunner::run(const ScanOptions& options, const std::atomic<bool>& cancel) {
  // Declared first so that it is destroyed last: the reporters are closed
  // after the store, the history and the repository are released, while a
  // reporter may still be removing the report file it replaced.
  EndedReports ended_reports;
  ScanOutcome outcome;
  outcome.scan_id = new_scan_id();
  const std::string started_at = utc_now_iso8601();
  const auto started = Clock::now();

  const std::filesystem::path path = scan_path_of(options);
  outcome.out_dir = out_dir_of(options, path);
  const std::vector<std::string> reporters =
      reporter_names(options.formats ? *options.formats : config_.report_formats());
  check_reporters(loader_, reporters);

  const int64_t started_seconds = options.recorded_at.value_or(state::now_seconds());
  // Read while the target is listed (the listing leaves a core idle).
  std::unique_ptr<history::CacheReadAhead> history_cache_ahead = read_history_cache_ahead(config_, path);
  std::unique_ptr<repo::RepoView> repo =
      options.early_target ? options.early_target->take() : open_scan_target(options, config_);
  // An unusable state store stops the scan before the scanners run.
  std::unique_ptr<StateStage> state_stage = StateStage::open(config_, path);
  outcome.repository = {
      repo->root(),       repo->name(), repo->commit(), repo->branch(), target_name(repo->kind()),
      repo->has_history()};
  outcome.files = repo->files().size();
  outcome.maturity_level = config_.maturity_level();
  outcome.model = std::make_shared<const scoring::Model>(
      scoring::Model::from_yaml(config_.root()["scoring"], outcome.maturity_level));
  const std::shared_ptr<const scoring::Model> configured_model = outcome.model;
  const scoring::Model& model = *configured_model;
  const int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  std::vector<ScannerJob> jobs = scanner_jobs(loader_, config_, options.scanners);
  // The findings caches are read while the history is built (neither needs
  // the other until the caches are planned).
  std::vector<const loader::PluginInfo*> infos;
  for (const auto& job : jobs) infos.push_back(&job.plugin->info());
  std::unique_ptr<StoredCachesAhead> caches_ahead =
      IncrementalStage::read_ahead(config_, *repo, state_stage.get(), options.full, infos);
  std::unique_ptr<history::HistoryService> history =
      open_history(config_, *repo, now, cancel, history_cache_ahead.get());
  history_cache_ahead.reset();
  std::unique_ptr<plugin_cache::PluginCache> plugin_cache = open_plugin_cache(config_, *repo);

  record_load_failures(outcome, loader_, events_);
  IncrementalStage incremental(config_, *repo, history.get(), state_stage.get(), options.full,
                               std::move(caches_ahead));
  std::vector<std::string> scanner_names;
  for (const auto& j : jobs) scanner_names.push_back(j.run.name);
  events_.publish("assay.scan.started", {{"scan_id", outcome.scan_id},
                                         {"repository", outcome.repository.path},
                                         {"target", outcome.repository.target},
                                         {"commit", outcome.repository.commit},
                                         {"files", outcome.files},
                                         {"plugins", scanner_names}});
  log::write(log::Level::info, "host",
             "scanning " + outcome.repository.path + " (" + outcome.repository.target + ", " +
                 std::to_string(outcome.files) + " files) with " + std::to_string(jobs.size()) +
                 " scanner(s)");

  ScanState state{config_,
                  events_,
                  *repo,
                  model,
                  history.get(),
                  plugin_cache.get(),
                  now,
                  outcome.scan_id,
                  outcome.repository.path,
                  {},
                  {},
                  {},
                  {},
                  {}};
  run_scanners(state, jobs, incremental, bus_, options.show_progress, outcome.files, cancel);
  fail_undrained(jobs, state.drained);
  record_scanner_runs(outcome, jobs, events_);
  std::vector<ScannerEnd> ends;
  for (const auto& job : jobs) ends.push_back({job.run.name, job.run.status == "ok"});
  // The scanners are done: nothing asks for line origins or the plugin
  // cache any more. Both cache files (megabytes on a long history) are
  // written on a thread of their own while the items are re-weighted,
  // ranked and merged, which read only the history's index and facts;
  // joined before the history is released.
  std::jthread save_history([&history, &plugin_cache, ends = std::move(ends)] {
    close_plugin_cache(plugin_cache.get(), ends);
    history->save();
    history->release_origins();
  });
  outcome.history_json = history->summary().dump();

  outcome.items = state.items.take_all();
  // Reports recompute dropped breakdowns with outcome.model, so it becomes
  // the assessed level's model here.
  outcome.model = std::make_shared<const scoring::Model>(apply_assessment(state.assessments, outcome, model));
  number_fingerprints(outcome.items);
  rank_items(outcome.items);
  // The merge changes no breakdown: their texts are made beside it.
  BreakdownTextsAhead breakdowns_ahead(outcome.items, outcome.model.get());
  if (state_stage)
    state_stage->merge(outcome, *repo, started_seconds, options.recorded_at.value_or(state::now_seconds()),
                       history.get(), [&](state::StateWriter& writer, int64_t repository_id) {
                         incremental.store(writer, repository_id, outcome.scan_id, outcome.runs, outcome.items);
                       });
  outcome.next_best = next_best_key(outcome.items, *outcome.model);
  const std::string finished_at = utc_now_iso8601();
  if (state_stage) state_stage->publish(outcome, events_);
  publish_results(outcome, events_, cancel.load(), ms_since(started));
  // Nothing reads the history or the repository past the merge (the stages
  // that keep references to them only drop them): they are freed on a thread
  // of their own while the reporters run, instead of after them.
  save_history.join();
  std::jthread release_sources([history = std::move(history), repo = std::move(repo)]() mutable {
    history.reset();
    repo.reset();
  });

  ReportContext report{outcome,
                       config_,
                       loader_,
                       events_,
                       started_at,
                       finished_at,
                       options.formats.has_value(),
                       ms_since(started),
                       options.service_header ? options.service_header() : std::string(),
                       &breakdowns_ahead};
  {
    // Reporters queue messages for delivery in this scan's store; without a
    // store deliver is refused (delivery_hook.h).
    DeliveryScope delivery(loader_.delivery(), state_stage.get(), outcome.scan_id);
    outcome.reporter_runs = run_reporters(report, reporters, &ended_reports);
  }
  if (state_stage) {
    if (options.send_outbox) state_stage->send_outbox(cancel);
    state_stage->prune(options.recorded_at.value_or(state::now_seconds()));
  }
  return outcome;
}

}  // namespace assay::scan
