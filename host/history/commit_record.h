// The parts of a commit the history walk reads, taken from the raw commit
// object (read from a pack without libgit2's per-object allocations and
// parse) or, for anything not in git's usual form, from libgit2's parse of
// it. Internal to host/history (includes libgit2's types).
#pragma once

#include <git2/oid.h>
#include <git2/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::history {

struct CommitRecord {
  git_oid id{};
  git_oid tree{};
  std::vector<git_oid> parents;
  std::string author_name;
  std::string author_email;
  int64_t author_time = 0;
  int64_t commit_time = 0;  // the committer's time
};

// Parses the raw commit `raw` with id `id`: a tree line, parent lines, one
// author and one committer line ("<name> <<email>> <seconds> <zone>"),
// giving what libgit2 (1.5) gives for the same text: name and e-mail
// between the last '<' and '>' with spaces trimmed. nullopt for any other
// form (extra author lines, a signature without time, a malformed id): the
// caller then reads the commit through libgit2, which decides.
std::optional<CommitRecord> parse_commit(const git_oid& id, std::string_view raw);

// The same fields from a commit libgit2 parsed.
CommitRecord record_of(const git_commit* commit);

}  // namespace assay::history
