// The links of Markdown and reStructuredText documents, and the anchors a
// Markdown document offers, as GitHub renders them.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace assay::docs {

struct DocLink {
  uint32_t line = 0;   // 1-based
  std::string text;    // the link text, or the reference label
  std::string target;  // as written: "../a.md#x", "#anchor", "https://…"
};

// Inline links and images [text](target "title"), and reference definitions
// [label]: target, outside fenced code blocks, inline code spans and HTML
// comments.
std::vector<DocLink> markdown_links(std::string_view text);

// `text <target>`_ hyperlinks, .. _label: target, :doc:`target`, and the
// paths of include, literalinclude, image and figure directives.
std::vector<DocLink> rst_links(std::string_view text);

// GitHub's anchor of a heading: lower case, punctuation and symbols dropped
// (ASCII other than letters, digits, '-' and '_'; dashes, quotes, arrows,
// emoji and other Unicode symbols), spaces turned into '-'. Inline markup
// (`code`, *emphasis*, [links](…)) contributes its text. Lower-casing covers
// ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
std::string github_slug(std::string_view heading);

// Every anchor of a Markdown document: its headings' slugs (a repeated slug
// gets -1, -2, …) and the ids and names of HTML elements (<a name="x">).
std::set<std::string> markdown_anchors(std::string_view text);

}  // namespace assay::docs
