// Merging a user's configuration over the defaults.
#pragma once

namespace YAML {
class Node;
}

namespace assay::config {

// `overlay` merged over `base`: where both are mappings they merge key by key,
// recursively, keeping base's key order and appending new keys; otherwise
// the overlay's value replaces the base's (scalars and sequences are never
// combined). An empty (null) overlay leaves a base mapping as it is. The
// result shares nodes with both inputs, so their source positions (Mark)
// survive; neither input is modified.
YAML::Node merge_yaml(const YAML::Node& base, const YAML::Node& overlay);

}  // namespace assay::config
