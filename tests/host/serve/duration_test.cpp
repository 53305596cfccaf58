#include "serve/duration.h"

#include <gtest/gtest.h>

namespace assay::serve {
namespace {

int64_t ms(const char* text) {
  std::string error;
  auto value = parse_duration(text, error);
  EXPECT_TRUE(value.has_value()) << text << ": " << error;
  return value ? value->count() : -1;
}

std::string error_of(const char* text) {
  std::string error;
  EXPECT_FALSE(parse_duration(text, error).has_value()) << text;
  return error;
}

TEST(Duration, UnitsAndCombinations) {
  EXPECT_EQ(ms("1s"), 1000);
  EXPECT_EQ(ms("500ms"), 500);
  EXPECT_EQ(ms("15m"), 900000);
  EXPECT_EQ(ms("1h30m"), 5400000);
  EXPECT_EQ(ms("1d2h"), 93600000);
  EXPECT_EQ(ms("1m500ms"), 60500);
}

TEST(Duration, MistakesAreExplained) {
  EXPECT_EQ(error_of("2x"), "'2x' needs a unit after 2 (ms, s, m, h, d)");
  EXPECT_EQ(error_of("1m1h"), "'1m1h': units must come largest first, each once (e.g. 1h30m)");
  EXPECT_EQ(error_of("1s1s"), "'1s1s': units must come largest first, each once (e.g. 1h30m)");
  EXPECT_EQ(error_of(""), "empty duration; write e.g. 30s, 15m, 1h30m");
  EXPECT_EQ(error_of("0s"), "'0s' is zero");
  EXPECT_EQ(error_of("h"), "'h' is not a duration; write e.g. 30s, 15m, 1h30m");
  EXPECT_EQ(error_of("400d"), "'400d' is longer than a year");
  EXPECT_EQ(error_of("1 h"), "'1 h' needs a unit after 1 (ms, s, m, h, d)");
}

}  // namespace
}  // namespace assay::serve
