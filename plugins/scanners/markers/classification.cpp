#include "classification.h"

namespace assay::markers {
namespace {

bool is_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_' || u >= 0x80;
}

char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool matches_at(std::string_view text, size_t p, std::string_view word) {
  if (p + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (to_lower(text[p + i]) != to_lower(word[i])) return false;
  }
  return true;
}

}  // namespace

bool contains_keyword(std::string_view text, std::string_view word) {
  const bool prefix = word.ends_with('*');
  if (prefix) word.remove_suffix(1);
  if (word.empty()) return false;
  // Boundaries matter only where the word itself starts or ends with a word
  // character: "O(n" may be followed by anything.
  const bool check_start = is_word(word.front());
  const bool check_end = !prefix && is_word(word.back());
  for (size_t p = 0; p + word.size() <= text.size(); ++p) {
    if (check_start && p > 0 && is_word(text[p - 1])) continue;
    if (!matches_at(text, p, word)) continue;
    const size_t end = p + word.size();
    if (check_end && end < text.size() && is_word(text[end])) continue;
    return true;
  }
  return false;
}

Classification classify(const TagRule& tag, const std::vector<KeywordRule>& keywords, std::string_view text) {
  Classification c{tag.category, tag.severity, tag.effort_hours, {}};
  for (const auto& rule : keywords) {
    for (const auto& word : rule.words) {
      if (!contains_keyword(text, word)) continue;
      if (!rule.category.empty()) c.category = rule.category;
      if (!rule.severity.empty()) c.severity = rule.severity;
      c.effort_hours = tag.effort_hours * rule.effort_multiplier;
      c.keyword_rule = rule.name;
      return c;
    }
  }
  return c;
}

}  // namespace assay::markers
