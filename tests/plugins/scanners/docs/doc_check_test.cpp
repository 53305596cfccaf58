// Resolving and checking the links of a document against the repository.
#include "doc_check.h"

#include <gtest/gtest.h>

#include "doc_links.h"

namespace assay::docs {
namespace {

TEST(ResolveTarget, RelativeRootedDecodedAndExternal) {
  EXPECT_EQ(resolve_target("docs/a.md", "b.md")->path, "docs/b.md");
  EXPECT_EQ(resolve_target("docs/a.md", "../README.md")->path, "README.md");
  EXPECT_EQ(resolve_target("docs/a.md", "/src/x.c")->path, "src/x.c");
  EXPECT_EQ(resolve_target("docs/a.md", "./img/My%20Logo.png")->path, "docs/img/My Logo.png");
  const auto anchored = resolve_target("docs/a.md", "b.md#Usage?x=1");
  EXPECT_EQ(anchored->path, "docs/b.md");
  EXPECT_EQ(anchored->anchor, "Usage?x=1");
  const auto own = resolve_target("docs/a.md", "#intro");
  EXPECT_TRUE(own->same_document);
  EXPECT_EQ(own->path, "docs/a.md");
  EXPECT_FALSE(resolve_target("docs/a.md", "https://example.com/x.md").has_value());
  EXPECT_FALSE(resolve_target("docs/a.md", "mailto:a@example.com").has_value());
  EXPECT_FALSE(resolve_target("docs/a.md", "//cdn.example.com/x.js").has_value());
  EXPECT_FALSE(resolve_target("docs/a.md", "../../outside.md").has_value());
  EXPECT_FALSE(resolve_target("docs/a.md", "{{ site.url }}/x").has_value());
}

TEST(CheckLinks, BrokenFilesAndAnchors) {
  const RepoPaths repo({"README.md", "docs/guide.md", "docs/img/logo.png", "src/main.c"});
  const std::string guide = "# Guide\n## Install\n";
  const std::set<std::string> guide_anchors = markdown_anchors(guide);
  auto anchors_of = [&](const std::string& path) -> const std::set<std::string>* {
    return path == "docs/guide.md" ? &guide_anchors : nullptr;
  };
  const char* readme =
      "# Project\n"                                              // 1
      "[guide](docs/guide.md#install)\n"                         // 2
      "[missing anchor](docs/guide.md#usage)\n"                  // 3
      "[missing file](docs/setup.md)\n"                          // 4
      "[directory](docs/)\n"                                     // 5
      "[code with a line](src/main.c#L10)\n"                     // 6
      "[own](#project) [own missing](#nothing)\n"                // 7
      "![logo](docs/img/logo.png) ![gone](docs/img/gone.png)\n"  // 8
      "[web](https://example.com/nowhere.md)\n";                 // 9
  std::vector<std::string> found;
  const std::set<std::string> own = markdown_anchors(readme);
  auto with_own = [&](const std::string& path) -> const std::set<std::string>* {
    return path == "README.md" ? &own : anchors_of(path);
  };
  for (const auto& p : check_links("README.md", readme, repo, with_own, true))
    found.push_back(std::to_string(p.line) + " " + p.rule + " " + p.target + ": " + p.problem);
  EXPECT_EQ(found, (std::vector<std::string>{
                       "3 broken-anchor docs/guide.md#usage: docs/guide.md has no heading #usage",
                       "4 broken-link docs/setup.md: no file docs/setup.md",
                       "7 broken-anchor #nothing: README.md has no heading #nothing",
                       "8 broken-link docs/img/gone.png: no file docs/img/gone.png"}));
  EXPECT_EQ(check_links("README.md", readme, repo, with_own, false).size(), 2u);
}

TEST(NamedCodePaths, LinksAndCodeSpansToExistingNonDocuments) {
  const RepoPaths repo({"README.md", "src/main.c", "src/util.c", "docs/a.md"});
  EXPECT_EQ(named_code_paths("docs/a.md",
                             "[main](../src/main.c) `src/util.c` `src/gone.c` [readme](../README.md)", repo),
            (std::set<std::string>{"src/main.c", "src/util.c"}));
}

}  // namespace
}  // namespace assay::docs
