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

// `text` holds `word` at `p` (whose first byte already matched); words are
// short, so they are compared in place rather than with a memcmp call.
bool lowered_at(std::string_view text, size_t p, std::string_view word) {
  if (text.size() - p < word.size()) return false;
  for (size_t i = 1; i < word.size(); ++i) {
    if (text[p + i] != word[i]) return false;
  }
  return true;
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
  return KeywordClassifier(keywords).classify(tag, text);
}

KeywordClassifier::KeywordClassifier(std::vector<KeywordRule> rules) : rules_(std::move(rules)), by_first_byte_(256) {
  for (size_t r = 0; r < rules_.size(); ++r) {
    for (const auto& word : rules_[r].words) {
      Word w{{}, r, false, false};
      lower_into(w.lowered, word);
      const bool prefix = w.lowered.ends_with('*');
      if (prefix) w.lowered.pop_back();
      if (w.lowered.empty()) continue;  // matches nothing, as in contains_keyword
      // Boundaries matter only where the word itself starts or ends with a
      // word character: "O(n" may be followed by anything.
      w.check_start = is_word(w.lowered.front());
      w.check_end = !prefix && is_word(w.lowered.back());
      by_first_byte_[static_cast<unsigned char>(w.lowered.front())].push_back(static_cast<uint32_t>(words_.size()));
      words_.push_back(std::move(w));
    }
  }
}

size_t KeywordClassifier::first_matching_rule(std::string_view lowered) const {
  size_t best = rules_.size();
  for (size_t p = 0; p < lowered.size(); ++p) {
    for (const uint32_t index : by_first_byte_[static_cast<unsigned char>(lowered[p])]) {
      const Word& word = words_[index];
      if (word.rule >= best) break;
      if (!lowered_at(lowered, p, word.lowered)) continue;
      if (word.check_start && p > 0 && is_word(lowered[p - 1])) continue;
      const size_t end = p + word.lowered.size();
      if (word.check_end && end < lowered.size() && is_word(lowered[end])) continue;
      best = word.rule;
      break;
    }
  }
  return best;
}

Classification KeywordClassifier::classify(const TagRule& tag, std::string_view text) const {
  Classification c{tag.category, tag.severity, tag.effort_hours, {}};
  std::string lowered;
  lower_into(lowered, text);
  const size_t r = first_matching_rule(lowered);
  if (r == rules_.size()) return c;
  const KeywordRule& rule = rules_[r];
  if (!rule.category.empty()) c.category = rule.category;
  if (!rule.severity.empty()) c.severity = rule.severity;
  c.effort_hours = tag.effort_hours * rule.effort_multiplier;
  c.keyword_rule = rule.name;
  return c;
}

}  // namespace assay::markers
