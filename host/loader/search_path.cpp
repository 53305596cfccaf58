#include "loader/search_path.h"

#include <algorithm>

#ifndef ASSAY_INSTALL_PLUGIN_DIR
#error "ASSAY_INSTALL_PLUGIN_DIR must be defined by the build (host/loader/CMakeLists.txt)"
#endif

namespace fs = std::filesystem;

namespace assay::loader {

fs::path running_binary_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path();
}

std::vector<fs::path> default_plugin_dirs() {
  std::vector<fs::path> dirs;
  if (fs::path bin = running_binary_dir(); !bin.empty()) {
    dirs.push_back((bin / ".." / "lib" / "assay" / "plugins").lexically_normal());
  }
  fs::path installed = fs::path(ASSAY_INSTALL_PLUGIN_DIR).lexically_normal();
  if (std::find(dirs.begin(), dirs.end(), installed) == dirs.end()) dirs.push_back(installed);
  return dirs;
}

std::vector<fs::path> list_shared_objects(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::path> files;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& file = it->path();
    std::error_code type_ec;
    if (file.extension() == ".so" && it->is_regular_file(type_ec)) files.push_back(file);
  }
  if (ec) return {};
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return files;
}

}  // namespace assay::loader
