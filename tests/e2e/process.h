// Runs a command as a child process and captures what it printed, for the
// end-to-end tests.
#pragma once

#include <string>
#include <vector>

namespace assay::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs argv[0] with the arguments, in `cwd` when not empty, with stdin closed.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd = "");

// Runs a shell command line and fails the test (throws) on a non-zero exit.
void sh(const std::string& command);

}  // namespace assay::test
