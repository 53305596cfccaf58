#include "benchmark_readers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace assay::benchmarks {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ASSAY_SOURCE_DIR) + "/tests/plugins/scanners/benchmarks/fixtures/" + name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const BenchmarkSeries* find(const BenchmarkFile& file, const std::string& name) {
  for (const auto& s : file.series) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::vector<std::string> lines(const BenchmarkProblems& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.path + ": " + p.message + (p.fatal ? " (fatal)" : ""));
  return out;
}

TEST(GoogleBenchmark, IterationsAreSamplesInNanoseconds) {
  BenchmarkProblems problems;
  const auto file =
      read_benchmark_file(fixture("google-current.json"), Format::automatic, Metric::real_time, problems);
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->format, "google-benchmark");
  ASSERT_EQ(file->series.size(), 4u);  // BM_Broken's only entry is an error
  EXPECT_EQ(file->series[0].name, "BM_Parse/64");
  const BenchmarkSeries* parse = find(*file, "BM_Parse/64");
  ASSERT_EQ(parse->samples.size(), 9u);  // aggregates are not samples
  EXPECT_DOUBLE_EQ(parse->samples[0], 1300);
  EXPECT_FALSE(parse->aggregate_only);
  const BenchmarkSeries* copy = find(*file, "BM_Copy");
  EXPECT_NEAR(copy->samples[0], 2010, 1e-9);  // 2.01 us
  EXPECT_EQ(lines(problems),
            std::vector<std::string>{"benchmarks[52]: 'BM_Broken' reported an error (could not open "
                                     "input file); left out"});
}

TEST(GoogleBenchmark, CpuTimeIsTheOtherMetric) {
  BenchmarkProblems problems;
  const auto file = read_benchmark_file(fixture("google-baseline.json"), Format::google_benchmark,
                                        Metric::cpu_time, problems);
  ASSERT_TRUE(file.has_value());
  EXPECT_DOUBLE_EQ(find(*file, "BM_Parse/64")->samples[8], 980);
}

TEST(GoogleBenchmark, TheMeanStandsInForReportedAggregatesOnly) {
  BenchmarkProblems problems;
  const auto file = read_benchmark_file(R"({"context": {}, "benchmarks": [
      {"name": "BM_A_mean", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "mean",
       "repetitions": 12, "real_time": 1.5, "cpu_time": 1.4, "time_unit": "ms"},
      {"name": "BM_A_median", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "median",
       "real_time": 9, "cpu_time": 9, "time_unit": "ms"}]})",
                                        Format::automatic, Metric::real_time, problems);
  ASSERT_TRUE(file.has_value());
  ASSERT_EQ(file->series.size(), 1u);
  EXPECT_TRUE(file->series[0].aggregate_only);
  EXPECT_EQ(file->series[0].samples, std::vector<double>{1.5e6});
  EXPECT_EQ(file->series[0].repetitions, 12u);
}

TEST(GoogleBenchmark, OlderFilesWithoutRunTypeAndUnknownFields) {
  BenchmarkProblems problems;
  const auto file = read_benchmark_file(R"({"context": {"library_build_type": "release"}, "benchmarks": [
      {"name": "BM_B", "iterations": 10, "real_time": 5, "cpu_time": 5, "time_unit": "ns", "new_field": [1]},
      {"name": "BM_B", "iterations": 10, "real_time": 7, "cpu_time": 7, "time_unit": "ns"}]})",
                                        Format::automatic, Metric::real_time, problems);
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->series[0].samples, (std::vector<double>{5, 7}));
  EXPECT_TRUE(problems.empty());
}

// Found by fuzz_google_benchmark: an empty run_name made a series without
// a name (corpus seed ok-empty-run-name.json).
TEST(GoogleBenchmark, AnEmptyRunNameFallsBackToTheName) {
  BenchmarkProblems problems;
  const auto file = read_benchmark_file(R"({"context": {}, "benchmarks": [
      {"name": "BM_A", "run_name": "BM_A", "real_time": 1},
      {"name": "BM_A", "run_name": "", "real_time": 2}]})",
                                        Format::automatic, Metric::real_time, problems);
  ASSERT_TRUE(file.has_value());
  ASSERT_EQ(file->series.size(), 1u);
  EXPECT_EQ(file->series[0].name, "BM_A");
  EXPECT_EQ(file->series[0].samples, (std::vector<double>{1, 2}));
}

TEST(GoogleBenchmark, BadEntriesAreLeftOutAndNamed) {
  BenchmarkProblems problems;
  const auto file = read_benchmark_file(R"({"context": {}, "benchmarks": [
      {"name": "BM_ok", "real_time": 1, "time_unit": "ns"},
      {"name": "BM_no_time", "time_unit": "ns"},
      {"name": "BM_bad_unit", "real_time": 1, "time_unit": "fortnights"},
      {"name": "BM_negative", "real_time": -3},
      "not an entry",
      {"real_time": 4}]})",
                                        Format::automatic, Metric::real_time, problems);
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->series.size(), 1u);
  EXPECT_EQ(lines(problems),
            (std::vector<std::string>{
                "benchmarks[1].real_time: is missing; the entry is left out",
                "benchmarks[2].time_unit: 'fortnights' is not ns, us, ms or s; the entry is left out",
                "benchmarks[3].real_time: must be a time >= 0; the entry is left out",
                "benchmarks[4]: must be an object, got a string; the entry is left out",
                "benchmarks[5].name: is missing; the entry is left out"}));
}

TEST(GoogleBenchmark, UnknownSchemaVersionIsRefused) {
  BenchmarkProblems problems;
  EXPECT_FALSE(read_benchmark_file(R"({"context": {"json_schema_version": 2}, "benchmarks": []})",
                                   Format::automatic, Metric::real_time, problems));
  EXPECT_EQ(lines(problems), std::vector<std::string>{
                                 "context.json_schema_version: is 2; this reader knows version 1 (fatal)"});
}

TEST(PytestBenchmark, DataAreSamplesAndTheMeanStandsInWithoutThem) {
  BenchmarkProblems problems;
  const auto file =
      read_benchmark_file(fixture("pytest-current.json"), Format::automatic, Metric::real_time, problems);
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->format, "pytest-benchmark");
  const BenchmarkSeries* sort = find(*file, "tests/test_perf.py::test_sort[100]");
  ASSERT_NE(sort, nullptr);
  ASSERT_EQ(sort->samples.size(), 5u);
  EXPECT_NEAR(sort->samples[0], 1.5e6, 1e-6);
  const BenchmarkSeries* parse = find(*file, "tests/test_perf.py::test_parse");
  ASSERT_NE(parse, nullptr);
  EXPECT_TRUE(parse->aggregate_only);
  EXPECT_NEAR(parse->samples[0], 2.1e6, 1e-6);
  EXPECT_EQ(parse->repetitions, 20u);
  EXPECT_TRUE(problems.empty());
}

TEST(PytestBenchmark, BadEntriesAreLeftOutAndNamed) {
  BenchmarkProblems problems;
  const auto file = read_benchmark_file(R"({"machine_info": {}, "benchmarks": [
      {"name": "test_a", "stats": {"data": [0.1, "x"]}},
      {"fullname": "t.py::test_b", "stats": {"rounds": 3}},
      {"fullname": "t.py::test_c"},
      {"name": "test_d", "stats": {"mean": 0.5}}]})",
                                        Format::automatic, Metric::real_time, problems);
  ASSERT_TRUE(file.has_value());
  ASSERT_EQ(file->series.size(), 1u);
  EXPECT_EQ(file->series[0].name, "test_d");
  EXPECT_EQ(lines(problems),
            (std::vector<std::string>{
                "benchmarks[0].stats.data[1]: must be a number; the entry is left out",
                "benchmarks[1].stats.mean: is missing (and there is no data); the entry is left out",
                "benchmarks[2].stats: is missing; the entry is left out"}));
}

TEST(BenchmarkFile, SyntaxErrorsAndUnknownShapesAreFatal) {
  BenchmarkProblems problems;
  EXPECT_FALSE(read_benchmark_file("{\"benchmarks\": [\n  {\"name\": ", Format::automatic, Metric::real_time,
                                   problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_TRUE(problems[0].fatal);
  EXPECT_EQ(problems[0].path, "benchmarks[0].name");
  EXPECT_TRUE(problems[0].message.starts_with("line 2, column 12: ")) << problems[0].message;
  problems.clear();
  EXPECT_FALSE(read_benchmark_file(R"({"results": []})", Format::automatic, Metric::real_time, problems));
  EXPECT_EQ(lines(problems),
            std::vector<std::string>{"(top level): is neither Google Benchmark JSON (context, "
                                     "benchmarks[].real_time) nor pytest-benchmark JSON "
                                     "(machine_info, benchmarks[].stats) (fatal)"});
  problems.clear();
  EXPECT_FALSE(
      read_benchmark_file(R"({"machine_info": {}})", Format::automatic, Metric::real_time, problems));
  EXPECT_EQ(lines(problems), std::vector<std::string>{"benchmarks: is missing (fatal)"});
}

TEST(BenchmarkFile, DetectsTheFormat) {
  using nlohmann::json;
  EXPECT_EQ(detect_format(json::parse(R"({"context": {}})")), Format::google_benchmark);
  EXPECT_EQ(detect_format(json::parse(R"({"machine_info": {}})")), Format::pytest_benchmark);
  EXPECT_EQ(detect_format(json::parse(R"({"benchmarks": [{"stats": {}}]})")), Format::pytest_benchmark);
  EXPECT_EQ(detect_format(json::parse(R"({"benchmarks": [{"real_time": 1}]})")), Format::google_benchmark);
  EXPECT_EQ(detect_format(json::parse(R"([1])")), Format::automatic);
}

}  // namespace
}  // namespace assay::benchmarks
