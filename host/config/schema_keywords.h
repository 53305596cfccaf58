// Reading the keywords of the JSON Schema subset assay supports, shared by
// the validator and the YAML-to-JSON conversion.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <set>
#include <string>
#include <vector>

namespace assay::config {

// The type names the subset knows: object, array, string, integer, number,
// boolean, null.
const std::vector<std::string>& known_type_names();

// The names in the schema's "type" (a string or a list of strings); empty
// when the schema does not constrain the type.
std::set<std::string> schema_types(const nlohmann::json& schema);

// The schema of property `key`: its entry in "properties", else an object
// "additionalProperties", else the empty schema (anything).
const nlohmann::json& property_schema(const nlohmann::json& schema, const std::string& key);

// The schema of array elements ("items"), or the empty schema.
const nlohmann::json& item_schema(const nlohmann::json& schema);

// Problems in a schema itself (unknown type names, keywords of the wrong JSON
// type, invalid regular expressions), each naming the JSON pointer of the
// offending keyword. Empty when the schema is usable.
std::vector<std::string> schema_problems(const nlohmann::json& schema);

}  // namespace assay::config
