// The delivery outbox's schema (version 4) added by the forward migration: a
// version 3 store keeps its scans and maturity assessments and gains a
// working outbox, and so does a version 1 store, through versions 2 and 3.
#include <gtest/gtest.h>

#include "state/outbox_records.h"
#include "state/sqlite_db.h"
#include "state/sqlite_schema.h"
#include "state_test_support.h"

namespace assay::state::test {
namespace {

// A pending message for the migrated store's outbox.
OutboxMessage message() {
  OutboxMessage m;
  m.created_at_ms = kT0 * 1000;
  m.plugin = "slack";
  m.scan_id = "s2";
  m.endpoint = "env:ASSAY_HOOK";
  m.content_type = "application/json";
  m.body = "{\"text\":\"digest\"}";
  m.summary = "digest";
  m.max_attempts = 5;
  m.backoff_initial_ms = 1000;
  m.backoff_max_ms = 60000;
  m.timeout_ms = 10000;
  return m;
}

// Queues a message and counts a result, then reads them back: the outbox of
// the migrated store works.
void expect_working_outbox(StateStore& store) {
  store.write([](StateWriter& w) {
    w.add_outbox_message(message());
    w.set_endpoint_last_attempt_ms("env:ASSAY_HOOK", kT0 * 1000 + 5);
    w.count_delivery_result("server_error");
  });
  std::vector<OutboxMessage> pending;
  DeliveryCounts counts;
  int64_t last = 0;
  store.read([&](StateReader& r) {
    pending = r.outbox(kOutboxPending);
    counts = r.delivery_counts();
    last = r.endpoint_last_attempt_ms("env:ASSAY_HOOK");
  });
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].body, "{\"text\":\"digest\"}");
  EXPECT_EQ(counts.pending, 1);
  EXPECT_EQ(counts.dead, 0);
  EXPECT_EQ(counts.results.at("server_error"), 1);
  EXPECT_EQ(last, kT0 * 1000 + 5);
}

TEST(OutboxMigration, AVersion3StoreKeepsItsAssessmentsAndGainsTheOutbox) {
  TempDir dir("outbox-3");
  const auto file = dir.file("state.db");
  {
    Database db(file.string(), true);
    migrate(db, 3);
  }
  raw_sql(file,
          "INSERT INTO repositories (id, path, name) VALUES (1, '/repo', 'repo');"
          "INSERT INTO scans VALUES ('s1', 1, 1767225600, 1767225600, 'commit', 'c1', 1, 0, 0, 0, 0, 0.0, 0.0);"
          "INSERT INTO assessments VALUES ('s1', 'maturity', 'developing', 42.5);"
          "INSERT INTO assessment_dimensions VALUES ('s1', 'testing', 30.0), ('s1', 'security', NULL);");
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), 3);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'outbox'"), 0);

  auto store = open_store(file);
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), latest_schema_version());
  std::vector<AssessmentRecord> assessments;
  store->read([&](StateReader& r) { assessments = r.assessments(1); });
  ASSERT_EQ(assessments.size(), 1u);
  EXPECT_EQ(assessments[0].level, "developing");
  EXPECT_EQ(assessments[0].percent, 42.5);
  EXPECT_EQ(assessments[0].dimensions.size(), 2u);
  expect_working_outbox(*store);
  EXPECT_TRUE(store->integrity_problems().empty());
}

TEST(OutboxMigration, AVersion1StoreMigratesThroughEveryVersion) {
  TempDir dir("outbox-1");
  const auto file = dir.file("state.db");
  {
    Database db(file.string(), true);
    migrate(db, 1);
  }
  raw_sql(file,
          "INSERT INTO repositories (id, path, name) VALUES (1, '/repo', 'repo');"
          "INSERT INTO scans VALUES ('s1', 1, 1767225600, 1767225600, 'commit', 'c1', 1, 0, 0, 0, 0, 0.0, 0.0);");

  auto store = open_store(file);
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), 6);
  EXPECT_EQ(latest_schema_version(), 6);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM scans"), 1);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM assessments"), 0);  // version 3's table, empty
  expect_working_outbox(*store);
}

TEST(OutboxMigration, AVersion4StoreKeepsItsOutboxWhenTheFindingsCacheIsAdded) {
  TempDir dir("outbox-4");
  const auto file = dir.file("state.db");
  {
    Database db(file.string(), true);
    migrate(db, 4);
  }
  raw_sql(file,
          "INSERT INTO outbox VALUES (1, 1767225600000, 'slack', 's1', 'env:HOOK', 'application/json', "
          "X'7B7D', 'digest', 'pending', 1, 5, 1000, 60000, 10000, 1767225601000, 1767225600500, "
          "'HTTP 500', 0);"
          "INSERT INTO delivery_results VALUES ('server_error', 1);");

  auto store = open_store(file);
  EXPECT_EQ(raw_integer(file, "PRAGMA user_version"), 6);
  EXPECT_EQ(raw_integer(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'cached_findings'"), 1);
  std::vector<OutboxMessage> pending;
  store->read([&](StateReader& r) { pending = r.outbox("pending"); });
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].plugin, "slack");
  EXPECT_EQ(pending[0].attempts, 1);
  EXPECT_EQ(pending[0].last_result, "HTTP 500");
  EXPECT_TRUE(store->integrity_problems().empty());
}

}  // namespace
}  // namespace assay::state::test
