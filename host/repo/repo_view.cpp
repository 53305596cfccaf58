#include "repo/repo_view.h"

#include <algorithm>
#include <system_error>

#include "repo/blob_reader.h"
#include "repo/commit_listing.h"
#include "repo/directory_listing.h"
#include "repo/disk_reader.h"
#include "repo/exclude_rules.h"
#include "repo/git_error.h"
#include "repo/git_handles.h"
#include "repo/language.h"
#include "repo/libgit2_runtime.h"
#include "repo/working_tree_listing.h"

namespace assay::repo {
namespace fs = std::filesystem;

const char* to_string(TargetKind kind) {
  switch (kind) {
    case TargetKind::WorkingTree:
      return "working-tree";
    case TargetKind::Commit:
      return "commit";
    case TargetKind::Directory:
      return "directory";
  }
  return "directory";
}

namespace {

std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

fs::path resolve_target(const fs::path& path) {
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) {
    if (error && error != std::errc::no_such_file_or_directory) {
      throw RepoError("cannot read " + path.string() + ": " + error.message());
    }
    throw RepoError("path " + path.string() + " does not exist");
  }
  if (!fs::is_directory(status)) throw RepoError("path " + path.string() + " is not a directory");
  fs::path canonical = fs::canonical(path, error);
  if (error) throw RepoError("cannot read " + path.string() + ": " + error.message());
  return canonical;
}

// The output directory relative to `root`, or "" when it is not strictly
// inside it (excluding the root itself would exclude everything).
std::string output_prefix(const fs::path& root, const fs::path& output_dir) {
  std::error_code error;
  fs::path directory = output_dir.empty() ? root / ".assay" : fs::absolute(output_dir, error);
  fs::path resolved = fs::weakly_canonical(directory, error);
  if (error) resolved = directory.lexically_normal();
  fs::path resolved_root = fs::weakly_canonical(root, error);
  if (error) resolved_root = root.lexically_normal();
  fs::path relative = resolved.lexically_relative(resolved_root);
  if (relative.empty() || relative == "." || *relative.begin() == "..") return "";
  return without_trailing_slash(relative.generic_string());
}

std::string repository_name(const fs::path& root, bool bare) {
  std::string name = root.filename().string();
  if (bare && name.size() > 4 && name.ends_with(".git")) name.resize(name.size() - 4);
  // A bare repository that is itself named ".git": its parent names it.
  if (bare && name == ".git") name = root.parent_path().filename().string();
  return name;
}

void finish_listing(std::vector<FileEntry>& files) {
  for (FileEntry& file : files) file.language = guess_language(file.path);
  std::sort(files.begin(), files.end(),
            [](const FileEntry& a, const FileEntry& b) { return a.path < b.path; });
}

struct ResolvedCommit {
  CommitPtr commit;
  std::string branch;
};

ResolvedCommit resolve_commit(git_repository* repository, const std::string& rev, const std::string& root) {
  git_object* object = nullptr;
  git_reference* reference = nullptr;
  if (git_revparse_ext(&object, &reference, repository, rev.c_str()) != 0) {
    throw_git_error("unknown revision '" + rev + "' in repository " + root);
  }
  ObjectPtr owned_object(object);
  ReferencePtr owned_reference(reference);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0) {
    throw RepoError("revision '" + rev + "' in repository " + root + " is a " +
                    git_object_type2string(git_object_type(object)) + ", not a commit");
  }
  ResolvedCommit resolved{CommitPtr(reinterpret_cast<git_commit*>(peeled)), {}};
  if (reference != nullptr && git_reference_is_branch(reference))
    resolved.branch = git_reference_shorthand(reference);
  return resolved;
}

}  // namespace

// Fills a RepoView for one kind of target; the only code that writes its
// private members besides the constructor.
class RepoViewBuilder {
 public:
  static std::unique_ptr<RepoView> open(const fs::path& path, const RepoOptions& options) {
    ensure_libgit2();
    fs::path target = resolve_target(path);
    git_repository* opened = nullptr;
    int result = git_repository_open_ext(&opened, target.c_str(), 0, nullptr);
    if (result == GIT_ENOTFOUND) return open_directory(target, options);
    if (result != 0) throw_git_error("cannot open the git repository containing " + target.string());
    RepositoryPtr repository(opened);
    bool bare = git_repository_is_bare(opened) != 0;
    if (options.rev || bare) return open_commit(std::move(repository), options);
    return open_working_tree(std::move(repository), options);
  }

 private:
  static std::unique_ptr<RepoView> start(TargetKind kind, std::string root, bool bare) {
    std::unique_ptr<RepoView> view(new RepoView());
    view->kind_ = kind;
    view->name_ = repository_name(root, bare);
    view->root_ = std::move(root);
    return view;
  }

  static void start_git(RepoView& view, git_repository* repository) {
    view.git_dir_ = without_trailing_slash(git_repository_path(repository));
  }

  static std::unique_ptr<RepoView> open_directory(const fs::path& target, const RepoOptions& options) {
    auto view = start(TargetKind::Directory, target.string(), false);
    ExcludeRules rules(options.exclude, output_prefix(target, options.output_dir));
    view->files_ = list_directory(target, rules);
    finish_listing(view->files_);
    view->source_ = std::make_unique<DiskReader>(view->root_);
    return view;
  }

  static std::unique_ptr<RepoView> open_working_tree(RepositoryPtr repository, const RepoOptions& options) {
    auto view = start(TargetKind::WorkingTree,
                      without_trailing_slash(git_repository_workdir(repository.get())), false);
    start_git(*view, repository.get());
    read_head(*view, repository.get());
    ExcludeRules rules(options.exclude, output_prefix(view->root_, options.output_dir));
    view->files_ = list_working_tree(repository.get(), view->root_, rules);
    finish_listing(view->files_);
    view->source_ = std::make_unique<DiskReader>(view->root_);
    return view;
  }

  // A bare repository has no working tree: without a revision its HEAD is scanned.
  static std::unique_ptr<RepoView> open_commit(RepositoryPtr repository, const RepoOptions& options) {
    bool bare = git_repository_is_bare(repository.get()) != 0;
    std::string root = without_trailing_slash(bare ? git_repository_path(repository.get())
                                                   : git_repository_workdir(repository.get()));
    auto view = start(TargetKind::Commit, root, bare);
    start_git(*view, repository.get());
    if (!options.rev && git_repository_head_unborn(repository.get()) == 1) {
      throw RepoError("bare repository " + root + " has no commits yet (HEAD is unborn); nothing to scan");
    }
    std::string rev = options.rev.value_or("HEAD");
    ResolvedCommit resolved = resolve_commit(repository.get(), rev, root);
    view->commit_ = oid_hex(*git_commit_id(resolved.commit.get()));
    view->branch_ = resolved.branch;
    git_tree* tree = nullptr;
    if (git_commit_tree(&tree, resolved.commit.get()) != 0)
      throw_git_error("cannot read the tree of '" + rev + "'");
    TreePtr owned_tree(tree);
    ExcludeRules rules(options.exclude, output_prefix(view->root_, options.output_dir));
    view->files_ = list_commit_tree(repository.get(), tree, rules, "revision '" + rev + "' of " + root);
    finish_listing(view->files_);
    view->source_ = std::make_unique<BlobReader>(view->git_dir_);
    return view;
  }

  // HEAD's commit and branch; both stay "" while HEAD is unborn.
  static void read_head(RepoView& view, git_repository* repository) {
    git_reference* head = nullptr;
    int result = git_repository_head(&head, repository);
    if (result == GIT_EUNBORNBRANCH || result == GIT_ENOTFOUND) return;
    if (result != 0) throw_git_error("cannot resolve HEAD in repository " + view.root_);
    ReferencePtr owned_head(head);
    git_object* peeled = nullptr;
    if (git_reference_peel(&peeled, head, GIT_OBJECT_COMMIT) != 0) {
      throw_git_error("HEAD of repository " + view.root_ + " does not point to a commit");
    }
    ObjectPtr owned_commit(peeled);
    view.commit_ = oid_hex(*git_object_id(peeled));
    if (git_reference_is_branch(head)) view.branch_ = git_reference_shorthand(head);
  }
};

RepoView::RepoView() = default;
RepoView::~RepoView() = default;

std::unique_ptr<RepoView> RepoView::open(const fs::path& path, const RepoOptions& options) {
  return RepoViewBuilder::open(path, options);
}

std::string RepoView::read(std::size_t index) const { return source_->read(files_.at(index)); }

std::size_t RepoView::read_into(std::size_t index, std::string& buffer) const {
  return source_->read_into(files_.at(index), buffer);
}

}  // namespace assay::repo
