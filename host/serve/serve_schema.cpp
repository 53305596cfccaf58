#include "serve/serve_schema.h"

#include <nlohmann/json.hpp>

namespace assay::serve {
namespace {

using nlohmann::json;

// The form of a duration is checked by parse_duration (serve_config.cpp),
// whose messages say what is wrong with it.
json duration(const char* description) {
  return {{"type", "string"}, {"minLength", 2}, {"description", description}};
}

json schedule_entry_schema() {
  return {
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"every", duration("Scan at this interval, e.g. 1h, 30m, 1h30m.")},
        {"cron", {{"type", "string"}, {"minLength", 1}, {"description", "5-field cron expression (UTC)."}}},
        {"scanners",
         {{"type", {"array", "string"}},
          {"items", {{"type", "string"}, {"minLength", 1}}},
          {"description", "Scanner plugins to run, or 'all'."}}}}}};
}

json repositories_schema() {
  return {
      {"type", "array"},
      {"description", "Repositories the service scans."},
      {"items",
       {{"type", "object"},
        {"additionalProperties", false},
        {"required", {"path"}},
        {"properties",
         {{"path", {{"type", "string"}, {"minLength", 1}, {"description", "Root of the repository."}}},
          {"watch",
           {{"type", "boolean"}, {"description", "Scan when the watched branch gets a new commit."}}},
          {"branch",
           {{"type", "string"}, {"description", "Branch watched and scanned; empty = the checked-out one."}}},
          {"debounce", duration("Quiet time after a new commit before the scan starts.")},
          {"schedule", {{"type", "array"}, {"items", schedule_entry_schema()}}}}}}}};
}

json service_schema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"http",
             {{"type", "string"},
              {"description", "host:port of the /metrics and /healthz listener; empty = none."}}},
            {"max_concurrent_scans", {{"type", "integer"}, {"minimum", 1}, {"maximum", 64}}},
            {"stop_timeout", duration("How long SIGTERM waits for cancelled scans before exiting.")},
            {"watch_interval", duration("How often watched branches are polled.")}}}};
}

json bus_schema() {
  return {
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"publish", {{"type", "string"}, {"description", "ipc:// or tcp:// endpoint of the event stream."}}},
        {"snapshot",
         {{"type", "string"}, {"description", "ipc:// or tcp:// endpoint answering backlog snapshots."}}},
        {"send_hwm", {{"type", "integer"}, {"minimum", 1}, {"maximum", 10000000}}},
        {"curve",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"public_key", {{"type", "string"}, {"minLength", 40}, {"maxLength", 40}}},
            {"secret_key", {{"type", "string"}, {"minLength", 40}, {"maxLength", 40}}}}}}}}}};
}

}  // namespace

void add_serve_schema(json& host_schema) {
  host_schema["properties"]["repositories"] = repositories_schema();
  host_schema["properties"]["service"] = service_schema();
  host_schema["properties"]["bus"] = bus_schema();
}

}  // namespace assay::serve
