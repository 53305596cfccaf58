// Conversion of YAML configuration to JSON, the form plugins receive their
// section in. A JSON Schema guides the typing of scalars: under a "string"
// schema `10` stays the text "10", under "integer" or "number" it is 10.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace YAML {
class Node;
}

namespace assay::config {

// Converts `node` to JSON. A scalar takes the first of boolean, integer,
// number, string, null that the schema's "type" allows and the scalar can be
// read as; without a usable "type" it is resolved with YAML's core schema.
// A null node becomes {} where the schema expects only an object. Mappings
// follow "properties" and "additionalProperties", sequences "items".
nlohmann::json yaml_to_json(const YAML::Node& node, const nlohmann::json& schema);

// Fills absent properties of objects with the schema's "default" values,
// recursively; an absent object property without a default is created when
// its own properties have defaults.
void apply_defaults(nlohmann::json& value, const nlohmann::json& schema);

}  // namespace assay::config
