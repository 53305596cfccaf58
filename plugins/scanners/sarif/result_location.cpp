#include "result_location.h"

#include <algorithm>
#include <limits>

#include "json_fields.h"
#include "sarif_message.h"

namespace assay::sarif {
namespace {

using input::FieldError;
using input::JsonPath;
using nlohmann::json;

uint32_t line_number(const json& region, std::string_view key, const JsonPath& where) {
  const std::optional<uint64_t> value = input::count_field(region, key, where);
  if (!value) return 0;
  if (*value == 0) throw FieldError(where.child(key), "must be 1 or more (lines and columns count from 1)");
  return static_cast<uint32_t>(std::min<uint64_t>(*value, std::numeric_limits<uint32_t>::max()));
}

std::string snippet_text(const json& region, const JsonPath& where) {
  const json* snippet = input::object_field(region, "snippet", where);
  if (snippet == nullptr) return "";
  return input::string_field(*snippet, "text", where.child("snippet")).value_or("");
}

void read_region(ResultLocation& location, const json& physical, const JsonPath& where,
                 ProblemList& problems) {
  try {
    if (const json* region = input::object_field(physical, "region", where)) {
      const JsonPath at = where.child("region");
      location.line_start = line_number(*region, "startLine", at);
      location.line_end = std::max(line_number(*region, "endLine", at), location.line_start);
      if (location.line_start == 0) location.line_end = 0;
      location.column_start = line_number(*region, "startColumn", at);
      location.column_end = line_number(*region, "endColumn", at);
      location.snippet = snippet_text(*region, at);
    }
    if (const json* context = input::object_field(physical, "contextRegion", where);
        context && location.snippet.empty())
      location.snippet = snippet_text(*context, where.child("contextRegion"));
  } catch (const FieldError& error) {
    problems.push_back(
        {ProblemKind::value_ignored, error.path(), error.problem() + "; the region is left out"});
    location.line_start = location.line_end = location.column_start = location.column_end = 0;
  }
}

void read_artifact_location(ResultLocation& location, const json& physical, const RunContext& run,
                            const UriResolver& resolver, const JsonPath& where) {
  const json* artifact = input::object_field(physical, "artifactLocation", where);
  if (artifact == nullptr) return;
  const JsonPath at = where.child("artifactLocation");
  std::optional<std::string> uri = input::string_field(*artifact, "uri", at);
  std::optional<std::string> base = input::string_field(*artifact, "uriBaseId", at);
  if (!uri) {
    const std::optional<uint64_t> index = input::count_field(*artifact, "index", at);
    if (!index) return;
    if (*index >= run.artifacts.size() || !run.artifacts[*index])
      throw FieldError(at.child("index"), std::to_string(*index) + " names no artifact of the run");
    uri = run.artifacts[*index]->uri;
    if (!base && !run.artifacts[*index]->base_id.empty()) base = run.artifacts[*index]->base_id;
  }
  location.uri = *uri;
  location.uri_base_id = base.value_or("");
  const Resolved resolved = resolver.resolve(location.uri, location.uri_base_id, run.bases);
  location.path = resolved.path;
  location.refused = resolved.refused;
}

void read_logical(ResultLocation& location, const json& object, const RunContext& run, const JsonPath& where,
                  ProblemList& problems) {
  try {
    const json* list = input::array_field(object, "logicalLocations", where);
    if (list == nullptr) return;
    for (size_t i = 0; i < list->size(); ++i) {
      const JsonPath at = where.child("logicalLocations").child(i);
      const json& logical = input::require_object((*list)[i], at);
      std::string name = input::string_field(logical, "fullyQualifiedName", at).value_or("");
      if (name.empty()) name = input::string_field(logical, "name", at).value_or("");
      if (name.empty()) {
        if (auto index = input::count_field(logical, "index", at);
            index && *index < run.logical_locations.size())
          name = run.logical_locations[*index];
      }
      if (!name.empty()) location.logical.push_back(std::move(name));
    }
  } catch (const FieldError& error) {
    problems.push_back({ProblemKind::value_ignored, error.path(), error.problem() + "; left out"});
  }
}

}  // namespace

ResultLocation read_location(const json& object, const RunContext& run, const UriResolver& resolver,
                             const JsonPath& where, ProblemList& problems) {
  input::require_object(object, where);
  ResultLocation location;
  if (const json* physical = input::object_field(object, "physicalLocation", where)) {
    const JsonPath at = where.child("physicalLocation");
    read_artifact_location(location, *physical, run, resolver, at);
    read_region(location, *physical, at, problems);
  }
  try {
    if (const json* message = input::object_field(object, "message", where))
      location.message = format_message(*message, nullptr, nullptr, where.child("message"));
  } catch (const FieldError& error) {
    problems.push_back({ProblemKind::value_ignored, error.path(), error.problem() + "; left out"});
  }
  read_logical(location, object, run, where, problems);
  return location;
}

nlohmann::ordered_json ResultLocation::details() const {
  nlohmann::ordered_json j;
  j["path"] = path;
  if (!uri.empty()) j["uri"] = uri;
  if (!uri_base_id.empty()) j["uri_base_id"] = uri_base_id;
  if (line_start > 0) {
    j["line_start"] = line_start;
    j["line_end"] = line_end;
  }
  if (column_start > 0) j["column_start"] = column_start;
  if (column_end > 0) j["column_end"] = column_end;
  if (!snippet.empty()) j["snippet"] = snippet;
  if (!message.empty()) j["message"] = message;
  if (!logical.empty()) j["logical"] = logical;
  return j;
}

}  // namespace assay::sarif
