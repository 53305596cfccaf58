// A file's measure as the hotspots scanner caches it: what is encoded
// decodes the same, and a record it did not write is refused (the file is
// then measured again).
#include "measure_cache.h"

#include <gtest/gtest.h>

#include "cache_record.h"

namespace assay::hotspots {
namespace {

FileMeasure with_worst() {
  FileMeasure m;
  m.size = 1234;
  m.complexity.indentation = 93;
  m.complexity.max_indentation = 3;
  m.complexity.code_lines = 33;
  m.complexity.lines = 35;
  m.complexity.decisions = 2;
  m.complexity.units = 4;
  m.complexity.units_are_functions = true;
  m.complexity.worst = UnitComplexity{"Parser.parse expr", 10, 42, 60, 2, 30};
  return m;
}

TEST(MeasureCache, AMeasureWithItsWorstUnitRoundTrips) {
  const std::string record = encode_measure(with_worst());
  EXPECT_EQ(record, "1234 0 93 3 33 35 1 2 4 1 1 10 42 60 2 30 Parser.parse expr");
  const auto back = decode_measure(record);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->size, 1234u);
  EXPECT_FALSE(back->binary);
  EXPECT_EQ(back->complexity.indentation, 93u);
  EXPECT_EQ(back->complexity.decisions, std::optional<uint32_t>(2));
  EXPECT_TRUE(back->complexity.units_are_functions);
  ASSERT_TRUE(back->complexity.worst);
  EXPECT_EQ(back->complexity.worst->name, "Parser.parse expr");  // the name runs to the end, spaces and all
  EXPECT_EQ(back->complexity.worst->first_line, 10u);
  EXPECT_EQ(back->complexity.worst->last_line, 42u);
  EXPECT_EQ(back->complexity.worst->code_lines, 30u);
}

TEST(MeasureCache, ABinaryFileWithoutUnitsOrDecisionsRoundTrips) {
  FileMeasure m;
  m.size = 7;
  m.binary = true;
  const std::string record = encode_measure(m);
  EXPECT_EQ(record, "7 1 0 0 0 0 0 0 0 0 0");
  const auto back = decode_measure(record);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->binary);
  EXPECT_FALSE(back->complexity.decisions);
  EXPECT_FALSE(back->complexity.worst);
}

TEST(MeasureCache, ARecordItDidNotWriteIsRefused) {
  for (const char* bad : {"", "7 1 0 0 0 0 0 0 0 0", "7 1 0 0 0 0 0 0 0 0 0 9", "7 2 0 0 0 0 0 0 0 0 0",
                          "-7 1 0 0 0 0 0 0 0 0 0", "7  1 0 0 0 0 0 0 0 0 0", "1 0 1 1 1 1 0 0 1 1 1 1 2 3",
                          "99999999999 0 4294967296 0 0 0 0 0 0 0 0"})
    EXPECT_FALSE(decode_measure(bad)) << "'" << bad << "'";
}

TEST(MeasureCache, KeysNameTheMeasureTheBlobAndTheLanguage) {
  EXPECT_EQ(scanners::file_cache_key(kMeasureCacheName, "0123abcd", "cpp"),
            "hotspots.complexity/1 0123abcd cpp");
  EXPECT_EQ(scanners::file_cache_key(kMeasureCacheName, "", "cpp"), "");  // unknown blob: not cached
}

}  // namespace
}  // namespace assay::hotspots
