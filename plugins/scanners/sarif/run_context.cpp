#include "run_context.h"

#include <cctype>

#include "json_fields.h"

namespace assay::sarif {
namespace {

using input::FieldError;
using input::JsonPath;
using nlohmann::json;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void read_bases(const json& value, const JsonPath& where, std::map<std::string, UriBase>& bases,
                ProblemList& problems) {
  input::require_object(value, where);
  for (const auto& [id, location] : value.items()) {
    const JsonPath at = where.child(id);
    try {
      input::require_object(location, at);
      UriBase base;
      base.uri = input::string_field(location, "uri", at);
      base.base_id = input::string_field(location, "uriBaseId", at).value_or("");
      bases[id] = std::move(base);
    } catch (const FieldError& error) {
      problems.push_back({ProblemKind::value_ignored, error.path(),
                          error.problem() + "; the base is taken as the repository root"});
    }
  }
}

void read_tool(RunContext& run, const json& tool, const JsonPath& where, ProblemList& problems) {
  input::require_object(tool, where);
  const json* driver = input::object_field(tool, "driver", where);
  if (driver == nullptr) throw FieldError(where.child("driver"), "is missing; a run needs its tool's name");
  run.driver = read_tool_component(*driver, where.child("driver"), problems);
  if (run.driver.name.empty()) throw FieldError(where.child("driver").child("name"), "is missing or empty");
  run.has_tool = true;
  const json* extensions = nullptr;
  try {
    extensions = input::array_field(tool, "extensions", where);
  } catch (const FieldError& error) {
    problems.push_back({ProblemKind::value_ignored, error.path(), error.problem() + "; left out"});
  }
  if (extensions == nullptr) return;
  for (size_t i = 0; i < extensions->size(); ++i) {
    const JsonPath at = where.child("extensions").child(i);
    try {
      run.extensions.push_back(read_tool_component((*extensions)[i], at, problems));
    } catch (const FieldError& error) {
      problems.push_back(
          {ProblemKind::value_ignored, error.path(), error.problem() + "; the extension is left out"});
      run.extensions.emplace_back();  // keeps the indices of the others
    }
  }
}

}  // namespace

void RunContext::read_member(std::string_view key, const json& value, const JsonPath& where,
                             ProblemList& problems) {
  if (key == "tool") {
    read_tool(*this, value, where, problems);
    return;
  }
  try {
    if (key == "originalUriBaseIds") {
      read_bases(value, where, bases, problems);
    } else if (key == "taxonomies") {
      if (!value.is_array()) throw FieldError(where, "must be an array");
      for (size_t i = 0; i < value.size(); ++i) {
        const JsonPath at = where.child(i);
        input::require_object(value[i], at);
        taxonomy_names.push_back(input::string_field(value[i], "name", at).value_or(""));
      }
    } else if (key == "automationDetails") {
      input::require_object(value, where);
      automation_id = input::string_field(value, "id", where).value_or("");
    }
  } catch (const FieldError& error) {
    problems.push_back({ProblemKind::value_ignored, error.path(), error.problem() + "; left out"});
  }
}

void RunContext::read_artifact(size_t index, const json& artifact, const JsonPath& where,
                               ProblemList& problems) {
  if (artifacts.size() <= index) artifacts.resize(index + 1);
  try {
    input::require_object(artifact, where);
    const json* location = input::object_field(artifact, "location", where);
    if (location == nullptr) return;
    const JsonPath at = where.child("location");
    ArtifactRef ref;
    ref.uri = input::string_field(*location, "uri", at).value_or("");
    ref.base_id = input::string_field(*location, "uriBaseId", at).value_or("");
    artifacts[index] = std::move(ref);
  } catch (const FieldError& error) {
    problems.push_back({ProblemKind::value_ignored, error.path(),
                        error.problem() + "; results referring to this artifact have no path"});
  }
}

void RunContext::read_logical_location(size_t index, const json& location, const JsonPath& where,
                                       ProblemList& problems) {
  if (logical_locations.size() <= index) logical_locations.resize(index + 1);
  try {
    input::require_object(location, where);
    std::string name = input::string_field(location, "fullyQualifiedName", where).value_or("");
    if (name.empty()) name = input::string_field(location, "name", where).value_or("");
    logical_locations[index] = std::move(name);
  } catch (const FieldError& error) {
    problems.push_back({ProblemKind::value_ignored, error.path(), error.problem() + "; left out"});
  }
}

const ToolComponent* RunContext::component(const json* reference) const {
  if (reference == nullptr || !reference->is_object()) return &driver;
  if (const json* index = input::find_field(*reference, "index"); index && index->is_number_unsigned()) {
    const auto i = index->get<uint64_t>();
    return i < extensions.size() ? &extensions[i] : nullptr;
  }
  const json* guid = input::find_field(*reference, "guid");
  const json* name = input::find_field(*reference, "name");
  auto matches = [&](const ToolComponent& c) {
    if (guid && guid->is_string()) return c.guid == guid->get<std::string>();
    if (name && name->is_string()) return c.name == name->get<std::string>();
    return false;
  };
  if (!(guid && guid->is_string()) && !(name && name->is_string())) return &driver;
  if (matches(driver)) return &driver;
  for (const ToolComponent& extension : extensions) {
    if (matches(extension)) return &extension;
  }
  return nullptr;
}

bool RunContext::names_cwe_taxonomy(const json& reference) const {
  const json* component = input::find_field(reference, "toolComponent");
  if (component == nullptr || !component->is_object()) return false;
  if (const json* name = input::find_field(*component, "name"); name && name->is_string())
    return lower(name->get<std::string>()) == "cwe";
  if (const json* index = input::find_field(*component, "index"); index && index->is_number_unsigned()) {
    const auto i = index->get<uint64_t>();
    return i < taxonomy_names.size() && lower(taxonomy_names[i]) == "cwe";
  }
  return false;
}

}  // namespace assay::sarif
