#include "markdown_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace assay::reporters::markdown {
namespace {

constexpr const char* kNotANumber = "n/a";

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// Appends one space for each run of line breaks, so "\r\n" is one space.
template <class Append>
void each_char_one_line(std::string_view text, Append&& append) {
  bool in_break = false;
  for (char c : text) {
    if (is_line_break(c)) {
      if (!in_break) append(' ');
      in_break = true;
      continue;
    }
    in_break = false;
    append(c);
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "YYYY-MM-DDTHH:MM:SS" with an optional fraction, then "Z".
bool is_utc_timestamp(std::string_view t) {
  if (t.size() < 20 || t.back() != 'Z') return false;
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  for (size_t i = 0; i < kShape.size(); ++i) {
    if (kShape[i] == 'd' ? !is_digit(t[i]) : t[i] != kShape[i]) return false;
  }
  std::string_view rest = t.substr(kShape.size(), t.size() - kShape.size() - 1);
  if (rest.empty()) return true;
  return rest.size() > 1 && rest[0] == '.' && std::all_of(rest.begin() + 1, rest.end(), is_digit);
}

bool is_ascii_alphanumeric(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// CommonMark lets any ASCII punctuation be backslash-escaped; these are the
// characters that start or end inline constructs (code, emphasis, links,
// autolinks, raw HTML, entities), headings, GFM tables and strikethrough, or
// math on renderers that support it. '>' is left alone: it quotes only at the
// start of a line, where no such text is placed, and closes HTML and
// autolinks only after a '<', which is escaped.
bool needs_escape(char c, char previous, char next) {
  static constexpr std::string_view kSignificant = "\\`*_[]<#|~&$";
  if (kSignificant.find(c) == std::string_view::npos) return false;
  // An '_' inside a word never starts emphasis (snake_case stays readable).
  if (c == '_') return !(is_ascii_alphanumeric(previous) && is_ascii_alphanumeric(next));
  return true;
}

}  // namespace

std::string inline_text(std::string_view text) {
  const std::string line = one_line(text);
  std::string out;
  out.reserve(line.size() + line.size() / 8);
  for (size_t i = 0; i < line.size(); ++i) {
    const char previous = i > 0 ? line[i - 1] : ' ';
    const char next = i + 1 < line.size() ? line[i + 1] : ' ';
    if (needs_escape(line[i], previous, next)) out += '\\';
    out += line[i];
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_char_one_line(text, [&out](char c) { out += c; });
  return out;
}

std::string code_span(std::string_view text) {
  size_t longest_run = 0;
  size_t run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest_run = std::max(longest_run, run);
  }
  const std::string fence(longest_run + 1, '`');
  const std::string body = one_line(text);
  // CommonMark strips one space from each side of a span that has one on
  // both, so such a body, and one that starts or ends with a backtick (which
  // would join the fence), gets a space of padding on each side.
  const bool spaced = body.size() > 1 && body.front() == ' ' && body.back() == ' ' &&
                      body.find_first_not_of(' ') != std::string::npos;
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`' || spaced);
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return kNotANumber;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  // "-0.0" reads as a sign error in a report.
  if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

std::string format_number(double value, int max_decimals) {
  std::string text = format_fixed(value, max_decimals);
  if (text == kNotANumber || text.find('.') == std::string::npos) return text;
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string format_count(double value) {
  if (!std::isfinite(value)) return kNotANumber;
  const long long whole = std::llround(value);
  std::string digits = std::to_string(whole < 0 ? -whole : whole);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return (whole < 0 ? "-" : "") + grouped;
}

std::string format_money(double usd) {
  const std::string count = format_count(usd);
  if (count == kNotANumber) return count;
  return count[0] == '-' ? "-$" + count.substr(1) : "$" + count;
}

std::string format_hours(double hours) { return format_number(hours, 2) + " h"; }

std::string format_location(std::string_view path, uint32_t line_start, uint32_t line_end) {
  std::string out = one_line(path);
  if (line_start == 0) return out;
  out += ":" + std::to_string(line_start);
  if (line_end > line_start) out += "-" + std::to_string(line_end);
  return out;
}

std::string format_share(size_t part, size_t whole) {
  if (whole == 0) return kNotANumber;
  return format_number(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1) + "%";
}

std::string format_duration_ms(double milliseconds) {
  if (!std::isfinite(milliseconds)) return kNotANumber;
  if (milliseconds < 1000) return format_number(milliseconds, 0) + " ms";
  return format_number(milliseconds / 1000.0, 1) + " s";
}

namespace {

int digits_at(std::string_view t, size_t at, size_t count) {
  int value = 0;
  for (size_t i = at; i < at + count; ++i) value = value * 10 + (t[i] - '0');
  return value;
}

// Seconds since the epoch of a timestamp is_utc_timestamp accepted, without
// any time zone database (Howard Hinnant's days_from_civil).
long long epoch_seconds(std::string_view t) {
  long long y = digits_at(t, 0, 4);
  const unsigned m = static_cast<unsigned>(digits_at(t, 5, 2));
  const unsigned d = static_cast<unsigned>(digits_at(t, 8, 2));
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = era * 146097 + static_cast<long long>(doe) - 719468;
  return days * 86400 + digits_at(t, 11, 2) * 3600 + digits_at(t, 14, 2) * 60 + digits_at(t, 17, 2);
}

}  // namespace

std::optional<long long> days_between(std::string_view from, std::string_view to) {
  if (!is_utc_timestamp(from) || !is_utc_timestamp(to)) return std::nullopt;
  const long long seconds = epoch_seconds(to) - epoch_seconds(from);
  // Whole days, rounded towards minus infinity.
  return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

std::string format_utc(std::string_view timestamp) {
  if (!is_utc_timestamp(timestamp)) return std::string(timestamp);
  std::string out(timestamp.substr(0, timestamp.size() - 1));
  out[10] = ' ';
  return out + " UTC";
}

}  // namespace assay::reporters::markdown
