#include "history/index_builder.h"

#include <git2.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <unordered_set>

#include "history/cache_read_ahead.h"
#include "history/history_error.h"
#include "history/revision_walk.h"
#include "repo/git_error.h"
#include "repo/git_handles.h"
#include "repo/libgit2_runtime.h"

namespace assay::history {
namespace {

git_oid to_git(const ObjectId& id) {
  git_oid oid;
  std::memcpy(oid.id, id.bytes.data(), ObjectId::kSize);
  return oid;
}

// libgit2's settings for a process that walks long histories. They are
// process-wide, so they are set once, before the first walk:
//  - no object cache: the walk reads each tree once (TreeCache keeps the
//    ones the next diff needs) and the cache only cost memory (up to 256 MB)
//    and time (its lookups, and its evictions once full);
//  - no hash verification on reads, as git does: a corrupt object still
//    fails to inflate or parse, and is reported naming its id;
//  - pack files mapped in 8 MB windows, at most 32 MB at once: the pages of
//    a mapped window count in the process's resident memory, and a long
//    history's pack (915 MB for 100,000 commits as git fast-import writes
//    it) would otherwise keep up to the limit resident: a cold walk of that
//    repository peaked at 172 MB with 32 MB windows and 128 MB at most,
//    111 MB with these, for about 10% more CPU time (measured 2026-11-26).
//    The walk itself now reads trees and commits through PackReader, which
//    bounds its own mapped pages (32 MB); libgit2's windows serve what it
//    leaves to libgit2 (loose objects, other packs) and the blobs that line
//    origins read after the walk, where the same memory reasoning holds.
void tune_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, static_cast<size_t>(8) << 20);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, static_cast<size_t>(32) << 20);
  });
}

repo::RepositoryPtr open_repository(const std::string& git_dir) {
  repo::ensure_libgit2();
  tune_libgit2();
  git_repository* raw = nullptr;
  if (git_repository_open_bare(&raw, git_dir.c_str()) != 0)
    throw HistoryError("cannot open repository " + git_dir + " for its history: " + repo::last_git_error());
  return repo::RepositoryPtr(raw);
}

// Digest of the shallow file, so that a clone deepened since the cache was
// written is walked again. 0 when the repository is not shallow.
uint64_t shallow_digest(const std::string& git_dir) {
  std::ifstream in(git_dir + "/shallow", std::ios::binary);
  if (!in) return 0;
  uint64_t hash = 14695981039346656037ull;
  for (std::istreambuf_iterator<char> it(in), end; it != end; ++it) {
    hash ^= static_cast<unsigned char>(*it);
    hash *= 1099511628211ull;
  }
  return hash;
}

// "" when the cached index can be brought up to `request`; otherwise why not.
std::string reuse_problem(git_repository* repository, const Provenance& cached, const Provenance& wanted) {
  if (cached.first_parent != wanted.first_parent)
    return std::string("it was built ") + (cached.first_parent ? "along first parents" : "over all parents");
  if (cached.since && (!wanted.since || *wanted.since < *cached.since))
    return "its window starts later than the configured one";
  if (cached.shallow != wanted.shallow || cached.shallow_digest != wanted.shallow_digest)
    return "the shallow clone was deepened or made shallow since";
  if (cached.tip == wanted.tip) return "";
  const git_oid tip = to_git(wanted.tip);
  const git_oid known = to_git(cached.tip);
  const int descendant = git_graph_descendant_of(repository, &tip, &known);
  if (descendant == 1) return "";
  if (descendant < 0)
    return "cannot tell whether " + cached.tip.hex() + " is an ancestor: " + repo::last_git_error();
  return "its commit " + cached.tip.hex() + " is not an ancestor of " + wanted.tip.hex() +
         " (history rewritten or another branch)";
}

// git_tree_walk callback: collects the paths of regular files.
int collect_file(const char* root, const git_tree_entry* entry, void* payload) {
  const git_filemode_t mode = git_tree_entry_filemode(entry);
  if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE)
    static_cast<std::unordered_set<std::string>*>(payload)->insert(std::string(root) +
                                                                   git_tree_entry_name(entry));
  return 0;
}

// Drops files that are not regular files of the tip's tree: histories of
// files deleted on branches the walk saw in an order the name map could not
// follow. The tree is walked once (each subtree read once) rather than
// looked up per file: without libgit2's object cache, a lookup by path
// reads every tree on the path again.
void keep_tip_files(git_repository* repository, const ObjectId& tip_id, HistoryIndex& index) {
  const git_oid tip = to_git(tip_id);
  git_commit* commit = nullptr;
  if (git_commit_lookup(&commit, repository, &tip) != 0)
    throw HistoryError("cannot read commit " + tip_id.hex() + ": " + repo::last_git_error());
  repo::CommitPtr owned_commit(commit);
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, commit) != 0)
    throw HistoryError("cannot read the tree of commit " + tip_id.hex() + ": " + repo::last_git_error());
  repo::TreePtr owned_tree(tree);
  std::unordered_set<std::string> files;
  if (git_tree_walk(tree, GIT_TREEWALK_PRE, collect_file, &files) != 0)
    throw HistoryError("cannot read the tree of commit " + tip_id.hex() + ": " + repo::last_git_error());
  index.keep_files([&](const std::string& path) { return files.count(path) > 0; });
}

// CPU time of the calling thread, in seconds.
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

void take_walk_report(BuildReport& report, WalkReport&& walk) {
  report.walked_commits = walk.commits;
  report.problems = std::move(walk.problems);
  report.stopped_at_since = walk.stopped_at_since;
  report.cancelled = walk.cancelled;
  report.submodules = std::move(walk.skipped.submodules);
  if (walk.reached_shallow_boundary) report.shallow = true;
}

}  // namespace

const char* to_string(BuildReport::Mode mode) {
  switch (mode) {
    case BuildReport::Mode::cold:
      return "cold";
    case BuildReport::Mode::incremental:
      return "incremental";
    case BuildReport::Mode::unchanged:
      return "unchanged";
  }
  return "cold";
}

BuiltIndex build_index(const BuildRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  const double cpu_started = thread_cpu_seconds();
  repo::RepositoryPtr repository = open_repository(request.git_dir);
  Provenance wanted;
  wanted.tip = request.tip;
  wanted.since = request.since;
  wanted.first_parent = request.first_parent;
  wanted.shallow = git_repository_is_shallow(repository.get()) == 1;
  wanted.shallow_digest = wanted.shallow ? shallow_digest(request.git_dir) : 0;

  BuiltIndex built;
  built.report.shallow = wanted.shallow;
  auto index = std::make_shared<HistoryIndex>();
  std::optional<ObjectId> known_tip;
  if (!request.cache_file.empty()) {
    std::optional<CacheRead> ahead =
        request.cache_ahead ? request.cache_ahead->take(request.cache_file, request.git_dir) : std::nullopt;
    CacheRead cached = ahead ? std::move(*ahead) : read_cache(request.cache_file, request.git_dir);
    built.report.cache_problem = std::move(cached.problem);
    if (cached.contents) {
      built.report.cache_problem =
          reuse_problem(repository.get(), cached.contents->index.provenance(), wanted);
      if (built.report.cache_problem.empty()) {
        // The cache's own window start stays: it walked at least that far.
        wanted.since = cached.contents->index.provenance().since;
        known_tip = cached.contents->index.provenance().tip;
        *index = std::move(cached.contents->index);
        built.origins = std::move(cached.contents->origins);
      }
    }
  }
  built.report.cached_commits = index->commits().size();
  if (known_tip && *known_tip == request.tip) {
    built.report.mode = BuildReport::Mode::unchanged;
  } else {
    built.report.mode = known_tip ? BuildReport::Mode::incremental : BuildReport::Mode::cold;
    auto cached_files = index->take_files();
    WalkRequest walk;
    walk.tip = request.tip;
    walk.known_tip = known_tip;
    walk.since = request.since;
    walk.first_parent = request.first_parent;
    walk.shallow = wanted.shallow;
    walk.cancel = request.cancel;
    NameMap names;
    take_walk_report(built.report, walk_history(repository.get(), walk, *index, names));
    for (auto& [name, changes] : cached_files) {
      if (std::optional<uint32_t> file = names.resolve(name)) index->add_changes(*file, std::move(changes));
    }
    keep_tip_files(repository.get(), request.tip, *index);
    index->release_spare_capacity();
  }
  index->set_provenance(wanted);
  built.index = std::move(index);
  built.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  built.report.cpu_seconds = thread_cpu_seconds() - cpu_started;
  return built;
}

}  // namespace assay::history
