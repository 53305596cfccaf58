#include "test_repository.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace assay::repo::testing {
namespace fs = std::filesystem;

namespace {

// Single-quotes `text` for /bin/sh.
std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

// Environment that makes git deterministic and independent of the machine's
// configuration. Set once; libgit2 in the code under test ignores it.
void prepare_git_environment() {
  static const bool prepared = [] {
    setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
    setenv("GIT_AUTHOR_NAME", "Assay Test", 1);
    setenv("GIT_AUTHOR_EMAIL", "test@assay.invalid", 1);
    setenv("GIT_COMMITTER_NAME", "Assay Test", 1);
    setenv("GIT_COMMITTER_EMAIL", "test@assay.invalid", 1);
    setenv("GIT_AUTHOR_DATE", "2024-01-02T03:04:05Z", 1);
    setenv("GIT_COMMITTER_DATE", "2024-01-02T03:04:05Z", 1);
    return true;
  }();
  (void)prepared;
}

}  // namespace

TempDir::TempDir() {
  // mkdtemp replaces the trailing six 'X' characters.
  std::string pattern = (fs::temp_directory_path() / "assay-repo-test-").string() + std::string(6, 'X');
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
  path_ = fs::canonical(pattern);
}

TempDir::~TempDir() {
  std::error_code ignored;
  // Undo chmod 000 tests before removing.
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(path_, ignored);
}

void write_file(const fs::path& dir, const std::string& relative, const std::string& contents) {
  fs::path target = dir / relative;
  fs::create_directories(target.parent_path());
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + target.string());
}

std::string git(const fs::path& dir, const std::string& arguments) {
  prepare_git_environment();
  std::string command = "git -C " + shell_quote(dir.string()) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  std::string output;
  std::array<char, 4096> buffer{};
  while (std::size_t count = std::fread(buffer.data(), 1, buffer.size(), pipe))
    output.append(buffer.data(), count);
  int status = pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(command + " failed:\n" + output);
  }
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return output;
}

void init_repository(const fs::path& dir) {
  fs::create_directories(dir);
  git(dir, "init -q -b main");
}

void commit_all(const fs::path& dir, const std::string& message) {
  git(dir, "add -A");
  git(dir, "commit -q -m " + shell_quote(message));
}

std::string listed_paths(const RepoView& view) {
  std::string joined;
  for (const FileEntry& file : view.files()) {
    if (!joined.empty()) joined += ',';
    joined += file.path;
  }
  return joined;
}

const FileEntry* find_file(const RepoView& view, const std::string& path) {
  for (const FileEntry& file : view.files()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace assay::repo::testing
