#include "repo/glob_pattern.h"

#include <cctype>
#include <stdexcept>

namespace assay::repo {
namespace {

struct NamedClass {
  std::string_view name;
  int (*test)(int);
};

constexpr NamedClass kNamedClasses[] = {
    {"alnum", std::isalnum}, {"alpha", std::isalpha}, {"blank", std::isblank}, {"cntrl", std::iscntrl},
    {"digit", std::isdigit}, {"graph", std::isgraph}, {"lower", std::islower}, {"print", std::isprint},
    {"punct", std::ispunct}, {"space", std::isspace}, {"upper", std::isupper}, {"xdigit", std::isxdigit},
};

const NamedClass* find_named_class(std::string_view name) {
  for (const auto& named : kNamedClasses) {
    if (named.name == name) return &named;
  }
  return nullptr;
}

// A bracket expression starting at pattern[open] ('['): where it ends (index
// of the closing ']') and whether it matches `c`. Throws on malformed sets.
struct SetMatch {
  std::size_t close = 0;
  bool matched = false;
};

SetMatch match_set(std::string_view pattern, std::size_t open, unsigned char c) {
  std::size_t i = open + 1;
  bool negated = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negated = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (true) {
    if (i >= pattern.size()) throw std::invalid_argument("unterminated character set '['");
    char ch = pattern[i];
    if (ch == ']' && !first) break;
    first = false;
    if (ch == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {
      std::size_t end = pattern.find(":]", i + 2);
      if (end == std::string_view::npos) throw std::invalid_argument("unterminated character class '[:'");
      std::string_view name = pattern.substr(i + 2, end - i - 2);
      const NamedClass* named = find_named_class(name);
      if (named == nullptr)
        throw std::invalid_argument("unknown character class '[:" + std::string(name) + ":]'");
      if (named->test(c)) matched = true;
      i = end + 2;
      continue;
    }
    if (ch == '\\') {
      if (++i >= pattern.size()) throw std::invalid_argument("unterminated character set '['");
      ch = pattern[i];
    }
    unsigned char low = static_cast<unsigned char>(ch);
    unsigned char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      i += 2;
      if (pattern[i] == '\\' && ++i >= pattern.size())
        throw std::invalid_argument("unterminated character set '['");
      high = static_cast<unsigned char>(pattern[i]);
    }
    if (low <= c && c <= high) matched = true;
    ++i;
  }
  return {i, matched != negated};
}

bool match_here(std::string_view pattern, std::string_view text);

// `**` as a whole segment followed by '/': zero or more leading directories of
// `text` may be skipped before `rest` matches.
bool match_any_directories(std::string_view rest, std::string_view text) {
  if (match_here(rest, text)) return true;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '/' && match_here(rest, text.substr(k + 1))) return true;
  }
  return false;
}

// '*': any run of non-'/' characters, then `rest`.
bool match_star(std::string_view rest, std::string_view text) {
  for (std::size_t k = 0;; ++k) {
    if (match_here(rest, text.substr(k))) return true;
    if (k >= text.size() || text[k] == '/') return false;
  }
}

bool match_here(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  while (p < pattern.size()) {
    char ch = pattern[p];
    if (ch == '*') {
      std::size_t end = p;
      while (end < pattern.size() && pattern[end] == '*') ++end;
      bool whole_segment =
          end - p >= 2 && (p == 0 || pattern[p - 1] == '/') && (end == pattern.size() || pattern[end] == '/');
      if (whole_segment) {
        if (end == pattern.size()) return true;
        return match_any_directories(pattern.substr(end + 1), text.substr(t));
      }
      return match_star(pattern.substr(end), text.substr(t));
    }
    if (t >= text.size()) return false;
    unsigned char c = static_cast<unsigned char>(text[t]);
    if (ch == '?' || ch == '[') {
      if (c == '/') return false;
      if (ch == '[') {
        SetMatch set = match_set(pattern, p, c);
        if (!set.matched) return false;
        p = set.close + 1;
      } else {
        ++p;
      }
      ++t;
      continue;
    }
    if (ch == '\\') ch = pattern[++p];
    if (static_cast<unsigned char>(ch) != c) return false;
    ++p;
    ++t;
  }
  return t == text.size();
}

// Throws when the pattern is malformed, so that matching never meets an
// invalid pattern.
void validate(std::string_view pattern) {
  for (std::size_t p = 0; p < pattern.size(); ++p) {
    if (pattern[p] == '\\') {
      if (p + 1 >= pattern.size()) throw std::invalid_argument("trailing backslash");
      ++p;
    } else if (pattern[p] == '[') {
      p = match_set(pattern, p, 0).close;
    }
  }
}

}  // namespace

GlobPattern::GlobPattern(std::string pattern) : pattern_(std::move(pattern)) { validate(pattern_); }

bool GlobPattern::matches(std::string_view text) const { return match_here(pattern_, text); }

}  // namespace assay::repo
