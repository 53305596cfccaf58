// Where each language keeps the tests of a source file, and whether a
// repository has them:
//
//   python      test_x.py or x_test.py anywhere, or x under a test directory
//   go          x_test.go in the same directory
//   js / ts     x.test.* or x.spec.* anywhere, or x under __tests__/ (or any test directory)
//   rust        #[cfg(test)] or #[test] in the file itself, or tests/x.rs
//   java/kotlin XTest, XTests, TestX or XIT (.java/.kt) anywhere, usually src/test/…
//   c / c++     x_test, x_unittest, x_tests, test_x or x.test (.c/.cc/.cpp/.cxx)
//               anywhere, or x under a test directory (the tests/ mirror)
//
// Test directories are path segments named tests, test, __tests__, spec,
// testing, or src/test. Names compare case-insensitively.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace assay::testgaps {

// The languages with conventions, as the host names them.
bool has_conventions(std::string_view language);

// Whether `path` is itself a test file (by name or directory).
bool is_test_file(std::string_view path);

// The test file names and locations of one repository.
class TestIndex {
 public:
  explicit TestIndex(const std::vector<std::string>& paths);

  // Whether the source file `path` in `language` has a test by the
  // language's conventions. `content` is needed for Rust's inline tests.
  bool has_test(std::string_view path, std::string_view language, std::string_view content) const;
  // The same, with whether the file holds Rust's inline tests already known
  // (has_inline_tests of its content). Named apart from has_test: a string
  // literal would convert to bool before it converts to string_view.
  bool has_test_given(std::string_view path, std::string_view language, bool inline_tests) const;

  // Whether Rust source `content` holds its own tests (#[cfg(test)], #[test]).
  static bool has_inline_tests(std::string_view content);

  // What the conventions look for, for the evidence: "test_x.py or x_test.py".
  static std::string expected_tests(std::string_view path, std::string_view language);

 private:
  std::unordered_set<std::string> names_;         // lower-case file names
  std::unordered_set<std::string> paths_;         // lower-case paths
  std::unordered_set<std::string> tested_stems_;  // stems of files under test directories, affixes removed
};

}  // namespace assay::testgaps
