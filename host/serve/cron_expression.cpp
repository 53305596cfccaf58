#include "serve/cron_expression.h"

#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <vector>

namespace assay::serve {
namespace {

struct FieldSpec {
  const char* name;
  int low;
  int high;
  const char* const* names;  // names[i] stands for low + i, or nullptr
};

constexpr const char* kMonthNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr const char* kDayNames[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

constexpr std::array<FieldSpec, 5> kFields = {{{"minute", 0, 59, nullptr},
                                               {"hour", 0, 23, nullptr},
                                               {"day-of-month", 1, 31, nullptr},
                                               {"month", 1, 12, kMonthNames},
                                               {"day-of-week", 0, 7, kDayNames}}};

[[noreturn]] void fail(const FieldSpec& field, std::string_view text, const std::string& why) {
  throw CronError(std::string(field.name) + " field '" + std::string(text) + "': " + why);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::vector<std::string_view> split_whitespace(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

// A number or, where the field has names, a three-letter name.
int read_value(const FieldSpec& field, std::string_view whole, std::string_view text) {
  if (text.empty()) fail(field, whole, "missing a value");
  if (field.names && std::isalpha(static_cast<unsigned char>(text[0]))) {
    int count = field.high - field.low + 1 - (field.names == kDayNames ? 1 : 0);
    for (int i = 0; i < count; ++i) {
      std::string_view name = field.names[i];
      if (text.size() == 3 && std::equal(text.begin(), text.end(), name.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == b;
          }))
        return field.low + i;
    }
    fail(field, whole, "unknown name '" + std::string(text) + "'");
  }
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    fail(field, whole, "'" + std::string(text) + "' is not a number");
  if (value < field.low || value > field.high)
    fail(field, whole,
         std::to_string(value) + " is outside " + std::to_string(field.low) + "-" +
             std::to_string(field.high));
  return value;
}

// One list element: *, a, a-b, each with an optional /step. Returns the
// values it stands for as bits (index = value).
std::bitset<64> read_element(const FieldSpec& field, std::string_view whole, std::string_view element) {
  std::string_view range = element;
  int step = 1;
  if (size_t slash = element.find('/'); slash != std::string_view::npos) {
    range = element.substr(0, slash);
    std::string_view step_text = element.substr(slash + 1);
    auto [end, error] = std::from_chars(step_text.data(), step_text.data() + step_text.size(), step);
    if (step_text.empty() || error != std::errc() || end != step_text.data() + step_text.size() || step < 1)
      fail(field, whole, "step '" + std::string(step_text) + "' is not a positive number");
    if (range.find('-') == std::string_view::npos && range != "*")
      fail(field, whole, "a step needs '*' or a range before it, e.g. */" + std::string(step_text));
  }
  int low = field.low;
  int high = field.high;
  if (range != "*") {
    size_t dash = range.find('-');
    low = read_value(field, whole, range.substr(0, dash));
    high = dash == std::string_view::npos ? low : read_value(field, whole, range.substr(dash + 1));
    if (high < low) fail(field, whole, "range " + std::string(range) + " runs backwards");
  }
  std::bitset<64> bits;
  for (int v = low; v <= high; v += step) bits.set(static_cast<size_t>(v));
  return bits;
}

std::bitset<64> read_field(const FieldSpec& field, std::string_view text) {
  std::bitset<64> bits;
  for (std::string_view element : split(text, ',')) {
    if (element.empty()) fail(field, text, "empty list element");
    bits |= read_element(field, text, element);
  }
  return bits;
}

template <size_t N>
std::bitset<N> narrow(const std::bitset<64>& bits) {
  std::bitset<N> out;
  for (size_t i = 0; i < N; ++i) out[i] = bits[i];
  return out;
}

struct CivilMinute {
  int day_of_month;
  int month;
  int day_of_week;
  int hour;
  int minute;
};

CivilMinute civil(int64_t time) {
  using namespace std::chrono;
  sys_seconds at{seconds{time}};
  sys_days day = floor<days>(at);
  year_month_day ymd{day};
  auto in_day = duration_cast<minutes>(at - day).count();
  return {static_cast<int>(static_cast<unsigned>(ymd.day())),
          static_cast<int>(static_cast<unsigned>(ymd.month())), static_cast<int>(weekday{day}.c_encoding()),
          static_cast<int>(in_day / 60), static_cast<int>(in_day % 60)};
}

}  // namespace

CronExpression CronExpression::parse(std::string_view text) {
  std::vector<std::string_view> words = split_whitespace(text);
  if (words.size() != 5)
    throw CronError("'" + std::string(text) + "' has " + std::to_string(words.size()) +
                    " fields; a cron expression has 5: minute hour day-of-month month day-of-week");
  CronExpression cron;
  cron.minutes_ = narrow<60>(read_field(kFields[0], words[0]));
  cron.hours_ = narrow<24>(read_field(kFields[1], words[1]));
  cron.days_of_month_ = narrow<32>(read_field(kFields[2], words[2]));
  cron.months_ = narrow<13>(read_field(kFields[3], words[3]));
  std::bitset<64> week = read_field(kFields[4], words[4]);
  if (week[7]) week.set(0);  // 7 is Sunday too
  cron.days_of_week_ = narrow<7>(week);
  cron.day_of_month_star_ = words[2].front() == '*';
  cron.day_of_week_star_ = words[4].front() == '*';
  return cron;
}

bool CronExpression::day_matches(int day_of_month, int month, int day_of_week) const {
  if (!months_[static_cast<size_t>(month)]) return false;
  bool dom = days_of_month_[static_cast<size_t>(day_of_month)];
  bool dow = days_of_week_[static_cast<size_t>(day_of_week)];
  // Vixie cron: a '*' in either day field makes the day fields AND together.
  if (day_of_month_star_ || day_of_week_star_) return dom && dow;
  return dom || dow;
}

bool CronExpression::matches(int64_t time) const {
  CivilMinute at = civil(time);
  return day_matches(at.day_of_month, at.month, at.day_of_week) && hours_[static_cast<size_t>(at.hour)] &&
         minutes_[static_cast<size_t>(at.minute)];
}

std::optional<int64_t> CronExpression::next_after(int64_t after) const {
  constexpr int64_t kMinute = 60;
  constexpr int64_t kDay = 86400;
  constexpr int64_t kHorizonDays = 3660;
  // Start at the next whole minute; walk day by day, and within a matching
  // day minute by minute only through matching hours.
  int64_t start = (after >= 0 ? after / kMinute : (after - kMinute + 1) / kMinute) * kMinute + kMinute;
  int64_t day_start = start - ((start % kDay) + kDay) % kDay;
  for (int64_t d = 0; d <= kHorizonDays; ++d, day_start += kDay) {
    CivilMinute day = civil(day_start);
    if (!day_matches(day.day_of_month, day.month, day.day_of_week)) continue;
    for (int hour = 0; hour < 24; ++hour) {
      if (!hours_[static_cast<size_t>(hour)]) continue;
      for (int minute = 0; minute < 60; ++minute) {
        int64_t candidate = day_start + hour * 3600 + minute * kMinute;
        if (candidate >= start && minutes_[static_cast<size_t>(minute)]) return candidate;
      }
    }
  }
  return std::nullopt;
}

}  // namespace assay::serve
