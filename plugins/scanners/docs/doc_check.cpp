#include "doc_check.h"

#include "doc_links.h"

namespace assay::docs {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

bool is_rst(std::string_view path) { return lower(path).ends_with(".rst"); }

std::vector<DocLink> links_of(std::string_view doc_path, std::string_view text) {
  return is_rst(doc_path) ? rst_links(text) : markdown_links(text);
}

}  // namespace

bool is_document(std::string_view path) { return is_markdown(path) || is_rst(path); }

std::vector<LinkProblem> check_links(
    std::string_view doc_path, std::string_view text, const RepoPaths& repo,
    const std::function<const std::set<std::string>*(const std::string&)>& anchors_of, bool check_anchors) {
  std::vector<LinkProblem> problems;
  for (const auto& link : links_of(doc_path, text)) {
    const auto resolved = resolve_target(doc_path, link.target);
    if (!resolved) continue;
    if (!resolved->same_document && !repo.is_file(resolved->path) && !repo.is_directory(resolved->path)) {
      problems.push_back({"broken-link", link.line, link.text, link.target, "no file " + resolved->path});
      continue;
    }
    if (!check_anchors || resolved->anchor.empty() || !is_markdown(resolved->path) ||
        !repo.is_file(resolved->path))
      continue;
    const std::set<std::string>* anchors = anchors_of(resolved->path);
    if (anchors && anchors->count(lower(resolved->anchor)) == 0 && anchors->count(resolved->anchor) == 0)
      problems.push_back({"broken-anchor", link.line, link.text, link.target,
                          resolved->path + " has no heading #" + resolved->anchor});
  }
  return problems;
}

std::set<std::string> named_code_paths(std::string_view doc_path, std::string_view text,
                                       const RepoPaths& repo) {
  std::set<std::string> named;
  for (const auto& link : links_of(doc_path, text)) {
    const auto resolved = resolve_target(doc_path, link.target);
    if (resolved && !resolved->same_document && repo.is_file(resolved->path) && !is_document(resolved->path))
      named.insert(resolved->path);
  }
  // `path/to/file.ext` in code spans, as written from the repository root.
  for (size_t i = text.find('`'); i != std::string_view::npos; i = text.find('`', i + 1)) {
    const size_t end = text.find('`', i + 1);
    if (end == std::string_view::npos) break;
    const std::string_view span = text.substr(i + 1, end - i - 1);
    if (span.find('/') != std::string_view::npos && span.find(' ') == std::string_view::npos &&
        repo.is_file(span) && !is_document(span))
      named.insert(std::string(span));
    i = end;
  }
  return named;
}

}  // namespace assay::docs
