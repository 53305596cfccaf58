// Replays every seed of tests/fuzz/corpus/<harness>/ through its harness, so
// the normal test suite runs the harnesses and their invariants on every
// build, and holds the seeds named ok-* and bad-* to their verdict.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "harnesses.h"

namespace assay::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpusRoot = fs::path(ASSAY_SOURCE_DIR) / "tests" / "fuzz" / "corpus";

struct Seed {
  const Harness* harness;
  fs::path file;
};

// Names the seed in test output instead of dumping its bytes.
void PrintTo(const Seed& seed, std::ostream* out) {
  *out << seed.harness->name << "/" << seed.file.filename().string();
}

std::vector<Seed> all_seeds() {
  std::vector<Seed> seeds;
  for (const Harness& harness : kHarnesses) {
    const fs::path dir = kCorpusRoot / harness.name;
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (auto& file : files) seeds.push_back({&harness, std::move(file)});
  }
  return seeds;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string name_of(const testing::TestParamInfo<Seed>& info) {
  std::string name = std::string(info.param.harness->name) + "_" + info.param.file.filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class CorpusReplay : public testing::TestWithParam<Seed> {};

TEST_P(CorpusReplay, SeedPassesHarness) {
  const Seed& seed = GetParam();
  std::ifstream probe(seed.file, std::ios::binary);
  ASSERT_TRUE(probe) << "cannot read " << seed.file;
  const std::string input = read_bytes(seed.file);
  const Verdict verdict = seed.harness->run(input);
  const std::string file_name = seed.file.filename().string();
  if (file_name.starts_with("ok-")) {
    EXPECT_EQ(verdict, Verdict::accepted) << seed.file << " should be accepted";
  } else if (file_name.starts_with("bad-")) {
    EXPECT_EQ(verdict, Verdict::rejected) << seed.file << " should be rejected";
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, CorpusReplay, testing::ValuesIn(all_seeds()), name_of);

// Every harness has seeds of both verdicts, so a harness that accepts or
// rejects everything fails the replay.
TEST(FuzzCorpus, EveryHarnessHasAcceptedAndRejectedSeeds) {
  for (const Harness& harness : kHarnesses) {
    size_t ok = 0;
    size_t bad = 0;
    for (const Seed& seed : all_seeds()) {
      if (seed.harness != &harness) continue;
      const std::string name = seed.file.filename().string();
      ok += name.starts_with("ok-");
      bad += name.starts_with("bad-");
    }
    EXPECT_GT(ok, 0u) << "corpus/" << harness.name << " has no ok-* seed";
    EXPECT_GT(bad, 0u) << "corpus/" << harness.name << " has no bad-* seed";
  }
}

// The seeds are meant to be small real inputs; the fuzzers find the rest.
TEST(FuzzCorpus, StaysSmall) {
  uintmax_t total = 0;
  for (const Seed& seed : all_seeds()) total += fs::file_size(seed.file);
  EXPECT_GT(total, 0u);
  EXPECT_LT(total, 200u * 1024u) << "the seed corpus should stay below 200 KB";
}

}  // namespace
}  // namespace assay::fuzz
