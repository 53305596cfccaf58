// Reading maturity rule files (config/maturity.yaml and the files ops add):
// YAML in, a validated RuleSet out. Every problem is reported with the file,
// the line and column, the check it is in and the field, so that ops can fix
// a broken rule without reading code. docs/maturity-rules.md describes the
// format.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "check.h"

namespace assay::maturity {

// A rule file that cannot be used. what() reads like
// "rules.yaml:42:9: check 'ci-runs-tests' (checks[3]): evidence[0].contains[1]:
// invalid pattern: missing closing parenthesis at offset 7".
class RuleFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The rule format version this reader understands.
inline constexpr int kRuleFileVersion = 1;

// Parses one rule file. `label` names it in messages (its path). Throws
// RuleFileError on the first problem.
RuleSet parse_rule_file(std::string_view yaml_text, const std::string& label);

// Adds the checks and ignore globs of `more` to `into` (language_share stays
// `into`'s). Throws RuleFileError when a check id is defined twice, naming
// both places.
void merge_rule_sets(RuleSet& into, RuleSet&& more);

}  // namespace assay::maturity
