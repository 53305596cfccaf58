// Cheap tests run on a whole file before lexing it: most files hold no
// marker at all, and those are dropped after a few memchr-speed passes.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace assay::markers {

// Bytes inspected for a NUL byte, as git and ripgrep do.
inline constexpr size_t kBinaryProbeBytes = 8 * 1024;

// A NUL byte in the first kBinaryProbeBytes.
bool looks_binary(std::string_view data);

class TagPrefilter {
 public:
  explicit TagPrefilter(std::vector<std::string> upper_case_tags);

  // False only when no marker can be in `data`: no tag occurs in upper case,
  // and no tag in any case stands directly before a colon (or before a
  // parenthesized group and a colon). Never false for a buffer that has a
  // marker; may be true for one that has none.
  bool may_contain_marker(std::string_view data) const;

 private:
  bool tag_before_colon(std::string_view data, size_t colon) const;

  std::vector<std::string> tags_;
  // Upper-cased last characters of the tags: most colons ("::", "x:") are
  // rejected by one lookup.
  std::array<bool, 256> last_char_{};
};

}  // namespace assay::markers
