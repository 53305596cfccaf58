#include "slack_config.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "config_section.h"

namespace assay::reporters::slack {
namespace {

using nlohmann::json;

constexpr const char* kPlugin = "slack";

std::string optional_text(const json& section, const char* key) {
  auto it = section.find(key);
  if (it == section.end()) return "";
  if (!it->is_string() || it->get_ref<const std::string&>().empty())
    throw std::invalid_argument(std::string("plugins.slack.") + key + " must be a non-empty string");
  return it->get<std::string>();
}

bool is_environment_name(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

std::string endpoint_reference(const json& section) {
  const std::string env = optional_text(section, "webhook_url_env");
  const std::string file = optional_text(section, "webhook_url_file");
  if (env.empty() == file.empty())
    throw std::invalid_argument(
        "plugins.slack: set exactly one of webhook_url_env (an environment variable holding the "
        "webhook URL) and webhook_url_file (a file holding it)");
  if (!env.empty()) {
    if (!is_environment_name(env))
      throw std::invalid_argument(
          "plugins.slack.webhook_url_env must name an environment variable "
          "([A-Za-z_][A-Za-z0-9_]*), not '" +
          env + "'");
    return "env:" + env;
  }
  return "file:" + file;
}

DeliveryPolicy delivery_policy(const json& section) {
  DeliveryPolicy policy;
  auto it = section.find("delivery");
  if (it == section.end()) return policy;
  if (!it->is_object()) throw std::invalid_argument("plugins.slack.delivery must be a mapping");
  ConfigSection delivery("slack.delivery", it->dump(),
                         {"max_attempts", "backoff_initial_ms", "backoff_max_ms", "timeout_ms"});
  policy.max_attempts = static_cast<uint32_t>(delivery.integer("max_attempts", 5, 1, 20));
  policy.backoff_initial_ms = static_cast<uint32_t>(delivery.integer("backoff_initial_ms", 1000, 10, 600000));
  policy.backoff_max_ms = static_cast<uint32_t>(delivery.integer("backoff_max_ms", 60000, 10, 3600000));
  policy.timeout_ms = static_cast<uint32_t>(delivery.integer("timeout_ms", 10000, 100, 120000));
  if (policy.backoff_max_ms < policy.backoff_initial_ms)
    throw std::invalid_argument("plugins.slack.delivery.backoff_max_ms must be at least backoff_initial_ms");
  return policy;
}

}  // namespace

const char* const kConfigSchema = R"({
  "type": "object",
  "description": "Posts a digest of each scan to a Slack incoming webhook, through the host's durable outbox.",
  "properties": {
    "enabled": {"type": "boolean", "default": true, "description": "Run this reporter."},
    "webhook_url_env": {"type": "string",
      "description": "Environment variable that holds the webhook URL. Exactly one of webhook_url_env and webhook_url_file."},
    "webhook_url_file": {"type": "string",
      "description": "File that holds the webhook URL (first line), read when a message is sent."},
    "top": {"type": "integer", "minimum": 1, "maximum": 40, "default": 5,
            "description": "Items of the top list, one section each."},
    "list_lines": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20,
                   "description": "Lines of the new and of the resolved list; the rest are counted."},
    "report_link": {"type": "string",
      "description": "Link (or path) to the full report; default the markdown report's path in the output directory."},
    "report_file": {"type": "string", "default": "BACKLOG.md",
      "description": "File name of the full report in the output directory, when report_link is not set."},
    "delivery": {"type": "object", "additionalProperties": false,
      "description": "Retries of the host's outbox for these messages.",
      "properties": {
        "max_attempts": {"type": "integer", "minimum": 1, "maximum": 20, "default": 5},
        "backoff_initial_ms": {"type": "integer", "minimum": 10, "maximum": 600000, "default": 1000},
        "backoff_max_ms": {"type": "integer", "minimum": 10, "maximum": 3600000, "default": 60000},
        "timeout_ms": {"type": "integer", "minimum": 100, "maximum": 120000, "default": 10000}
      }}
  },
  "additionalProperties": false
})";

SlackConfig read_slack_config(const std::string& config_json) {
  ConfigSection section(kPlugin, config_json,
                        {"enabled", "webhook_url_env", "webhook_url_file", "top", "list_lines", "report_link",
                         "report_file", "delivery"});
  const json parsed = json::parse(config_json);
  SlackConfig config;
  config.endpoint = endpoint_reference(parsed);
  config.top = static_cast<size_t>(section.integer("top", 5, 1, 40));
  config.list_lines = static_cast<size_t>(section.integer("list_lines", 20, 1, 200));
  config.report_link = optional_text(parsed, "report_link");
  config.report_file = section.file_name("report_file", "BACKLOG.md");
  config.delivery = delivery_policy(parsed);
  return config;
}

}  // namespace assay::reporters::slack
