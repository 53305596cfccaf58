// C and C++ tests that test a source file through its header: a test file
// that includes x.h (or x.hpp, x.hh, x.hxx) counts as the test of the x.c or
// x.cpp beside that header, however the test itself is named. Projects that
// test per part (one test file exercising several sources through their
// headers) are credited this way.
//
// An #include "a/b.h" or <a/b.h> names the repository headers whose path is
// a/b.h or ends in /a/b.h. When several do, the include resolves the way a
// compiler's search would most likely find it: a header in the including
// file's own directory wins; otherwise the headers whose directory shares
// the most leading segments with the test's directory taken out of its test
// directory (tests/host/config/ -> host/config/) count, all of them on a tie.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace assay::testgaps {

// The targets of the #include lines of C or C++ text, as written.
std::vector<std::string> include_targets(std::string_view text);

class IncludedHeaders {
 public:
  // `paths`: every file of the scan target (the headers are found among them).
  explicit IncludedHeaders(const std::vector<std::string>& paths);

  // Records the includes of the test file `test_path` with contents `text`.
  void add_test(std::string_view test_path, std::string_view text);

  // The test that includes the header beside the source file `source_path`
  // (same directory, same stem), or "" when none does.
  std::string test_of(std::string_view source_path) const;

 private:
  std::vector<std::string> resolve(std::string_view test_path, std::string_view target) const;

  std::unordered_map<std::string, std::vector<std::string>> headers_by_name_;  // file name -> header paths
  std::unordered_map<std::string, std::string> included_;                      // header path -> first test
};

}  // namespace assay::testgaps
