// What the SARIF reader needs to know besides the file: where the repository
// is, how to map the tools' paths into it, and how to classify results.
// plugins.sarif (sarif_config.h) fills it; tests and the fuzz harness build
// it directly.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace assay::sarif {

struct SarifOptions {
  // Absolute path of the repository root (the host's scan_root).
  std::string repository_root;
  // Absolute directories that stood for the repository root where the SARIF
  // files were written (a CI checkout, a container's /src): a file URI below
  // one of them is taken as the same path below the repository root.
  std::vector<std::string> source_roots;
  // uriBaseId -> repository-relative directory ("" = the root), taking
  // precedence over the file's own originalUriBaseIds.
  std::map<std::string, std::string> uri_base_ids;
  // Tool names (compared case-insensitively with tool.driver.name) whose
  // every result is a security finding.
  std::vector<std::string> security_tools;
  // Rule or result tag (lower case) -> assay category.
  std::map<std::string, std::string> tag_categories;
  // CWEs that describe code quality, not a weakness an attacker uses
  // (cppcheck tags style findings CWE-398, unused variables CWE-563): they
  // alone do not make a result a security finding.
  std::vector<std::string> non_security_cwes;
  // Results with one of these baselineStates become findings; a result
  // without baselineState always does.
  std::vector<std::string> baseline_states = {"new", "unchanged", "updated"};

  // The defaults of plugins.sarif for everything but repository_root.
  static SarifOptions defaults();
};

}  // namespace assay::sarif
