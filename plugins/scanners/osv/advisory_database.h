// The local OSV database: advisories read once from a directory of OSV JSON
// files and per-ecosystem all.zip exports, indexed by (ecosystem,
// normalised package name).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "advisory.h"

namespace assay::osv {

// The database path cannot be read at all (missing, not a directory, zip
// or JSON file, unreadable).
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct DatabaseStats {
  size_t documents = 0;         // JSON documents read (files and zip members)
  size_t advisories = 0;        // advisories indexed
  size_t withdrawn = 0;         // ignored as withdrawn
  size_t malformed = 0;         // skipped, see problems
  size_t other_ecosystems = 0;  // no package of an ecosystem the scanner matches
  size_t superseded = 0;        // older copies of an id read twice
};

// Why one document or archive was skipped: "<origin>: <json path>: <problem>".
struct DatabaseProblem {
  std::string origin;  // "db/PyPI/all.zip:GHSA-xxxx.json", "db/x.json"
  std::string message;
};

// Runs fn(i) for every i in [0, count), possibly on several threads, and
// returns when all calls have returned.
using ParallelFor = std::function<void(size_t count, const std::function<void(size_t)>& fn)>;

// Runs the calls one after the other on the calling thread.
void run_sequentially(size_t count, const std::function<void(size_t)>& fn);

class AdvisoryDatabase {
 public:
  AdvisoryDatabase();
  ~AdvisoryDatabase();
  AdvisoryDatabase(AdvisoryDatabase&&) noexcept;
  AdvisoryDatabase& operator=(AdvisoryDatabase&&) noexcept;

  // Reads `path`: a directory, searched recursively for *.json and *.zip
  // (every *.json member of a zip is an advisory), or one such file. Files
  // are read in path order. Throws DatabaseError when `path` itself cannot
  // be read; a malformed advisory or archive is recorded in problems() and
  // the rest is read. Documents are inflated and parsed through `parallel`
  // and added in path order, so the result does not depend on it.
  static AdvisoryDatabase load(const std::string& path, const ParallelFor& parallel = run_sequentially);

  // Adds one OSV JSON document read from `origin`. For loaders and tests.
  void add_document(std::string_view json_text, const std::string& origin);
  // Adds one parsed advisory (counted as a document).
  void add_advisory(Advisory advisory, const std::string& origin);
  // Records a problem with a whole file or archive.
  void add_problem(std::string origin, std::string message);

  // The advisories with an affected package `normalized_name` (see
  // normalize_package_name) of `ecosystem`, in id order.
  const std::vector<const Advisory*>& lookup(Ecosystem ecosystem, std::string_view normalized_name) const;

  const DatabaseStats& stats() const { return stats_; }
  const std::vector<DatabaseProblem>& problems() const { return problems_; }

 private:
  void index(const Advisory& advisory);
  void unindex(const Advisory& advisory);

  DatabaseStats stats_;
  std::vector<DatabaseProblem> problems_;
  std::map<std::string, std::unique_ptr<Advisory>, std::less<>> by_id_;
  std::map<std::pair<Ecosystem, std::string>, std::vector<const Advisory*>, std::less<>> by_package_;
};

}  // namespace assay::osv
