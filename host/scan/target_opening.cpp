#include "scan/target_opening.h"

#include <future>
#include <stdexcept>

#include "config/config.h"
#include "repo/repo_view.h"

namespace assay::scan {
namespace {

repo::RepoOptions repo_options_of(const ScanOptions& options, const std::filesystem::path& out_dir,
                                  const config::Config& config) {
  repo::RepoOptions repo_options;
  repo_options.rev = options.rev;
  repo_options.output_dir = out_dir;
  repo_options.exclude = config.scan_exclude();
  // assay's own reports, wherever an earlier scan (of a subdirectory, or
  // with the default --out) left them, are never scanned.
  repo_options.exclude.push_back(".assay/");
  return repo_options;
}

std::unique_ptr<repo::RepoView> open_view(const std::filesystem::path& path, const repo::RepoOptions& options) {
  try {
    return repo::RepoView::open(path, options);
  } catch (const std::exception& e) {
    throw ScanFailed(e.what());
  }
}

}  // namespace

std::filesystem::path scan_path_of(const ScanOptions& options) {
  std::error_code ec;
  std::filesystem::path path = std::filesystem::absolute(options.path, ec).lexically_normal();
  if (ec) throw ScanFailed("cannot resolve path '" + options.path.string() + "': " + ec.message());
  if (path.has_relative_path() && !path.has_filename()) path = path.parent_path();
  return path;
}

std::filesystem::path out_dir_of(const ScanOptions& options, const std::filesystem::path& path) {
  return (options.out_dir ? std::filesystem::absolute(*options.out_dir) : path / ".assay").lexically_normal();
}

std::unique_ptr<repo::RepoView> open_scan_target(const ScanOptions& options, const config::Config& config) {
  const std::filesystem::path path = scan_path_of(options);
  return open_view(path, repo_options_of(options, out_dir_of(options, path), config));
}

struct EarlyTarget::Pending {
  std::future<std::unique_ptr<repo::RepoView>> view;
};

EarlyTarget::EarlyTarget(std::unique_ptr<Pending> pending) : pending_(std::move(pending)) {}

EarlyTarget::~EarlyTarget() {
  if (pending_->view.valid()) pending_->view.wait();
}

std::shared_ptr<EarlyTarget> EarlyTarget::start(const ScanOptions& options, const config::Config& config) {
  auto pending = std::make_unique<Pending>();
  try {
    const std::filesystem::path path = scan_path_of(options);
    const repo::RepoOptions repo_options = repo_options_of(options, out_dir_of(options, path), config);
    pending->view = std::async(std::launch::async, open_view, path, repo_options);
  } catch (...) {
    // The same error run() would meet; it is given by take().
    std::promise<std::unique_ptr<repo::RepoView>> failed;
    failed.set_exception(std::current_exception());
    pending->view = failed.get_future();
  }
  return std::shared_ptr<EarlyTarget>(new EarlyTarget(std::move(pending)));
}

std::unique_ptr<repo::RepoView> EarlyTarget::take() {
  if (!pending_->view.valid()) throw std::logic_error("the early scan target was already taken");
  return pending_->view.get();
}

}  // namespace assay::scan
