#include "history/revision_walk.h"

#include <git2.h>

#include <cstring>
#include <fstream>

#include "history/commit_queue.h"
#include "history/history_error.h"
#include "history/pack_reader.h"
#include "repo/git_error.h"
#include "repo/git_handles.h"

namespace assay::history {
namespace {

// At most this many problems are kept word for word; the rest are counted.
constexpr size_t kMaxProblemTexts = 20;

git_oid to_git(const ObjectId& id) {
  git_oid oid;
  std::memcpy(oid.id, id.bytes.data(), ObjectId::kSize);
  return oid;
}

ObjectId from_git(const git_oid& oid) {
  ObjectId id;
  std::memcpy(id.bytes.data(), oid.id, ObjectId::kSize);
  return id;
}

void add_problem(WalkReport& report, const std::string& text) {
  if (report.problems.size() < kMaxProblemTexts) {
    report.problems.push_back(text);
  } else if (report.problems.size() == kMaxProblemTexts) {
    report.problems.push_back("further unreadable objects are not listed");
  }
}

class Walker {
 public:
  Walker(git_repository* repository, const WalkRequest& request, HistoryIndex& index, NameMap& names,
         WalkReport& report)
      : repository_(repository), request_(request), index_(index), names_(names), report_(report) {}

  void run() {
    git_odb* odb = nullptr;
    if (git_repository_odb(&odb, repository_) != 0)
      throw HistoryError("cannot open the object database: " + repo::last_git_error());
    repo::OdbPtr owned_odb(odb);
    PackReader packs(std::string(git_repository_commondir(repository_)) + "objects", PackReader::Limits{});
    TreeCache trees(odb, &packs);
    trees_ = &trees;
    CommitQueue queue(repository_, &packs, request_.first_parent, shallow_boundary());
    const git_oid tip = to_git(request_.tip);
    queue.push_tip(tip);
    if (request_.known_tip) {
      const git_oid known = to_git(*request_.known_tip);
      queue.hide(known);
    }
    queue_ = &queue;
    while (std::optional<CommitRecord> commit = queue.next()) {
      if (request_.cancel && (report_.commits & 0x3FF) == 0 && request_.cancel->load()) {
        report_.cancelled = true;
        break;
      }
      if (!visit(*commit)) break;
      trees.next_generation();
    }
    for (const std::string& problem : queue.problems()) add_problem(report_, problem);
    queue_ = nullptr;
  }

 private:
  // The commits whose parents a shallow clone left out, from its shallow file.
  OidSet shallow_boundary() const {
    OidSet boundary;
    if (!request_.shallow) return boundary;
    std::ifstream in(std::string(git_repository_path(repository_)) + "shallow");
    std::string line;
    while (std::getline(in, line)) {
      git_oid id;
      if (git_oid_fromstr(&id, line.c_str()) == 0) boundary.insert(id);
    }
    return boundary;
  }

  // False when the window ends the walk.
  bool visit(const CommitRecord& commit) {
    if (request_.since && commit.commit_time < *request_.since) {
      report_.stopped_at_since = true;
      return false;
    }
    try {
      record(commit);
    } catch (const HistoryError& e) {
      add_problem(report_, "commit " + repo::oid_hex(commit.id) + " skipped: " + e.what());
    }
    return true;
  }

  // The first parent's tree, or nullopt for a root commit or the boundary
  // of a shallow clone (whose parents are not in the repository).
  std::optional<git_oid> parent_tree(const CommitRecord& commit) {
    if (commit.parents.empty()) return std::nullopt;
    if (queue_->on_boundary(commit.id)) {
      report_.reached_shallow_boundary = true;
      return std::nullopt;
    }
    const git_oid& parent = commit.parents[0];
    if (std::optional<git_oid> tree = queue_->tree_of(parent)) return tree;
    throw HistoryError("cannot read its parent " + repo::oid_hex(parent));
  }

  void record(const CommitRecord& commit) {
    const std::optional<git_oid> old_tree = parent_tree(commit);
    std::vector<FileChange> changes =
        diff_trees(*trees_, old_tree ? &*old_tree : nullptr, &commit.tree, report_.skipped);
    Commit entry;
    entry.id = from_git(commit.id);
    entry.author = index_.intern_author(commit.author_name, commit.author_email);
    entry.author_time = commit.author_time;
    entry.commit_time = commit.commit_time;
    entry.boundary = queue_->on_boundary(commit.id);
    entry.parent_count = entry.boundary ? 0 : static_cast<uint32_t>(commit.parents.size());
    const uint32_t commit_index = index_.add_commit(entry);
    ++report_.commits;
    const bool merge = !request_.first_parent && entry.parent_count >= 2;
    apply(changes, commit_index, merge);
  }

  // Records the changes under the files they belong to at the tip, then
  // moves the name map below this commit. Targets are resolved before any
  // name is moved: in a commit that renames A to B and C to A, the new A is
  // the tip's A, not B.
  void apply(const std::vector<FileChange>& changes, uint32_t commit_index, bool merge) {
    struct Resolved {
      std::optional<uint32_t> old_name;
      std::optional<uint32_t> new_name;
      std::optional<uint32_t> file;
    };
    std::vector<Resolved> resolved(changes.size());
    for (size_t i = 0; i < changes.size(); ++i) {
      const FileChange& change = changes[i];
      if (!change.old_path.empty()) resolved[i].old_name = index_.intern_name(change.old_path);
      if (!change.new_path.empty()) {
        resolved[i].new_name = index_.intern_name(change.new_path);
        resolved[i].file = names_.resolve(*resolved[i].new_name);
      }
    }
    for (size_t i = 0; i < changes.size(); ++i) {
      const FileChange& change = changes[i];
      const Resolved& r = resolved[i];
      if (r.file) {
        Change entry;
        entry.commit = commit_index;
        entry.name = *r.new_name;
        entry.old_blob = from_git(change.old_id);
        entry.new_blob = from_git(change.new_id);
        entry.kind = change.kind == FileChange::Kind::added     ? ChangeKind::added
                     : change.kind == FileChange::Kind::renamed ? ChangeKind::renamed
                                                                : ChangeKind::modified;
        index_.add_change(*r.file, entry);
        ++report_.changes;
      }
      move_names(change, r.old_name, r.new_name, r.file, merge);
    }
  }

  // A merge's diff against its first parent repeats what the merged
  // branch's own commits did; only they end a name's history, so a merge
  // moves names for renames alone.
  void move_names(const FileChange& change, std::optional<uint32_t> old_name,
                  std::optional<uint32_t> new_name, std::optional<uint32_t> file, bool merge) {
    switch (change.kind) {
      case FileChange::Kind::modified:
        return;
      case FileChange::Kind::added:
        if (!merge) names_.set(*new_name, std::nullopt);
        return;
      case FileChange::Kind::deleted:
        if (!merge) names_.set(*old_name, std::nullopt);
        return;
      case FileChange::Kind::renamed:
        if (!merge) names_.set(*new_name, std::nullopt);
        names_.set(*old_name, file);
        return;
    }
  }

  git_repository* repository_;
  const WalkRequest& request_;
  HistoryIndex& index_;
  NameMap& names_;
  WalkReport& report_;
  const CommitQueue* queue_ = nullptr;
  TreeCache* trees_ = nullptr;
};

}  // namespace

std::optional<uint32_t> NameMap::resolve(uint32_t name) const {
  auto it = map_.find(name);
  return it == map_.end() ? std::optional<uint32_t>(name) : it->second;
}

WalkReport walk_history(git_repository* repository, const WalkRequest& request, HistoryIndex& index,
                        NameMap& names) {
  WalkReport report;
  Walker(repository, request, index, names, report).run();
  return report;
}

}  // namespace assay::history
