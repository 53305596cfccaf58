#include "number_text.h"

#include <cmath>
#include <cstdio>

namespace assay::scanners {
namespace {

// Length of the valid UTF-8 sequence at text[i], or 0 when it is invalid.
size_t sequence_length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint32_t code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  if (overlong || surrogate || code > 0x10FFFF) return 0;
  return length;
}

}  // namespace

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

std::string format_number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", round_to(value, 2));
  std::string text(buffer);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::string to_valid_utf8(std::string_view text) {
  // Copied a run of valid sequences at a time, not a character at a time:
  // the text is nearly always valid (a path, a title), and scanners pass
  // every finding's text through here.
  std::string out;
  out.reserve(text.size());
  size_t run = 0;  // where the current run of valid sequences starts
  for (size_t i = 0; i < text.size();) {
    const size_t length = sequence_length(text, i);
    if (length == 0) {
      out.append(text.substr(run, i - run));
      out += "\xEF\xBF\xBD";
      run = ++i;
    } else {
      i += length;
    }
  }
  out.append(text.substr(run));
  return out;
}

std::string cut_utf8(std::string_view text, size_t max_bytes) {
  std::string valid = to_valid_utf8(text);
  if (valid.size() <= max_bytes) return valid;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(valid[end]) & 0xC0) == 0x80) --end;
  valid.resize(end);
  return valid + "…";
}

}  // namespace assay::scanners
