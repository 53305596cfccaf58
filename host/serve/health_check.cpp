#include "serve/health_check.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "serve/bus_responder.h"
#include "state/sqlite_store.h"

namespace assay::serve {
namespace {

// "ok", or what is wrong with the store.
std::string check_store(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    auto dir = file.parent_path();
    while (!dir.empty() && !std::filesystem::exists(dir, ec)) dir = dir.parent_path();
    if (dir.empty()) return "no existing directory above " + file.string();
    return ::access(dir.c_str(), W_OK) == 0 ? "ok" : dir.string() + " is not writable";
  }
  try {
    auto store = state::open_sqlite_store(file.string(), {1000, false});
    int version = 0;
    store->read([&](state::StateReader& reader) { version = reader.schema_version(); });
    return version > 0 ? "ok" : "no schema version";
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace

HealthReport check_health(zmq::context_t& bus_context,
                          const std::vector<std::filesystem::path>& store_files) {
  nlohmann::json checks = {{"loop", "ok"}};
  bool healthy = true;
  std::string bus_error;
  if (ping_bus(bus_context, 500, bus_error)) {
    checks["bus"] = "ok";
  } else {
    checks["bus"] = bus_error;
    healthy = false;
  }
  nlohmann::json stores = nlohmann::json::object();
  for (const auto& file : store_files) {
    std::string result = check_store(file);
    healthy &= result == "ok";
    stores[file.string()] = result;
  }
  checks["state"] = stores;
  return {healthy, nlohmann::json{{"status", healthy ? "ok" : "unhealthy"}, {"checks", checks}}.dump()};
}

}  // namespace assay::serve
