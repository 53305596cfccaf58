// Cheap tests run on a whole file before lexing it: most files hold no
// marker at all, and those are dropped after one vectorised pass; of the
// others, only the part up to the last possible marker needs lexing.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "byte_set.h"

namespace assay::markers {

// Bytes inspected for a NUL byte, as git and ripgrep do.
inline constexpr size_t kBinaryProbeBytes = 8 * 1024;

// A NUL byte in the first kBinaryProbeBytes.
bool looks_binary(std::string_view data);

class TagPrefilter {
 public:
  explicit TagPrefilter(std::vector<std::string> upper_case_tags);

  // The offset of the last byte at which a marker's tag can end: every tag
  // a TagMatcher with the same tags finds in any part of `data` lies at or
  // before it. A place counts when a tag occurs there in upper case, or in
  // any case directly before a colon (or before a parenthesized group and a
  // colon); word boundaries are not checked, so it may be later than the
  // last real marker. npos when no marker can be in `data`.
  size_t last_candidate(std::string_view data) const;

  // False only when no marker can be in `data` (last_candidate is npos).
  // Never false for a buffer that has a marker; may be true for one that
  // has none.
  bool may_contain_marker(std::string_view data) const;

 private:
  bool tag_before_colon(std::string_view data, size_t colon) const;
  bool tag_ends_at(std::string_view data, size_t end) const;
  bool upper_case_tag_at(std::string_view data, size_t p) const;

  std::vector<std::string> tags_;
  size_t longest_ = 0;
  // The tags' first characters and ':': the only bytes the backward search
  // stops at.
  ByteSet starts_;
  // Every tag begins with a letter A-Z: the search tests a range instead.
  bool upper_case_starts_ = true;
  // Upper-cased last characters of the tags: most colons ("::", "x:") are
  // rejected by one lookup.
  std::array<bool, 256> last_char_{};
};

}  // namespace assay::markers
