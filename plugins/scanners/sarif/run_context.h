// What a SARIF run says besides its results: the tool and its rules, the
// uriBaseIds, the artifacts and logical locations results refer to by
// index, and the taxonomies (CWE). The reader's first pass builds one per
// run; the second pass converts the results with it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "json_path.h"
#include "rule_info.h"
#include "sarif_problem.h"
#include "uri_resolver.h"

namespace assay::sarif {

struct ArtifactRef {
  std::string uri;
  std::string base_id;
};

struct RunContext {
  bool present = false;   // runs[i] was an object
  bool has_tool = false;  // tool.driver.name was read
  ToolComponent driver;
  std::vector<ToolComponent> extensions;
  std::map<std::string, UriBase> bases;
  std::vector<std::optional<ArtifactRef>> artifacts;  // by index; nullopt when malformed
  std::vector<std::string> logical_locations;         // by index: fullyQualifiedName, else name
  std::vector<std::string> taxonomy_names;            // by index, as written
  std::string automation_id;                          // automationDetails.id
  bool security_tool = false;                         // set by the reader from the options

  // Reads one captured member of runs[i] (tool, originalUriBaseIds,
  // taxonomies, automationDetails) at `where`. Throws input::FieldError when
  // the member makes the run unusable (tool without driver name).
  void read_member(std::string_view key, const nlohmann::json& value, const input::JsonPath& where,
                   ProblemList& problems);
  // Reads runs[i].artifacts[index] / runs[i].logicalLocations[index].
  void read_artifact(size_t index, const nlohmann::json& artifact, const input::JsonPath& where,
                     ProblemList& problems);
  void read_logical_location(size_t index, const nlohmann::json& location, const input::JsonPath& where,
                             ProblemList& problems);

  // The component a toolComponentReference names (by index into
  // extensions, guid or name), the driver when `reference` is null.
  // nullptr when it names nothing this run has.
  const ToolComponent* component(const nlohmann::json* reference) const;

  // True when a toolComponentReference (in result.taxa[]) names a taxonomy
  // called CWE.
  bool names_cwe_taxonomy(const nlohmann::json& reference) const;
};

}  // namespace assay::sarif
