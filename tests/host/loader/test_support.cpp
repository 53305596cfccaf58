#include "test_support.h"

#include <random>

namespace fs = std::filesystem;

namespace assay::loader::testing {

fs::path fixture_dir() { return fs::path(ASSAY_FIXTURE_PLUGIN_DIR); }

fs::path fixture(const std::string& name) { return fixture_dir() / ("fixture-" + name + ".so"); }

LogCallback discard_log() {
  return [](assay_log_level, const std::string&, const std::string&) {};
}

LogCallback LogRecorder::callback() {
  return [this](assay_log_level level, const std::string& plugin, const std::string& message) {
    std::lock_guard lock(mutex_);
    lines_.push_back({level, plugin, message});
  };
}

std::vector<LogLine> LogRecorder::lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

bool LogRecorder::contains(assay_log_level level, const std::string& plugin, const std::string& text) const {
  for (const auto& line : lines()) {
    if (line.level == level && line.plugin == plugin && line.message.find(text) != std::string::npos)
      return true;
  }
  return false;
}

TempDir::TempDir() {
  std::random_device random;
  path_ = fs::temp_directory_path() /
          ("assay-loader-test-" + std::to_string(random()) + std::to_string(random()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

namespace {

std::string text(const char* s) { return s ? s : ""; }

size_t file_count(const assay_scan* scan) { return scan->files.size(); }

assay_status file_info(const assay_scan* scan, size_t index, assay_file_info* out) {
  if (index >= scan->files.size()) return ASSAY_INVALID;
  out->path = scan->files[index].first.c_str();
  out->size = scan->files[index].second.size();
  out->blob_id = "";
  out->language = "";
  return ASSAY_OK;
}

assay_status file_read(const assay_scan* scan, size_t index, assay_blob* out) {
  if (index >= scan->files.size()) return ASSAY_INVALID;
  out->data = scan->files[index].second.data();
  out->size = scan->files[index].second.size();
  return ASSAY_OK;
}

void file_release(const assay_scan*, assay_blob* blob) {
  blob->data = nullptr;
  blob->size = 0;
}

assay_status emit(const assay_scan* scan, const assay_finding* f) {
  if (scan->cancelled) return ASSAY_CANCELLED;
  EmittedFinding copy{text(f->rule), text(f->title),    text(f->category),
                      text(f->path), text(f->evidence), text(f->severity),
                      f->line_start, f->line_end,       {}};
  for (size_t i = 0; i < f->tag_count; ++i) copy.tags.push_back(text(f->tags[i]));
  std::lock_guard lock(scan->mutex);
  scan->findings.push_back(std::move(copy));
  return ASSAY_OK;
}

int is_cancelled(const assay_scan* scan) { return scan->cancelled ? 1 : 0; }

assay_status parallel_for(const assay_scan* scan, size_t count, void (*fn)(void*, size_t), void* user) {
  for (size_t i = 0; i < count; ++i) {
    if (scan->cancelled) return ASSAY_CANCELLED;
    fn(user, i);
  }
  return ASSAY_OK;
}

const char* scan_root(const assay_scan* scan) { return scan->root.c_str(); }
const char* scan_commit(const assay_scan* scan) { return scan->commit.c_str(); }

}  // namespace

const assay_host_api& scan_functions() {
  static const assay_host_api table = [] {
    assay_host_api t{};
    t.file_count = file_count;
    t.file_info = file_info;
    t.file_read = file_read;
    t.file_release = file_release;
    t.emit = emit;
    t.is_cancelled = is_cancelled;
    t.parallel_for = parallel_for;
    t.scan_root = scan_root;
    t.scan_commit = scan_commit;
    return t;
  }();
  return table;
}

}  // namespace assay::loader::testing
