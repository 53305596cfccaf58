#include "scan/history_context.h"

#include <algorithm>

#include "log/log.h"
#include "repo/repo_view.h"
#include "repo/revision_history.h"

namespace assay::scan {
namespace {

// The path of a listed file, or the path itself (for the binary search).
const std::string& path_of(const repo::FileEntry& file) { return file.path; }
const std::string& path_of(const std::string& path) { return path; }

}  // namespace

HistoryContext::HistoryContext(const repo::RepoView& repo, const std::vector<BacklogItem>& items,
                               const history::HistoryService* index)
    : repo_(repo), items_(items), index_(index) {}

HistoryContext::~HistoryContext() = default;

repo::RevisionHistory* HistoryContext::history() {
  if (history_ || history_failed_ || repo_.git_dir().empty()) return history_.get();
  try {
    history_ = repo::git_revision_history(repo_.git_dir());
  } catch (const std::exception& e) {
    history_failed_ = true;
    log::write(log::Level::warn, "host",
               std::string("state: cannot read the repository's history: ") + e.what());
  }
  return history_.get();
}

bool HistoryContext::looks_back_from(const std::string& last_commit) {
  repo::RevisionHistory* h = history();
  if (!h || repo_.commit().empty()) return false;
  try {
    return h->is_strict_ancestor(repo_.commit(), last_commit);
  } catch (const std::exception& e) {
    log::write(log::Level::warn, "host",
               "state: cannot tell whether " + repo_.commit() + " is older than the last scanned commit " +
                   last_commit + " (" + e.what() + "); the scan is merged");
    return false;
  }
}

std::unordered_map<size_t, std::string> HistoryContext::previous_fingerprints(
    const std::string& last_commit, const std::set<std::string>& vanished) {
  // A rename removes its old path: while every path where items vanished is
  // still in the tree, no diff is needed (it costs a walk of the whole tree).
  const auto& files = repo_.files();
  auto present = [&](const std::string& path) {
    return std::binary_search(files.begin(), files.end(), path,
                              [](const auto& a, const auto& b) { return path_of(a) < path_of(b); });
  };
  std::set<std::string> gone;
  for (const std::string& path : vanished)
    if (!present(path)) gone.insert(path);
  if (gone.empty()) return {};
  repo::RevisionHistory* h = history();
  if (!h) return {};
  const bool working_tree = repo_.kind() == repo::TargetKind::WorkingTree;
  // A commit compared with itself has no renames; a working tree may have
  // uncommitted ones.
  if (!working_tree && last_commit == repo_.commit()) return {};
  std::unordered_map<std::string, std::string> renamed_from;
  try {
    if (auto known = renames_known_to_index(last_commit, gone, present, *h)) {
      renamed_from = std::move(*known);
    } else {
      for (const auto& rename : h->exact_renames(last_commit, working_tree ? "" : repo_.commit()))
        renamed_from[rename.to] = rename.from;
    }
  } catch (const std::exception& e) {
    log::write(log::Level::warn, "host",
               "state: cannot find renames since the last scanned commit " + last_commit + " (" + e.what() +
                   "); items of renamed files count as resolved and new");
    return {};
  }
  if (!renamed_from.empty())
    log::write(log::Level::debug, "host",
               "state: " + std::to_string(renamed_from.size()) + " file(s) renamed since " + last_commit);
  return fingerprints_before_renames(items_, renamed_from);
}

std::optional<std::unordered_map<std::string, std::string>> HistoryContext::renames_known_to_index(
    const std::string& last_commit, const std::set<std::string>& gone, const PathPresent& present,
    repo::RevisionHistory& git) {
  if (index_ == nullptr || repo_.commit().empty()) return std::nullopt;
  auto known = renames_from_index(*index_, repo_.commit(), last_commit, gone, present,
                                  [&](const std::string& ancestor, const std::string& descendant) {
                                    return git.is_strict_ancestor(ancestor, descendant);
                                  });
  if (known)
    log::write(log::Level::debug, "host",
               "state: the history index explains the " + std::to_string(gone.size()) +
                   " vanished path(s) as renames; git is not asked");
  return known;
}

std::unordered_map<size_t, std::string> fingerprints_before_renames(
    const std::vector<BacklogItem>& items, const std::unordered_map<std::string, std::string>& renamed_from) {
  std::vector<BacklogItem> moved;
  std::vector<size_t> index_of_moved;
  for (size_t i = 0; i < items.size(); ++i) {
    auto it = renamed_from.find(items[i].finding.path);
    if (it == renamed_from.end()) continue;
    BacklogItem old = items[i];
    old.finding.path = it->second;
    moved.push_back(std::move(old));
    index_of_moved.push_back(i);
  }
  // A rename moves a whole file: the order of equal findings within it, and
  // so their occurrence numbers, stay as they were.
  assign_fingerprints(moved);
  std::unordered_map<size_t, std::string> previous;
  for (size_t m = 0; m < moved.size(); ++m) previous.emplace(index_of_moved[m], moved[m].fingerprint);
  return previous;
}

}  // namespace assay::scan
