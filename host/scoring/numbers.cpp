#include "scoring/numbers.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace assay::scoring {
namespace {

std::string trimmed_fixed(double value, int decimals) {
  char buffer[64];
  // to_chars with a precision prints exactly what printf's "%.*f" prints,
  // without printf's cost (every score's formula formats dozens of numbers).
  // A number too long for the buffer keeps printf's truncated text.
  const auto result = std::to_chars(buffer, buffer + sizeof buffer - 1, value, std::chars_format::fixed, decimals);
  std::string text;
  if (result.ec == std::errc()) {
    text.assign(buffer, result.ptr);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    text = buffer;
  }
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

}  // namespace

double round2(double value) {
  const double rounded = std::round(value * 100.0) / 100.0;
  return rounded == 0.0 ? 0.0 : rounded;  // no "-0" in reports
}

std::string format_number(double value) {
  // Scores are built from small tables, so few distinct numbers recur in
  // every formula: this thread remembers recent ones.
  struct Remembered {
    double value = 0;
    bool filled = false;
    std::string text;
  };
  thread_local std::array<Remembered, 64> remembered;
  uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  Remembered& slot = remembered[(bits ^ (bits >> 31) ^ (bits >> 47)) % remembered.size()];
  if (!slot.filled || std::memcmp(&slot.value, &value, sizeof value) != 0) {
    slot.text = trimmed_fixed(value, 4);
    slot.value = value;
    slot.filled = true;
  }
  return slot.text;
}

std::string format_usd(double value) {
  std::string digits = trimmed_fixed(std::fabs(round2(value)), 2);
  const auto dot = digits.find('.');
  std::string whole = digits.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? "" : digits.substr(dot);
  for (int pos = static_cast<int>(whole.size()) - 3; pos > 0; pos -= 3) whole.insert(pos, ",");
  return std::string(value < 0 && round2(value) != 0 ? "-$" : "$") + whole + fraction;
}

}  // namespace assay::scoring
