#include "serve/duration.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <limits>

namespace assay::serve {
namespace {

struct Unit {
  std::string_view suffix;
  int64_t milliseconds;
};

// Largest first; "ms" before "m" so that the longer suffix wins.
constexpr std::array<Unit, 5> kUnits = {
    {{"d", 86400000}, {"h", 3600000}, {"m", 60000}, {"s", 1000}, {"ms", 1}}};

}  // namespace

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text, std::string& error) {
  const std::string quoted = "'" + std::string(text) + "'";
  if (text.empty()) {
    error = "empty duration; write e.g. 30s, 15m, 1h30m";
    return std::nullopt;
  }
  int64_t total = 0;
  size_t next_unit = 0;  // units must come largest first, each once
  size_t i = 0;
  while (i < text.size()) {
    size_t digits = i;
    int64_t number = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (number > std::numeric_limits<int32_t>::max()) {
        error = quoted + " is too long";
        return std::nullopt;
      }
      number = number * 10 + (text[i] - '0');
      ++i;
    }
    if (i == digits) {
      error = quoted + " is not a duration; write e.g. 30s, 15m, 1h30m";
      return std::nullopt;
    }
    size_t unit = kUnits.size();
    for (size_t u = 0; u < kUnits.size(); ++u) {
      std::string_view suffix = kUnits[u].suffix;
      bool longer_match = suffix == "m" && text.substr(i, 2) == "ms";
      if (text.substr(i, suffix.size()) == suffix && !longer_match) {
        unit = u;
        break;
      }
    }
    if (unit == kUnits.size()) {
      error = quoted + " needs a unit after " + std::string(text.substr(digits, i - digits)) +
              " (ms, s, m, h, d)";
      return std::nullopt;
    }
    if (unit < next_unit) {
      error = quoted + ": units must come largest first, each once (e.g. 1h30m)";
      return std::nullopt;
    }
    next_unit = unit + 1;
    i += kUnits[unit].suffix.size();
    total += number * kUnits[unit].milliseconds;
    if (total > int64_t{366} * 86400000) {
      error = quoted + " is longer than a year";
      return std::nullopt;
    }
  }
  if (total == 0) {
    error = quoted + " is zero";
    return std::nullopt;
  }
  return std::chrono::milliseconds(total);
}

}  // namespace assay::serve
