// The public modules of a repository, from its paths alone, and whether the
// documentation mentions them:
//
//   python  top-level packages: directories with __init__.py whose parent has none
//   go      packages: directories with non-test .go files (not under internal/)
//   rust    crates (directories with Cargo.toml below the root) and the
//           modules src/<m>.rs and src/<m>/mod.rs (not main, lib)
//   js/ts   packages below the root: directories with package.json
//   c/c++   public headers: files under an include/ directory
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "path_glob.h"

namespace assay::docs {

struct PublicModule {
  std::string name;      // what the documentation would call it: "store", "plugin"
  std::string path;      // its directory or file
  std::string language;  // python, go, rust, javascript, cpp
};

// The modules among `paths`; `excluded` paths are never modules (tests,
// examples, vendored code). Sorted by path.
std::vector<PublicModule> public_modules(const std::vector<std::string>& paths,
                                         const scanners::GlobList& excluded);

// Whether `docs_text` (all documentation, any case) mentions the module:
// its name or its path as a whole word, case-insensitively.
bool is_mentioned(std::string_view docs_text_lower, const PublicModule& module);

}  // namespace assay::docs
