// Runs one command without a shell: argv as given, `input` on its standard
// input, its standard output and error captured up to a size limit each, and
// the whole process group killed once the timeout passes. Safe in the
// host's multi-threaded process: the child is started with posix_spawn, and
// a write to a command that stopped reading cannot raise SIGPIPE.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace assay::reporters::exec {

struct ChildRequest {
  std::vector<std::string> argv;               // argv[0] is looked up in PATH when it has no '/'
  std::string working_directory;               // "" = the host's
  std::vector<std::string> extra_environment;  // "NAME=value", added to the host's environment
  std::string input;
  std::chrono::milliseconds timeout{60000};
  size_t output_limit = 64 * 1024;  // bytes kept of stdout and of stderr each
};

struct ChildResult {
  bool timed_out = false;  // killed (SIGKILL, whole process group) when the timeout passed
  int exit_status = -1;    // when it exited normally, else -1
  int signal = 0;          // the signal that ended it, else 0
  std::chrono::milliseconds duration{0};
  std::string out;
  std::string err;
  size_t out_dropped = 0;  // bytes beyond output_limit, read and not kept
  size_t err_dropped = 0;
  bool input_complete = true;  // false when it stopped reading before all input was written
};

// Throws std::runtime_error when the command cannot be started (not found,
// not executable, no such working directory), naming argv[0].
ChildResult run_child(const ChildRequest& request);

}  // namespace assay::reporters::exec
