// A thin owner of one SQLite connection and its prepared statements. Every
// failure becomes a StoreError that names the store's file and what was being
// done; SQLITE_BUSY becomes StoreBusy. Internal to host/state.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace assay::state {

class Database;

// One prepared statement. Bind indexes are 1-based, column indexes 0-based.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::string& value);
  Statement& bind_null(int index);

  // Advances to the next row; false when there is none (the statement is
  // then reset, ready to be bound and run again).
  bool step();
  // Runs a statement that returns no rows, then resets it.
  void run();
  // Drops any row in progress and the bindings' effect on the next step.
  void reset();

  int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  // The column's text, valid until the next step or reset.
  std::string_view text_view(int column) const;
  bool is_null(int column) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens `path`; creates the file only when `create` is set. Throws
  // StoreError ("no state store at …" when it does not exist).
  Database(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

  // Runs SQL without results (several statements allowed).
  void exec(std::string_view sql);
  // A statement prepared once per connection and kept; reset before reuse.
  Statement& cached(std::string_view sql);
  // Reads a single integer (a PRAGMA, a COUNT).
  int64_t query_integer(std::string_view sql);
  void set_busy_timeout(int milliseconds);
  // Ends the open transaction without its changes; never throws (SQLite may
  // already have rolled back after an error).
  void rollback_quietly() noexcept;

  // Throws the StoreError for the connection's last failure: "<path>: <what>:
  // <SQLite's message>", StoreBusy when SQLite reported SQLITE_BUSY.
  [[noreturn]] void fail(const std::string& what, int code) const;

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
};

}  // namespace assay::state
