#include "config_section.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace assay::reporters {

ConfigSection::ConfigSection(std::string plugin, std::string_view json_text,
                             std::initializer_list<std::string_view> known_keys)
    : plugin_(std::move(plugin)) {
  auto parsed = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded())
    throw std::invalid_argument("plugins." + plugin_ + ": configuration is not valid JSON");
  if (!parsed.is_object())
    throw std::invalid_argument("plugins." + plugin_ + ": configuration must be a mapping");
  for (const auto& [key, value] : parsed.items()) {
    if (std::find(known_keys.begin(), known_keys.end(), key) == known_keys.end())
      throw std::invalid_argument(where(key) + " is not a known setting");
  }
  section_ = std::make_unique<nlohmann::json>(std::move(parsed));
}

ConfigSection::~ConfigSection() = default;

int64_t ConfigSection::integer(std::string_view key, int64_t fallback, int64_t min, int64_t max) const {
  auto it = section_->find(key);
  if (it == section_->end()) return fallback;
  const std::string range = " between " + std::to_string(min) + " and " + std::to_string(max);
  if (!it->is_number_integer()) throw std::invalid_argument(where(key) + " must be an integer" + range);
  int64_t value = it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)
                      ? INT64_MAX
                      : it->get<int64_t>();
  if (value < min || value > max)
    throw std::invalid_argument(where(key) + " must be" + range + ", not " + it->dump());
  return value;
}

std::string ConfigSection::text(std::string_view key, std::string_view fallback) const {
  auto it = section_->find(std::string(key));
  if (it == section_->end()) return std::string(fallback);
  if (!it->is_string()) throw std::invalid_argument(where(key) + " must be a string");
  return it->get<std::string>();
}

std::string ConfigSection::file_name(std::string_view key, std::string_view fallback) const {
  auto it = section_->find(key);
  if (it == section_->end()) return std::string(fallback);
  if (!it->is_string()) throw std::invalid_argument(where(key) + " must be a file name (a string)");
  const auto& name = it->get_ref<const std::string&>();
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
      name.find('\0') != std::string::npos)
    throw std::invalid_argument(where(key) + " must be a plain file name inside the output directory, not '" +
                                name + "'");
  return name;
}

std::string ConfigSection::where(std::string_view key) const {
  return "plugins." + plugin_ + "." + std::string(key);
}

}  // namespace assay::reporters
