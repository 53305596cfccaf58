// The default configuration, config/assay.yaml, compiled into the binary.
#pragma once

#include <string_view>

namespace assay::config {

// The text of config/assay.yaml as it was at build time.
std::string_view default_config_text();

// How diagnostics and descriptions name the embedded file.
inline constexpr std::string_view kDefaultConfigLabel = "built-in defaults (config/assay.yaml)";

}  // namespace assay::config
