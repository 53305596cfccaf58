#include "tag_matcher.h"

#include <algorithm>
#include <array>

namespace assay::markers {
namespace {

// Owners and references longer than this are prose in parentheses, not a tag's argument.
constexpr size_t kMaxParenthesized = 100;

// Letters, digits, '_' and every byte of a multi-byte UTF-8 character; a
// table, since every byte of every comment line is looked up here.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (int u = 0; u < 256; ++u)
    table[u] = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
  return table;
}();

bool is_word(char c) { return kWordBytes[static_cast<unsigned char>(c)]; }

bool is_quote(char c) { return c == '"' || c == '\'' || c == '`'; }

// Characters that decorate the start of a comment line ("* ", "-- ", "#! ",
// "/// ", "> ") and so may stand before a tag that opens the line.
bool is_decoration(char c) {
  return c == ' ' || c == '\t' || c == '*' || c == '/' || c == '#' || c == '-' || c == '!' || c == ';' ||
         c == '%' || c == '>' || c == '<' || c == '|' || c == '+' || c == '=' || c == '[' || c == '{';
}

// True when only decoration stands between the start of the line and `pos`.
bool opens_line(std::string_view text, size_t pos) {
  while (pos > 0) {
    const char c = text[pos - 1];
    if (c == '\n' || c == '\r') return true;
    if (!is_decoration(c)) return false;
    --pos;
  }
  return true;
}

// A tag in quotes or in the middle of a sentence names the tag instead of
// marking work: only a tag that opens a comment line, or is followed by a
// colon or an owner, is a marker.
bool is_mention(std::string_view text, const TagHit& hit, bool colon) {
  if (hit.begin > 0 && is_quote(text[hit.begin - 1])) return true;
  if (hit.end < text.size() && is_quote(text[hit.end])) return true;
  const bool argument = hit.end > hit.begin && text[hit.end - 1] == ')';
  return !colon && !argument && !opens_line(text, hit.begin);
}

char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool equals_upper(std::string_view word, std::string_view tag) {
  if (word.size() != tag.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (to_upper(word[i]) != tag[i]) return false;
  }
  return true;
}

}  // namespace

TagMatcher::TagMatcher(std::vector<std::string> tags) : tags_(std::move(tags)) {
  shortest_ = tags_.empty() ? 0 : tags_.front().size();
  hit_bytes_.add(':');
  for (const auto& t : tags_) {
    shortest_ = std::min(shortest_, t.size());
    longest_ = std::max(longest_, t.size());
    if (!t.empty()) hit_bytes_.add(static_cast<unsigned char>(t.front()));
  }
}

std::optional<TagHit> TagMatcher::find(std::string_view text, size_t from) const {
  const char* data = text.data();
  const size_t size = text.size();
  if (from >= size || hit_bytes_.find(data + from, data + size) == data + size) return std::nullopt;
  size_t p = from;
  while (p < size) {
    while (p < size && !is_word(data[p])) ++p;
    const size_t begin = p;
    while (p < size && is_word(data[p])) ++p;
    const std::string_view word = text.substr(begin, p - begin);
    if (word.size() < shortest_ || word.size() > longest_) continue;
    if (begin > 0 && is_word(text[begin - 1])) continue;
    for (size_t t = 0; t < tags_.size(); ++t) {
      if (!equals_upper(word, tags_[t])) continue;
      TagHit hit{begin, p, t, word == tags_[t], {}};
      if (p < text.size() && text[p] == '(') {
        const size_t close = text.find(')', p + 1);
        if (close != std::string_view::npos && close - p - 1 <= kMaxParenthesized) {
          hit.parenthesized = text.substr(p + 1, close - p - 1);
          hit.end = close + 1;
        }
      }
      const bool colon = hit.end < text.size() && text[hit.end] == ':';
      if ((hit.upper_case || colon) && !is_mention(text, hit, colon)) return hit;
      break;
    }
  }
  return std::nullopt;
}

}  // namespace assay::markers
