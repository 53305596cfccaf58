#include "history/commit_record.h"

#include <git2.h>

#include <cstring>

namespace assay::history {
namespace {

// One header line of a raw commit, consumed from the front of `rest`.
class HeaderLines {
 public:
  explicit HeaderLines(std::string_view raw) : rest_(raw) {}

  // The value of the next line when it starts with `key` and a space;
  // nullopt (consuming nothing) otherwise.
  std::optional<std::string_view> take(std::string_view key) {
    if (rest_.size() <= key.size() || rest_.compare(0, key.size(), key) != 0 || rest_[key.size()] != ' ')
      return std::nullopt;
    const size_t end = rest_.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view value = rest_.substr(key.size() + 1, end - key.size() - 1);
    rest_.remove_prefix(end + 1);
    return value;
  }
  bool next_is(std::string_view key) const {
    return rest_.size() > key.size() && rest_.compare(0, key.size(), key) == 0 && rest_[key.size()] == ' ';
  }

 private:
  std::string_view rest_;
};

bool parse_id(std::string_view hex, git_oid& out) {
  if (hex.size() != GIT_OID_HEXSZ) return false;
  for (char c : hex) {
    // Lower-case only, as git writes ids; libgit2 judges anything else.
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return git_oid_fromstrn(&out, hex.data(), hex.size()) == 0;
}

// libgit2's whitespace: what its signature parser trims.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

bool all_digits(std::string_view text) {
  if (text.empty() || text.size() > 18) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// "<name> <<email>> <seconds> <+|-hhmm>", nothing else.
bool parse_signature(std::string_view line, std::string* name, std::string* email, int64_t& time) {
  const size_t open = line.rfind('<');
  const size_t close = line.rfind('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close <= open) return false;
  std::string_view after = line.substr(close + 1);
  if (after.size() < 2 || after[0] != ' ') return false;
  after.remove_prefix(1);
  const size_t space = after.find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view seconds = after.substr(0, space);
  const std::string_view zone = after.substr(space + 1);
  if (!all_digits(seconds) || zone.size() != 5 || (zone[0] != '+' && zone[0] != '-') ||
      !all_digits(zone.substr(1)))
    return false;
  time = 0;
  for (char c : seconds) time = time * 10 + (c - '0');
  if (name != nullptr) *name = trimmed(line.substr(0, open));
  if (email != nullptr) *email = trimmed(line.substr(open + 1, close - open - 1));
  return true;
}

}  // namespace

std::optional<CommitRecord> parse_commit(const git_oid& id, std::string_view raw) {
  CommitRecord record;
  record.id = id;
  HeaderLines lines(raw);
  const std::optional<std::string_view> tree = lines.take("tree");
  if (!tree || !parse_id(*tree, record.tree)) return std::nullopt;
  while (std::optional<std::string_view> parent = lines.take("parent")) {
    git_oid parent_id;
    if (!parse_id(*parent, parent_id)) return std::nullopt;
    record.parents.push_back(parent_id);
  }
  const std::optional<std::string_view> author = lines.take("author");
  if (!author || lines.next_is("author")) return std::nullopt;
  if (!parse_signature(*author, &record.author_name, &record.author_email, record.author_time))
    return std::nullopt;
  const std::optional<std::string_view> committer = lines.take("committer");
  if (!committer || !parse_signature(*committer, nullptr, nullptr, record.commit_time)) return std::nullopt;
  return record;
}

CommitRecord record_of(const git_commit* commit) {
  CommitRecord record;
  record.id = *git_commit_id(commit);
  record.tree = *git_commit_tree_id(commit);
  const unsigned parents = git_commit_parentcount(commit);
  for (unsigned i = 0; i < parents; ++i) record.parents.push_back(*git_commit_parent_id(commit, i));
  const git_signature* author = git_commit_author(commit);
  record.author_name = author->name ? author->name : "";
  record.author_email = author->email ? author->email : "";
  record.author_time = author->when.time;
  record.commit_time = git_commit_time(commit);
  return record;
}

}  // namespace assay::history
