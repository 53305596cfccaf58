#include "scan/index_renames.h"

#include <vector>

#include "history/history_service.h"

namespace assay::scan {
namespace {

using history::Change;
using history::ChangeKind;
using history::HistoryIndex;

// The file whose history carries the name `old_name` just below a rename,
// and that rename's position in the file's changes; nullopt when no file's
// history was renamed away from that name.
struct RenameAway {
  uint32_t file = 0;
  size_t change = 0;
};

std::optional<RenameAway> rename_away_from(const HistoryIndex& index, uint32_t old_name) {
  for (uint32_t file : index.files()) {
    const std::vector<Change>& changes = index.changes_of(file);
    for (size_t k = 0; k + 1 < changes.size(); ++k) {
      if (changes[k].kind == ChangeKind::renamed && changes[k + 1].name == old_name &&
          changes[k].name != old_name)
        return RenameAway{file, k};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::unordered_map<std::string, std::string>> renames_from_index(
    const history::HistoryService& service, const std::string& scanned_commit, const std::string& last_commit,
    const std::set<std::string>& gone, const PathPresent& present, const StrictAncestry& strict_ancestor) {
  if (!service.available() || gone.empty()) return std::nullopt;
  const HistoryIndex& index = service.index();
  if (index.provenance().tip.hex() != scanned_commit) return std::nullopt;
  std::unordered_map<std::string, std::string> renamed_from;
  for (const std::string& old_path : gone) {
    const std::optional<uint32_t> old_name = index.find_name(old_path);
    if (!old_name) return std::nullopt;
    const std::optional<RenameAway> away = rename_away_from(index, *old_name);
    if (!away) return std::nullopt;
    const std::string& new_path = index.names()[away->file];
    if (!present(new_path)) return std::nullopt;
    const Change& rename = index.changes_of(away->file)[away->change];
    if (!strict_ancestor(last_commit, index.commits()[rename.commit].id.hex())) return std::nullopt;
    // Two gone paths renamed into one file: only one can be its past.
    if (!renamed_from.emplace(new_path, old_path).second) return std::nullopt;
  }
  return renamed_from;
}

}  // namespace assay::scan
