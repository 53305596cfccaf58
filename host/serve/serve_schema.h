// The JSON Schema of the service sections (`repositories`, `service`, `bus`),
// added to the host's schema so that `assay config check` and every command
// accept and check them.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace assay::serve {

// Adds the service sections to the properties of `host_schema`.
void add_serve_schema(nlohmann::json& host_schema);

}  // namespace assay::serve
