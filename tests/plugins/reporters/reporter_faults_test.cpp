// Both reporters once the file is in place but the directory cannot be
// flushed: the report succeeds, with a warning through the host's log.
#include <gtest/gtest.h>

#include "directory_fsync_fault.h"
#include "reporter_harness.h"
#include "scratch_dir.h"

namespace assay::test {
namespace {

struct ReporterFile {
  const char* reporter;
  const char* file;
};

class DirectoryFlushFailure : public ::testing::TestWithParam<ReporterFile> {
 protected:
  ScratchDir scratch;
};

TEST_P(DirectoryFlushFailure, IsAWarningNotAFailedReport) {
  LoadedReporter reporter(GetParam().reporter);
  RunInput input;
  input.items = sample_items();
  input.header = sample_header(input.items.size(), "TD-001");
  input.output_dir = scratch.path() / "out";

  RunResult result;
  int failures = 0;
  {
    DirectoryFsyncFault fault;
    result = reporter.run(input);
    failures = fault.failures();
  }
  ASSERT_GT(failures, 0) << "the plugin did not call the interposed fsync";
  EXPECT_TRUE(result.ok()) << result.failed_stage << ": " << result.error;

  const auto target = input.output_dir / GetParam().file;
  EXPECT_NE(read_file(target).find("TD-001"), std::string::npos);
  EXPECT_EQ(directory_entries(input.output_dir), std::vector<std::string>{GetParam().file});
  ASSERT_EQ(reporter.host().warnings.size(), 1u);
  const std::string& warning = reporter.host().warnings[0];
  EXPECT_NE(warning.find("wrote " + target.string()), std::string::npos) << warning;
  EXPECT_NE(warning.find("cannot flush directory '" + input.output_dir.string() + "'"), std::string::npos)
      << warning;
  EXPECT_NE(warning.find("Input/output error"), std::string::npos) << warning;
}

INSTANTIATE_TEST_SUITE_P(Reporters, DirectoryFlushFailure,
                         ::testing::Values(ReporterFile{"json", "backlog.json"},
                                           ReporterFile{"markdown", "BACKLOG.md"}),
                         [](const auto& info) { return std::string(info.param.reporter); });

}  // namespace
}  // namespace assay::test
