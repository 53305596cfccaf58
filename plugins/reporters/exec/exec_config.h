// The exec reporter's configuration section (plugins.exec) and its schema.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace assay::reporters::exec {

extern const char* const kConfigSchema;

struct ExecConfig {
  std::vector<std::string> command;  // argv; no shell
  std::chrono::milliseconds timeout{60000};
  size_t output_limit = 64 * 1024;
  std::string working_directory;  // "" = the repository root
  std::string result_file = "exec-result.json";
};

// Throws std::invalid_argument naming plugins.exec.<field>.
ExecConfig read_exec_config(const std::string& config_json);

}  // namespace assay::reporters::exec
