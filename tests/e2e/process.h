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

// Starts argv[0] with the arguments in the background, stdin closed, stdout
// and stderr appended to the given files. Returns the process id.
int spawn_process(const std::vector<std::string>& argv, const std::string& out_file, const std::string& err_file);

// Waits for a process spawn_process started; returns its exit code, or 128 +
// the signal that ended it.
int wait_process(int pid);

// Runs a shell command line and fails the test (throws) on a non-zero exit.
void sh(const std::string& command);

// Who a test's commits are by, and when (a date git accepts; "" is now).
struct GitAuthor {
  std::string name = "t";
  std::string date;
};

// Runs `git ARGS` in `repo` through sh(): ARGS may chain more commands
// ("add -A && git commit -q -m x"), all with `author` (e-mail
// NAME@example.com) as author and committer and without the machine's system
// or global git configuration, so that every test sees the same git.
void git_in(const std::string& repo, const std::string& args, const GitAuthor& author = {});

}  // namespace assay::test
