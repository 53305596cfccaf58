// Fuzzing of what the docs and placeholders scanners parse: Markdown and
// reST links, GitHub anchors, link resolution, and stand-in classification
// of the functions the code structure library finds.
#include <string>

#include "code_structure.h"
#include "doc_check.h"
#include "doc_links.h"
#include "fuzz_check.h"
#include "harnesses.h"
#include "link_check.h"
#include "stand_in.h"

namespace assay::fuzz {
namespace {

size_t line_count(std::string_view text) {
  size_t lines = 1;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  return lines;
}

void check_links_of(const std::vector<docs::DocLink>& links, size_t lines) {
  for (const auto& link : links) {
    ASSAY_FUZZ_CHECK(link.line >= 1 && link.line <= lines, "a link's line lies within the document");
    const auto resolved = docs::resolve_target("docs/guide.md", link.target);
    if (!resolved) continue;
    ASSAY_FUZZ_CHECK(!resolved->path.starts_with('/'), "a resolved path is repository-relative");
    ASSAY_FUZZ_CHECK(("/" + resolved->path + "/").find("/../") == std::string::npos,
                     "no '..' survives resolution");
  }
}

}  // namespace

Verdict run_docs(std::string_view input) {
  const size_t lines = line_count(input);
  const auto markdown = docs::markdown_links(input);
  check_links_of(markdown, lines);
  check_links_of(docs::rst_links(input), lines);
  // Heading slugs are lower case; an HTML id keeps its case. Neither has a
  // space.
  const bool has_html = input.find('<') != std::string_view::npos;
  for (const auto& anchor : docs::markdown_anchors(input)) {
    for (char c : anchor) {
      ASSAY_FUZZ_CHECK(c != ' ', "anchors have no spaces");
      ASSAY_FUZZ_CHECK(has_html || !(c >= 'A' && c <= 'Z'), "heading anchors are lower case");
    }
  }
  const docs::RepoPaths repo({"README.md", "docs/guide.md", "src/main.c"});
  const std::set<std::string> none;
  docs::check_links(
      "docs/guide.md", input, repo, [&](const std::string&) { return &none; }, true);
  docs::named_code_paths("docs/guide.md", input, repo);
  // The same text as source code: every function classified without throwing.
  for (const char* language : {"python", "cpp", "go", "rust", "javascript"}) {
    const auto file = structure::FileStructure::analyze(input, language);
    for (const auto& function : file.functions()) {
      if (auto s = placeholders::classify(file, function, placeholders::default_words()))
        ASSAY_FUZZ_CHECK(!s->rule.empty() && s->confidence > 0 && s->confidence <= 1,
                         "a stand-in is described");
    }
  }
  return markdown.empty() ? Verdict::rejected : Verdict::accepted;
}

}  // namespace assay::fuzz
