// GET /healthz: the service is healthy when its event loop, its bus and the
// state store of every repository answer.
#pragma once

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace zmq {
class context_t;
}

namespace assay::serve {

struct HealthReport {
  bool healthy = false;
  std::string json;  // {"status": "ok"|"unhealthy", "checks": {...}}
};

// Runs on the event loop (answering at all proves the loop turns), pings the
// bus thread, and reads every existing store; a store that does not exist
// yet (no scan has finished) is healthy when its directory can be created.
HealthReport check_health(zmq::context_t& bus_context, const std::vector<std::filesystem::path>& store_files);

}  // namespace assay::serve
