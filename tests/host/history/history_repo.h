// Repositories with known histories for the history tests: commits at set
// dates by set authors, through the git command line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "../repo/test_repository.h"
#include "history/history_options.h"
#include "history/history_service.h"
#include "repo/repo_view.h"

namespace assay::history::testing {

using repo::testing::git;
using repo::testing::init_repository;
using repo::testing::TempDir;
using repo::testing::write_file;

struct Person {
  std::string name;
  std::string email;
};

inline const Person kAlice{"Alice", "alice@example.com"};
inline const Person kBob{"Bob", "bob@example.com"};
inline const Person kCarol{"Carol", "carol@example.com"};

// Stages everything and commits it as `who` at `date` (ISO 8601 UTC, used
// for author and committer). Returns the new commit id.
std::string commit_as(const std::filesystem::path& dir, const std::string& message, const std::string& date,
                      const Person& who);

// Sets author, committer and dates for the next git() calls (merges, etc.).
void act_as(const Person& who, const std::string& date);

// Seconds since the epoch of an ISO 8601 UTC time.
int64_t seconds(const std::string& iso);

// The scan target and its history service, as a scan would open them.
struct Opened {
  std::unique_ptr<repo::RepoView> view;
  std::unique_ptr<HistoryService> history;
};

// Opens `dir` (working tree, or commit `rev`) and its history with
// `options`, anchoring the window at `now`.
Opened open_history(const std::filesystem::path& dir, const HistoryOptions& options, int64_t now,
                    std::optional<std::string> rev = std::nullopt);

// Options with no cache file (each test decides about caching).
HistoryOptions uncached();

// Index of `path` in view.files(); fails the test when absent.
size_t file_at(const repo::RepoView& view, const std::string& path);

}  // namespace assay::history::testing
