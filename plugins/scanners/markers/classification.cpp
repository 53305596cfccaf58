#include "classification.h"

namespace assay::markers {
namespace {

bool is_word(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_' || u >= 0x80;
}

char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// `out` = `text` with its ASCII letters in lower case.
void lower_into(std::string& out, std::string_view text) {
  out.assign(text);
  for (char& c : out) c = to_lower(c);
}

// contains_keyword for a text and a word both already in lower case: the
// word is searched for (a memchr-fast find), then its boundaries checked.
bool contains_lowered(std::string_view text, std::string_view word) {
  const bool prefix = word.ends_with('*');
  if (prefix) word.remove_suffix(1);
  if (word.empty()) return false;
  // Boundaries matter only where the word itself starts or ends with a word
  // character: "O(n" may be followed by anything.
  const bool check_start = is_word(word.front());
  const bool check_end = !prefix && is_word(word.back());
  for (size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    if (check_start && p > 0 && is_word(text[p - 1])) continue;
    const size_t end = p + word.size();
    if (check_end && end < text.size() && is_word(text[end])) continue;
    return true;
  }
  return false;
}

}  // namespace

bool contains_keyword(std::string_view text, std::string_view word) {
  std::string lower_text;
  std::string lower_word;
  lower_into(lower_text, text);
  lower_into(lower_word, word);
  return contains_lowered(lower_text, lower_word);
}

Classification classify(const TagRule& tag, const std::vector<KeywordRule>& keywords, std::string_view text) {
  Classification c{tag.category, tag.severity, tag.effort_hours, {}};
  // Lower-cased once here rather than compared letter by letter per word.
  std::string lower_text;
  std::string lower_word;
  lower_into(lower_text, text);
  for (const auto& rule : keywords) {
    for (const auto& word : rule.words) {
      lower_into(lower_word, word);
      if (!contains_lowered(lower_text, lower_word)) continue;
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
