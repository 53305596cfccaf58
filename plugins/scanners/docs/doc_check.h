// The checks of one document: links to files that do not exist, anchors no
// heading of the target provides, and the code paths it names (for stale
// documentation).
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "link_check.h"

namespace assay::docs {

struct LinkProblem {
  std::string rule;  // broken-link or broken-anchor
  uint32_t line = 0;
  std::string text;     // the link's text
  std::string target;   // as written
  std::string problem;  // "no file docs/setup.md", "docs/a.md has no heading #install"
};

// Whether a path is a document the scanner reads (Markdown or reST).
bool is_document(std::string_view path);

// The links of `text` (Markdown or reST by `doc_path`'s extension) checked
// against `repo`. `anchors_of(path)` gives the anchors of a Markdown document
// of the repository (nullptr when unknown); anchors are checked only when
// `check_anchors`.
std::vector<LinkProblem> check_links(
    std::string_view doc_path, std::string_view text, const RepoPaths& repo,
    const std::function<const std::set<std::string>*(const std::string&)>& anchors_of, bool check_anchors);

// Repository files the document names that are not documents themselves:
// link targets and `code spans` holding an existing path.
std::set<std::string> named_code_paths(std::string_view doc_path, std::string_view text,
                                       const RepoPaths& repo);

}  // namespace assay::docs
