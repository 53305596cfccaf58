// A configuration file written for one test and removed afterwards.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace assay::config::testing {

class TempConfigFile {
 public:
  explicit TempConfigFile(std::string_view text) {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("assay-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    path_ = dir_ / "assay.yaml";
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempConfigFile() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TempConfigFile(const TempConfigFile&) = delete;
  TempConfigFile& operator=(const TempConfigFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  const std::filesystem::path& dir() const { return dir_; }
  // "<path>:line:col: " as diagnostics start.
  std::string at(int line, int column) const {
    return path_.string() + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
  }

 private:
  std::filesystem::path dir_;
  std::filesystem::path path_;
};

}  // namespace assay::config::testing
