#include "path_glob.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

namespace assay::scanners {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_special(char c) {
  return c == '*' || c == '?' || c == '[' || c == ']' || c == '\\' || c == '{' || c == '}';
}

[[noreturn]] void refuse(std::string_view pattern, const std::string& problem) {
  throw std::invalid_argument("glob '" + std::string(pattern) + "': " + problem);
}

// Length of the [set] starting at `open` (pattern[open] == '['), including
// both brackets; 0 when it is not terminated.
size_t set_length(std::string_view pattern, size_t open) {
  size_t i = open + 1;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) ++i;
  if (i < pattern.size() && pattern[i] == ']') ++i;  // a leading ']' is literal
  while (i < pattern.size() && pattern[i] != ']') ++i;
  return i < pattern.size() ? i - open + 1 : 0;
}

bool set_contains(std::string_view set, char c) {
  // set is "[...]" as measured by set_length.
  size_t i = 1;
  bool negated = false;
  if (set[i] == '!' || set[i] == '^') {
    negated = true;
    ++i;
  }
  const char lc = lower(c);
  bool found = false;
  const size_t end = set.size() - 1;
  for (bool first = true; i < end; first = false) {
    const char from = set[i];
    if (from == ']' && !first) break;
    if (i + 2 < end && set[i + 1] == '-') {
      const char to = set[i + 2];
      for (char candidate : {c, lc, static_cast<char>(lc - 'a' + 'A')})
        found |= candidate >= from && candidate <= to;
      i += 3;
    } else {
      found |= lower(from) == lc;
      ++i;
    }
  }
  return found != negated;
}

// Whether the token at pattern[p] matches character c; sets `length` to the
// token's length.
bool token_matches(std::string_view pattern, size_t p, char c, size_t& length) {
  const char head = pattern[p];
  if (head == '?') {
    length = 1;
    return true;
  }
  if (head == '\\' && p + 1 < pattern.size()) {
    length = 2;
    return lower(pattern[p + 1]) == lower(c);
  }
  if (head == '[') {
    length = set_length(pattern, p);
    if (length == 0) {  // validated at construction; treat as a literal otherwise
      length = 1;
      return c == '[';
    }
    return set_contains(pattern.substr(p, length), c);
  }
  length = 1;
  return lower(head) == lower(c);
}

void validate_segment_syntax(std::string_view pattern) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      if (i + 1 == pattern.size()) refuse(pattern, "ends with a backslash");
      ++i;
    } else if (pattern[i] == '[') {
      const size_t length = set_length(pattern, i);
      if (length == 0) refuse(pattern, "'[' without a closing ']'");
      i += length - 1;
    }
  }
}

// Splits {a,b} groups into every combination.
std::vector<std::string> expand_alternatives(std::string_view pattern) {
  std::vector<std::string> results{""};
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      for (auto& r : results) r.append(pattern.substr(i, 2));
      ++i;
      continue;
    }
    if (c == '}') refuse(pattern, "'}' without an opening '{'");
    if (c != '{') {
      for (auto& r : results) r.push_back(c);
      continue;
    }
    std::vector<std::string> options{""};
    size_t j = i + 1;
    for (; j < pattern.size() && pattern[j] != '}'; ++j) {
      if (pattern[j] == '{') refuse(pattern, "nested '{' groups are not supported");
      if (pattern[j] == '\\' && j + 1 < pattern.size()) {
        options.back().append(pattern.substr(j, 2));
        ++j;
      } else if (pattern[j] == ',') {
        options.emplace_back();
      } else {
        options.back().push_back(pattern[j]);
      }
    }
    if (j == pattern.size()) refuse(pattern, "'{' without a closing '}'");
    if (results.size() * options.size() > PathGlob::kMaxAlternatives)
      refuse(pattern, "expands to more than " + std::to_string(PathGlob::kMaxAlternatives) + " alternatives");
    std::vector<std::string> combined;
    for (const auto& r : results)
      for (const auto& o : options) combined.push_back(r + o);
    results = std::move(combined);
    i = j;
  }
  return results;
}

std::vector<std::string> split_segments(std::string_view text) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (true) {
    const size_t slash = text.find('/', start);
    segments.emplace_back(
        text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

// The '/'-separated segments of a path, kept inline (and uninitialised until
// used) for the usual depths, so that matching a path allocates nothing.
class PathSegments {
 public:
  explicit PathSegments(std::string_view path) {
    size_t start = 0;
    while (true) {
      const size_t slash = path.find('/', start);
      const size_t end = slash == std::string_view::npos ? path.size() : slash;
      add({path.data() + start, end - start});
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
  }
  size_t size() const { return size_; }
  std::string_view operator[](size_t i) const {
    const Piece& p = i < kInline ? inline_[i] : deep_[i - kInline];
    return {p.data, p.size};
  }

 private:
  struct Piece {
    const char* data;
    size_t size;
  };
  static constexpr size_t kInline = 32;
  void add(Piece piece) {
    if (size_ < kInline) {
      inline_[size_++] = piece;
    } else {
      deep_.push_back(piece);
      ++size_;
    }
  }
  Piece inline_[kInline];
  std::vector<Piece> deep_;  // segments past the first kInline
  size_t size_ = 0;
};

// Whether the pattern's segments ("**" for any number of directories) match
// all of the path's.
bool segments_match(const std::vector<std::string>& pattern, const PathSegments& path) {
  // next[j]: pattern[i + 1..] can match path[j..]; current[j] the same for
  // pattern[i..], filled from the last pattern segment back.
  constexpr size_t kInline = 64;
  const size_t n = path.size();
  std::array<char, kInline + 1> inline_next;
  std::array<char, kInline + 1> inline_current;
  std::vector<char> deep_next;
  std::vector<char> deep_current;
  char* next = inline_next.data();
  char* current = inline_current.data();
  if (n > kInline) {
    deep_next.resize(n + 1);
    deep_current.resize(n + 1);
    next = deep_next.data();
    current = deep_current.data();
  }
  std::fill(next, next + n, 0);
  next[n] = 1;
  for (size_t i = pattern.size(); i-- > 0;) {
    const bool any_directories = pattern[i] == "**";
    for (size_t j = n + 1; j-- > 0;) {
      if (any_directories) {
        current[j] = next[j] || (j < n && current[j + 1]);
      } else {
        current[j] = j < n && next[j + 1] && segment_matches(pattern[i], path[j]);
      }
    }
    std::swap(next, current);
  }
  return next[0] != 0;
}

// Whether `text` ends with `suffix` (lower case), ignoring case.
bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (suffix.size() > text.size()) return false;
  const size_t offset = text.size() - suffix.size();
  for (size_t i = suffix.size(); i-- > 0;)
    if (lower(text[offset + i]) != suffix[i]) return false;
  return true;
}

// Whether `text` holds `needle` (lower case), ignoring case. The first byte
// is looked for with memchr, in both cases: most paths do not hold it.
bool contains_ignoring_case(std::string_view text, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > text.size()) return false;
  const char first = needle[0];
  const char other = first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
  const char* const end = text.data() + text.size() - needle.size() + 1;  // last possible start + 1
  for (const char* p = text.data(); p < end; ++p) {
    const char* lower_hit = static_cast<const char*>(std::memchr(p, first, static_cast<size_t>(end - p)));
    const char* upper_hit =
        other == first ? nullptr
                       : static_cast<const char*>(std::memchr(p, other, static_cast<size_t>(end - p)));
    if (lower_hit == nullptr && upper_hit == nullptr) return false;
    p = lower_hit == nullptr ? upper_hit : upper_hit == nullptr ? lower_hit : std::min(lower_hit, upper_hit);
    size_t i = 1;
    while (i < needle.size() && lower(p[i]) == needle[i]) ++i;
    if (i == needle.size()) return true;
  }
  return false;
}

// The longest run of plain characters in any segment, lower-cased: a match
// holds it (case aside), because those characters match themselves one
// after another. Wildcards, sets and escapes end a run.
std::string longest_literal(const std::vector<std::string>& segments) {
  std::string longest;
  for (const std::string& segment : segments) {
    std::string run;
    for (size_t i = 0; i <= segment.size(); ++i) {
      const bool plain = i < segment.size() && !is_special(segment[i]);
      if (plain) {
        run.push_back(lower(segment[i]));
        continue;
      }
      if (run.size() > longest.size()) longest = run;
      run.clear();
      if (i < segment.size() && segment[i] == '\\') {
        ++i;  // the escaped character
      } else if (i < segment.size() && segment[i] == '[') {
        const size_t length = set_length(segment, i);
        if (length > 0) i += length - 1;
      }
    }
  }
  return longest;
}

// The literal text at the start of a segment, lower-cased ("" before a
// wildcard, a set or an escape).
std::string literal_prefix(std::string_view segment) {
  size_t end = 0;
  while (end < segment.size() && !is_special(segment[end])) ++end;
  std::string prefix(segment.substr(0, end));
  for (char& c : prefix) c = lower(c);
  return prefix;
}

// The literal text at the end of a segment, lower-cased ("" after a wildcard).
std::string literal_suffix(std::string_view segment) {
  size_t start = segment.size();
  while (start > 0 && !is_special(segment[start - 1])) --start;
  // An escaped character right before the run would make the run start later; stay conservative.
  if (start > 0 && segment[start - 1] == '\\') ++start;
  std::string suffix(segment.substr(std::min(start, segment.size())));
  for (char& c : suffix) c = lower(c);
  return suffix;
}

}  // namespace

bool segment_matches(std::string_view pattern, std::string_view text) {
  size_t p = 0;
  size_t t = 0;
  size_t star_p = std::string_view::npos;
  size_t star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      while (p < pattern.size() && pattern[p] == '*') ++p;
      star_p = p;
      star_t = t;
      continue;
    }
    size_t length = 0;
    if (p < pattern.size() && token_matches(pattern, p, text[t], length)) {
      p += length;
      ++t;
      continue;
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    t = ++star_t;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

PathGlob::PathGlob(std::string_view pattern) : text_(pattern) {
  if (pattern.empty()) refuse(pattern, "is empty");
  for (std::string alternative : expand_alternatives(pattern)) {
    Alternative a;
    bool directory = false;
    while (alternative.size() > 1 && alternative.back() == '/') {
      alternative.pop_back();
      directory = true;
    }
    const bool anchored = alternative.starts_with('/');
    if (anchored) alternative.erase(0, 1);
    if (alternative.empty() || alternative == "/") refuse(pattern, "names no file");
    validate_segment_syntax(alternative);
    const bool has_slash = alternative.find('/') != std::string::npos;
    if (directory) {
      // dir/ holds every file below it (at least one segment deeper), at any
      // depth unless anchored.
      alternative = (anchored || has_slash ? "" : "**/") + alternative + "/**/*";
    } else if (!has_slash && !anchored) {
      a.basename_only = true;
    }
    a.segments = split_segments(alternative);
    a.literal_suffix = literal_suffix(a.segments.back());
    a.literal_part = longest_literal(a.segments);
    anchors_.push_back(anchor_of(a));
    alternatives_.push_back(std::move(a));
  }
}

PathGlob::Anchor PathGlob::anchor_of(const Alternative& a) {
  // A match ends with the literal suffix (the fast rejects rely on it too).
  if (!a.literal_suffix.empty()) return {Anchor::Kind::suffix, a.literal_suffix};
  // A whole-path alternative matches from the path's first segment on; a
  // name-only one from the file name's first character.
  const std::string& first = a.segments.front();
  if (first == "**") return {};
  std::string prefix = literal_prefix(first);
  if (prefix.empty()) return {};
  return {a.basename_only ? Anchor::Kind::name_prefix : Anchor::Kind::path_prefix, std::move(prefix)};
}

bool PathGlob::matches(std::string_view path) const { return matches(path, false); }

bool PathGlob::matches_folded(std::string_view lower_path) const { return matches(lower_path, true); }

bool PathGlob::passes_fast_rejects(const Alternative& a, std::string_view path, bool folded) {
  // A match ends with the literal suffix and holds the literal part (both
  // lower case), case aside.
  if (folded) return path.ends_with(a.literal_suffix) && path.find(a.literal_part) != std::string_view::npos;
  return ends_with_ignoring_case(path, a.literal_suffix) && contains_ignoring_case(path, a.literal_part);
}

bool PathGlob::matches(std::string_view path, bool folded) const {
  // Name-only alternatives first; the path is split into segments (a large
  // object, not worth building for the usual rejected path) only when a
  // whole-path alternative passes the fast rejects.
  bool whole_path_candidate = false;
  for (const auto& a : alternatives_) {
    if (!passes_fast_rejects(a, path, folded)) continue;
    if (!a.basename_only) {
      whole_path_candidate = true;
      continue;
    }
    const size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (segment_matches(a.segments.front(), name)) return true;
  }
  if (!whole_path_candidate) return false;
  const PathSegments segments(path);
  for (const auto& a : alternatives_)
    if (!a.basename_only && passes_fast_rejects(a, path, folded) && segments_match(a.segments, segments))
      return true;
  return false;
}

GlobList::GlobList(const std::vector<std::string>& patterns) {
  globs_.reserve(patterns.size());
  for (const auto& p : patterns) globs_.emplace_back(p);
}

bool GlobList::matches(std::string_view path) const {
  for (const auto& g : globs_)
    if (g.matches(path)) return true;
  return false;
}

bool GlobList::matches_folded(std::string_view lower_path) const {
  for (const auto& g : globs_)
    if (g.matches_folded(lower_path)) return true;
  return false;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

std::string GlobList::describe() const {
  std::string out;
  for (const auto& g : globs_) out += (out.empty() ? "" : ", ") + g.text();
  return out;
}

}  // namespace assay::scanners
