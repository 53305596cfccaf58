#include "config/host_schema.h"

#include <nlohmann/json.hpp>

namespace assay::config {

namespace {

using nlohmann::json;

json strings(const std::vector<std::string>& values) { return json(values); }

json log_schema() {
  return {{"type", "object"},
          {"description", "Logging of the host and of every plugin."},
          {"additionalProperties", false},
          {"properties",
           {{"level",
             {{"type", "string"},
              {"enum", strings(log_level_names())},
              {"description", "Lowest level written."}}},
            {"format",
             {{"type", "string"},
              {"enum", {"text", "json"}},
              {"description", "text, or json: one JSON object per line."}}}}}};
}

json plugin_paths_schema() {
  return {{"type", "array"},
          {"description", "Extra directories searched for plugins (assay-*.so)."},
          {"items", {{"type", "string"}, {"minLength", 1}}}};
}

json scan_schema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"threads",
             {{"type", "integer"},
              {"minimum", 0},
              {"maximum", 1024},
              {"description", "Worker threads; 0 = one per core."}}},
            {"exclude",
             {{"type", "array"},
              {"items", {{"type", "string"}, {"minLength", 1}}},
              {"description", "Extra glob patterns of paths never scanned."}}},
            {"plugin_cache",
             {{"type", "string"},
              {"description",
               "Scanners' cache of per-file work, relative to the repository root; empty: no cache."}}}}}};
}

json report_schema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"formats",
             {{"type", "array"},
              {"items", {{"type", "string"}, {"pattern", "^[a-z0-9_-]+$"}}},
              {"description", "Reporter plugins to run after a scan; md names markdown."}}},
            {"top",
             {{"type", "integer"},
              {"minimum", 0},
              {"maximum", 10000},
              {"description", "Items shown on the terminal summary."}}}}}};
}

json history_schema() {
  json hotspot = {
      {"type", "object"},
      {"additionalProperties", false},
      {"description", "Hotspot multiplier of a file from its commits in the window."},
      {"properties",
       {{"per_doubling",
         {{"type", "number"},
          {"minimum", 0},
          {"maximum", 10},
          {"description", "Added to 1 per doubling of commits over the median file's."}}},
        {"min_multiplier",
         {{"type", "number"}, {"minimum", 0}, {"maximum", 1}, {"description", "Lowest multiplier."}}},
        {"max_multiplier",
         {{"type", "number"}, {"minimum", 1}, {"maximum", 100}, {"description", "Highest multiplier."}}}}}};
  return {
      {"type", "object"},
      {"additionalProperties", false},
      {"description", "The history walk: window, cache, line origins, hotspot multipliers."},
      {"properties",
       {{"enabled", {{"type", "boolean"}, {"description", "false: scans use no history."}}},
        {"since",
         {{"type", "string"},
          {"pattern", "^(all|[1-9][0-9]{0,5}[dwy])$"},
          {"description", "Window of the walk: all, or a number followed by d, w or y."}}},
        {"first_parent",
         {{"type", "boolean"}, {"description", "Follow first parents only; merges then count as changes."}}},
        {"max_blob_size",
         {{"type", "integer"},
          {"minimum", 1},
          {"maximum", 4294967296},
          {"description", "Bytes; larger file versions are not diffed for line origins."}}},
        {"cache_file",
         {{"type", "string"},
          {"description", "Cache of the history index, relative to the repository root; empty: no cache."}}},
        {"hotspot", hotspot}}}};
}

json maturity_schema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"level",
             {{"type", "string"},
              {"enum", strings(maturity_level_names())},
              {"description", "Maturity level used until the repository is assessed."}}}}}};
}

json days(int minimum, int maximum, const char* description) {
  return {{"type", "integer"}, {"minimum", minimum}, {"maximum", maximum}, {"description", description}};
}

json state_schema() {
  return {
      {"type", "object"},
      {"description", "What assay remembers across scans (docs/state.md)."},
      {"additionalProperties", false},
      {"properties",
       {{"enabled",
         {{"type", "boolean"},
          {"description", "Keep the state store; false keys items by this scan's rank only."}}},
        {"path",
         {{"type", "string"},
          {"description",
           "The store file; empty = PATH/.assay/state.db. Relative to the configuration file's directory."}}},
        {"busy_timeout_ms",
         {{"type", "integer"},
          {"minimum", 0},
          {"maximum", 600000},
          {"description", "How long a scan waits for another assay process using the store."}}},
        {"period_days", days(1, 3650, "Days the delivery statistics cover.")},
        {"retention",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"detail_days",
             days(1, 36500,
                  "Days lifecycle events, score history, plugin runs and resolved items are kept.")},
            {"summary_days", days(1, 36500, "Days scans and their backlog summaries are kept.")}}}}}}}};
}

json delivery_schema() {
  return {{"type", "object"},
          {"description", "The outbox of messages reporters queue for delivery (docs/state.md, Outbox)."},
          {"additionalProperties", false},
          {"properties",
           {{"wait_seconds",
             {{"type", "integer"},
              {"minimum", 0},
              {"maximum", 3600},
              {"description",
               "How long assay scan keeps sending queued messages after the reports; the rest waits for "
               "the next run."}}}}}};
}

}  // namespace

const std::vector<std::string>& log_level_names() {
  static const std::vector<std::string> names = {"trace", "debug", "info", "warn", "error", "off"};
  return names;
}

const std::vector<std::string>& maturity_level_names() {
  static const std::vector<std::string> names = {"nascent", "developing", "maturing", "advanced"};
  return names;
}

json base_host_schema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"log", log_schema()},
            {"plugin_paths", plugin_paths_schema()},
            {"scan", scan_schema()},
            {"report", report_schema()},
            {"history", history_schema()},
            {"maturity", maturity_schema()},
            {"state", state_schema()},
            {"delivery", delivery_schema()},
            {"scoring", {{"type", "object"}, {"description", "The scoring model; see docs/scoring.md."}}},
            {"plugins",
             {{"type", "object"},
              {"description", "One section per plugin, named after the plugin."},
              {"additionalProperties", {{"type", "object"}}}}}}}};
}

}  // namespace assay::config
