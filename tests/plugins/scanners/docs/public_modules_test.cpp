// Public modules per language, and whether the documentation names them.
#include "public_modules.h"

#include <gtest/gtest.h>

namespace assay::docs {
namespace {

std::vector<std::string> described(const std::vector<PublicModule>& modules) {
  std::vector<std::string> out;
  for (const auto& m : modules) out.push_back(m.language + " " + m.name + " " + m.path);
  return out;
}

TEST(PublicModules, PerLanguageConventions) {
  const std::vector<std::string> paths = {"shop/__init__.py",
                                          "shop/cart/__init__.py",
                                          "shop/cart/items.py",
                                          "tests/__init__.py",
                                          "store/store.go",
                                          "store/store_test.go",
                                          "internal/db/db.go",
                                          "main.go",
                                          "crates/parser/Cargo.toml",
                                          "src/render.rs",
                                          "src/main.rs",
                                          "src/eval/mod.rs",
                                          "packages/ui/package.json",
                                          "package.json",
                                          "include/acme/widget.hpp",
                                          "src/widget.cpp"};
  const scanners::GlobList excluded({"tests/"});
  EXPECT_EQ(described(public_modules(paths, excluded)),
            (std::vector<std::string>{"rust parser crates/parser", "cpp widget include/acme/widget.hpp",
                                      "javascript ui packages/ui", "python shop shop", "rust eval src/eval",
                                      "rust render src/render.rs", "go store store"}));
}

TEST(PublicModules, MentionsAreWholeWordsOfNameOrPath) {
  const PublicModule store{"store", "pkg/store", "go"};
  EXPECT_TRUE(is_mentioned("the store package keeps orders", store));
  EXPECT_TRUE(is_mentioned("see pkg/store for details", store));
  EXPECT_FALSE(is_mentioned("the datastore keeps orders", store));
  EXPECT_FALSE(is_mentioned("restore a backup", store));
}

}  // namespace
}  // namespace assay::docs
