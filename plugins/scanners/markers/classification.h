// What a marker costs and how urgent it is: its tag's rule, overridden by
// the first keyword rule whose words occur in the marker's text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace assay::markers {

// The largest effort the host accepts in a finding; it refuses findings
// above it.
inline constexpr double kMaxEffortHours = 10000;

struct TagRule {
  std::string tag;  // upper case
  std::string category;
  std::string severity;
  double effort_hours = 1.0;
};

struct KeywordRule {
  std::string name;
  // Whole words, case-insensitive. A trailing '*' also accepts longer words
  // ("vulnerab*" matches "vulnerable"); a word may hold spaces and
  // punctuation ("clean up", "O(n").
  std::vector<std::string> words;
  std::string category;  // empty: keep the tag's
  std::string severity;  // empty: keep the tag's
  double effort_multiplier = 1.0;
};

struct Classification {
  std::string category;
  std::string severity;
  double effort_hours = 0;
  std::string keyword_rule;  // name of the rule that applied, or empty
};

// True when `word` (see KeywordRule::words) occurs in `text`.
bool contains_keyword(std::string_view text, std::string_view word);

Classification classify(const TagRule& tag, const std::vector<KeywordRule>& keywords, std::string_view text);

// The keyword rules made ready for classifying many markers: each word is
// lower-cased once and filed under its first byte, so that a marker's text
// is read once instead of once per word. Thread-safe after construction.
class KeywordClassifier {
 public:
  explicit KeywordClassifier(std::vector<KeywordRule> rules);

  // What classify(tag, rules, text) returns.
  Classification classify(const TagRule& tag, std::string_view text) const;

 private:
  struct Word {
    std::string lowered;  // without the trailing '*'
    size_t rule;          // index into rules_
    bool check_start;     // must not follow a word character
    bool check_end;       // must not be followed by one (not for "prefix*")
  };

  // Index of the first rule with a word in `lowered`, or rules_.size().
  size_t first_matching_rule(std::string_view lowered) const;

  std::vector<KeywordRule> rules_;
  std::vector<Word> words_;
  // Indices into words_ by the word's first byte, in rule order.
  std::vector<std::vector<uint32_t>> by_first_byte_;
};

}  // namespace assay::markers
