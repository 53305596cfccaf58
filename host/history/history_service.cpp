#include "history/history_service.h"

#include <git2.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "history/history_error.h"
#include "history/line_origins.h"
#include "history/time_text.h"
#include "log/log.h"
#include "repo/git_error.h"
#include "repo/git_handles.h"
#include "repo/repo_view.h"

namespace assay::history {
namespace {

constexpr size_t kLoggedProblems = 5;

void log_line(log::Level level, const std::string& message) { log::write(level, "history", message); }

double round2(double v) { return std::round(v * 100.0) / 100.0; }

double median(std::vector<uint32_t> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

double multiplier(const HotspotRules& rules, uint32_t commits, double median_commits) {
  const double raw = 1.0 + rules.per_doubling * std::log2((commits + 1.0) / (median_commits + 1.0));
  return round2(std::clamp(raw, rules.min_multiplier, rules.max_multiplier));
}

git_oid to_git(const ObjectId& id) {
  git_oid oid;
  std::copy(id.bytes.begin(), id.bytes.end(), oid.id);
  return oid;
}

// The blob of `path` in the tree of commit `tip`, or nullopt when the path
// is not a file there.
std::optional<ObjectId> blob_at(git_repository* repository, const std::string& tip, const std::string& path) {
  git_oid id;
  if (git_oid_fromstr(&id, tip.c_str()) != 0) return std::nullopt;
  git_commit* commit = nullptr;
  if (git_commit_lookup(&commit, repository, &id) != 0)
    throw HistoryError("cannot read commit " + tip + ": " + repo::last_git_error());
  repo::CommitPtr owned_commit(commit);
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, commit) != 0)
    throw HistoryError("cannot read the tree of commit " + tip + ": " + repo::last_git_error());
  repo::TreePtr owned_tree(tree);
  git_tree_entry* entry = nullptr;
  if (git_tree_entry_bypath(&entry, tree, path.c_str()) != 0) return std::nullopt;
  const bool is_blob = git_tree_entry_type(entry) == GIT_OBJECT_BLOB;
  ObjectId blob;
  std::copy(git_tree_entry_id(entry)->id, git_tree_entry_id(entry)->id + ObjectId::kSize, blob.bytes.begin());
  git_tree_entry_free(entry);
  return is_blob ? std::optional<ObjectId>(blob) : std::nullopt;
}

std::string blob_text(git_repository* repository, const ObjectId& blob, uint64_t max_bytes) {
  const git_oid id = to_git(blob);
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repository, &id) != 0)
    throw HistoryError("cannot read blob " + blob.hex() + ": " + repo::last_git_error());
  repo::BlobPtr owned(raw);
  const auto size = static_cast<uint64_t>(git_blob_rawsize(raw));
  if (size > max_bytes)
    throw HistoryError("blob " + blob.hex() + " has " + std::to_string(size) +
                       " bytes, more than history.max_blob_size (" + std::to_string(max_bytes) + ")");
  return std::string(static_cast<const char*>(git_blob_rawcontent(raw)), static_cast<size_t>(size));
}

}  // namespace

struct HistoryService::Origins {
  // The codes of the lines (line_origins.h); shared with versions_ when
  // the file is the committed version, so it is held once.
  std::shared_ptr<const OriginRuns> lines;
  std::string problem;          // why there are none; "" when there are
  bool unreadable = false;      // the problem is an object that cannot be read
};

// libgit2 repositories must not be shared between threads; each origin
// computation borrows one of its own.
class HistoryService::RepositoryPool {
 public:
  explicit RepositoryPool(std::string git_dir) : git_dir_(std::move(git_dir)) {}

  repo::RepositoryPtr borrow() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        repo::RepositoryPtr repository = std::move(idle_.back());
        idle_.pop_back();
        return repository;
      }
    }
    git_repository* raw = nullptr;
    if (git_repository_open_bare(&raw, git_dir_.c_str()) != 0)
      throw HistoryError("cannot open repository " + git_dir_ + ": " + repo::last_git_error());
    return repo::RepositoryPtr(raw);
  }

  void give_back(repo::RepositoryPtr repository) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(repository));
  }

 private:
  std::string git_dir_;
  std::mutex mutex_;
  std::vector<repo::RepositoryPtr> idle_;
};

HistoryService::HistoryService(const repo::RepoView& view, const HistoryOptions& options, int64_t now)
    : view_(view), options_(options), now_(now) {}

HistoryService::~HistoryService() {
  if (!commit_texts_) return;
  for (size_t i = 0; i < index_->commits().size(); ++i) delete commit_texts_[i].load(std::memory_order_relaxed);
}

std::unique_ptr<HistoryService> HistoryService::open(const repo::RepoView& view,
                                                     const HistoryOptions& options, int64_t now,
                                                     const std::atomic<bool>* cancel,
                                                     CacheReadAhead* cache_ahead) {
  std::unique_ptr<HistoryService> service(new HistoryService(view, options, now));
  if (!options.enabled) {
    service->reason_ = "history is disabled (history.enabled: false)";
  } else if (!view.has_history()) {
    service->reason_ = "not a git repository";
  } else if (view.commit().empty()) {
    service->reason_ = "HEAD is unborn: the repository has no commits yet";
  } else {
    service->build(cancel, cache_ahead);
  }
  if (!service->available()) log_line(log::Level::info, "no history: " + service->reason_);
  return service;
}

void HistoryService::build(const std::atomic<bool>* cancel, CacheReadAhead* cache_ahead) {
  if (options_.window_seconds) since_ = now_ - *options_.window_seconds;
  BuildRequest request;
  request.git_dir = view_.git_dir();
  request.tip = ObjectId::from_hex(view_.commit()).value_or(ObjectId{});
  request.since = since_;
  request.first_parent = options_.first_parent;
  if (!options_.cache_file.empty()) {
    cache_path_ = options_.cache_path(view_.root()).string();
    request.cache_file = cache_path_;
    request.cache_ahead = cache_ahead;
  }
  request.cancel = cancel;
  BuiltIndex built;
  try {
    built = build_index(request);
  } catch (const HistoryError& e) {
    reason_ = e.what();
    log_line(log::Level::error, reason_);
    return;
  }
  report_ = std::move(built.report);
  if (report_.cancelled) {
    reason_ = "the scan was cancelled while the history was walked";
    return;
  }
  index_ = std::move(built.index);
  commit_texts_ = std::make_unique<std::atomic<const std::string*>[]>(index_->commits().size());
  for (CachedOrigins& cached : built.origins)
    versions_.emplace(VersionKey{cached.file, cached.blob},
                      Version{cached.producer, std::make_shared<const OriginRuns>(std::move(cached.lines))});
  log_build();
  for (const Author& author : index_->authors()) author_texts_.push_back(author.display());
  compute_facts();
  pool_ = std::make_unique<RepositoryPool>(view_.git_dir());
  file_origins_.resize(view_.files().size());
}

void HistoryService::log_build() const {
  const BuildReport& r = report_;
  if (!r.cache_problem.empty()) log_line(log::Level::warn, "history cache not used: " + r.cache_problem);
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", r.seconds);
  log_line(log::Level::info, std::string(to_string(r.mode)) + " walk: " + std::to_string(r.walked_commits) +
                                 " commits walked, " + std::to_string(r.cached_commits) +
                                 " from the cache, in " + seconds + " s; " +
                                 std::to_string(index_->file_count()) + " files with history");
  if (r.shallow)
    log_line(log::Level::warn,
             "shallow clone: the history is cut at the shallow boundary; changes and line origins before it "
             "are unknown");
  for (size_t i = 0; i < r.problems.size() && i < kLoggedProblems; ++i)
    log_line(log::Level::error, r.problems[i]);
  if (r.problems.size() > kLoggedProblems)
    log_line(log::Level::error,
             std::to_string(r.problems.size() - kLoggedProblems) + " more history problems (see the report)");
  if (!r.submodules.empty())
    log_line(log::Level::info,
             std::to_string(r.submodules.size()) +
                 " submodule paths skipped (the history of a submodule is its own repository's)");
}

void HistoryService::compute_facts() {
  const auto& files = view_.files();
  const FactWindow window{since_, options_.first_parent};
  facts_.reserve(files.size());
  std::vector<uint32_t> changed;
  for (const auto& file : files) {
    facts_.push_back(index_->facts(file.path, window));
    if (facts_.back().commits > 0) changed.push_back(facts_.back().commits);
  }
  const double median_commits = median(std::move(changed));
  hotspots_.reserve(files.size());
  for (const FileFacts& f : facts_)
    hotspots_.push_back({multiplier(options_.hotspot, f.commits, median_commits), f.commits, median_commits});
}

const FileFacts* HistoryService::facts(size_t file) const {
  return available() && file < facts_.size() ? &facts_[file] : nullptr;
}

Hotspot HistoryService::hotspot(size_t file) const {
  return available() && file < hotspots_.size() ? hotspots_[file] : Hotspot{};
}

std::optional<size_t> HistoryService::file_index(std::string_view path) const {
  const auto& files = view_.files();
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const repo::FileEntry& entry, std::string_view p) { return entry.path < p; });
  if (it == files.end() || it->path != path) return std::nullopt;
  return static_cast<size_t>(it - files.begin());
}

const std::string& HistoryService::commit_text(uint32_t commit) const {
  if (!index_) throw std::out_of_range("no history: " + reason_);
  const ObjectId& id = index_->commits().at(commit).id;
  std::atomic<const std::string*>& slot = commit_texts_[commit];
  const std::string* text = slot.load(std::memory_order_acquire);
  if (text != nullptr) return *text;
  auto made = std::make_unique<const std::string>(id.hex());
  if (slot.compare_exchange_strong(text, made.get(), std::memory_order_acq_rel, std::memory_order_acquire))
    return *made.release();
  return *text;  // another thread made it first; `made` is dropped
}

const std::string& HistoryService::author_text(uint32_t commit) const {
  return author_texts_.at(index_->commits().at(commit).author);
}

LineOrigin HistoryService::line_origin(size_t file, uint32_t line) {
  LineOrigin origin;
  if (!available()) {
    origin.problem = reason_;
    return origin;
  }
  if (file >= view_.files().size()) {
    origin.kind = LineOrigin::Kind::no_such_line;
    origin.problem = "no file " + std::to_string(file) + " in the scan target";
    return origin;
  }
  std::shared_ptr<const Origins> origins = origins_of(file);
  if (!origins->problem.empty()) {
    origin.problem = origins->problem;
    return origin;
  }
  if (line == 0 || line > origins->lines->line_count()) {
    origin.kind = LineOrigin::Kind::no_such_line;
    origin.problem = "line " + std::to_string(line) + " is outside " + view_.files()[file].path + " (" +
                     std::to_string(origins->lines->line_count()) + " lines)";
    return origin;
  }
  const uint32_t code = origins->lines->code_at(line - 1);
  if (code == kUncommitted) {
    origin.kind = LineOrigin::Kind::uncommitted;
  } else if (code == kBeforeHistory) {
    origin.kind = LineOrigin::Kind::before_history;
  } else {
    origin.kind = (code & kAlreadyThere) ? LineOrigin::Kind::at_or_before : LineOrigin::Kind::committed;
    origin.commit = code & ~kAlreadyThere;
  }
  return origin;
}

std::shared_ptr<const HistoryService::Origins> HistoryService::origins_of(size_t file) {
  {
    std::lock_guard lock(mutex_);
    if (file_origins_[file]) return file_origins_[file];
  }
  // Computed outside the lock: files are independent, and two threads
  // asking for the same file at once merely compute it twice.
  auto computed = std::make_shared<const Origins>(compute_origins_of(file));
  std::lock_guard lock(mutex_);
  if (!file_origins_[file]) file_origins_[file] = computed;
  return file_origins_[file];
}

HistoryService::Origins HistoryService::compute_origins_of(size_t file) {
  const repo::FileEntry& entry = view_.files()[file];
  const std::optional<uint32_t> name = index_->find_name(entry.path);
  Origins result;
  repo::RepositoryPtr repository;
  try {
    repository = pool_->borrow();
    if (!entry.blob_id.empty()) {
      result =
          version_origins(name, ObjectId::from_hex(entry.blob_id).value_or(ObjectId{}), repository.get());
    } else {
      result = working_tree_origins(file, name, repository.get());
    }
  } catch (const std::exception& e) {
    result = Origins{{}, e.what(), true};
  }
  if (repository) pool_->give_back(std::move(repository));
  // Once per file: the origins are cached, also when there are none.
  if (result.unreadable) {
    log_line(log::Level::error, "no line origins for " + entry.path + ": " + result.problem);
  } else if (!result.problem.empty()) {
    log_line(log::Level::debug, "no line origins for " + entry.path + ": " + result.problem);
  }
  return result;
}

// A file of the working tree that differs from the scanned commit: lines
// the commit's version has keep their origins, the others are uncommitted.
HistoryService::Origins HistoryService::working_tree_origins(size_t file, std::optional<uint32_t> name,
                                                             git_repository* repository) {
  const repo::FileEntry& entry = view_.files()[file];
  const std::string text = view_.read(file);
  if (looks_binary(text)) return Origins{{}, entry.path + " is binary"};
  if (text.size() > options_.max_blob_bytes)
    return Origins{{}, entry.path + " is larger than history.max_blob_size"};
  const std::optional<ObjectId> committed = blob_at(repository, view_.commit(), entry.path);
  if (!committed) return Origins{std::make_shared<const OriginRuns>(count_lines(text), kUncommitted), ""};
  Origins base = version_origins(name, *committed, repository);
  if (!base.problem.empty()) return base;
  const std::vector<int32_t> map =
      unchanged_lines(blob_text(repository, *committed, options_.max_blob_bytes), text);
  OriginRuns lines;
  size_t run = 0;  // the unchanged lines keep their order: one pass over the base's runs
  for (int32_t from : map) {
    const bool kept = from >= 0 && static_cast<uint32_t>(from) < base.lines->line_count();
    lines.append(kept ? base.lines->code_from(static_cast<uint32_t>(from), run) : kUncommitted);
  }
  lines.shrink_to_fit();
  return Origins{std::make_shared<const OriginRuns>(std::move(lines)), ""};
}

HistoryService::Origins HistoryService::version_origins(std::optional<uint32_t> name, const ObjectId& blob,
                                                        git_repository* repository) {
  if (!name) {
    // The file did not change in the walked history.
    const std::string text = blob_text(repository, blob, options_.max_blob_bytes);
    if (looks_binary(text)) return Origins{{}, "blob " + blob.hex() + " is binary"};
    return Origins{std::make_shared<const OriginRuns>(count_lines(text), kBeforeHistory), ""};
  }
  const VersionKey key{*name, blob};
  if (std::shared_ptr<const OriginRuns> known =
          known_version(*name, blob, producing_commit(*index_, *name, blob))) {
    std::lock_guard lock(mutex_);
    versions_used_.insert(key);
    return Origins{std::move(known), ""};
  }
  // Versions of this file that an earlier scan computed are the base: a
  // file that gained one version since costs one diff.
  const KnownOrigins known = [this, name](const ObjectId& version, uint32_t producer) {
    return known_version(*name, version, producer);
  };
  OriginResult computed =
      compute_origins(repository, *index_, *name, blob, OriginLimits{options_.max_blob_bytes}, known);
  if (computed.status != OriginResult::Status::ok)
    return Origins{{}, computed.problem, computed.status == OriginResult::Status::unreadable};
  auto lines = std::make_shared<const OriginRuns>(std::move(computed.origins));
  std::lock_guard lock(mutex_);
  versions_[key] = Version{computed.producer, lines};
  versions_used_.insert(key);
  computed_versions_ = true;
  return Origins{std::move(lines), ""};
}

std::shared_ptr<const OriginRuns> HistoryService::known_version(uint32_t name, const ObjectId& blob,
                                                                uint32_t producer) {
  std::lock_guard lock(mutex_);
  auto it = versions_.find(VersionKey{name, blob});
  if (it == versions_.end() || it->second.producer != producer) return nullptr;
  return it->second.lines;
}

void HistoryService::release_origins() {
  std::lock_guard lock(mutex_);
  for (auto& origins : file_origins_) origins.reset();
  versions_ = {};
  versions_used_ = {};
  // The cache was written with them; a later save() would write it again
  // without them.
  released_ = true;
}

nlohmann::json HistoryService::summary() const {
  nlohmann::json j = {{"available", available()},
                      {"reason", reason_.empty() ? nlohmann::json(nullptr) : nlohmann::json(reason_)},
                      {"window", options_.window_text},
                      {"since", since_ ? nlohmann::json(iso8601_utc(*since_)) : nlohmann::json(nullptr)},
                      {"first_parent", options_.first_parent}};
  if (!available()) return j;
  const BuildReport& r = report_;
  j["walk"] = to_string(r.mode);
  j["commits_walked"] = r.walked_commits;
  j["commits_cached"] = r.cached_commits;
  j["commits_indexed"] = index_->commits().size();
  j["files_with_history"] = index_->file_count();
  j["duration_ms"] = static_cast<int64_t>(std::llround(r.seconds * 1000));
  j["cpu_ms"] = static_cast<int64_t>(std::llround(r.cpu_seconds * 1000));
  j["shallow"] = r.shallow;
  j["history_cut"] = r.shallow || r.stopped_at_since;
  j["problems"] = r.problems;
  j["submodules_skipped"] =
      nlohmann::json(std::vector<std::string>(r.submodules.begin(), r.submodules.end()));
  j["cache"] = {
      {"file", cache_path_.empty() ? nlohmann::json(nullptr) : nlohmann::json(cache_path_)},
      {"used", r.mode != BuildReport::Mode::cold},
      {"problem", r.cache_problem.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.cache_problem)}};
  return j;
}

void HistoryService::save() {
  if (!available() || cache_path_.empty() || released_) return;
  if (report_.cancelled || !report_.problems.empty()) {
    log_line(log::Level::debug, "history cache not written: the walk was incomplete");
    return;
  }
  std::vector<CachedOrigins> keep;
  bool dropped = false;
  {
    std::lock_guard lock(mutex_);
    // The origins of versions this scan used, and of the versions the scanned
    // files have; the rest belongs to versions that are gone.
    std::unordered_set<VersionKey, VersionKeyHash> wanted = versions_used_;
    for (const auto& entry : view_.files()) {
      std::optional<uint32_t> name = index_->find_name(entry.path);
      std::optional<ObjectId> blob = ObjectId::from_hex(entry.blob_id);
      if (name && blob) wanted.insert({*name, *blob});
    }
    for (const auto& [key, version] : versions_) {
      if (wanted.count(key)) {
        keep.push_back({key.name, key.blob, version.producer, *version.lines});
      } else {
        dropped = true;
      }
    }
  }
  if (report_.mode == BuildReport::Mode::unchanged && !computed_versions_ && !dropped) return;
  std::sort(keep.begin(), keep.end(), [](const CachedOrigins& a, const CachedOrigins& b) {
    return std::tie(a.file, a.blob) < std::tie(b.file, b.blob);
  });
  try {
    write_cache(cache_path_, view_.git_dir(), *index_, keep);
  } catch (const HistoryError& e) {
    log_line(log::Level::warn, std::string("history cache not written: ") + e.what());
  }
}

}  // namespace assay::history
