// A marker (a configured tag such as the to-do tag) found in a comment, with its continuation
// lines, and the extraction that turns lexed comments into markers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "comment.h"
#include "syntax.h"
#include "tag_matcher.h"

namespace assay::markers {

struct Marker {
  std::string tag;         // the configured tag, upper case
  bool upper_case = true;  // the tag was written in upper case
  std::string owner;       // from TAG(owner), owners joined by ", "
  std::string reference;   // from TAG(#123), TAG(JIRA-7), TAG(https://...)
  std::string first_line;  // the text on the tag's own line, after the tag
  std::string text;        // first_line and the continuation lines, whitespace collapsed
  std::string evidence;    // tag as written through the end of text, whitespace collapsed
  uint32_t line_start = 0;
  uint32_t line_end = 0;
  CommentKind comment = CommentKind::line;
};

// Markers of the comments, in buffer order. A marker continues on the
// following lines of its block comment, or on the directly following line
// comments of the same style that stand on their own lines, until a blank
// comment line, another tag, or the end of the comment.
std::vector<Marker> extract_markers(const CommentList& comments, const TagMatcher& matcher);

// Lexes and extracts in one step.
std::vector<Marker> find_markers(std::string_view source, const Syntax& syntax, const TagMatcher& matcher);

// The same markers, lexing only as far as they can reach: `last_candidate`
// is at or after the last byte of every tag `matcher` can find in `source`
// (TagPrefilter::last_candidate with the same tags).
std::vector<Marker> find_markers(std::string_view source, const Syntax& syntax, const TagMatcher& matcher,
                                 size_t last_candidate);

}  // namespace assay::markers
