// Resolving a document's links against the files of the repository.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace assay::docs {

// The files of the scan target and the directories that hold them.
class RepoPaths {
 public:
  explicit RepoPaths(const std::vector<std::string>& files);
  bool is_file(std::string_view path) const { return files_.count(std::string(path)) > 0; }
  bool is_directory(std::string_view path) const {
    return path.empty() || dirs_.count(std::string(path)) > 0;
  }

 private:
  std::unordered_set<std::string> files_;
  std::unordered_set<std::string> dirs_;
};

// A link target split and resolved: the repository path it names ("" for
// the document itself) and its anchor (without '#').
struct ResolvedTarget {
  std::string path;
  std::string anchor;
  bool same_document = false;
};

// Resolves `target` of a link in the document at `doc_path`: relative to the
// document's directory, or to the repository root with a leading '/'; %XX
// decoded, '.' and '..' applied. nullopt for targets that are not
// repository paths: URLs with a scheme (https:, mailto:), protocol-relative
// //host links, template placeholders, and paths that climb above the
// repository root.
std::optional<ResolvedTarget> resolve_target(std::string_view doc_path, std::string_view target);

// Whether a path is a Markdown document (anchors are checked only there).
bool is_markdown(std::string_view path);

}  // namespace assay::docs
