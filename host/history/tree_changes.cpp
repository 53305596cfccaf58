#include "history/tree_changes.h"

#include <git2.h>

#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "history/history_error.h"
#include "history/oid_hash.h"
#include "history/pack_reader.h"
#include "repo/git_error.h"
#include "repo/git_handles.h"

namespace assay::history {
namespace {

using Bytes = TreeCache::Bytes;
constexpr int kTreeType = 2;  // git's object type number of a tree

constexpr uint32_t kTreeMode = 040000;
constexpr uint32_t kFileMode = 0100644;
constexpr uint32_t kExecutableMode = 0100755;
constexpr uint32_t kSubmoduleMode = 0160000;

bool is_file(uint32_t mode) { return mode == kFileMode || mode == kExecutableMode; }

// One entry of a raw tree object: "<octal mode> <name>\0<20-byte id>".
struct Entry {
  uint32_t mode = 0;
  std::string_view name;
  const unsigned char* id = nullptr;
  bool is_tree() const { return mode == kTreeMode; }
  git_oid oid() const {
    git_oid out;
    std::memcpy(out.id, id, GIT_OID_RAWSZ);
    return out;
  }
};

// Reads the entries of one raw tree in order.
class EntryCursor {
 public:
  EntryCursor(const std::string* tree, const git_oid* id) : id_(id) {
    if (tree != nullptr) {
      at_ = tree->data();
      end_ = at_ + tree->size();
    }
    advance();
  }
  bool done() const { return done_; }
  const Entry& entry() const { return entry_; }
  void advance() {
    if (at_ == end_) {
      done_ = true;
      return;
    }
    uint32_t mode = 0;
    while (at_ < end_ && *at_ >= '0' && *at_ <= '7') mode = mode * 8 + static_cast<uint32_t>(*at_++ - '0');
    if (at_ == end_ || *at_++ != ' ') malformed();
    const char* name = at_;
    const char* nul = static_cast<const char*>(std::memchr(at_, '\0', static_cast<size_t>(end_ - at_)));
    if (nul == nullptr || end_ - nul < 1 + GIT_OID_RAWSZ || nul == name) malformed();
    entry_.mode = mode;
    entry_.name = std::string_view(name, static_cast<size_t>(nul - name));
    entry_.id = reinterpret_cast<const unsigned char*>(nul + 1);
    at_ = nul + 1 + GIT_OID_RAWSZ;
  }

 private:
  [[noreturn]] void malformed() const { throw HistoryError("tree " + repo::oid_hex(*id_) + " is malformed"); }
  const git_oid* id_;
  const char* at_ = nullptr;
  const char* end_ = nullptr;
  Entry entry_;
  bool done_ = false;
};

// git's order of tree entries: byte order of the names, where a tree's name
// compares as if it ended in '/'.
int compare_entries(const Entry& a, const Entry& b) {
  const size_t common = a.name.size() < b.name.size() ? a.name.size() : b.name.size();
  if (int c = std::memcmp(a.name.data(), b.name.data(), common); c != 0) return c;
  auto next = [common](const Entry& e) -> int {
    if (e.name.size() > common) return static_cast<unsigned char>(e.name[common]);
    return e.is_tree() ? '/' : 0;
  };
  return next(a) - next(b);
}

class TreeDiff {
 public:
  TreeDiff(TreeCache& trees, SkippedPaths& skipped) : trees_(trees), skipped_(skipped) {}

  std::vector<FileChange> run(const git_oid* old_tree, const git_oid* new_tree) {
    Bytes a = old_tree ? trees_.read(*old_tree, "") : nullptr;
    Bytes b = new_tree ? trees_.read(*new_tree, "") : nullptr;
    compare(a.get(), old_tree, b.get(), new_tree);
    return std::move(changes_);
  }

 private:
  Bytes read(const git_oid& id) { return trees_.read(id, path_); }

  void compare(const std::string* old_tree, const git_oid* old_id, const std::string* new_tree,
               const git_oid* new_id) {
    EntryCursor a(old_tree, old_id);
    EntryCursor b(new_tree, new_id);
    while (!a.done() || !b.done()) {
      const int order = a.done() ? 1 : b.done() ? -1 : compare_entries(a.entry(), b.entry());
      if (order < 0) {
        removed(a.entry());
        a.advance();
      } else if (order > 0) {
        added(b.entry());
        b.advance();
      } else {
        matched(a.entry(), b.entry());
        a.advance();
        b.advance();
      }
    }
  }

  void matched(const Entry& a, const Entry& b) {
    const bool same_id = std::memcmp(a.id, b.id, GIT_OID_RAWSZ) == 0;
    if (a.is_tree() && b.is_tree()) {
      if (!same_id) descend(&a, &b);
    } else if (is_file(a.mode) && is_file(b.mode)) {
      // A change of the executable bit alone is not a change of the text.
      if (!same_id) record(FileChange::Kind::modified, &a, &b);
    } else if (!same_id || a.mode != b.mode) {
      removed(a);
      added(b);
    }
  }

  void removed(const Entry& entry) {
    if (entry.is_tree()) {
      descend(&entry, nullptr);
    } else if (is_file(entry.mode)) {
      record(FileChange::Kind::deleted, &entry, nullptr);
    } else if (entry.mode == kSubmoduleMode) {
      skipped_.submodules.insert(path_ + std::string(entry.name));
    }
  }

  void added(const Entry& entry) {
    if (entry.is_tree()) {
      descend(nullptr, &entry);
    } else if (is_file(entry.mode)) {
      record(FileChange::Kind::added, nullptr, &entry);
    } else if (entry.mode == kSubmoduleMode) {
      skipped_.submodules.insert(path_ + std::string(entry.name));
    }
  }

  void record(FileChange::Kind kind, const Entry* a, const Entry* b) {
    FileChange change;
    change.kind = kind;
    if (a != nullptr) {
      change.old_path = path_ + std::string(a->name);
      change.old_id = a->oid();
    }
    if (b != nullptr) {
      change.new_path = path_ + std::string(b->name);
      change.new_id = b->oid();
    }
    changes_.push_back(std::move(change));
  }

  void descend(const Entry* a, const Entry* b) {
    const size_t mark = path_.size();
    path_ += (a != nullptr ? a->name : b->name);
    path_ += '/';
    const git_oid old_id = a != nullptr ? a->oid() : git_oid{};
    const git_oid new_id = b != nullptr ? b->oid() : git_oid{};
    Bytes old_tree = a != nullptr ? read(old_id) : nullptr;
    Bytes new_tree = b != nullptr ? read(new_id) : nullptr;
    compare(old_tree.get(), &old_id, new_tree.get(), &new_id);
    path_.resize(mark);
  }

  TreeCache& trees_;
  SkippedPaths& skipped_;
  std::string path_;
  std::vector<FileChange> changes_;
};

std::string_view base_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Pairs each added file with a deleted file of the same content. Empty
// files are never paired: their content says nothing about identity.
void pair_exact_renames(std::vector<FileChange>& changes) {
  git_oid empty_blob;
  git_oid_fromstr(&empty_blob, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  std::unordered_map<git_oid, std::vector<size_t>, OidHash, OidEqual> deleted;
  for (size_t i = 0; i < changes.size(); ++i) {
    if (changes[i].kind == FileChange::Kind::deleted && !git_oid_equal(&changes[i].old_id, &empty_blob))
      deleted[changes[i].old_id].push_back(i);
  }
  if (deleted.empty()) return;
  std::vector<bool> consumed(changes.size(), false);
  for (FileChange& change : changes) {
    if (change.kind != FileChange::Kind::added) continue;
    auto it = deleted.find(change.new_id);
    if (it == deleted.end() || it->second.empty()) continue;
    std::vector<size_t>& sources = it->second;
    // Prefer a source with the same file name (a move between directories).
    size_t pick = 0;
    for (size_t k = 0; k < sources.size(); ++k) {
      if (base_name(changes[sources[k]].old_path) == base_name(change.new_path)) {
        pick = k;
        break;
      }
    }
    const size_t source = sources[pick];
    sources.erase(sources.begin() + static_cast<std::ptrdiff_t>(pick));
    change.kind = FileChange::Kind::renamed;
    change.old_path = changes[source].old_path;
    change.old_id = changes[source].old_id;
    consumed[source] = true;
  }
  size_t kept = 0;
  for (size_t i = 0; i < changes.size(); ++i) {
    if (consumed[i]) continue;
    if (kept != i) changes[kept] = std::move(changes[i]);
    ++kept;
  }
  changes.resize(kept);
}

}  // namespace

TreeCache::Bytes TreeCache::read(const git_oid& id, const std::string& where) {
  if (auto it = current_.find(id); it != current_.end()) return it->second;
  if (auto it = previous_.find(id); it != previous_.end()) {
    Bytes tree = it->second;
    current_.emplace(id, tree);
    return tree;
  }
  Bytes tree = read_object(id, where.empty() ? std::string() : " (" + where + ")");
  current_.emplace(id, tree);
  return tree;
}

void TreeCache::next_generation() {
  previous_ = std::move(current_);
  current_.clear();
}

TreeCache::Bytes TreeCache::read_object(const git_oid& id, const std::string& place) {
  // A pack's corrupt object is read again through libgit2, which may find
  // a good copy elsewhere (a loose object, another pack); if it cannot, the
  // pack reader's finding is the better message.
  std::string pack_problem;
  if (packs_ != nullptr) {
    try {
      if (std::optional<PackedObject> object = packs_->read(id.id)) {
        if (object->type != kTreeType)
          throw HistoryError("object " + repo::oid_hex(id) + place + " is a " +
                             git_object_type2string(static_cast<git_object_t>(object->type)) + ", not a tree");
        return std::move(object->bytes);
      }
    } catch (const HistoryError& e) {
      pack_problem = e.what();
    }
  }
  git_odb_object* raw = nullptr;
  if (git_odb_read(&raw, odb_, &id) != 0) {
    throw HistoryError("cannot read tree " + repo::oid_hex(id) + place + ": " +
                       (pack_problem.empty() ? repo::last_git_error() : pack_problem));
  }
  std::unique_ptr<git_odb_object, void (*)(git_odb_object*)> owned(raw, git_odb_object_free);
  if (git_odb_object_type(raw) != GIT_OBJECT_TREE)
    throw HistoryError("object " + repo::oid_hex(id) + place + " is a " +
                       git_object_type2string(git_odb_object_type(raw)) + ", not a tree");
  return std::make_shared<const std::string>(static_cast<const char*>(git_odb_object_data(raw)),
                                             git_odb_object_size(raw));
}

std::vector<FileChange> diff_trees(TreeCache& trees, const git_oid* old_tree, const git_oid* new_tree,
                                   SkippedPaths& skipped) {
  std::vector<FileChange> changes = TreeDiff(trees, skipped).run(old_tree, new_tree);
  pair_exact_renames(changes);
  return changes;
}

}  // namespace assay::history
