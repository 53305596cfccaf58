#include "serve/service_metrics.h"

#include <gtest/gtest.h>

#include "exposition_parser.h"

namespace assay::serve {
namespace {

double value_of(const test::Exposition& e, const std::string& name, const std::map<std::string, std::string>& labels) {
  for (const auto& s : e.samples)
    if (s.name == name && s.labels == labels) return s.value;
  ADD_FAILURE() << "no sample " << name;
  return -1;
}

TEST(ServiceMetrics, RendersAValidExpositionWithTheScansNumbers) {
  ServiceMetrics metrics;
  ScanSummary ok;
  ok.status = "ok";
  ok.duration_seconds = 1.5;
  ok.finished_at = 1704067200;
  ok.items_by_category = {{"security", 2}, {"technical-debt", 5}};
  ok.next_best_composite = 81.25;
  ok.open_value_usd = 12000;
  ok.plugin_failures = {{"osv", 1}};
  metrics.record_scan("/srv/a \"quoted\"", ok);
  ScanSummary cancelled = ok;
  cancelled.status = "cancelled";
  cancelled.plugin_failures = {{"osv", 1}};
  metrics.record_scan("/srv/a \"quoted\"", cancelled);
  metrics.record_reload(true);
  metrics.record_reload(false);
  metrics.record_reload(false);

  std::string text = metrics.render({40, 3, 1, 2});
  test::Exposition e = test::parse_exposition(text);
  ASSERT_TRUE(e.errors.empty()) << e.errors.front() << "\n" << text;
  const std::map<std::string, std::string> repo = {{"repository", "/srv/a \"quoted\""}};
  EXPECT_EQ(value_of(e, "assay_scans_total", {{"repository", "/srv/a \"quoted\""}, {"status", "ok"}}), 1);
  EXPECT_EQ(value_of(e, "assay_scans_total", {{"repository", "/srv/a \"quoted\""}, {"status", "cancelled"}}), 1);
  EXPECT_EQ(value_of(e, "assay_plugin_failures_total", {{"repository", "/srv/a \"quoted\""}, {"plugin", "osv"}}), 2);
  EXPECT_EQ(value_of(e, "assay_backlog_items", {{"repository", "/srv/a \"quoted\""}, {"category", "security"}}), 2);
  EXPECT_EQ(value_of(e, "assay_next_best_composite_score", repo), 81.25);
  EXPECT_EQ(value_of(e, "assay_backlog_value_usd", repo), 12000);
  EXPECT_EQ(value_of(e, "assay_scan_duration_seconds", repo), 1.5);
  // The last success stays the ok scan's end, not the cancelled one's.
  EXPECT_EQ(value_of(e, "assay_last_successful_scan_timestamp_seconds", repo), 1704067200);
  EXPECT_EQ(value_of(e, "assay_bus_events_published_total", {}), 40);
  EXPECT_EQ(value_of(e, "assay_bus_events_dropped_total", {}), 3);
  EXPECT_EQ(value_of(e, "assay_scans_running", {}), 1);
  EXPECT_EQ(value_of(e, "assay_scans_pending", {}), 2);
  EXPECT_EQ(value_of(e, "assay_config_reloads_total", {{"result", "refused"}}), 2);
  EXPECT_EQ(e.types.at("assay_scans_total"), "counter");
  EXPECT_EQ(e.types.at("assay_backlog_items"), "gauge");
}

TEST(ServiceMetrics, EmptyServiceIsValidToo) {
  ServiceMetrics metrics;
  test::Exposition e = test::parse_exposition(metrics.render({}));
  EXPECT_TRUE(e.errors.empty()) << e.errors.front();
}

TEST(ExpositionParser, CatchesWhatPrometheusRefuses) {
  EXPECT_FALSE(test::parse_exposition("x 1\n").errors.empty());  // no HELP/TYPE
  EXPECT_FALSE(test::parse_exposition("# HELP x a\n# TYPE x counter\nx 1\n").errors.empty());  // no _total
  EXPECT_FALSE(test::parse_exposition("# HELP x a\n# TYPE x gauge\nx{a=\"\\q\"} 1\n").errors.empty());
  EXPECT_FALSE(test::parse_exposition("# HELP x a\n# TYPE x gauge\nx 1\nx 2\n").errors.empty());
  EXPECT_FALSE(test::parse_exposition("# HELP x a\n# TYPE x gauge\nx one\n").errors.empty());
  EXPECT_TRUE(test::parse_exposition("# HELP x a\n# TYPE x gauge\nx{a=\"b\\\"c\"} 1.5e3\n").errors.empty());
}

TEST(EscapeLabelValue, EscapesBackslashQuoteAndNewline) {
  EXPECT_EQ(escape_label_value("a\\b\"c\nd"), "a\\\\b\\\"c\\nd");
}

}  // namespace
}  // namespace assay::serve
