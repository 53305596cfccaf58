#include "exec_config.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "config_section.h"

namespace assay::reporters::exec {

const char* const kConfigSchema = R"({
  "type": "object",
  "description": "Hands the next best item (its JSON on standard input) to a command, e.g. a ticket bot or an agent.",
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this reporter."},
    "command": {"type": "array", "items": {"type": "string"},
      "description": "The command and its arguments, run without a shell; the first is looked up in PATH when it has no '/'."},
    "timeout_ms": {"type": "integer", "minimum": 100, "maximum": 3600000, "default": 60000,
      "description": "The command's process group is killed after this long."},
    "output_limit_bytes": {"type": "integer", "minimum": 0, "maximum": 16777216, "default": 65536,
      "description": "Bytes of standard output and of standard error kept each; the rest is counted."},
    "working_directory": {"type": "string",
      "description": "Where the command runs; default the repository root."},
    "result_file": {"type": "string", "default": "exec-result.json",
      "description": "File name in the output directory for the run's result (status, duration, output)."}
  },
  "additionalProperties": false
})";

ExecConfig read_exec_config(const std::string& config_json) {
  ConfigSection section(
      "exec", config_json,
      {"enabled", "command", "timeout_ms", "output_limit_bytes", "working_directory", "result_file"});
  const auto parsed = nlohmann::json::parse(config_json);
  ExecConfig config;
  auto command = parsed.find("command");
  if (command == parsed.end())
    throw std::invalid_argument(
        "plugins.exec.command is required: the command and its arguments, e.g. "
        "[\"/usr/local/bin/ticket-bot\", \"--queue\", \"backlog\"]");
  if (!command->is_array() || command->empty())
    throw std::invalid_argument("plugins.exec.command must be a non-empty list of strings");
  for (size_t i = 0; i < command->size(); ++i) {
    const auto& arg = (*command)[i];
    if (!arg.is_string() || (i == 0 && arg.get_ref<const std::string&>().empty()) ||
        arg.get_ref<const std::string&>().find('\0') != std::string::npos)
      throw std::invalid_argument("plugins.exec.command[" + std::to_string(i) + "] must be a" +
                                  (i == 0 ? " non-empty" : "") + " string");
    config.command.push_back(arg.get<std::string>());
  }
  config.timeout = std::chrono::milliseconds(section.integer("timeout_ms", 60000, 100, 3600000));
  config.output_limit = static_cast<size_t>(section.integer("output_limit_bytes", 65536, 0, 16777216));
  if (auto dir = parsed.find("working_directory"); dir != parsed.end()) {
    if (!dir->is_string() || dir->get_ref<const std::string&>().empty())
      throw std::invalid_argument("plugins.exec.working_directory must be a non-empty string");
    config.working_directory = dir->get<std::string>();
  }
  config.result_file = section.file_name("result_file", "exec-result.json");
  return config;
}

}  // namespace assay::reporters::exec
