// Renames the history index already knows, offered to the state store's
// merge (HistoryContext) so that it need not diff two whole trees with
// libgit2. The index follows exact renames commit by commit: a file of the
// scanned commit that was renamed from Q appears with a `renamed` change
// whose next older change carries the name Q. Such a rename counts from the
// last scanned commit L when its commit is a strict descendant of L (asked
// of the caller, one ancestry query per vanished path).
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

namespace assay::history {
class HistoryService;
}

namespace assay::scan {

// True when commit `ancestor` is reachable from `descendant` and is not it.
using StrictAncestry = std::function<bool(const std::string& ancestor, const std::string& descendant)>;
// True when a path is a file of the scan.
using PathPresent = std::function<bool(const std::string& path)>;

// For every path of `gone` (paths that had items at `last_commit` and are no
// longer files of the scan), the file of the scan it was renamed to after
// `last_commit`, as new path -> old path. Answers only when the index was
// built for `scanned_commit` (40 hex) and explains every gone path by a
// rename after `last_commit` into a file that is present; otherwise nullopt
// and the caller asks git (a deleted file, a rename outside the walked
// window, a rename on a branch forked before `last_commit`, an uncommitted
// rename of a working tree). Throws what `strict_ancestor` throws.
std::optional<std::unordered_map<std::string, std::string>> renames_from_index(
    const history::HistoryService& service, const std::string& scanned_commit, const std::string& last_commit,
    const std::set<std::string>& gone, const PathPresent& present, const StrictAncestry& strict_ancestor);

}  // namespace assay::scan
