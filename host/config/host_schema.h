// The JSON Schema of the host's own configuration sections.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace assay::config {

// Schema of the top level: log, plugin_paths, scan, report, state, delivery, maturity,
// plugins (a mapping of plugin sections, each checked later against its
// plugin's schema by Config::check_plugins) and scoring (any mapping: the
// caller replaces properties/scoring with the scoring model's schema before
// calling Config::load). Unknown top-level keys are errors.
nlohmann::json base_host_schema();

// The allowed values of log.level and maturity.level, in schema order.
const std::vector<std::string>& log_level_names();
const std::vector<std::string>& maturity_level_names();

}  // namespace assay::config
