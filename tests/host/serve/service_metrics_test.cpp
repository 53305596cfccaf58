#include "serve/service_metrics.h"

#include <gtest/gtest.h>

#include <set>

#include "exposition_parser.h"
#include "serve/exposition_merge.h"

namespace assay::serve {
namespace {

double value_of(const test::Exposition& e, const std::string& name,
                const std::map<std::string, std::string>& labels) {
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
  ok.items = 7;
  ok.plugin_failures = {{"osv", 1}};
  metrics.record_scan("/srv/a \"quoted\"", ok);
  ScanSummary cancelled = ok;
  cancelled.status = "cancelled";
  metrics.record_scan("/srv/a \"quoted\"", cancelled);
  metrics.record_reload(true);
  metrics.record_reload(false);
  metrics.record_reload(false);

  DeliveryTotals delivery;
  delivery.depth = 4;
  delivery.dead = 1;
  delivery.results = {{"delivered", 9}, {"server_error", 2}, {"dead", 1}};
  std::string text = metrics.render({40, 3, 1, 2, delivery});
  test::Exposition e = test::parse_exposition(text);
  ASSERT_TRUE(e.errors.empty()) << e.errors.front() << "\n" << text;
  EXPECT_EQ(value_of(e, "assay_scans_total", {{"repository", "/srv/a \"quoted\""}, {"status", "ok"}}), 1);
  EXPECT_EQ(value_of(e, "assay_scans_total", {{"repository", "/srv/a \"quoted\""}, {"status", "cancelled"}}),
            1);
  EXPECT_EQ(
      value_of(e, "assay_plugin_failures_total", {{"repository", "/srv/a \"quoted\""}, {"plugin", "osv"}}),
      2);
  EXPECT_EQ(value_of(e, "assay_bus_events_published_total", {}), 40);
  EXPECT_EQ(value_of(e, "assay_bus_events_dropped_total", {}), 3);
  EXPECT_EQ(value_of(e, "assay_scans_running", {}), 1);
  EXPECT_EQ(value_of(e, "assay_scans_pending", {}), 2);
  EXPECT_EQ(value_of(e, "assay_config_reloads_total", {{"result", "refused"}}), 2);
  EXPECT_EQ(value_of(e, "assay_outbox_depth", {}), 4);
  EXPECT_EQ(value_of(e, "assay_webhook_deliveries_total", {{"result", "delivered"}}), 9);
  EXPECT_EQ(value_of(e, "assay_webhook_deliveries_total", {{"result", "server_error"}}), 2);
  EXPECT_EQ(value_of(e, "assay_webhook_deliveries_total", {{"result", "dead"}}), 1);
  EXPECT_EQ(value_of(e, "assay_webhook_deliveries_total", {{"result", "rate_limited"}}), 0);  // named, 0
  EXPECT_EQ(e.types.at("assay_webhook_deliveries_total"), "counter");
  EXPECT_EQ(e.types.at("assay_scans_total"), "counter");
  std::set<std::string> families;
  for (const auto& [name, type] : e.types) families.insert(name);
  EXPECT_EQ(families, ServiceMetrics::family_names());
}

TEST(ExpositionMerge, OneHelpAndTypePerFamilyAndSkippedFamiliesLeftOut) {
  const std::string a =
      "# HELP assay_backlog_items Items.\n# TYPE assay_backlog_items gauge\n"
      "assay_backlog_items{repository=\"/a\",category=\"security\"} 2\n"
      "# HELP assay_bus_events_dropped_total Drops.\n# TYPE assay_bus_events_dropped_total counter\n"
      "assay_bus_events_dropped_total{repository=\"/a\"} 1\n";
  const std::string b =
      "# HELP assay_backlog_items Items.\n# TYPE assay_backlog_items gauge\n"
      "assay_backlog_items{repository=\"/b\",category=\"security\"} 5\n"
      "# HELP assay_scan_duration_seconds Time.\n# TYPE assay_scan_duration_seconds gauge\n"
      "assay_scan_duration_seconds{repository=\"/b\"} 0.5\n";
  std::string merged = merge_expositions({a, b, ""}, {"assay_bus_events_dropped_total"});
  EXPECT_EQ(merged,
            "# HELP assay_backlog_items Items.\n# TYPE assay_backlog_items gauge\n"
            "assay_backlog_items{repository=\"/a\",category=\"security\"} 2\n"
            "assay_backlog_items{repository=\"/b\",category=\"security\"} 5\n"
            "# HELP assay_scan_duration_seconds Time.\n# TYPE assay_scan_duration_seconds gauge\n"
            "assay_scan_duration_seconds{repository=\"/b\"} 0.5\n");
  EXPECT_TRUE(test::parse_exposition(merged).errors.empty());
}

TEST(ServiceMetrics, EmptyServiceIsValidToo) {
  ServiceMetrics metrics;
  test::Exposition e = test::parse_exposition(metrics.render({}));
  EXPECT_TRUE(e.errors.empty()) << e.errors.front();
}

TEST(ExpositionParser, CatchesWhatPrometheusRefuses) {
  EXPECT_FALSE(test::parse_exposition("x 1\n").errors.empty());                                // no HELP/TYPE
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
