#include "history/line_origins.h"

#include <git2.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "history/history_error.h"
#include "repo/git_error.h"
#include "repo/git_handles.h"

namespace assay::history {
namespace {

// Not yet known while a version's lines are being filled in.
constexpr uint32_t kUnset = 0xFFFFFFFDu;
// git looks for a NUL in this many leading bytes to call a file binary.
constexpr size_t kBinaryProbeBytes = 8000;

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

// A version that cannot be diffed: binary, too large or unreadable.
struct NotDiffable {
  OriginResult::Status status;
  std::string problem;
};

struct HunkCursor {
  std::vector<int32_t>* map;
  uint32_t old_next = 0;  // 0-based next line of `before` not yet consumed
  uint32_t new_next = 0;  // 0-based next line of `after`
  void unchanged_until(uint32_t new_end) {
    while (new_next < new_end && new_next < map->size())
      (*map)[new_next++] = static_cast<int32_t>(old_next++);
  }
};

int on_hunk(const git_diff_delta*, const git_diff_hunk* hunk, void* payload) {
  auto* cursor = static_cast<HunkCursor*>(payload);
  // With no context, a pure insertion names the line before it (old_lines
  // 0) and a pure deletion the line before it on the new side.
  const uint32_t old_begin =
      static_cast<uint32_t>(hunk->old_lines > 0 ? hunk->old_start - 1 : hunk->old_start);
  const uint32_t new_begin =
      static_cast<uint32_t>(hunk->new_lines > 0 ? hunk->new_start - 1 : hunk->new_start);
  cursor->unchanged_until(new_begin);
  cursor->old_next = old_begin + static_cast<uint32_t>(hunk->old_lines);
  cursor->new_next = new_begin + static_cast<uint32_t>(hunk->new_lines);
  return 0;
}

// Reads the versions of one file and combines their origins.
class OriginComputation {
 public:
  OriginComputation(git_repository* repository, const HistoryIndex& index, uint32_t file,
                    const OriginLimits& limits, const KnownOrigins& known)
      : repository_(repository),
        index_(index),
        changes_(index.changes_of(file)),
        limits_(limits),
        known_(known) {
    // Walk order is newest first, so each list is sorted newest first.
    for (size_t i = 0; i < changes_.size(); ++i) producers_[changes_[i].new_blob].push_back(i);
  }

  OriginResult run(const ObjectId& blob) {
    OriginResult result;
    try {
      if (std::optional<size_t> r = producer(blob)) {
        result.producer = changes_[*r].commit;
        compute(*r);
        result.origins = std::move(memo_.at(*r));
      } else {
        result.origins = without_producer(blob);
      }
    } catch (const NotDiffable& e) {
      result.status = e.status;
      result.problem = e.problem;
      result.origins = OriginRuns();
    }
    return result;
  }

 private:
  // A merge on a first-parent walk is an ordinary change: the branch's own
  // commits were not walked.
  bool is_merge(const Change& change) const {
    return !index_.provenance().first_parent && index_.commits()[change.commit].parent_count >= 2;
  }

  // The newest change that produced `blob`: like blame, a line that a
  // revert brought back entered the file with the revert.
  std::optional<size_t> producer(const ObjectId& blob) const {
    auto it = producers_.find(blob);
    if (it == producers_.end()) return std::nullopt;
    return it->second.front();
  }

  // The version a change was made from was produced by the newest change
  // older than it; a version that no older change produced (content from
  // before the walked history) has none.
  std::optional<size_t> producer_older_than(const ObjectId& blob, size_t change) const {
    auto it = producers_.find(blob);
    if (it == producers_.end()) return std::nullopt;
    auto older = std::upper_bound(it->second.begin(), it->second.end(), change);
    if (older == it->second.end()) return std::nullopt;
    return *older;
  }

  // The tip version was produced by no walked change: it predates them.
  OriginRuns without_producer(const ObjectId& blob) {
    uint32_t code = kBeforeHistory;
    for (size_t i = changes_.size(); i-- > 0;) {
      if (changes_[i].old_blob == blob) {
        code = kAlreadyThere | changes_[i].commit;
        break;
      }
    }
    return OriginRuns(count_lines(load(blob)), code);
  }

  // The versions a change was made from, each with the change that
  // produced it (none when it predates the walked history).
  struct Parent {
    ObjectId blob;
    std::optional<size_t> producer;
  };

  // A change to combine: its parents are the versions it was made from,
  // each with the change that produced it.
  struct Step {
    size_t change;
    std::vector<Parent> parents;
  };

  // Combines the changes that `top` depends on, oldest first, then `top`.
  // A version's origins are dropped from memo_ as soon as the last change
  // made from it is combined: a file with thousands of versions holds only
  // the few a merge or a revert still needs, not all of them at once.
  void compute(size_t top) {
    std::unordered_map<size_t, uint32_t> uses;  // per change: later steps made from its version
    const std::vector<Step> steps = plan(top, uses);
    for (const Step& step : steps) {
      memo_[step.change] = combine(step.change, step.parents);
      for (const Parent& parent : step.parents) {
        if (!parent.producer || *parent.producer == top) continue;
        if (--uses[*parent.producer] == 0) memo_.erase(*parent.producer);
      }
    }
  }

  // The changes to combine for `top`, each after the changes it was made
  // from (post-order, with an explicit stack: version chains can be
  // thousands of versions long), and how many steps use each one's version.
  // A change is a node; its parents are the changes that produced the
  // versions it was made from, always older, so the graph has no cycles.
  std::vector<Step> plan(size_t top, std::unordered_map<size_t, uint32_t>& uses) {
    struct Frame {
      size_t change;
      bool expanded;
    };
    std::vector<Step> steps;
    std::unordered_map<size_t, std::vector<Parent>> parents_of;
    std::vector<Frame> stack{{top, false}};
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const size_t change = frame.change;
      if (!frame.expanded && parents_of.count(change)) {
        stack.pop_back();  // planned already, through another child
        continue;
      }
      if (frame.expanded) {
        stack.pop_back();
        steps.push_back({change, parents_of.at(change)});
        continue;
      }
      frame.expanded = true;
      std::vector<Parent>& parents = parents_of[change];
      for (const ObjectId& blob : parent_versions(change)) {
        parents.push_back({blob, producer_older_than(blob, change)});
        if (parents.back().producer) ++uses[*parents.back().producer];
      }
      for (const Parent& parent : parents) {
        if (!parent.producer || parents_of.count(*parent.producer)) continue;
        if (take_known(*parent.producer)) {
          parents_of[*parent.producer];  // planned: its origins are known, nothing below it is needed
        } else {
          stack.push_back({*parent.producer, false});
        }
      }
    }
    return steps;
  }

  // Puts the known origins of the version `change` produced into memo_.
  bool take_known(size_t change) {
    if (!known_) return false;
    const Change& c = changes_[change];
    // Only while `change` is still the newest to produce the version: the
    // known origins were computed for that producer.
    if (producer(c.new_blob) != change) return false;
    std::shared_ptr<const OriginRuns> lines = known_(c.new_blob, c.commit);
    if (!lines) return false;
    memo_[change] = *lines;
    return true;
  }

  // The versions the change was made from: the first parent's (none when
  // the file was added) and, for a merge, the other parents' versions of
  // the same path.
  std::vector<ObjectId> parent_versions(size_t change_index) {
    const Change& change = changes_[change_index];
    std::vector<ObjectId> parents;
    if (!change.old_blob.is_zero()) parents.push_back(change.old_blob);
    if (is_merge(change)) add_merged_versions(change, parents);
    return parents;
  }

  void add_merged_versions(const Change& change, std::vector<ObjectId>& parents) {
    const git_oid id = to_git(index_.commits()[change.commit].id);
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repository_, &id) != 0) return;
    repo::CommitPtr owned(commit);
    const std::string& path = index_.names()[change.name];
    for (unsigned i = 1; i < git_commit_parentcount(commit); ++i) {
      git_commit* parent = nullptr;
      if (git_commit_parent(&parent, commit, i) != 0) continue;
      repo::CommitPtr owned_parent(parent);
      git_tree* tree = nullptr;
      if (git_commit_tree(&tree, parent) != 0) continue;
      repo::TreePtr owned_tree(tree);
      git_tree_entry* entry = nullptr;
      if (git_tree_entry_bypath(&entry, tree, path.c_str()) != 0) continue;
      const ObjectId version = from_git(*git_tree_entry_id(entry));
      const bool is_blob = git_tree_entry_type(entry) == GIT_OBJECT_BLOB;
      git_tree_entry_free(entry);
      if (is_blob && std::find(parents.begin(), parents.end(), version) == parents.end())
        parents.push_back(version);
    }
  }

  // The codes are worked out one per line (the version's lines only, while
  // it is combined) and kept as runs.
  OriginRuns combine(size_t change_index, const std::vector<Parent>& parents) {
    const Change& change = changes_[change_index];
    const std::string text = load(change.new_blob);
    std::vector<uint32_t> codes(count_lines(text), kUnset);
    for (const Parent& parent : parents) {
      const OriginRuns* known = parent.producer ? &memo_.at(*parent.producer) : nullptr;
      // An exact rename made the version from itself: nothing to diff.
      std::vector<int32_t> map;
      if (parent.blob == change.new_blob) {
        map.resize(codes.size());
        for (size_t i = 0; i < map.size(); ++i) map[i] = static_cast<int32_t>(i);
      } else {
        map = unchanged_lines(load(parent.blob), text);
      }
      size_t run = 0;  // the unchanged lines keep their order: one pass over the known runs
      for (size_t line = 0; line < codes.size(); ++line) {
        if (codes[line] != kUnset || map[line] < 0) continue;
        const auto from = static_cast<uint32_t>(map[line]);
        codes[line] = known && from < known->line_count() ? known->code_from(from, run)
                                                          : kAlreadyThere | change.commit;
      }
    }
    // What a shallow clone's boundary commit holds was there at or before it.
    const uint32_t entered =
        index_.commits()[change.commit].boundary ? (kAlreadyThere | change.commit) : change.commit;
    for (uint32_t& code : codes) {
      if (code == kUnset) code = entered;
    }
    remember(change.new_blob, text);
    return OriginRuns::from_codes(codes);
  }

  // The last version combined is usually the parent of the next one.
  void remember(const ObjectId& blob, const std::string& text) {
    last_blob_ = blob;
    last_text_ = text;
  }

  std::string load(const ObjectId& blob) {
    if (last_blob_ && *last_blob_ == blob) return last_text_;
    const git_oid id = to_git(blob);
    check_size(id, blob);
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, repository_, &id) != 0)
      throw NotDiffable{OriginResult::Status::unreadable,
                        "cannot read blob " + blob.hex() + ": " + repo::last_git_error()};
    repo::BlobPtr owned(raw);
    std::string text(static_cast<const char*>(git_blob_rawcontent(raw)),
                     static_cast<size_t>(git_blob_rawsize(raw)));
    if (looks_binary(text))
      throw NotDiffable{OriginResult::Status::binary, "blob " + blob.hex() + " is binary"};
    return text;
  }

  // Refuses a version larger than the limit before inflating it.
  void check_size(const git_oid& id, const ObjectId& blob) {
    if (!odb_) {
      git_odb* odb = nullptr;
      if (git_repository_odb(&odb, repository_) != 0)
        throw NotDiffable{OriginResult::Status::unreadable,
                          "cannot open the object database: " + repo::last_git_error()};
      odb_.reset(odb);
    }
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_odb_read_header(&size, &type, odb_.get(), &id) != 0)
      throw NotDiffable{OriginResult::Status::unreadable,
                        "cannot read blob " + blob.hex() + ": " + repo::last_git_error()};
    if (size > limits_.max_blob_bytes)
      throw NotDiffable{OriginResult::Status::too_large, "blob " + blob.hex() + " has " +
                                                             std::to_string(size) +
                                                             " bytes, more than history.max_blob_size (" +
                                                             std::to_string(limits_.max_blob_bytes) + ")"};
  }

  git_repository* repository_;
  const HistoryIndex& index_;
  const std::vector<Change>& changes_;
  const OriginLimits& limits_;
  const KnownOrigins& known_;
  std::unordered_map<ObjectId, std::vector<size_t>, ObjectIdHash> producers_;
  std::unordered_map<size_t, OriginRuns> memo_;  // per change: origins of its new version
  repo::OdbPtr odb_;
  std::optional<ObjectId> last_blob_;
  std::string last_text_;
};

}  // namespace

uint32_t count_lines(std::string_view text) {
  uint32_t lines = 0;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  if (!text.empty() && text.back() != '\n') ++lines;
  return lines;
}

bool looks_binary(std::string_view text) {
  return text.substr(0, kBinaryProbeBytes).find('\0') != std::string_view::npos;
}

std::vector<int32_t> unchanged_lines(std::string_view before, std::string_view after) {
  std::vector<int32_t> map(count_lines(after), -1);
  HunkCursor cursor{&map};
  git_diff_options options;
  // The init call, not the INIT macro: clang warns that the macro leaves
  // fields without an initializer (the fuzz build compiles this file).
  git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
  options.context_lines = 0;
  options.interhunk_lines = 0;
  options.flags = GIT_DIFF_FORCE_TEXT;
  if (git_diff_buffers(before.data(), before.size(), nullptr, after.data(), after.size(), nullptr, &options,
                       nullptr, nullptr, on_hunk, nullptr, &cursor) != 0) {
    throw HistoryError("cannot diff two versions: " + repo::last_git_error());
  }
  cursor.unchanged_until(static_cast<uint32_t>(map.size()));
  return map;
}

OriginResult compute_origins(git_repository* repository, const HistoryIndex& index, uint32_t file,
                             const ObjectId& blob, const OriginLimits& limits, const KnownOrigins& known) {
  return OriginComputation(repository, index, file, limits, known).run(blob);
}

uint32_t producing_commit(const HistoryIndex& index, uint32_t file, const ObjectId& blob) {
  for (const Change& change : index.changes_of(file)) {  // newest first
    if (change.new_blob == blob) return change.commit;
  }
  return kNoProducer;
}

}  // namespace assay::history
