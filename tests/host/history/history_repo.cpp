#include "history_repo.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "history/time_text.h"

namespace assay::history::testing {

void act_as(const Person& who, const std::string& date) {
  // git() prepares its fixed environment on first use; make sure that has
  // happened before overriding it.
  git(std::filesystem::temp_directory_path(), "--version");
  setenv("GIT_AUTHOR_NAME", who.name.c_str(), 1);
  setenv("GIT_AUTHOR_EMAIL", who.email.c_str(), 1);
  setenv("GIT_COMMITTER_NAME", who.name.c_str(), 1);
  setenv("GIT_COMMITTER_EMAIL", who.email.c_str(), 1);
  setenv("GIT_AUTHOR_DATE", date.c_str(), 1);
  setenv("GIT_COMMITTER_DATE", date.c_str(), 1);
}

std::string commit_as(const std::filesystem::path& dir, const std::string& message, const std::string& date,
                      const Person& who) {
  act_as(who, date);
  git(dir, "add -A");
  git(dir, "commit -q --allow-empty -m '" + message + "'");
  return git(dir, "rev-parse HEAD");
}

int64_t seconds(const std::string& iso) {
  int64_t value = 0;
  if (!parse_iso8601(iso, value)) ADD_FAILURE() << "not an ISO 8601 time: " << iso;
  return value;
}

Opened open_history(const std::filesystem::path& dir, const HistoryOptions& options, int64_t now,
                    std::optional<std::string> rev) {
  Opened opened;
  repo::RepoOptions repo_options;
  repo_options.rev = std::move(rev);
  opened.view = repo::RepoView::open(dir, repo_options);
  opened.history = HistoryService::open(*opened.view, options, now, nullptr);
  return opened;
}

HistoryOptions uncached() {
  HistoryOptions options;
  options.cache_file = "";
  return options;
}

size_t file_at(const repo::RepoView& view, const std::string& path) {
  for (size_t i = 0; i < view.files().size(); ++i) {
    if (view.files()[i].path == path) return i;
  }
  ADD_FAILURE() << path << " is not in the scan target";
  return view.files().size();
}

}  // namespace assay::history::testing
