// Validation of YAML nodes against a JSON Schema, with every problem located
// at the line and column of the offending key or value. Host sections and
// plugin sections are both checked with it.
//
// Supported subset: type (object, array, string, integer, number, boolean,
// null; a name or a list of names), properties, additionalProperties (false
// or a schema), items, enum, minimum, maximum, exclusiveMinimum,
// exclusiveMaximum, minLength, maxLength, pattern (ECMAScript, unanchored),
// minItems, maxItems, required. description, default and unknown keywords
// are ignored. An empty (null) value is accepted where an object is
// expected: an empty section changes nothing.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "config/diagnostic.h"

namespace YAML {
class Node;
}

namespace assay::config {

struct ValidationOptions {
  std::string file;  // names the file in diagnostics
  std::string path;  // dotted path of the validated node in the document, "" for the root
  // False for a file merged over defaults: the defaults supply what it
  // omits. Items of lists are checked either way, since lists replace. A
  // required key whose schema has a default counts as present.
  bool check_required = true;
};

// Every problem of `node` against `schema`, in document order. The schema
// must be well-formed (see schema_problems); malformed keywords are skipped.
std::vector<Diagnostic> validate_yaml(const YAML::Node& node, const nlohmann::json& schema,
                                      const ValidationOptions& options);

// Messages for "required" properties absent from `value` (JSON, after
// defaults were applied), recursing into present objects but not into
// arrays, whose items validate_yaml checks in place; each starts with
// the dotted path of the object that lacks the key. `path` names `value`.
std::vector<std::string> missing_required(const nlohmann::json& value, const nlohmann::json& schema,
                                          const std::string& path);

}  // namespace assay::config
