// The shipped default configuration, as the tests load it.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace assay::scoring::testing {

inline YAML::Node default_config() { return YAML::LoadFile(ASSAY_SOURCE_DIR "/config/assay.yaml"); }

// A deep copy of the default `scoring` section that a test may modify.
inline YAML::Node default_scoring_section() { return YAML::Clone(default_config()["scoring"]); }

}  // namespace assay::scoring::testing
