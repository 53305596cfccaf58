// Links of Markdown and reST documents, and GitHub's heading anchors.
#include "doc_links.h"

#include <gtest/gtest.h>

namespace assay::docs {
namespace {

std::vector<std::string> described(const std::vector<DocLink>& links) {
  std::vector<std::string> out;
  for (const auto& l : links) out.push_back(std::to_string(l.line) + " [" + l.text + "] " + l.target);
  return out;
}

TEST(MarkdownLinks, InlineImagesReferencesAndTitles) {
  const char* text =
      "See [the guide](docs/guide.md) and ![logo](img/logo.png \"Logo\").\n"  // 1
      "[![badge](b.svg)](https://ci.example.com)\n"                           // 2
      "A [link with (parens)](a_(b).md) and <https://x.example>.\n"           // 3
      "[ref]: ../other.md#part \"title\"\n"                                   // 4
      "  [angle]: <with space.md>\n"                                          // 5
      "[^1]: a footnote, not a link\n";                                       // 6
  EXPECT_EQ(described(markdown_links(text)),
            (std::vector<std::string>{"1 [the guide] docs/guide.md", "1 [logo] img/logo.png",
                                      "2 [badge] b.svg", "2 [![badge](b.svg)] https://ci.example.com",
                                      "3 [link with (parens)] a_(b).md", "4 [ref] ../other.md#part",
                                      "5 [angle] with space.md"}));
}

TEST(MarkdownLinks, CodeAndCommentsAreNotLinks) {
  const char* text =
      "```markdown\n"                                     // 1
      "[in a fence](nope.md)\n"                           // 2
      "```\n"                                             // 3
      "`[in a span](nope.md)` and [real](yes.md)\n"       // 4
      "<!-- [hidden](nope.md)\n"                          // 5
      "still hidden [x](nope.md) -->[after](after.md)\n"  // 6
      "~~~~\n"                                            // 7
      "[tilde fence](nope.md)\n"                          // 8
      "~~~~\n";                                           // 9
  EXPECT_EQ(described(markdown_links(text)),
            (std::vector<std::string>{"4 [real] yes.md", "6 [after] after.md"}));
}

TEST(RstLinks, HyperlinksDocRolesTargetsAndDirectives) {
  const char* text =
      "See `the guide <guide.rst>`_ and `anon <https://x.example>`__.\n"  // 1
      "Read :doc:`install` and :doc:`Setup <setup/index>`.\n"             // 2
      ".. _manual: manual.rst\n"                                          // 3
      ".. include:: ../shared/intro.rst\n"                                // 4
      ".. image:: img/arch.png\n";                                        // 5
  EXPECT_EQ(described(rst_links(text)),
            (std::vector<std::string>{"1 [the guide] guide.rst", "1 [anon] https://x.example",
                                      "2 [install] install.rst", "2 [Setup <setup/index>] setup/index.rst",
                                      "3 [manual] manual.rst", "4 [include::] ../shared/intro.rst",
                                      "5 [image::] img/arch.png"}));
}

TEST(GithubSlug, FollowsGitHubsRules) {
  EXPECT_EQ(github_slug("Getting Started"), "getting-started");
  EXPECT_EQ(github_slug("What's new in 2.0?"), "whats-new-in-20");
  EXPECT_EQ(github_slug("The `assay_report` header"), "the-assay_report-header");
  EXPECT_EQ(github_slug("*Bold* and _snake_case_"), "bold-and-_snake_case_");
  EXPECT_EQ(github_slug("Links: [docs](docs.md) here"), "links-docs-here");
  EXPECT_EQ(github_slug("Scoring — why?"), "scoring--why");
  EXPECT_EQ(github_slug("Über Größe"), "über-größe");
  EXPECT_EQ(github_slug("C++ / C"), "c--c");
}

TEST(MarkdownAnchors, HeadingsDuplicatesSetextAndHtml) {
  const char* text =
      "# Title #\n"
      "## Usage\n"
      "## Usage\n"
      "Setext heading\n"
      "==============\n"
      "Another one\n"
      "-----------\n"
      "<a name=\"custom-anchor\"></a>\n"
      "```\n"
      "# not a heading\n"
      "```\n"
      "#not-a-heading-either\n";
  EXPECT_EQ(markdown_anchors(text), (std::set<std::string>{"title", "usage", "usage-1", "setext-heading",
                                                           "another-one", "custom-anchor"}));
}

// Found by the docs fuzz harness: `cname="...` in a table was taken for an
// anchor, spaces and all. Only whole id/name attributes inside a tag count,
// and an HTML id keeps its case (links match it exactly or lower-cased).
TEST(MarkdownAnchors, HtmlAttributesCountOnlyInsideATag) {
  const char* text =
      "| `cname=\"      | Scanned commit id, `\" |\n"
      "scan_id=\"abc\" and <span data-id=\"nope\">text</span>\n"
      "<h2 id=\"Intro\">Intro</h2> <a href=\"#x\" name=\"second\"></a>\n"
      "<a name=\"has space\"></a><a name=\"\"></a>\n";
  EXPECT_EQ(markdown_anchors(text), (std::set<std::string>{"Intro", "second"}));
}

}  // namespace
}  // namespace assay::docs
