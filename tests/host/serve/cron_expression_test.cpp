#include "serve/cron_expression.h"

#include <gtest/gtest.h>

namespace assay::serve {
namespace {

// 2024-01-01T00:00:00Z, a Monday. Every expected value below is this plus
// whole days, hours and minutes counted on a calendar.
constexpr int64_t kJan1 = 1704067200;
constexpr int64_t kDay = 86400;
constexpr int64_t kHour = 3600;
constexpr int64_t kMinute = 60;

int64_t next(const char* expression, int64_t after) {
  auto fire = CronExpression::parse(expression).next_after(after);
  EXPECT_TRUE(fire.has_value()) << expression;
  return fire.value_or(-1);
}

TEST(CronExpression, StepFiresOnTheNextMultiple) {
  EXPECT_EQ(next("*/15 * * * *", kJan1), kJan1 + 15 * kMinute);
  EXPECT_EQ(next("*/15 * * * *", kJan1 + 5), kJan1 + 15 * kMinute);
  EXPECT_EQ(next("*/15 * * * *", kJan1 + 14 * kMinute + 59), kJan1 + 15 * kMinute);
}

TEST(CronExpression, FireTimeItselfIsNotNext) {
  EXPECT_EQ(next("0 2 * * *", kJan1), kJan1 + 2 * kHour);
  EXPECT_EQ(next("0 2 * * *", kJan1 + 2 * kHour), kJan1 + kDay + 2 * kHour);
}

TEST(CronExpression, WeekdayRangeByNameSkipsTheWeekend) {
  // Friday 2024-01-05 10:00 → Monday 2024-01-08 09:30.
  EXPECT_EQ(next("30 9 * * mon-fri", kJan1 + 4 * kDay + 10 * kHour),
            kJan1 + 7 * kDay + 9 * kHour + 30 * kMinute);
}

TEST(CronExpression, BothDayFieldsRestrictedMatchEither) {
  // "the 13th or a Friday": Fri 5th, Fri 12th, Sat 13th.
  EXPECT_EQ(next("0 0 13 * fri", kJan1), kJan1 + 4 * kDay);
  EXPECT_EQ(next("0 0 13 * fri", kJan1 + 4 * kDay), kJan1 + 11 * kDay);
  EXPECT_EQ(next("0 0 13 * fri", kJan1 + 11 * kDay), kJan1 + 12 * kDay);
  EXPECT_TRUE(CronExpression::parse("0 0 13 * fri").matches(kJan1 + 12 * kDay + 30));
}

TEST(CronExpression, StarredDayFieldMakesBothRequired) {
  // "*/2" starts with '*': odd days of the month AND Friday: the 5th, then
  // the 12th is even, so the 19th.
  EXPECT_EQ(next("0 0 */2 * fri", kJan1), kJan1 + 4 * kDay);
  EXPECT_EQ(next("0 0 */2 * fri", kJan1 + 4 * kDay), kJan1 + 18 * kDay);
}

TEST(CronExpression, SevenIsSunday) {
  EXPECT_EQ(next("0 12 * * 7", kJan1), kJan1 + 6 * kDay + 12 * kHour);
  EXPECT_EQ(next("0 12 * * 0", kJan1), kJan1 + 6 * kDay + 12 * kHour);
}

TEST(CronExpression, MonthNamesInAnyCase) {
  // July 1st 2024: 31+29+31+30+31+30 = 182 days after January 1st (leap year).
  EXPECT_EQ(next("0 0 1 jan,JUL *", kJan1), kJan1 + 182 * kDay);
}

TEST(CronExpression, LeapDayIsFoundYearsAhead) {
  // After 2024-03-01: 2028-02-29 = 2024-01-01 + 1461 days + 59 days.
  EXPECT_EQ(next("0 0 29 2 *", kJan1 + 60 * kDay), kJan1 + (1461 + 59) * kDay);
}

TEST(CronExpression, SteppedRangeWrapsToTheNextHour) {
  EXPECT_EQ(next("10-20/5 * * * *", kJan1), kJan1 + 10 * kMinute);
  EXPECT_EQ(next("10-20/5 * * * *", kJan1 + 15 * kMinute), kJan1 + 20 * kMinute);
  EXPECT_EQ(next("10-20/5 * * * *", kJan1 + 20 * kMinute), kJan1 + kHour + 10 * kMinute);
}

TEST(CronExpression, ListsCombineValuesAndRanges) {
  EXPECT_EQ(next("0 1,3-4 * * *", kJan1 + kHour), kJan1 + 3 * kHour);
  EXPECT_EQ(next("0 1,3-4 * * *", kJan1 + 4 * kHour), kJan1 + kDay + kHour);
}

TEST(CronExpression, NeverFiringExpressionHasNoNextTime) {
  EXPECT_FALSE(CronExpression::parse("0 0 30 2 *").next_after(kJan1).has_value());
}

TEST(CronExpression, ErrorsNameTheField) {
  auto message = [](const char* expression) {
    try {
      CronExpression::parse(expression);
    } catch (const CronError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("60 * * * *"), "minute field '60': 60 is outside 0-59");
  EXPECT_EQ(message("* * * *"),
            "'* * * *' has 4 fields; a cron expression has 5: minute hour day-of-month month day-of-week");
  EXPECT_EQ(message("*/0 * * * *"), "minute field '*/0': step '0' is not a positive number");
  EXPECT_EQ(message("5/2 * * * *"), "minute field '5/2': a step needs '*' or a range before it, e.g. */2");
  EXPECT_EQ(message("* * * foo *"), "month field 'foo': unknown name 'foo'");
  EXPECT_EQ(message("10-5 * * * *"), "minute field '10-5': range 10-5 runs backwards");
  EXPECT_EQ(message("1,,2 * * * *"), "minute field '1,,2': empty list element");
  EXPECT_EQ(message("* 24 * * *"), "hour field '24': 24 is outside 0-23");
  EXPECT_EQ(message("* * 0 * *"), "day-of-month field '0': 0 is outside 1-31");
  EXPECT_EQ(message("* * * * 8"), "day-of-week field '8': 8 is outside 0-7");
  EXPECT_EQ(message("* * * * sunday"), "day-of-week field 'sunday': unknown name 'sunday'");
  EXPECT_EQ(message("x * * * *"), "minute field 'x': 'x' is not a number");
}

}  // namespace
}  // namespace assay::serve
