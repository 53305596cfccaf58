#include "scan/state_settings.h"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include "config/config.h"
#include "config/yaml_lookup.h"
#include "config/yaml_scalar.h"

namespace assay::scan {
namespace {

// The merged configuration always holds the section (the defaults do), and
// the schema has checked its types; a missing or mistyped value here means
// the embedded defaults are broken, which the message says.
YAML::Node setting(const config::Config& config, std::initializer_list<std::string> keys, const char* name) {
  YAML::Node node = config::find_path(config.root(), keys);
  if (!node.IsDefined()) throw std::invalid_argument(std::string(name) + ": missing from the configuration");
  return node;
}

int integer(const config::Config& config, std::initializer_list<std::string> keys, const char* name) {
  auto value = config::read_integer(setting(config, keys, name));
  if (!value) throw std::invalid_argument(std::string(name) + ": expected an integer");
  return static_cast<int>(*value);
}

}  // namespace

StateSettings state_settings(const config::Config& config) {
  StateSettings s;
  auto enabled = config::read_boolean(setting(config, {"state", "enabled"}, "state.enabled"));
  if (!enabled) throw std::invalid_argument("state.enabled: expected a boolean");
  s.enabled = *enabled;
  const YAML::Node path = setting(config, {"state", "path"}, "state.path");
  s.path = path.IsScalar() ? path.Scalar() : "";
  if (!config.user_file().empty()) s.config_dir = std::filesystem::path(config.user_file()).parent_path();
  s.busy_timeout_ms = integer(config, {"state", "busy_timeout_ms"}, "state.busy_timeout_ms");
  s.period_days = integer(config, {"state", "period_days"}, "state.period_days");
  s.retention.detail_days =
      integer(config, {"state", "retention", "detail_days"}, "state.retention.detail_days");
  s.retention.summary_days =
      integer(config, {"state", "retention", "summary_days"}, "state.retention.summary_days");
  s.delivery_wait_seconds = integer(config, {"delivery", "wait_seconds"}, "delivery.wait_seconds");
  if (s.retention.summary_days < s.retention.detail_days)
    throw std::invalid_argument("state.retention.summary_days (" + std::to_string(s.retention.summary_days) +
                                ") must be at least state.retention.detail_days (" +
                                std::to_string(s.retention.detail_days) + ")");
  if (s.period_days > s.retention.detail_days)
    throw std::invalid_argument("state.period_days (" + std::to_string(s.period_days) +
                                ") must not exceed state.retention.detail_days (" +
                                std::to_string(s.retention.detail_days) +
                                "): older lifecycle events are pruned");
  return s;
}

std::filesystem::path store_path(const StateSettings& settings, const std::filesystem::path& scan_path) {
  if (settings.path.empty()) return scan_path / ".assay" / "state.db";
  std::filesystem::path configured(settings.path);
  if (configured.is_relative()) configured = std::filesystem::absolute(settings.config_dir / configured);
  return configured.lexically_normal();
}

}  // namespace assay::scan
