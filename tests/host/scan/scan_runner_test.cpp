// The scan orchestration in-process: real plugins through the real loader,
// failures recorded without stopping the scan, events published in order.
#include "scan/scan_runner.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bus/bus.h"
#include "bus/event_publisher.h"
#include "bus/subscriber.h"
#include "config/config.h"
#include "loader/plugin_loader.h"
#include "scan/scan_target.h"
#include "scoring/model.h"

namespace fs = std::filesystem;

namespace assay::scan {
namespace {

class ScanRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-scan-runner-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "src");
    std::ofstream(dir_ / "src/a.c") << "int x; // FIXME: handle errors\n/* TODO: document */\n";
    std::ofstream(dir_ / "notes.txt") << "TODO: not source\n";
    loader_ = std::make_unique<loader::PluginLoader>(
        scan_functions(), [](assay_log_level, const std::string&, const std::string&) {});
  }
  void TearDown() override { fs::remove_all(dir_); }

  void load(const std::vector<std::string>& fixtures) {
    std::vector<fs::path> files;
    for (const auto& f : fixtures) files.emplace_back(std::string(ASSAY_FIXTURE_PLUGIN_DIR) + "/" + f);
    loader_->load_all(files, {fs::path(ASSAY_PLUGIN_DIR)});
  }

  ScanOutcome scan(bus::EventPublisher& events, std::atomic<bool>& cancel) {
    ScanRunner runner(config_, *loader_, bus_, events);
    ScanOptions options;
    options.path = dir_;
    options.formats = std::vector<std::string>{"json"};
    return runner.run(options, cancel);
  }

  fs::path dir_;
  config::Config config_ = config::Config::defaults();
  bus::Bus bus_;
  std::unique_ptr<loader::PluginLoader> loader_;
};

size_t items_not_from(const ScanOutcome& o, const std::string& source) {
  return std::count_if(o.items.begin(), o.items.end(),
                       [&](const BacklogItem& i) { return i.finding.source != source; });
}

const PluginRun* find_run(const ScanOutcome& o, const std::string& name) {
  for (const auto& r : o.runs) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

TEST_F(ScanRunnerTest, ScannersRunConcurrentlyAndFailuresAreRecorded) {
  load({"fixture-good_scanner.so", "fixture-scan_fails.so", "not_a_shared_object.so"});
  bus::EventPublisher events(bus_.context(), {bus_.unique_endpoint("events")}, "test");
  std::atomic<bool> cancel{false};
  ScanOutcome o = scan(events, cancel);

  ASSERT_NE(find_run(o, "markers"), nullptr);
  EXPECT_EQ(find_run(o, "markers")->status, "ok");
  EXPECT_EQ(find_run(o, "markers")->findings, 2u);  // notes.txt has no language: not lexed
  // The other built-in scanners (sarif, benchmarks) run too, with nothing
  // configured to read.
  const PluginRun* good = find_run(o, "good_scanner");
  const PluginRun* failing = nullptr;
  for (const auto& r : o.runs) {
    if (r.status == "failed") failing = &r;
  }
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(good->status, "ok");
  EXPECT_EQ(good->findings, 2u);  // one per file
  ASSERT_NE(failing, nullptr);
  EXPECT_NE(failing->error.find("scan exploded"), std::string::npos) << failing->error;
  const PluginRun* load_failed = find_run(o, "not_a_shared_object.so");
  ASSERT_NE(load_failed, nullptr);
  EXPECT_EQ(load_failed->status, "load-failed");

  // Two markers, two of the fixture; the maturity scanner's gaps come on top.
  EXPECT_EQ(items_not_from(o, "maturity"), 4u);
  ASSERT_EQ(o.reporter_runs.size(), 1u);
  EXPECT_EQ(o.reporter_runs[0].status, "ok");
  EXPECT_TRUE(fs::exists(dir_ / ".assay/backlog.json"));
  EXPECT_FALSE(o.next_best.empty());
}

// Held items keep only their scores' numbers (memory: a scan holds every
// item until it is reported); the report still has every breakdown, and the
// outcome's model gives it back.
TEST_F(ScanRunnerTest, HeldItemsDropTheirBreakdownAndTheReportHasIt) {
  load({});
  bus::EventPublisher events(bus_.context(), {bus_.unique_endpoint("events")}, "test");
  std::atomic<bool> cancel{false};
  ScanOutcome o = scan(events, cancel);
  ASSERT_EQ(items_not_from(o, "maturity"), 2u);  // two markers, and the maturity scanner's gaps
  ASSERT_NE(o.model, nullptr);

  std::ifstream in(dir_ / ".assay/backlog.json");
  const nlohmann::json report = nlohmann::json::parse(in);
  ASSERT_EQ(report.at("items").size(), o.items.size());
  for (size_t i = 0; i < o.items.size(); ++i) {
    const BacklogItem& item = o.items[i];
    EXPECT_EQ(item.breakdown, nullptr);
    const nlohmann::json& written = report.at("items")[i];
    ASSERT_EQ(written.at("key"), item.key);
    EXPECT_FALSE(written.at("breakdown").at("composite").at("formula").get<std::string>().empty());
    const nlohmann::json recomputed = nlohmann::json::parse(item_json(item, o.model.get()).dump());
    EXPECT_EQ(written.at("breakdown"), recomputed.at("breakdown"));
  }
}

TEST_F(ScanRunnerTest, PublishesLifecycleEventsInOrder) {
  load({});
  const std::string endpoint = bus_.unique_endpoint("events");
  bus::EventPublisher events(bus_.context(), {endpoint}, "test");
  bus::Subscriber subscriber(bus_.context(), endpoint, {"assay."});
  // A subscription propagates asynchronously: publish probes until one arrives.
  for (int i = 0; i < 200; ++i) {
    events.publish("assay.probe", {{"scan_id", "-"}, {"repository", "-"}});
    if (subscriber.receive(std::chrono::milliseconds(10))) break;
  }
  while (subscriber.receive(std::chrono::milliseconds(20))) {
  }
  std::atomic<bool> cancel{false};
  ScanOutcome o = scan(events, cancel);

  std::vector<std::string> topics;
  uint64_t last_seq = 0;
  while (auto event = subscriber.receive(std::chrono::milliseconds(200))) {
    topics.push_back(event->topic);
    uint64_t seq = event->payload.at("seq");
    if (last_seq != 0) {
      EXPECT_EQ(seq, last_seq + 1) << "gap before " << event->topic;
    }
    last_seq = seq;
    EXPECT_EQ(event->payload.at("scan_id"), o.scan_id);
  }
  ASSERT_GE(topics.size(), 4u);
  EXPECT_EQ(topics.front(), "assay.scan.started");
  auto index_of = [&](const std::string& t) {
    return std::find(topics.begin(), topics.end(), t) - topics.begin();
  };
  EXPECT_LT(index_of("assay.finding"), index_of("assay.item.scored"));
  EXPECT_LT(index_of("assay.item.scored"), index_of("assay.scan.completed"));
  EXPECT_LT(index_of("assay.scan.completed"), index_of("assay.report.delivered"));
  EXPECT_EQ(std::count(topics.begin(), topics.end(), "assay.item.scored"), static_cast<long>(o.items.size()));
}

TEST_F(ScanRunnerTest, CancelledScanStillReportsWhatItHas) {
  load({});
  bus::EventPublisher events(bus_.context(), {bus_.unique_endpoint("events")}, "test");
  std::atomic<bool> cancel{true};
  ScanOutcome o = scan(events, cancel);
  ASSERT_NE(find_run(o, "markers"), nullptr);
  EXPECT_EQ(find_run(o, "markers")->status, "cancelled");
  EXPECT_TRUE(fs::exists(dir_ / ".assay/backlog.json"));
}

TEST_F(ScanRunnerTest, UnknownFormatIsAUsageError) {
  load({});
  bus::EventPublisher events(bus_.context(), {bus_.unique_endpoint("events")}, "test");
  ScanRunner runner(config_, *loader_, bus_, events);
  ScanOptions options;
  options.path = dir_;
  options.formats = std::vector<std::string>{"pdf"};
  std::atomic<bool> cancel{false};
  EXPECT_THROW(runner.run(options, cancel), UsageError);
  options.formats.reset();
  options.path = dir_ / "missing";
  EXPECT_THROW(runner.run(options, cancel), ScanFailed);
}

TEST_F(ScanRunnerTest, TheAssessedLevelWeighsEveryItemAndReachesTheReport) {
  load({});
  bus::EventPublisher events(bus_.context(), {bus_.unique_endpoint("events")}, "test");
  std::atomic<bool> cancel{false};
  ScanOutcome o = scan(events, cancel);
  ASSERT_TRUE(o.assessment.has_value());
  EXPECT_EQ(o.assessment->source, "maturity");
  EXPECT_EQ(o.maturity_level, o.assessment->level);
  // Every item's composite is what the assessed level's weights give.
  const scoring::Model model = scoring::Model::from_yaml(config_.root()["scoring"], o.maturity_level);
  ASSERT_FALSE(o.items.empty());
  for (const auto& item : o.items) {
    EXPECT_DOUBLE_EQ(item.scores.composite, model.score(item.finding, scoring::FileContext{}).composite)
        << item.finding.title;
  }
  const auto backlog = nlohmann::json::parse(std::ifstream(dir_ / ".assay/backlog.json"));
  EXPECT_EQ(backlog["maturity"]["level"], o.maturity_level);
  EXPECT_EQ(backlog["maturity"]["assessed"], true);
  EXPECT_EQ(backlog["maturity"]["source"], "maturity");
  EXPECT_DOUBLE_EQ(backlog["maturity"]["percent"].get<double>(), o.assessment->percent);
  EXPECT_EQ(backlog["maturity"]["dimensions"].size(), 9u);
  EXPECT_GE(backlog["maturity"]["checks"].size(), 40u);
}

}  // namespace
}  // namespace assay::scan
