#include <algorithm>
#include <cctype>

#include "lexer.h"
#include "marker.h"

namespace assay::markers {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Appends `text` to `out` with every whitespace run turned into one space.
void append_collapsed(std::string& out, std::string_view text) {
  text = trim(text);
  if (text.empty()) return;
  if (!out.empty()) out += ' ';
  bool in_space = false;
  for (char c : text) {
    if (is_space(c)) {
      in_space = true;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += c;
  }
}

// A continuation line without its decoration: " * more" in a block comment,
// "## more" after a "#" comment.
std::string_view continuation_text(std::string_view line) {
  line = trim(line);
  size_t p = 0;
  while (p < line.size() && std::string_view("*#/;!%-").find(line[p]) != std::string_view::npos) ++p;
  if (p > 0 && (p == line.size() || is_space(line[p]))) line.remove_prefix(p);
  return trim(line);
}

// The text after a tag: "TAG: fix", "TAG - fix", "TAG(bob): fix" → "fix".
std::string_view text_after_tag(std::string_view line) {
  size_t p = 0;
  if (p < line.size() && line[p] == ':') ++p;
  while (p < line.size() && is_space(line[p])) ++p;
  if (p < line.size() && line[p] == '-' && (p + 1 == line.size() || is_space(line[p + 1]))) ++p;
  return trim(line.substr(p));
}

bool is_reference(std::string_view part) {
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (part.find("://") != std::string_view::npos) return true;
  if (part.starts_with('#')) return digits(part.substr(1));
  if (digits(part)) return true;
  const size_t dash = part.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || !digits(part.substr(dash + 1))) return false;
  const std::string_view project = part.substr(0, dash);
  return std::isalpha(static_cast<unsigned char>(project.front())) &&
         std::all_of(project.begin(), project.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

void append_listed(std::string& list, std::string_view item) {
  if (!list.empty()) list += ", ";
  list += item;
}

// Splits "alice, #12" into owner "alice" and reference "#12".
void read_parenthesized(std::string_view inside, Marker& marker) {
  while (!inside.empty()) {
    const size_t comma = inside.find(',');
    std::string_view part = trim(inside.substr(0, comma));
    inside = comma == std::string_view::npos ? std::string_view() : inside.substr(comma + 1);
    if (part.empty()) continue;
    if (is_reference(part)) {
      append_listed(marker.reference, part);
    } else {
      if (part.starts_with('@')) part.remove_prefix(1);
      append_listed(marker.owner, part);
    }
  }
}

class Extractor {
 public:
  Extractor(const CommentList& comments, const TagMatcher& matcher) : list_(comments), matcher_(matcher) {}

  std::vector<Marker> run() {
    for (size_t c = 0; c < list_.comments.size(); ++c) {
      const Comment& comment = list_.comments[c];
      for (uint32_t l = 0; l < comment.count; ++l) scan_line(c, l);
    }
    return std::move(markers_);
  }

 private:
  void scan_line(size_t c, uint32_t l) {
    const Comment& comment = list_.comments[c];
    const CommentLine& line = list_.lines[comment.first + l];
    auto hit = matcher_.find(line.text);
    while (hit) {
      auto next = matcher_.find(line.text, hit->end);
      const size_t segment_end = next ? next->begin : line.text.size();
      Marker m = start_marker(comment, line, *hit, segment_end);
      if (!next) continue_marker(m, c, l);
      markers_.push_back(std::move(m));
      hit = next;
    }
  }

  Marker start_marker(const Comment& comment, const CommentLine& line, const TagHit& hit,
                      size_t segment_end) {
    Marker m;
    m.tag = matcher_.tags()[hit.tag];
    m.upper_case = hit.upper_case;
    m.comment = comment.kind;
    m.line_start = m.line_end = line.line;
    read_parenthesized(hit.parenthesized, m);
    const std::string_view after = line.text.substr(hit.end, segment_end - hit.end);
    m.first_line = std::string(text_after_tag(after));
    append_collapsed(m.text, m.first_line);
    append_collapsed(m.evidence, line.text.substr(hit.begin, segment_end - hit.begin));
    return m;
  }

  // Adds a continuation line; false when the line ends the marker.
  bool extend(Marker& m, const CommentLine& line) {
    const std::string_view text = continuation_text(line.text);
    if (text.empty() || matcher_.find(line.text)) return false;
    append_collapsed(m.text, text);
    append_collapsed(m.evidence, text);
    m.line_end = line.line;
    return true;
  }

  void continue_marker(Marker& m, size_t c, uint32_t l) {
    const Comment& comment = list_.comments[c];
    for (uint32_t next = l + 1; next < comment.count; ++next) {
      if (!extend(m, list_.lines[comment.first + next])) return;
    }
    if (!comment.to_line_end) return;
    for (size_t n = c + 1; n < list_.comments.size(); ++n) {
      const Comment& following = list_.comments[n];
      const CommentLine& line = list_.lines[following.first];
      if (!following.to_line_end || following.style != comment.style || !following.own_line ||
          line.line != m.line_end + 1)
        return;
      if (!extend(m, line)) return;
    }
  }

  const CommentList& list_;
  const TagMatcher& matcher_;
  std::vector<Marker> markers_;
};

}  // namespace

std::vector<Marker> extract_markers(const CommentList& comments, const TagMatcher& matcher) {
  return Extractor(comments, matcher).run();
}

std::vector<Marker> find_markers(std::string_view source, const Syntax& syntax, const TagMatcher& matcher) {
  return extract_markers(lex_comments(source, syntax), matcher);
}

std::vector<Marker> find_markers(std::string_view source, const Syntax& syntax, const TagMatcher& matcher,
                                 size_t last_candidate) {
  return extract_markers(lex_comments_through(source, syntax, last_candidate), matcher);
}

}  // namespace assay::markers
