// The JSON Schema of the `scoring` configuration section, for the
// configuration validator (file:line:column errors before the model is
// built). It describes exactly what parse_model_config reads; the checks a
// schema cannot state (strictly rising tables, weights summing to 1, bounds
// that exclude 0) are made by parse_model_config.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace assay::scoring {

// Subset of JSON Schema: type, properties, additionalProperties, items, enum,
// minimum, maximum, required, description.
nlohmann::json config_schema();

}  // namespace assay::scoring
