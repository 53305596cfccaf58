// A content pattern of a maturity rule: a PCRE2 regular expression searched
// in the text of a file. '^' and '$' match at line starts and ends, matching
// is ASCII case-insensitive unless asked otherwise, and every search is
// bounded (PCRE2's match and depth limits), so a pathological pattern costs
// a bounded amount of time and is reported as "gave up", never a hang.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace assay::maturity {

// Where a pattern first matched: 1-based line and the text of that line.
struct PatternMatch {
  size_t line = 0;
  std::string line_text;
};

class ContentPattern {
 public:
  // Compiles `expression`. Throws std::invalid_argument with PCRE2's message
  // and the offset in the expression, e.g. "missing closing parenthesis at
  // offset 7".
  ContentPattern(std::string_view expression, bool case_sensitive);

  // The first match in `text`, or nullopt. Sets `gave_up` when the search hit
  // the match limit (the text is then treated as not matching).
  std::optional<PatternMatch> find(std::string_view text, bool& gave_up) const;

  const std::string& expression() const { return expression_; }
  bool case_sensitive() const { return case_sensitive_; }

 private:
  struct Code;
  std::string expression_;
  bool case_sensitive_ = false;
  std::shared_ptr<const Code> code_;
};

}  // namespace assay::maturity
