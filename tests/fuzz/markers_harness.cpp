// Fuzzing of the markers scanner's comment lexer and marker extraction, in
// every language the lexer knows.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "comment.h"
#include "fuzz_check.h"
#include "harnesses.h"
#include "lexer.h"
#include "marker.h"
#include "marker_format.h"
#include "markers_config.h"
#include "prefilter.h"
#include "syntax.h"

namespace assay::markers {
namespace {

struct Case {
  const Syntax* syntax = nullptr;
  std::string_view source;
};

// "cpp\n..." (or "cpp\r\n...") selects cpp; otherwise the first byte picks a
// language.
Case split(std::string_view input) {
  static const std::vector<std::string_view> languages = known_languages();
  ASSAY_FUZZ_CHECK(!languages.empty(), "the lexer knows languages");
  Case c;
  if (const size_t nl = input.find('\n'); nl != std::string_view::npos && nl <= 16) {
    std::string_view name = input.substr(0, nl);
    if (!name.empty() && name.back() == '\r') name.remove_suffix(1);
    if (const Syntax* named = find_syntax(name)) return {named, input.substr(nl + 1)};
  }
  if (input.empty()) return {find_syntax(languages.front()), input};
  const auto pick = static_cast<unsigned char>(input.front()) % languages.size();
  c.syntax = find_syntax(languages[pick]);
  c.source = input.substr(1);
  ASSAY_FUZZ_CHECK(c.syntax != nullptr, "every known language has a syntax");
  return c;
}

bool inside(std::string_view part, std::string_view whole) {
  if (part.empty()) return true;
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

uint32_t line_count(std::string_view source) {
  return static_cast<uint32_t>(std::count(source.begin(), source.end(), '\n')) + 1;
}

// The comments cover the lines list exactly, in buffer order, each on
// consecutive lines of the buffer, each line's text a part of the buffer.
void check_comments(const CommentList& list, std::string_view source) {
  const uint32_t lines = line_count(source);
  uint32_t next_line_index = 0;
  uint32_t previous_line = 1;
  for (const Comment& c : list.comments) {
    ASSAY_FUZZ_CHECK(c.first == next_line_index, "comments partition the lines list in order");
    ASSAY_FUZZ_CHECK(c.count >= 1, "a comment has at least one line");
    ASSAY_FUZZ_CHECK(static_cast<uint64_t>(c.first) + c.count <= list.lines.size(), "comment lines exist");
    for (uint32_t i = c.first; i < c.first + c.count; ++i) {
      const CommentLine& line = list.lines[i];
      ASSAY_FUZZ_CHECK(line.line >= 1 && line.line <= lines, "comment line number within the input");
      ASSAY_FUZZ_CHECK(line.line >= previous_line, "comment lines in buffer order");
      if (i > c.first) ASSAY_FUZZ_CHECK(line.line == list.lines[i - 1].line + 1, "comment lines consecutive");
      ASSAY_FUZZ_CHECK(inside(line.text, source), "comment text is a part of the input");
      ASSAY_FUZZ_CHECK(line.text.find('\n') == std::string_view::npos, "comment line text holds no newline");
      previous_line = line.line;
    }
    next_line_index = c.first + c.count;
  }
  ASSAY_FUZZ_CHECK(next_line_index == list.lines.size(), "every comment line belongs to a comment");
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

void check_marker(const Marker& m, const TagMatcher& matcher, const Syntax& syntax, uint32_t lines) {
  const auto& tags = matcher.tags();
  ASSAY_FUZZ_CHECK(std::find(tags.begin(), tags.end(), m.tag) != tags.end(), "marker tag is configured");
  ASSAY_FUZZ_CHECK(m.line_start >= 1 && m.line_start <= m.line_end && m.line_end <= lines,
                   "marker lines within the input");
  ASSAY_FUZZ_CHECK(!m.evidence.empty(), "a marker has evidence");
  for (const std::string* text : {&m.text, &m.evidence, &m.first_line}) {
    ASSAY_FUZZ_CHECK(text->find('\n') == std::string::npos, "marker text is one line");
  }
  const std::string title = marker_title(m, "src/file");
  ASSAY_FUZZ_CHECK(!title.empty(), "a marker has a title");
  ASSAY_FUZZ_CHECK(valid_utf8(to_valid_utf8(title)), "to_valid_utf8 yields UTF-8");
  const double confidence = marker_confidence(m);
  ASSAY_FUZZ_CHECK(confidence > 0 && confidence <= 1, "confidence in (0, 1]");
  const auto details = nlohmann::json::parse(marker_details_json(m, syntax.language), nullptr, false);
  ASSAY_FUZZ_CHECK(!details.is_discarded() && details.is_object(), "marker details are a JSON object");
}

}  // namespace
}  // namespace assay::markers

namespace assay::fuzz {

Verdict run_markers(std::string_view input) {
  using namespace assay::markers;
  static const MarkersConfig defaults = MarkersConfig::defaults();
  static const TagMatcher matcher(defaults.tag_names());
  static const TagPrefilter prefilter(defaults.tag_names());
  const auto [syntax, source] = split(input);

  const CommentList comments = lex_comments(source, *syntax);
  check_comments(comments, source);
  const std::vector<Marker> markers = extract_markers(comments, matcher);
  ASSAY_FUZZ_CHECK(find_markers(source, *syntax, matcher).size() == markers.size(),
                   "find_markers is lex_comments then extract_markers");
  const uint32_t lines = line_count(source);
  uint32_t previous_start = 0;
  for (const Marker& m : markers) {
    check_marker(m, matcher, *syntax, lines);
    ASSAY_FUZZ_CHECK(m.line_start >= previous_start, "markers in buffer order");
    previous_start = m.line_start;
  }
  const size_t last_candidate = prefilter.last_candidate(source);
  if (!markers.empty()) {
    ASSAY_FUZZ_CHECK(last_candidate != std::string_view::npos,
                     "the prefilter never drops a file with a marker");
  }
  if (last_candidate != std::string_view::npos) {
    const std::vector<Marker> through = find_markers(source, *syntax, matcher, last_candidate);
    ASSAY_FUZZ_CHECK(through.size() == markers.size(),
                     "lexing through the last candidate finds every marker");
    for (size_t i = 0; i < through.size(); ++i) {
      ASSAY_FUZZ_CHECK(through[i].line_start == markers[i].line_start &&
                           through[i].line_end == markers[i].line_end &&
                           through[i].evidence == markers[i].evidence,
                       "lexing through the last candidate finds the same markers");
    }
  }
  looks_binary(source);
  ASSAY_FUZZ_CHECK(valid_utf8(to_valid_utf8(source)), "to_valid_utf8 yields UTF-8");
  const std::string short_text = shorten(to_valid_utf8(source), kMaxTitleChars);
  ASSAY_FUZZ_CHECK(valid_utf8(short_text), "shorten keeps UTF-8 whole");
  return markers.empty() ? Verdict::rejected : Verdict::accepted;
}

}  // namespace assay::fuzz
