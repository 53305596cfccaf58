// The keys of the findings cache (docs/state.md, "Findings cache"). A
// file-local scanner's findings for a file are a function of the file's
// path, its content and what the host says about the file's history, given
// the scanner's version and configuration; the cache keys them by exactly
// these.
#pragma once

#include <string>
#include <vector>

namespace assay::repo {
class RepoView;
}
namespace assay::history {
class HistoryService;
}

namespace assay::scan {

struct FileKey {
  // The git blob id of the file's content: from the commit's tree, or from
  // the index for a working-tree file git reports unchanged. "" for a file
  // whose content has no blob id without hashing it (changed or untracked
  // in the working tree, any file of a plain directory): such a file is
  // scanned every time, since its line origins also depend on how it
  // differs from the committed version.
  std::string content;
  // A digest of what the history functions answer for the file: the ids of
  // the commits in the window that changed it (each marked when it is a
  // shallow boundary), whether the walk was cut, and the history settings
  // that shape line origins. "" when the scan has no history.
  std::string context;

  bool cacheable() const { return !content.empty(); }
};

// The key of every file of `repo`, in the order of repo.files(). `history`
// may be nullptr or unavailable.
std::vector<FileKey> file_keys(const repo::RepoView& repo, const history::HistoryService* history);

// A digest of a scanner's configuration section as the host hands it over
// (JSON text, defaults applied), together with the cache's format: a change
// of either makes the scanner's cached findings unusable.
std::string config_digest(const std::string& config_json);

}  // namespace assay::scan
