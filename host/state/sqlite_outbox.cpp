// SqliteAccess's part for the delivery outbox (schema version 3).
#include "state/sqlite_access.h"
#include "state/sqlite_db.h"

namespace assay::state {
namespace {

constexpr const char* kOutboxColumns =
    "id, created_at_ms, plugin, scan_id, endpoint, content_type, body, summary, status, attempts, "
    "max_attempts, backoff_initial_ms, backoff_max_ms, timeout_ms, next_attempt_at_ms, last_attempt_at_ms, "
    "last_result, finished_at_ms";

OutboxMessage read_message(const Statement& s) {
  OutboxMessage m;
  m.id = s.integer(0);
  m.created_at_ms = s.integer(1);
  m.plugin = s.text(2);
  m.scan_id = s.text(3);
  m.endpoint = s.text(4);
  m.content_type = s.text(5);
  m.body = s.text(6);
  m.summary = s.text(7);
  m.status = s.text(8);
  m.attempts = s.integer(9);
  m.max_attempts = s.integer(10);
  m.backoff_initial_ms = s.integer(11);
  m.backoff_max_ms = s.integer(12);
  m.timeout_ms = s.integer(13);
  m.next_attempt_at_ms = s.integer(14);
  m.last_attempt_at_ms = s.integer(15);
  m.last_result = s.text(16);
  m.finished_at_ms = s.integer(17);
  return m;
}

}  // namespace

std::vector<OutboxMessage> SqliteAccess::outbox(const std::string& status) {
  Statement& s =
      db_.cached(std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE status = ?1 ORDER BY id");
  s.bind(1, status);
  std::vector<OutboxMessage> messages;
  while (s.step()) messages.push_back(read_message(s));
  return messages;
}

int64_t SqliteAccess::endpoint_last_attempt_ms(const std::string& endpoint) {
  Statement& s = db_.cached("SELECT last_attempt_ms FROM delivery_endpoints WHERE endpoint = ?1");
  s.bind(1, endpoint);
  int64_t at = 0;
  if (s.step()) {
    at = s.integer(0);
    s.reset();
  }
  return at;
}

DeliveryCounts SqliteAccess::delivery_counts() {
  DeliveryCounts counts;
  Statement& by_status = db_.cached("SELECT status, count(*) FROM outbox GROUP BY status");
  while (by_status.step()) {
    if (by_status.text(0) == kOutboxPending) counts.pending = by_status.integer(1);
    if (by_status.text(0) == kOutboxDead) counts.dead = by_status.integer(1);
  }
  Statement& results = db_.cached("SELECT result, count FROM delivery_results");
  while (results.step()) counts.results[results.text(0)] = results.integer(1);
  return counts;
}

int64_t SqliteAccess::add_outbox_message(const OutboxMessage& m) {
  Statement& s = db_.cached(
      "INSERT INTO outbox (created_at_ms, plugin, scan_id, endpoint, content_type, body, summary,"
      " status, attempts, max_attempts, backoff_initial_ms, backoff_max_ms, timeout_ms, next_attempt_at_ms,"
      " last_attempt_at_ms, last_result, finished_at_ms)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
  s.bind(1, m.created_at_ms).bind(2, m.plugin).bind(3, m.scan_id).bind(4, m.endpoint);
  s.bind(5, m.content_type).bind(6, m.body).bind(7, m.summary).bind(8, m.status).bind(9, m.attempts);
  s.bind(10, m.max_attempts).bind(11, m.backoff_initial_ms).bind(12, m.backoff_max_ms).bind(13, m.timeout_ms);
  s.bind(14, m.next_attempt_at_ms).bind(15, m.last_attempt_at_ms).bind(16, m.last_result);
  s.bind(17, m.finished_at_ms);
  s.run();
  return db_.query_integer("SELECT last_insert_rowid()");
}

void SqliteAccess::update_outbox_message(const OutboxMessage& m) {
  Statement& s = db_.cached(
      "UPDATE outbox SET status = ?2, attempts = ?3, next_attempt_at_ms = ?4, last_attempt_at_ms = ?5,"
      " last_result = ?6, finished_at_ms = ?7 WHERE id = ?1");
  s.bind(1, m.id).bind(2, m.status).bind(3, m.attempts).bind(4, m.next_attempt_at_ms);
  s.bind(5, m.last_attempt_at_ms).bind(6, m.last_result).bind(7, m.finished_at_ms);
  s.run();
}

void SqliteAccess::set_endpoint_last_attempt_ms(const std::string& endpoint, int64_t at_ms) {
  Statement& s = db_.cached(
      "INSERT INTO delivery_endpoints (endpoint, last_attempt_ms) VALUES (?1, ?2)"
      " ON CONFLICT (endpoint) DO UPDATE SET last_attempt_ms = excluded.last_attempt_ms");
  s.bind(1, endpoint).bind(2, at_ms);
  s.run();
}

void SqliteAccess::count_delivery_result(const std::string& result) {
  Statement& s = db_.cached(
      "INSERT INTO delivery_results (result, count) VALUES (?1, 1)"
      " ON CONFLICT (result) DO UPDATE SET count = count + 1");
  s.bind(1, result);
  s.run();
}

}  // namespace assay::state
