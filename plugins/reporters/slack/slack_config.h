// The slack reporter's configuration section (plugins.slack) and its JSON
// Schema. The webhook URL is a secret: the section names where the host reads
// it (an environment variable or a file), never the URL itself.
#pragma once

#include <cstdint>
#include <string>

namespace assay::reporters::slack {

extern const char* const kConfigSchema;

struct DeliveryPolicy {
  uint32_t max_attempts = 5;
  uint32_t backoff_initial_ms = 1000;
  uint32_t backoff_max_ms = 60000;
  uint32_t timeout_ms = 10000;
};

struct SlackConfig {
  // "env:NAME" or "file:PATH", the endpoint reference of the host's delivery
  // service (plugin.h, assay_delivery.endpoint).
  std::string endpoint;
  size_t top = 5;           // items of the top list, each a section
  size_t list_lines = 20;   // lines of the new and of the resolved list
  std::string report_link;  // "" = the markdown report's path in the output directory
  std::string report_file = "BACKLOG.md";
  DeliveryPolicy delivery;
};

// Throws std::invalid_argument naming plugins.slack.<field>.
SlackConfig read_slack_config(const std::string& config_json);

}  // namespace assay::reporters::slack
