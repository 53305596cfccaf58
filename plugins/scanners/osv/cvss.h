// The CVSS v3.0 / v3.1 base score of a vector string, computed with the
// formulas and the Roundup function of the FIRST specifications.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace assay::osv {

// The base score (0.0 .. 10.0) of "CVSS:3.x/AV:.../AC:.../PR:.../UI:.../
// S:.../C:.../I:.../A:..." in any metric order; temporal and environmental
// metrics may follow and do not change the base score. nullopt, with the
// reason in `problem` when given, for any other string (CVSS v2 and v4
// vectors included), a repeated or unknown metric, or an invalid value.
std::optional<double> cvss3_base_score(std::string_view vector, std::string* problem = nullptr);

// The qualitative rating of a CVSS v3 score: "info" for 0.0 (CVSS "None"),
// then low, medium, high, critical at 0.1, 4.0, 7.0, 9.0.
const char* cvss3_severity(double score);

}  // namespace assay::osv
