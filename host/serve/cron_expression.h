// A 5-field cron expression (minute hour day-of-month month day-of-week), read
// the way Vixie cron reads it, and the next time it fires.
//
// Each field is a comma-separated list of `*`, a value, or a range `a-b`, each
// optionally stepped with `/n` (`*/15`, `8-18/2`). Months and days of the week
// may be named (`jan`..`dec`, `sun`..`sat`, any case); day of week 0 and 7 are
// both Sunday. As in Vixie cron, when both day fields are restricted (neither
// starts with `*`) a day matches when EITHER field matches; otherwise both
// must. Times are UTC.
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace assay::serve {

// The expression is not valid; the message names the field and the text.
class CronError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

class CronExpression {
 public:
  // Throws CronError.
  static CronExpression parse(std::string_view text);

  // The first minute strictly after `after` (seconds since 1970, UTC) at which
  // the expression fires, in seconds since 1970; nullopt when it never fires
  // within the next ten years (e.g. "0 0 30 2 *").
  std::optional<int64_t> next_after(int64_t after) const;

  // True when the expression fires at the minute containing `time`.
  bool matches(int64_t time) const;

 private:
  bool day_matches(int day_of_month, int month, int day_of_week) const;

  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<32> days_of_month_;  // bits 1..31
  std::bitset<13> months_;         // bits 1..12
  std::bitset<7> days_of_week_;    // bit 0 = Sunday
  bool day_of_month_star_ = false;
  bool day_of_week_star_ = false;
};

}  // namespace assay::serve
