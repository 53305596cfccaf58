#include "history/history_options.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <stdexcept>

#include "config/yaml_scalar.h"

namespace assay::history {
namespace {

constexpr int64_t kDay = 24 * 60 * 60;

[[noreturn]] void fail(const std::string& key, const std::string& problem) {
  throw std::invalid_argument("history." + key + ": " + problem);
}

config::ScalarValue scalar(const YAML::Node& section, const std::string& key) {
  const YAML::Node node = section[key];
  if (!node.IsScalar()) fail(key, "must be a scalar");
  return config::resolve_scalar(node);
}

bool boolean(const YAML::Node& section, const std::string& key, bool fallback) {
  if (!section[key]) return fallback;
  const config::ScalarValue v = scalar(section, key);
  if (v.kind != config::ScalarKind::boolean) fail(key, "must be true or false");
  return v.boolean;
}

double number(const YAML::Node& section, const std::string& path, const std::string& key, double fallback,
              double lo, double hi) {
  if (!section[key]) return fallback;
  const config::ScalarValue v = scalar(section, key);
  if ((v.kind != config::ScalarKind::number && v.kind != config::ScalarKind::integer) ||
      !(v.number >= lo && v.number <= hi))
    fail(path + key, "must be a number in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return v.number;
}

std::string text(const YAML::Node& section, const std::string& key, const std::string& fallback) {
  if (!section[key]) return fallback;
  if (!section[key].IsScalar() && !section[key].IsNull()) fail(key, "must be a string");
  return section[key].IsNull() ? std::string() : section[key].as<std::string>();
}

HotspotRules hotspot_rules(const YAML::Node& node) {
  HotspotRules rules;
  if (!node) return rules;
  if (!node.IsMap()) fail("hotspot", "must be a mapping");
  rules.per_doubling = number(node, "hotspot.", "per_doubling", rules.per_doubling, 0, 10);
  rules.min_multiplier = number(node, "hotspot.", "min_multiplier", rules.min_multiplier, 0, 1);
  rules.max_multiplier = number(node, "hotspot.", "max_multiplier", rules.max_multiplier, 1, 100);
  return rules;
}

}  // namespace

std::optional<int64_t> parse_window(const std::string& text) {
  if (text == "all") return std::nullopt;
  const char unit = text.empty() ? '\0' : text.back();
  const int64_t days_per_unit = unit == 'd' ? 1 : unit == 'w' ? 7 : unit == 'y' ? 365 : 0;
  const std::string digits = text.substr(0, text.empty() ? 0 : text.size() - 1);
  bool valid = days_per_unit > 0 && !digits.empty() && digits.size() <= 6 && digits[0] != '0';
  for (char c : digits) valid = valid && c >= '0' && c <= '9';
  if (!valid)
    throw std::invalid_argument("'" + text +
                                "' is not a window: use all, or a number followed by d, w or y (365d)");
  return std::stoll(digits) * days_per_unit * kDay;
}

HistoryOptions HistoryOptions::from_yaml(const YAML::Node& section) {
  HistoryOptions options;
  if (!section || section.IsNull()) return options;
  if (!section.IsMap()) throw std::invalid_argument("history: must be a mapping");
  options.enabled = boolean(section, "enabled", options.enabled);
  options.window_text = text(section, "since", options.window_text);
  try {
    options.window_seconds = parse_window(options.window_text);
  } catch (const std::invalid_argument& e) {
    fail("since", e.what());
  }
  options.first_parent = boolean(section, "first_parent", options.first_parent);
  options.max_blob_bytes = static_cast<uint64_t>(
      number(section, "", "max_blob_size", static_cast<double>(options.max_blob_bytes), 1, 1ull << 32));
  options.cache_file = text(section, "cache_file", options.cache_file);
  // min_multiplier <= 1 <= max_multiplier by their ranges.
  options.hotspot = hotspot_rules(section["hotspot"]);
  return options;
}

std::filesystem::path HistoryOptions::cache_path(const std::filesystem::path& root) const {
  if (cache_file.empty()) return {};
  const std::filesystem::path file(cache_file);
  return (file.is_absolute() ? file : root / file).lexically_normal();
}

}  // namespace assay::history
