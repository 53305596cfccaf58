// Scans of a real git repository through the whole pipeline (markers scanner,
// scoring, state store, json reporter) with the recording time pinned, so
// that lifecycle, keys and every statistic can be checked against values
// worked out by hand from docs/scoring.md and docs/state.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "../repo/test_repository.h"
#include "bus/bus.h"
#include "bus/event_publisher.h"
#include "bus/subscriber.h"
#include "config/config.h"
#include "config/host_schema.h"
#include "loader/plugin_loader.h"
#include "scan/history_context.h"
#include "scan/scan_runner.h"
#include "scan/scan_target.h"
#include "state/invariants.h"
#include "state/sqlite_store.h"
#include "state/statistics.h"

namespace fs = std::filesystem;

namespace assay::scan {
namespace {

using repo::testing::commit_all;
using repo::testing::git;
using repo::testing::write_file;

constexpr int64_t kT0 = 1767225600;  // 2026-01-01T00:00:00Z
constexpr int64_t kHour = 3600;

// Values by hand (docs/scoring.md, default configuration): a technical-debt
// marker's cost of delay is 4 + 2 + 4 + 5 = 15 points at $30, plus the
// severity bonus on business value and risk reduction. The tags of
// config/assay.yaml: the to-do tag (severity low, +1 each) gives 17 points
// and 2 h; the fix-me tag (medium, +2) 19 points and 4 h; the hack tag
// (medium) 19 points and 3 h. Every marker line was committed at the
// repository helper's fixed date (2024-01-02), far more than 90 days before
// any scan, so the history gives each the full age bonus of 3 points of time
// criticality (age.max_points): 20 points = $600, 22 = $660, 22 = $660.
constexpr double kTodoValue = 600, kFixmeValue = 660, kHackValue = 660;
constexpr double kTodoHours = 2, kFixmeHours = 4, kHackHours = 3;

// The default configuration with the maturity scanner off, plus `more`.
config::Config markers_only(const std::string& more = "") {
  return config::Config::parse("plugins:\n  maturity:\n    enabled: false\n" + more, "test.yaml",
                               config::base_host_schema());
}

class StateScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(repo_);
    repo::testing::init_repository(repo_);
    loader_ = std::make_unique<loader::PluginLoader>(
        scan_functions(), [](assay_log_level, const std::string&, const std::string&) {});
  }

  void load(bool with_flaky) {
    std::vector<fs::path> files;
    if (with_flaky) files.emplace_back(std::string(ASSAY_STATE_FIXTURE_DIR) + "/fixture-flaky_scanner.so");
    loader_->load_all(files, {fs::path(ASSAY_PLUGIN_DIR)});
  }

  ScanOutcome scan(int64_t at, bool cancelled = false, std::optional<std::string> rev = std::nullopt) {
    bus::EventPublisher events(bus_.context(), {bus_.unique_endpoint("events")}, "test");
    return scan_with(events, at, cancelled, rev);
  }

  ScanOutcome scan_with(bus::EventPublisher& events, int64_t at, bool cancelled = false,
                        std::optional<std::string> rev = std::nullopt) {
    ScanRunner runner(config_, *loader_, bus_, events);
    ScanOptions options;
    options.path = repo_;
    options.rev = rev;
    options.formats = std::vector<std::string>{"json"};
    options.recorded_at = at;
    std::atomic<bool> cancel{cancelled};
    return runner.run(options, cancel);
  }

  // The events a scan at `at` publishes under `prefixes`, in order.
  std::vector<bus::Event> scan_events(int64_t at, const std::vector<std::string>& prefixes) {
    const std::string endpoint = bus_.unique_endpoint("events");
    bus::EventPublisher events(bus_.context(), {endpoint}, "test");
    bus::Subscriber subscriber(bus_.context(), endpoint, prefixes);
    // A subscription reaches the publisher asynchronously: probe until it has.
    for (int i = 0; i < 200; ++i) {
      events.publish(prefixes.front() + "probe", {{"scan_id", "-"}, {"repository", "-"}});
      if (subscriber.receive(std::chrono::milliseconds(10))) break;
    }
    while (subscriber.receive(std::chrono::milliseconds(20))) {
    }
    scan_with(events, at);
    std::vector<bus::Event> out;
    while (auto event = subscriber.receive(std::chrono::milliseconds(200))) out.push_back(std::move(*event));
    return out;
  }

  std::unique_ptr<state::StateStore> store() {
    return state::open_sqlite_store((repo_ / ".assay/state.db").string(), {2000, false});
  }

  state::Statistics stats(int64_t until, int days) {
    state::Statistics s;
    store()->read([&](state::StateReader& r) {
      s = state::compute_statistics(r, r.find_repository(fs::canonical(repo_).string())->id, until, days);
    });
    return s;
  }

  std::vector<std::string> problems() {
    auto s = store();
    std::vector<std::string> out = s->integrity_problems();
    s->read([&](state::StateReader& r) {
      for (auto& p : state::check_invariants(r)) out.push_back(p);
    });
    return out;
  }

  repo::testing::TempDir dir_;
  fs::path repo_ = dir_.path() / "repo";
  // The markers scanner's items only: the maturity scanner's failed checks
  // would add dozens of items to every count worked out below.
  config::Config config_ = markers_only();
  bus::Bus bus_;
  std::unique_ptr<loader::PluginLoader> loader_;
};

std::map<std::string, const BacklogItem*> by_title(const ScanOutcome& outcome) {
  std::map<std::string, const BacklogItem*> out;
  for (const auto& item : outcome.items) out[item.finding.title] = &item;
  return out;
}

TEST_F(StateScanTest, FixAddMoveRenameThenScanAgain) {
  load(false);
  write_file(repo_, "a.c", "// TODO: alpha task\nint a;\n");
  write_file(repo_, "b.c", "int x;\n// FIXME: beta task\n");
  write_file(repo_, "c.py", "# HACK: gamma task\n");
  commit_all(repo_, "first");

  ScanOutcome first = scan(kT0);
  ASSERT_EQ(first.items.size(), 3u);
  auto one = by_title(first);
  std::set<std::string> keys;
  for (const auto& item : first.items) {
    EXPECT_EQ(item.status, "new");
    EXPECT_EQ(item.first_seen_at, kT0);
    keys.insert(item.key);
  }
  EXPECT_EQ(keys, (std::set<std::string>{"TD-001", "TD-002", "TD-003"}));
  EXPECT_DOUBLE_EQ(one.at("FIXME: beta task")->scores.value_usd, kFixmeValue);
  EXPECT_DOUBLE_EQ(one.at("TODO: alpha task")->scores.value_usd, kTodoValue);
  EXPECT_DOUBLE_EQ(one.at("HACK: gamma task")->scores.value_usd, kHackValue);
  const std::string alpha = one.at("TODO: alpha task")->key;
  const std::string beta = one.at("FIXME: beta task")->key;
  const std::string gamma = one.at("HACK: gamma task")->key;

  // Fix beta, add delta, move alpha down three lines, rename c.py unchanged.
  write_file(repo_, "a.c", "int pad1;\nint pad2;\nint pad3;\n// TODO: alpha task\nint a;\n");
  write_file(repo_, "b.c", "int x;\n");
  write_file(repo_, "d.c", "// TODO: delta task\n");
  fs::create_directories(repo_ / "lib");
  git(repo_, "mv c.py lib/c2.py");
  commit_all(repo_, "second");
  const std::string head = git(repo_, "rev-parse HEAD");

  ScanOutcome second = scan(kT0 + 26 * kHour);
  ASSERT_EQ(second.items.size(), 3u);
  auto two = by_title(second);
  EXPECT_EQ(two.at("TODO: alpha task")->key, alpha);
  EXPECT_EQ(two.at("TODO: alpha task")->status, "open");
  EXPECT_EQ(two.at("TODO: alpha task")->finding.line_start, 4u);
  EXPECT_EQ(two.at("TODO: alpha task")->first_seen_at, kT0);
  EXPECT_EQ(two.at("HACK: gamma task")->key, gamma);
  EXPECT_EQ(two.at("HACK: gamma task")->status, "open");
  EXPECT_EQ(two.at("HACK: gamma task")->finding.path, "lib/c2.py");
  EXPECT_EQ(two.at("TODO: delta task")->key, "TD-004");
  EXPECT_EQ(two.at("TODO: delta task")->status, "new");

  const StateReport& report = second.state;
  EXPECT_TRUE(report.merged);
  EXPECT_EQ(report.new_items, 1);
  EXPECT_EQ(report.resolved_items, 1);
  ASSERT_EQ(report.resolved.size(), 1u);
  EXPECT_EQ(report.resolved[0].key, beta);
  EXPECT_EQ(report.resolved[0].resolved_commit, head);

  // The period's statistics (7 days up to the second scan).
  const state::Statistics& s = report.stats;
  EXPECT_EQ(s.discovered, 4);
  EXPECT_EQ(s.completed, 1);
  EXPECT_EQ(s.reopened, 0);
  EXPECT_EQ(s.net_change, 3);
  EXPECT_EQ(s.backlog_size, 3);
  EXPECT_DOUBLE_EQ(s.backlog_effort_hours, kTodoHours + kHackHours + kTodoHours);
  ASSERT_TRUE(s.cycle_time_mean_hours);
  EXPECT_DOUBLE_EQ(*s.cycle_time_mean_hours, 26);
  EXPECT_DOUBLE_EQ(*s.cycle_time_median_hours, 26);
  EXPECT_DOUBLE_EQ(s.value_delivered_usd, kFixmeValue);
  EXPECT_EQ(s.sources, (std::map<std::string, int64_t>{{"markers", 4}}));
  ASSERT_EQ(s.completed_items.size(), 1u);
  EXPECT_EQ(s.completed_items[0].key, beta);

  // One day: only the second scan's changes; the debt trend starts from the
  // first scan's backlog.
  state::Statistics day = stats(kT0 + 26 * kHour, 1);
  EXPECT_EQ(day.discovered, 1);
  EXPECT_EQ(day.resolutions, 1);
  EXPECT_EQ(day.net_change, 0);
  ASSERT_TRUE(day.effort_hours_at_start);
  EXPECT_DOUBLE_EQ(*day.effort_hours_at_start, kTodoHours + kFixmeHours + kHackHours);
  EXPECT_DOUBLE_EQ(day.backlog_effort_hours, 7);

  // backlog.json carries the same.
  std::ifstream in(repo_ / ".assay/backlog.json");
  nlohmann::json backlog = nlohmann::json::parse(in);
  EXPECT_EQ(backlog["stats"]["discovered"], 4);
  EXPECT_EQ(backlog["stats"]["value_delivered_usd"], kFixmeValue);
  EXPECT_EQ(backlog["stats"]["cycle_time_hours"]["median"], 26.0);
  ASSERT_EQ(backlog["completed"].size(), 1u);
  EXPECT_EQ(backlog["completed"][0]["key"], beta);
  EXPECT_EQ(backlog["completed"][0]["commit"], head);
  EXPECT_EQ(backlog["completed"][0]["resolved_at"], "2026-01-02T02:00:00Z");
  for (const auto& item : backlog["items"]) {
    const bool is_delta = item["title"] == "TODO: delta task";
    EXPECT_EQ(item["status"], is_delta ? "new" : "open");
    EXPECT_EQ(item["first_seen"], is_delta ? "2026-01-02T02:00:00Z" : "2026-01-01T00:00:00Z");
  }
  EXPECT_TRUE(problems().empty());
}

TEST_F(StateScanTest, AFailedOrCancelledScannerResolvesNothingOfItsOwn) {
  load(true);
  write_file(repo_, "a.c", "// TODO: alpha task\n");
  write_file(repo_, "b.c", "int b;\n");
  commit_all(repo_, "first");
  ScanOutcome first = scan(kT0);
  ASSERT_EQ(first.items.size(), 3u);  // alpha, and one flaky item per file

  // alpha fixed, b.c gone; flaky_scanner fails because of fail-now.
  write_file(repo_, "a.c", "int a;\n");
  fs::remove(repo_ / "b.c");
  write_file(repo_, "fail-now", "x\n");
  ScanOutcome second = scan(kT0 + kHour);
  std::map<std::string, std::string> status;
  for (const auto& run : second.runs) status[run.name] = run.status;
  EXPECT_EQ(status["markers"], "ok");
  EXPECT_EQ(status["flaky_scanner"], "failed");
  ASSERT_EQ(second.state.resolved.size(), 1u);
  EXPECT_EQ(second.state.resolved[0].title, "TODO: alpha task");
  EXPECT_EQ(second.state.new_items, 1);           // flaky's finding for fail-now, seen before it failed
  EXPECT_EQ(second.state.stats.backlog_size, 3);  // flaky: a.c, b.c (kept), fail-now

  // A cancelled scan: nothing completes, so nothing is resolved although
  // fail-now is gone.
  fs::remove(repo_ / "fail-now");
  ScanOutcome third = scan(kT0 + 2 * kHour, true);
  EXPECT_TRUE(third.state.resolved.empty());
  EXPECT_EQ(third.state.stats.backlog_size, 3);
  EXPECT_TRUE(problems().empty());

  // Once flaky_scanner completes again, its vanished items are resolved.
  ScanOutcome fourth = scan(kT0 + 3 * kHour);
  std::set<std::string> resolved;
  for (const auto& row : fourth.state.resolved) resolved.insert(row.path);
  EXPECT_EQ(resolved, (std::set<std::string>{"b.c", "fail-now"}));
}

TEST_F(StateScanTest, WithoutAStoreKeysFollowTheRank) {
  load(false);
  config_ = markers_only("state:\n  enabled: false\n");
  write_file(repo_, "a.c", "// TODO: alpha task\n// FIXME: beta task\n");
  ScanOutcome outcome = scan(kT0);
  EXPECT_FALSE(outcome.state.enabled);
  EXPECT_FALSE(fs::exists(repo_ / ".assay/state.db"));
  ASSERT_EQ(outcome.items.size(), 2u);
  EXPECT_EQ(outcome.items[0].key, "TD-001");
  EXPECT_EQ(outcome.items[1].key, "TD-002");
  EXPECT_EQ(outcome.items[0].status, "");
  std::ifstream in(repo_ / ".assay/backlog.json");
  nlohmann::json backlog = nlohmann::json::parse(in);
  EXPECT_TRUE(backlog["stats"].is_null());
  EXPECT_EQ(backlog["completed"], nlohmann::json::array());
  EXPECT_TRUE(backlog["items"][0]["status"].is_null());
}

TEST_F(StateScanTest, AnUnusableStoreStopsTheScanBeforeTheScanners) {
  load(false);
  write_file(repo_, "a.c", "// TODO: alpha task\n");
  fs::create_directories(repo_ / ".assay");
  std::ofstream(repo_ / ".assay/state.db")
      << "not a database, but long enough to be read as a header by SQLite\n";
  try {
    scan(kT0);
    FAIL() << "the scan ran";
  } catch (const ScanFailed& e) {
    EXPECT_EQ(std::string(e.what()),
              "state store " + (repo_ / ".assay/state.db").string() + " is not a SQLite database");
  }
  EXPECT_FALSE(fs::exists(repo_ / ".assay/backlog.json"));
}

TEST_F(StateScanTest, ItemEventsFollowTheCommitAndPrecedeScanCompleted) {
  load(false);
  write_file(repo_, "a.c", "// TODO: alpha task\n");
  write_file(repo_, "b.c", "// FIXME: beta task\n");
  commit_all(repo_, "first");
  scan(kT0);
  write_file(repo_, "b.c", "int b;\n");
  write_file(repo_, "c.c", "// HACK: gamma task\n");
  commit_all(repo_, "second");
  const std::string head = git(repo_, "rev-parse HEAD");

  std::vector<bus::Event> events =
      scan_events(kT0 + 5 * kHour, {"assay.item.new", "assay.item.resolved", "assay.scan.completed"});
  std::vector<std::string> topics;
  for (const auto& e : events) topics.push_back(e.topic);
  EXPECT_EQ(topics,
            (std::vector<std::string>{"assay.item.new", "assay.item.resolved", "assay.scan.completed"}));
  ASSERT_EQ(events.size(), 3u);
  const nlohmann::json& added = events[0].payload;
  EXPECT_EQ(added["key"], "TD-003");
  EXPECT_EQ(added["title"], "HACK: gamma task");
  EXPECT_EQ(added["location"]["path"], "c.c");
  EXPECT_EQ(added["value_usd"], kHackValue);
  EXPECT_EQ(added["first_seen"], "2026-01-01T05:00:00Z");
  EXPECT_EQ(added["reopened"], false);
  const nlohmann::json& resolved = events[1].payload;
  EXPECT_EQ(resolved["title"], "FIXME: beta task");
  EXPECT_EQ(resolved["value_usd"], kFixmeValue);
  EXPECT_EQ(resolved["first_seen"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(resolved["resolved_at"], "2026-01-01T05:00:00Z");
  EXPECT_EQ(resolved["commit"], head);
  EXPECT_EQ(resolved["cycle_time_hours"], 5.0);
}

TEST_F(StateScanTest, ALookBackAtAnOlderCommitChangesNothing) {
  load(false);
  write_file(repo_, "a.c", "// TODO: alpha task\n");
  write_file(repo_, "b.c", "// FIXME: beta task\n");
  commit_all(repo_, "first");
  ScanOutcome first = scan(kT0);
  auto one = by_title(first);
  write_file(repo_, "b.c", "int b;\n");
  fs::create_directories(repo_ / "moved");
  git(repo_, "mv a.c moved/a.c");
  commit_all(repo_, "second");
  ScanOutcome second = scan(kT0 + kHour);
  ASSERT_EQ(second.state.resolved.size(), 1u);
  EXPECT_EQ(by_title(second).at("TODO: alpha task")->key, one.at("TODO: alpha task")->key);

  ScanOutcome back = scan(kT0 + 2 * kHour, false, "HEAD~1");
  EXPECT_FALSE(back.state.merged);
  auto old = by_title(back);
  ASSERT_EQ(old.size(), 2u);
  // The rename, seen backwards, still finds alpha; beta is known, resolved.
  EXPECT_EQ(old.at("TODO: alpha task")->key, one.at("TODO: alpha task")->key);
  EXPECT_EQ(old.at("FIXME: beta task")->key, one.at("FIXME: beta task")->key);
  for (const auto& [title, item] : old) {
    EXPECT_EQ(item->status, "open") << title;
    EXPECT_EQ(item->first_seen_at, kT0) << title;
  }
  EXPECT_TRUE(back.state.resolved.empty());
  EXPECT_EQ(back.state.stats.backlog_size, 1);
  EXPECT_EQ(back.state.stats.completed, 1);
  // The next scan compares with the last merged commit: nothing changes.
  ScanOutcome again = scan(kT0 + 3 * kHour);
  EXPECT_EQ(again.state.new_items + again.state.reopened_items + again.state.resolved_items, 0);
  EXPECT_TRUE(problems().empty());
}

// Two checks, worked by hand: security-policy (medium, 5) passes with a
// SECURITY.md, licence (low, 2.5) with a LICENSE. None: 0 %, nascent; a
// SECURITY.md: 50 / 75 = 66.7 %, maturing (security 100 %, code-quality 0 %);
// both: 100 %, advanced.
constexpr const char* kTwoMaturityChecks = R"(version: 1
checks:
  - id: security-policy
    title: Security policy
    fix: Add a SECURITY.md
    dimension: security
    risk: medium
    category: security
    effort_hours: 1
    evidence: [{files: [/SECURITY.md]}]
  - id: licence
    title: Licence
    fix: Add a LICENSE
    dimension: code-quality
    risk: low
    category: documentation
    effort_hours: 1
    evidence: [{files: [/LICENSE]}]
)";

TEST_F(StateScanTest, EachAssessmentIsKeptAndTheReportShowsTheTrend) {
  const fs::path rules = dir_.path() / "rules.yaml";
  std::ofstream(rules) << kTwoMaturityChecks;
  config_ = config::Config::parse("plugins:\n  maturity:\n    rules: " + rules.string() + "\n", "test.yaml",
                                  config::base_host_schema());
  load(false);
  write_file(repo_, "a.c", "int a;\n");
  commit_all(repo_, "first");
  ScanOutcome first = scan(kT0);
  ASSERT_TRUE(first.assessment.has_value());
  EXPECT_EQ(first.assessment->level, "nascent");
  ASSERT_EQ(first.state.maturity_trend.size(), 1u);

  write_file(repo_, "SECURITY.md", "Mail security@example.com\n");
  commit_all(repo_, "policy");
  scan(kT0 + kHour);
  // A scan with the maturity scanner off adds nothing to the trend.
  const config::Config assessed = config_;
  config_ = markers_only();
  ScanOutcome unassessed = scan(kT0 + 2 * kHour);
  EXPECT_FALSE(unassessed.assessment.has_value());
  EXPECT_EQ(unassessed.state.maturity_trend.size(), 2u);
  config_ = assessed;

  write_file(repo_, "LICENSE", "MIT\n");
  commit_all(repo_, "licence");
  ScanOutcome third = scan(kT0 + 3 * kHour);
  const auto& trend = third.state.maturity_trend;
  ASSERT_EQ(trend.size(), 3u);
  EXPECT_EQ(trend[0].scan_id, first.scan_id);
  EXPECT_EQ(trend[2].scan_id, third.scan_id);
  std::vector<std::string> levels;
  std::vector<double> percents;
  for (const auto& a : trend) {
    levels.push_back(a.level);
    percents.push_back(a.percent);
  }
  EXPECT_EQ(levels, (std::vector<std::string>{"nascent", "maturing", "advanced"}));
  EXPECT_EQ(percents, (std::vector<double>{0, 66.7, 100}));
  EXPECT_EQ(trend[1].finished_at, kT0 + kHour);
  EXPECT_EQ(trend[1].commit, git(repo_, "rev-parse HEAD~1").substr(0, 40));
  // The nine dimensions by name; those without a check have no percentage.
  std::map<std::string, std::optional<double>> dimensions;
  for (const auto& d : trend[1].dimensions) dimensions[d.name] = d.percent;
  EXPECT_EQ(dimensions, (std::map<std::string, std::optional<double>>{{"ci-cd", std::nullopt},
                                                                      {"code-quality", 0},
                                                                      {"containerisation", std::nullopt},
                                                                      {"dependency-management", std::nullopt},
                                                                      {"documentation", std::nullopt},
                                                                      {"observability", std::nullopt},
                                                                      {"performance", std::nullopt},
                                                                      {"security", 100},
                                                                      {"testing", std::nullopt}}));

  // backlog.json carries the same trend under maturity.
  const auto backlog = nlohmann::json::parse(std::ifstream(repo_ / ".assay/backlog.json"));
  const auto& json_trend = backlog["maturity"]["trend"];
  ASSERT_EQ(json_trend.size(), 3u);
  EXPECT_EQ(json_trend[1], nlohmann::json::parse(R"({"scan_id": ")" + trend[1].scan_id +
                                                 R"(", "finished_at": "2026-01-01T01:00:00Z", "commit": ")" +
                                                 trend[1].commit + R"(", "level": "maturing", "percent": 66.7,
                                                 "dimensions": {"ci-cd": null, "code-quality": 0, "containerisation": null,
                                                 "dependency-management": null, "documentation": null, "observability": null,
                                                 "performance": null, "security": 100, "testing": null}})"));
  EXPECT_TRUE(problems().empty());
}

TEST(HistoryContext, OldFingerprintsKeepTheOrderOfEqualFindings) {
  auto finding = [](const std::string& path, uint32_t line) {
    BacklogItem item;
    item.finding.source = "markers";
    item.finding.rule = "TODO";
    item.finding.title = "TODO: same";
    item.finding.evidence = "TODO: same";
    item.finding.path = path;
    item.finding.line_start = item.finding.line_end = line;
    return item;
  };
  std::vector<BacklogItem> now = {finding("new/x.c", 9), finding("other.c", 1), finding("new/x.c", 3)};
  std::vector<BacklogItem> before = {finding("old/x.c", 3), finding("old/x.c", 9)};
  assign_fingerprints(now);
  assign_fingerprints(before);
  auto previous = fingerprints_before_renames(now, {{"new/x.c", "old/x.c"}});
  ASSERT_EQ(previous.size(), 2u);
  EXPECT_EQ(previous.at(2), before[0].fingerprint);  // line 3 was the first occurrence
  EXPECT_EQ(previous.at(0), before[1].fingerprint);
  EXPECT_NE(before[0].fingerprint, before[1].fingerprint);
  EXPECT_EQ(previous.count(1), 0u);
}

}  // namespace
}  // namespace assay::scan
