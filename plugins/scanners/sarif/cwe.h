// CWE ids in the forms SARIF writers use: CodeQL's "external/cwe/cwe-079",
// Semgrep's "CWE-89: Improper Neutralization ...", plain "CWE-22" or
// "cwe-22", and taxa of a taxonomy named CWE ("79").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace assay::sarif {

// "CWE-79" for a tag naming a CWE (leading zeros dropped), else nullopt.
std::optional<std::string> cwe_from_tag(std::string_view tag);

// "CWE-79" for a taxon id ("79", "CWE-79") of a CWE taxonomy, else nullopt.
std::optional<std::string> cwe_from_taxon_id(std::string_view id);

}  // namespace assay::sarif
