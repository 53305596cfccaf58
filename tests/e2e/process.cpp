#include "process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace assay::test {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd) {
  char out_tpl[] = "/tmp/assay-e2e-out-XXXXXX";
  char err_tpl[] = "/tmp/assay-e2e-err-XXXXXX";
  int out_fd = mkstemp(out_tpl);
  int err_fd = mkstemp(err_tpl);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(out_fd);
  close(err_fd);
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out_tpl);
  r.err = slurp(err_tpl);
  unlink(out_tpl);
  unlink(err_tpl);
  return r;
}

int spawn_process(const std::vector<std::string>& argv, const std::string& out_file, const std::string& err_file) {
  int out_fd = open(out_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  int err_fd = open(err_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("cannot open the output files of " + argv[0]);
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out_fd);
  close(err_fd);
  return pid;
}

int wait_process(int pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void sh(const std::string& command) {
  int rc = std::system(command.c_str());
  if (rc != 0) throw std::runtime_error("command failed (" + std::to_string(rc) + "): " + command);
}

void git_in(const std::string& repo, const std::string& args, const GitAuthor& author) {
  std::string env = "export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME='" + author.name +
                    "' GIT_AUTHOR_EMAIL='" + author.name + "@example.com' GIT_COMMITTER_NAME='" + author.name +
                    "' GIT_COMMITTER_EMAIL='" + author.name + "@example.com'";
  if (!author.date.empty())
    env += " GIT_AUTHOR_DATE='" + author.date + "' GIT_COMMITTER_DATE='" + author.date + "'";
  sh("cd '" + repo + "' && " + env + " && git " + args);
}

}  // namespace assay::test
