#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace assay::reporters::exec {
namespace {

using Clock = std::chrono::steady_clock;

// After the command exited, its output pipes get this long to close (a
// process it started in the background may hold them open).
constexpr std::chrono::milliseconds kDrainGrace{200};
// The loop wakes at least this often to see whether the command exited.
constexpr int kPollSliceMs = 20;

class Pipe {
 public:
  Pipe() {
    if (::pipe2(fds_, O_CLOEXEC) != 0) throw std::system_error(errno, std::generic_category(), "pipe");
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void close_read() { close_fd(fds_[0]); }
  void close_write() { close_fd(fds_[1]); }

 private:
  static void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  int fds_[2] = {-1, -1};
};

// Blocks SIGPIPE on this thread while it lives; a SIGPIPE raised meanwhile
// (a write to a command that closed its input) is consumed, not delivered.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~SigpipeGuard() {
    sigset_t pending;
    sigpending(&pending);
    if (sigismember(&pending, SIGPIPE)) {
      const timespec zero{0, 0};
      sigtimedwait(&pipe_, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  sigset_t pipe_;
  sigset_t old_;
};

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

std::vector<std::string> environment_with(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Reads what is there; false at end of file or on an error.
bool drain(int fd, std::string& kept, size_t& dropped, size_t limit) {
  char buffer[8192];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      const size_t room = kept.size() < limit ? limit - kept.size() : 0;
      const size_t keep = std::min(room, static_cast<size_t>(n));
      kept.append(buffer, keep);
      dropped += static_cast<size_t>(n) - keep;
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return true;
    return false;
  }
}

pid_t spawn(const ChildRequest& request, Pipe& in, Pipe& out, Pipe& err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read_end(), 0);
  posix_spawn_file_actions_adddup2(&actions, out.write_end(), 1);
  posix_spawn_file_actions_adddup2(&actions, err.write_end(), 2);
  if (!request.working_directory.empty())
    posix_spawn_file_actions_addchdir_np(&actions, request.working_directory.c_str());
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Its own process group, so that a timeout kills what it started too; and
  // the default signal mask and dispositions, not the host's.
  sigset_t none;
  sigset_t all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &all);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<std::string> argv = request.argv;
  std::vector<std::string> env = environment_with(request.extra_environment);
  std::vector<char*> c_argv = c_strings(argv);
  std::vector<char*> c_env = c_strings(env);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, c_argv[0], &actions, &attributes, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0)
    throw std::runtime_error("cannot run '" + request.argv[0] + "'" +
                             (request.working_directory.empty() ? "" : " in " + request.working_directory) +
                             ": " + std::strerror(rc));
  return pid;
}

void record_status(ChildResult& result, int status) {
  if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
}

}  // namespace

ChildResult run_child(const ChildRequest& request) {
  if (request.argv.empty() || request.argv[0].empty()) throw std::runtime_error("no command to run");
  SigpipeGuard no_sigpipe;
  Pipe in, out, err;
  const auto start = Clock::now();
  const pid_t pid = spawn(request, in, out, err);
  in.close_read();
  out.close_write();
  err.close_write();
  for (int fd : {in.write_end(), out.read_end(), err.read_end()}) set_nonblocking(fd);

  ChildResult result;
  size_t written = 0;
  if (request.input.empty()) in.close_write();
  bool out_open = true, err_open = true, exited = false;
  Clock::time_point exited_at{};
  const auto deadline = start + request.timeout;
  for (;;) {
    int status = 0;
    if (!exited && ::waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      exited_at = Clock::now();
      record_status(result, status);
    }
    const auto now = Clock::now();
    if (exited && ((!out_open && !err_open) || now - exited_at > kDrainGrace)) break;
    if (!exited && now >= deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      record_status(result, status);
      result.timed_out = true;
      break;
    }
    pollfd fds[3] = {{out_open ? out.read_end() : -1, POLLIN, 0},
                     {err_open ? err.read_end() : -1, POLLIN, 0},
                     {in.write_end(), POLLOUT, 0}};
    ::poll(fds, 3, kPollSliceMs);
    if (out_open && fds[0].revents)
      out_open = drain(out.read_end(), result.out, result.out_dropped, request.output_limit);
    if (err_open && fds[1].revents)
      err_open = drain(err.read_end(), result.err, result.err_dropped, request.output_limit);
    if (in.write_end() >= 0 && fds[2].revents) {
      const ssize_t n =
          ::write(in.write_end(), request.input.data() + written, request.input.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || (fds[2].revents & (POLLERR | POLLHUP))) {
        result.input_complete = false;
        in.close_write();
      } else if (written == request.input.size()) {
        in.close_write();
      }
    }
  }
  if (in.write_end() >= 0) {
    result.input_complete = written == request.input.size();
    in.close_write();
  }
  result.duration = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  return result;
}

}  // namespace assay::reporters::exec
