// What the testgaps scanner needs of a source file's content, as it keeps it
// in the host's cache (plugin ABI 1.4) keyed by blob id and language: an
// unchanged file is not read or analysed again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace assay::testgaps {

// Names the facts in cache keys; a change of what they hold or how they are
// measured needs a new version here.
inline constexpr std::string_view kSourceFactsCacheName = "testgaps.source/1";

struct SourceFacts {
  bool has_nul = false;       // binary: never a gap
  bool inline_tests = false;  // Rust's #[cfg(test)] or #[test] (TestIndex::has_inline_tests)
  // The code structure below was measured; a file that has a test is not
  // analysed until it loses the test.
  bool analysed = false;
  uint32_t code_lines = 0;
  uint32_t complexity = 0;  // indentation complexity of the whole file
  uint64_t functions = 0;
};

std::string encode_source_facts(const SourceFacts& facts);
// nullopt when `record` is not one encode_source_facts wrote.
std::optional<SourceFacts> decode_source_facts(std::string_view record);

}  // namespace assay::testgaps
