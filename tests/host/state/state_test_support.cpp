#include "state_test_support.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <deque>
#include <stdexcept>

namespace assay::state::test {

TempDir::TempDir(const std::string& name)
    : path_(std::filesystem::temp_directory_path() /
            ("assay-state-" + name + "-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::unique_ptr<StateStore> open_store(const std::filesystem::path& file, int busy_timeout_ms) {
  return open_sqlite_store(file.string(), {busy_timeout_ms, true});
}

std::string_view kept(std::string text) {
  // A deque never moves what it holds, so the views stay valid.
  static std::deque<std::string> texts;
  return texts.emplace_back(std::move(text));
}

ScanItem item(const std::string& fingerprint, const std::string& source, double value_usd,
              double effort_hours, const std::string& prefix, const std::string& path) {
  ScanItem i;
  i.fingerprint = kept(fingerprint);
  i.key_prefix = prefix;
  i.source = kept(source);
  i.rule = "TODO";
  i.category = prefix == "SEC" ? "security" : "technical-debt";
  i.title = kept("item " + fingerprint);
  i.path = kept(path);
  i.evidence = kept("evidence of " + fingerprint);
  i.line_start = 1;
  i.line_end = 1;
  i.effort_hours = effort_hours;
  i.value_usd = value_usd;
  i.composite = value_usd / 10;
  return i;
}

ScanFacts facts(const std::string& scan_id, int64_t at, const std::vector<std::string>& complete,
                const std::string& commit) {
  ScanFacts f;
  f.scan_id = scan_id;
  f.repository_path = "/repo";
  f.repository_name = "repo";
  f.target = commit.empty() ? "directory" : "commit";
  f.commit = commit;
  f.started_at = at;
  f.finished_at = at;
  f.complete_scanners.insert(complete.begin(), complete.end());
  for (const auto& name : complete) f.runs.push_back({scan_id, name, "scanner", "1.0.0", "ok", 1, 5, ""});
  return f;
}

bool FixedContext::looks_back_from(const std::string& last_commit) {
  asked.push_back(last_commit);
  return look_back;
}

std::unordered_map<size_t, std::string> FixedContext::previous_fingerprints(
    const std::string& last_commit, const std::set<std::string>& paths) {
  vanished = paths;
  asked.push_back(last_commit);
  return previous;
}

MergeResult merge(StateStore& store, const ScanFacts& facts, const std::vector<ScanItem>& items,
                  MergeContext& context) {
  MergeResult result;
  store.write([&](StateWriter& w) { result = merge_scan(w, facts, items, context); });
  return result;
}

MergeResult merge(StateStore& store, const ScanFacts& facts, const std::vector<ScanItem>& items) {
  FixedContext none;
  return merge(store, facts, items, none);
}

namespace {

struct Raw {
  explicit Raw(const std::filesystem::path& file) {
    if (sqlite3_open(file.c_str(), &db) != SQLITE_OK)
      throw std::runtime_error("cannot open " + file.string());
    sqlite3_busy_timeout(db, 5000);
  }
  ~Raw() { sqlite3_close(db); }
  sqlite3* db = nullptr;
};

}  // namespace

void raw_sql(const std::filesystem::path& file, const std::string& sql) {
  Raw raw(file);
  char* error = nullptr;
  if (sqlite3_exec(raw.db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(sql + ": " + message);
  }
}

namespace {

template <typename T>
T raw_query(const std::filesystem::path& file, const std::string& sql, T (*read)(sqlite3_stmt*)) {
  Raw raw(file);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(raw.db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
    throw std::runtime_error(sql + ": " + sqlite3_errmsg(raw.db));
  T value{};
  if (sqlite3_step(stmt) == SQLITE_ROW) value = read(stmt);
  sqlite3_finalize(stmt);
  return value;
}

}  // namespace

int64_t raw_integer(const std::filesystem::path& file, const std::string& sql) {
  return raw_query<int64_t>(file, sql, [](sqlite3_stmt* s) -> int64_t { return sqlite3_column_int64(s, 0); });
}

std::string raw_text(const std::filesystem::path& file, const std::string& sql) {
  return raw_query<std::string>(file, sql, [](sqlite3_stmt* s) -> std::string {
    const unsigned char* text = sqlite3_column_text(s, 0);
    return text ? reinterpret_cast<const char*>(text) : "";
  });
}

}  // namespace assay::state::test
