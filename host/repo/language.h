#pragma once

#include <string>
#include <string_view>

namespace assay::repo {

// Guesses the language id of a file from its name alone: the extension and
// well-known file names (Makefile, CMakeLists.txt, Dockerfile, Gemfile, .bashrc
// ...). The contents (a shebang line) are not read: that would cost one read per
// file during listing. `path` may contain directories ('/' separated); only the
// last component counts. Returns "" when the name says nothing.
std::string guess_language(std::string_view path);

}  // namespace assay::repo
