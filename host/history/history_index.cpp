#include "history/history_index.h"

#include <algorithm>
#include <utility>

namespace assay::history {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

const std::vector<Change>& no_changes() {
  static const std::vector<Change> empty;
  return empty;
}

bool counts(const Commit& commit, const FactWindow& window) {
  if (commit.boundary) return false;
  if (window.since && commit.commit_time < *window.since) return false;
  return window.count_merges || commit.parent_count < 2;
}

}  // namespace

uint32_t HistoryIndex::add_commit(const Commit& commit) {
  commits_.push_back(commit);
  return static_cast<uint32_t>(commits_.size() - 1);
}

uint32_t HistoryIndex::intern_author(std::string_view name, std::string_view email) {
  // Without an address the name is all there is to tell authors apart.
  std::string key = email.empty() ? "name:" + std::string(name) : lower_ascii(email);
  auto [it, inserted] = author_by_email_.try_emplace(std::move(key), static_cast<uint32_t>(authors_.size()));
  if (inserted) authors_.push_back({std::string(name), std::string(email)});
  return it->second;
}

uint32_t HistoryIndex::intern_name(std::string_view path) {
  if (auto it = name_index_.find(path); it != name_index_.end()) return it->second;
  const auto name = static_cast<uint32_t>(names_.size());
  name_index_.emplace(names_.emplace_back(path), name);
  return name;
}

void HistoryIndex::add_change(uint32_t file, const Change& change) { files_[file].push_back(change); }

void HistoryIndex::add_changes(uint32_t file, std::vector<Change>&& changes) {
  std::vector<Change>& list = files_[file];
  if (list.empty()) {
    list = std::move(changes);
  } else {
    list.insert(list.end(), changes.begin(), changes.end());
  }
}

void HistoryIndex::release_spare_capacity() {
  // Not names_: a deque gives back its spare blocks by moving its strings,
  // which name_index_ views; it never has more than one block spare.
  commits_.shrink_to_fit();
  for (auto& [file, changes] : files_) changes.shrink_to_fit();
}

std::unordered_map<uint32_t, std::vector<Change>> HistoryIndex::take_files() {
  return std::exchange(files_, {});
}

std::optional<uint32_t> HistoryIndex::find_name(std::string_view path) const {
  auto it = name_index_.find(path);
  if (it == name_index_.end()) return std::nullopt;
  return it->second;
}

const std::vector<Change>& HistoryIndex::changes(std::string_view path) const {
  std::optional<uint32_t> name = find_name(path);
  return name ? changes_of(*name) : no_changes();
}

const std::vector<Change>& HistoryIndex::changes_of(uint32_t file) const {
  auto it = files_.find(file);
  return it == files_.end() ? no_changes() : it->second;
}

std::vector<uint32_t> HistoryIndex::files() const {
  std::vector<uint32_t> list;
  list.reserve(files_.size());
  for (const auto& entry : files_) list.push_back(entry.first);
  std::sort(list.begin(), list.end());
  return list;
}

size_t HistoryIndex::change_count() const {
  size_t total = 0;
  for (const auto& entry : files_) total += entry.second.size();
  return total;
}

FileFacts HistoryIndex::facts(std::string_view path, const FactWindow& window) const {
  FileFacts facts;
  // Counted by sorting: a file has tens of commits, for which a vector
  // sorts faster than a hash set inserts (every file's facts are taken
  // before the scanners start).
  std::vector<uint32_t> authors;
  const std::vector<Change>& list = changes(path);
  authors.reserve(list.size());
  facts.commit_list.reserve(list.size());
  for (const Change& change : list) {
    const Commit& commit = commits_[change.commit];
    if (!counts(commit, window)) continue;
    // A commit appears once per file even when the walk saw it twice (a
    // rename and an edit of the same file in one commit are one change).
    if (!facts.commit_list.empty() && facts.commit_list.back() == change.commit) continue;
    facts.commit_list.push_back(change.commit);
    authors.push_back(commit.author);
    if (facts.commits == 0 || commit.author_time < facts.first_change)
      facts.first_change = commit.author_time;
    if (facts.commits == 0 || commit.author_time > facts.last_change) facts.last_change = commit.author_time;
    ++facts.commits;
  }
  std::sort(authors.begin(), authors.end());
  facts.authors = static_cast<uint32_t>(std::unique(authors.begin(), authors.end()) - authors.begin());
  return facts;
}

}  // namespace assay::history
