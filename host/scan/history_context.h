// What the lifecycle asks of the repository's history during a merge
// (state::MergeContext), answered from git: renames since the last merged
// commit give items of moved files their old fingerprints back, and a commit
// older than the last merged one marks a look-back. When git cannot answer
// (a rewritten history, a pruned commit) the answer is logged and taken as
// "no renames" and "not a look-back", so the scan still completes.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "scan/backlog.h"
#include "state/lifecycle.h"

namespace assay::repo {
class RepoView;
class RevisionHistory;
}  // namespace assay::repo

namespace assay::scan {

class HistoryContext : public state::MergeContext {
 public:
  // `items` are the scan's fingerprinted items, in the order the merge gets them.
  HistoryContext(const repo::RepoView& repo, const std::vector<BacklogItem>& items);
  ~HistoryContext() override;

  bool looks_back_from(const std::string& last_commit) override;
  std::unordered_map<size_t, std::string> previous_fingerprints(
      const std::string& last_commit, const std::set<std::string>& vanished) override;

 private:
  repo::RevisionHistory* history();

  const repo::RepoView& repo_;
  const std::vector<BacklogItem>& items_;
  std::unique_ptr<repo::RevisionHistory> history_;
  bool history_failed_ = false;
};

// The fingerprints `items` would have had in their old files: for each item
// in a file that `renamed_from` maps (new path → old path), by index. Equal
// findings in one file are told apart the same way assign_fingerprints does.
std::unordered_map<size_t, std::string> fingerprints_before_renames(
    const std::vector<BacklogItem>& items, const std::unordered_map<std::string, std::string>& renamed_from);

}  // namespace assay::scan
