// Rounding and display of the model's numbers. One place decides how a number
// is rounded and shown, so a formula's text and its value always agree.
#pragma once

#include <string>

namespace assay::scoring {

// Rounds to two decimals (half away from zero). Every score and every derived
// component goes through this once, when it is computed.
double round2(double value);

// Shortest decimal text with at most four decimals: 6.5, 288, 0.05, 0.0125.
std::string format_number(double value);

// Dollars with thousands separators and at most two decimals: $1,860, $12.5.
std::string format_usd(double value);

}  // namespace assay::scoring
