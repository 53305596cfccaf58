// What the lifecycle asks of the repository's history during a merge
// (state::MergeContext), answered from git: renames since the last merged
// commit give items of moved files their old fingerprints back (from the
// history index when it explains every vanished path, scan/index_renames.h;
// else from a libgit2 diff of the two trees), and a commit
// older than the last merged one marks a look-back. When git cannot answer
// (a rewritten history, a pruned commit) the answer is logged and taken as
// "no renames" and "not a look-back", so the scan still completes.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "scan/backlog.h"
#include "scan/index_renames.h"
#include "state/lifecycle.h"

namespace assay::repo {
class RepoView;
class RevisionHistory;
}  // namespace assay::repo
namespace assay::history {
class HistoryService;
}

namespace assay::scan {

class HistoryContext : public state::MergeContext {
 public:
  // `items` are the scan's fingerprinted items, in the order the merge gets
  // them. `index` is the scan's history, or nullptr; it must outlive this.
  HistoryContext(const repo::RepoView& repo, const std::vector<BacklogItem>& items,
                 const history::HistoryService* index = nullptr);
  ~HistoryContext() override;

  bool looks_back_from(const std::string& last_commit) override;
  std::unordered_map<size_t, std::string> previous_fingerprints(
      const std::string& last_commit, const std::set<std::string>& vanished) override;

 private:
  repo::RevisionHistory* history();
  std::optional<std::unordered_map<std::string, std::string>> renames_known_to_index(
      const std::string& last_commit, const std::set<std::string>& gone, const PathPresent& present,
      repo::RevisionHistory& git);

  const repo::RepoView& repo_;
  const std::vector<BacklogItem>& items_;
  const history::HistoryService* index_;
  std::unique_ptr<repo::RevisionHistory> history_;
  bool history_failed_ = false;
};

// The fingerprints `items` would have had in their old files: for each item
// in a file that `renamed_from` maps (new path → old path), by index. Equal
// findings in one file are told apart the same way assign_fingerprints does.
std::unordered_map<size_t, std::string> fingerprints_before_renames(
    const std::vector<BacklogItem>& items, const std::unordered_map<std::string, std::string>& renamed_from);

}  // namespace assay::scan
