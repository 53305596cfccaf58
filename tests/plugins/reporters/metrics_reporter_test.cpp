// The metrics reporter through its shared object: the textfile it writes is
// checked by a strict parser of the exposition format, and its numbers
// against the header they come from.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "../../host/serve/exposition_parser.h"
#include "reporter_harness.h"
#include "scratch_dir.h"

namespace assay::test {
namespace {

const std::map<std::string, std::string> kRepo = {{"repository", "/srv/repos/parser-lib"}};

double value_of(const Exposition& e, const std::string& name,
                std::map<std::string, std::string> labels = kRepo) {
  for (const auto& s : e.samples)
    if (s.name == name && s.labels == labels) return s.value;
  ADD_FAILURE() << "no sample " << name;
  return -1;
}

bool has(const Exposition& e, const std::string& name) {
  for (const auto& s : e.samples)
    if (s.name == name) return true;
  return false;
}

RunInput scan_input(const ScratchDir& dir) {
  RunInput input;
  input.header = sample_header(5, "TD-001");
  input.header["scan"]["duration_ms"] = 4250;
  input.header["state"] = {
      {"store", "/x/state.db"}, {"merged", true}, {"new", 3}, {"reopened", 1}, {"resolved", 2}};
  input.header["stats"] = {
      {"period_days", 7}, {"discovered", 8}, {"completed", 2}, {"value_delivered_usd", 1080.5}};
  input.header["maturity"] = {{"level", "developing"},
                              {"assessed", true},
                              {"source", "maturity"},
                              {"percent", 42.5},
                              {"dimensions", {{"testing", 60}, {"documentation", 25}}}};
  input.header["service"] = {{"bus", {{"published", 120}, {"dropped", 3}}},
                             {"outbox", {{"depth", 2}}},
                             {"deliveries", {{"delivered", 5}, {"dead", 1}}}};
  input.items = sample_items();
  input.output_dir = dir.path();
  return input;
}

Exposition written(const std::filesystem::path& file) {
  Exposition e = parse_exposition(read_file(file));
  EXPECT_TRUE(e.errors.empty()) << e.errors.front() << "\n" << read_file(file);
  return e;
}

TEST(MetricsReporter, WritesEveryFamilyFromTheHeader) {
  ScratchDir dir;
  LoadedReporter reporter("metrics");
  RunInput input = scan_input(dir);
  ASSERT_TRUE(reporter.run(input).ok());
  Exposition e = written(dir.path() / "metrics.prom");
  EXPECT_EQ(
      value_of(e, "assay_backlog_items", {{"repository", "/srv/repos/parser-lib"}, {"category", "security"}}),
      1);
  EXPECT_EQ(value_of(e, "assay_backlog_items",
                     {{"repository", "/srv/repos/parser-lib"}, {"category", "technical-debt"}}),
            2);
  EXPECT_EQ(value_of(e, "assay_backlog_effort_hours"), 18.5);
  EXPECT_EQ(value_of(e, "assay_backlog_value_usd"), 14579.9);
  EXPECT_EQ(value_of(e, "assay_next_best_composite_score"), 35.24);  // TD-001's composite
  EXPECT_EQ(value_of(e, "assay_maturity_percent"), 42.5);
  EXPECT_EQ(value_of(e, "assay_maturity_dimension_percent",
                     {{"repository", "/srv/repos/parser-lib"}, {"dimension", "testing"}}),
            60);
  EXPECT_EQ(value_of(e, "assay_items_discovered_total"), 4);  // new 3 + reopened 1
  EXPECT_EQ(value_of(e, "assay_items_completed_total"), 2);
  EXPECT_EQ(value_of(e, "assay_value_delivered_usd"), 1080.5);
  EXPECT_EQ(value_of(e, "assay_scan_duration_seconds"), 4.25);
  EXPECT_EQ(value_of(e, "assay_scan_plugin_failures",
                     {{"repository", "/srv/repos/parser-lib"}, {"plugin", "secrets"}}),
            1);
  // 2026-11-25T17:00:04Z
  EXPECT_EQ(value_of(e, "assay_last_successful_scan_timestamp_seconds"), 1795626004);
  EXPECT_EQ(value_of(e, "assay_bus_events_dropped_total"), 3);
  EXPECT_EQ(value_of(e, "assay_outbox_depth"), 2);
  EXPECT_EQ(value_of(e, "assay_webhook_deliveries_total",
                     {{"repository", "/srv/repos/parser-lib"}, {"result", "dead"}}),
            1);
  EXPECT_EQ(e.types.at("assay_items_discovered_total"), "counter");
  EXPECT_EQ(e.types.at("assay_backlog_items"), "gauge");
  // Item keys never become labels.
  for (const auto& s : e.samples)
    for (const auto& [label, value] : s.labels) EXPECT_EQ(value.find("TD-0"), std::string::npos) << s.name;
}

TEST(MetricsReporter, CountersGrowAcrossScansAndLookBacksAddNothing) {
  ScratchDir dir;
  LoadedReporter reporter("metrics");
  RunInput input = scan_input(dir);
  ASSERT_TRUE(reporter.run(input).ok());
  ASSERT_TRUE(reporter.run(input).ok());
  EXPECT_EQ(value_of(written(dir.path() / "metrics.prom"), "assay_items_discovered_total"), 8);
  input.header["state"]["merged"] = false;
  ASSERT_TRUE(reporter.run(input).ok());
  Exposition e = written(dir.path() / "metrics.prom");
  EXPECT_EQ(value_of(e, "assay_items_discovered_total"), 8);
  EXPECT_EQ(value_of(e, "assay_items_completed_total"), 4);
}

TEST(MetricsReporter, WithoutStateMaturityOrServiceThoseFamiliesAreAbsent) {
  ScratchDir dir;
  LoadedReporter reporter("metrics");
  RunInput input;
  input.header = sample_header(0, "");
  input.output_dir = dir.path();
  ASSERT_TRUE(reporter.run(input).ok());
  Exposition e = written(dir.path() / "metrics.prom");
  EXPECT_FALSE(has(e, "assay_next_best_composite_score"));
  EXPECT_FALSE(has(e, "assay_maturity_percent"));
  EXPECT_FALSE(has(e, "assay_value_delivered_usd"));
  EXPECT_FALSE(has(e, "assay_bus_events_dropped_total"));
  EXPECT_EQ(value_of(e, "assay_items_discovered_total"), 0);
}

TEST(MetricsReporter, TextfileNameTakesTheRepositoryName) {
  ScratchDir dir;
  LoadedReporter reporter("metrics");
  RunInput input = scan_input(dir);
  input.config = R"({"textfile": ")" + (dir.path() / "node" / "assay-{name}.prom").string() + R"("})";
  ASSERT_TRUE(reporter.run(input).ok());
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "node" / "assay-parser-lib.prom"));
  EXPECT_EQ(directory_entries(dir.path() / "node"), std::vector<std::string>{"assay-parser-lib.prom"});
}

TEST(MetricsReporter, AWrongConfigurationNamesTheField) {
  ScratchDir dir;
  LoadedReporter reporter("metrics");
  RunInput input = scan_input(dir);
  input.config = R"({"textfile": 5})";
  RunResult result = reporter.run(input);
  EXPECT_EQ(result.failed_stage, "begin");
  EXPECT_NE(result.error.find("plugins.metrics.textfile"), std::string::npos) << result.error;
}

TEST(GrafanaDashboard, QueriesOnlyMetricsThatExist) {
  ScratchDir dir;
  LoadedReporter reporter("metrics");
  RunInput input = scan_input(dir);
  ASSERT_TRUE(reporter.run(input).ok());
  std::set<std::string> known;
  for (const auto& [name, type] : written(dir.path() / "metrics.prom").types) known.insert(name);
  // The families assay serve adds itself (ServiceMetrics::family_names()).
  for (const char* name : {"assay_scans_total", "assay_plugin_failures_total", "assay_scans_running",
                           "assay_scans_pending", "assay_config_reloads_total"})
    known.insert(name);
  auto dashboard = nlohmann::json::parse(
      read_file(std::filesystem::path(ASSAY_SOURCE_DIR) / "config" / "grafana-dashboard.json"));
  const std::regex metric("assay_[a-z_]+");
  size_t queried = 0;
  for (const auto& panel : dashboard["panels"])
    for (const auto& target : panel["targets"]) {
      std::string expr = target["expr"];
      for (std::sregex_iterator it(expr.begin(), expr.end(), metric), end; it != end; ++it, ++queried)
        EXPECT_TRUE(known.count(it->str())) << panel["title"] << ": " << it->str();
    }
  EXPECT_GE(queried, 15u);
}

}  // namespace
}  // namespace assay::test
