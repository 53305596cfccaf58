// The plugin's configuration section (plugins.maturity), its JSON Schema,
// and loading the rule files it names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check.h"

namespace assay::maturity {

// `enabled` is accepted but not kept: the host never opens a disabled plugin.
struct MaturityConfig {
  std::string rules;                     // rule file replacing the built-in one; "" = built-in
  std::vector<std::string> extra_rules;  // rule files whose checks are added
  std::vector<std::string> skip;         // ids of checks not evaluated
  bool emit_findings = true;             // failed and partial checks become backlog items
  uint64_t max_file_size = 1024 * 1024;  // content patterns skip larger files

  // Reads the section as JSON text. Throws std::runtime_error naming the
  // field, e.g. "plugins.maturity.skip[1]: must be a check id".
  static MaturityConfig parse(std::string_view json_text);
};

// The rules the configuration asks for: the built-in config/maturity.yaml or
// `rules`, then each of `extra_rules`, without the checks in `skip`. Relative
// paths are taken from the working directory. Throws RuleFileError (a broken
// rule file: file, line, check, field) or std::runtime_error (a file that
// cannot be read, a skipped id that no rule file defines).
RuleSet load_rules(const MaturityConfig& config);

// The built-in rule file, config/maturity.yaml as it was at build time, and
// how messages name it.
std::string_view built_in_rules_text();
inline constexpr const char* kBuiltInRulesLabel = "config/maturity.yaml (built in)";

// JSON Schema of the section, for the host's validation and `assay plugins list`.
const char* maturity_config_schema();

}  // namespace assay::maturity
