// Decides where in a comment's text a marker tag stands. A tag is a whole
// word (letters, digits and '_' around it do not belong to it), written in
// upper case, or in any case when a colon follows directly, also after an
// owner or reference in parentheses ("tag(alice):" for a tag named TAG).
// A tag in quotes, or inside a sentence without a colon or owner after it,
// is a mention of the tag, not a marker.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "byte_set.h"

namespace assay::markers {

struct TagHit {
  size_t begin = 0;                // first character of the tag
  size_t end = 0;                  // after the tag and its "(...)" group, before any colon
  size_t tag = 0;                  // index into TagMatcher::tags()
  bool upper_case = true;          // written exactly as the configured upper-case tag
  std::string_view parenthesized;  // text between the parentheses, may be empty
};

class TagMatcher {
 public:
  // `tags` are upper case, non-empty, made of [A-Z0-9_].
  explicit TagMatcher(std::vector<std::string> tags);

  // The first tag in `text` at or after `from`.
  std::optional<TagHit> find(std::string_view text, size_t from = 0) const;

  const std::vector<std::string>& tags() const { return tags_; }

 private:
  std::vector<std::string> tags_;
  size_t shortest_ = 0;
  size_t longest_ = 0;
  // The tags' first characters and ':'. A hit is a tag in upper case or a
  // tag before a colon, so text holding none of these holds no hit: most
  // comment lines are dismissed by one vectorised pass.
  ByteSet hit_bytes_;
};

}  // namespace assay::markers
