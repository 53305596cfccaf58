// What can still be used of a user's document that failed validation, so
// that one wrong host setting does not hide the problems of the rest.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace YAML {
class Node;
}

namespace assay::config {

// `node` without the mapping entries that violate `schema`: an entry whose
// value is a mapping keeps its valid entries, recursively, when what remains
// is valid; any other invalid entry is dropped, so the defaults apply in its
// place. Returns `node` itself when it is valid, and an Undefined node when
// it is invalid and not a mapping. Required keys are not checked, as for a
// file merged over defaults. The result shares nodes with `node`.
YAML::Node valid_subset(const YAML::Node& node, const nlohmann::json& schema);

}  // namespace assay::config
