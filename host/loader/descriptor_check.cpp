#include "loader/descriptor_check.h"

#include <cstring>
#include <nlohmann/json.hpp>
#include <vector>

namespace assay::loader {

namespace {

std::string api_text(unsigned major, unsigned minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

std::string check_version(const assay_plugin& p) {
  if (p.api_major == ASSAY_API_MAJOR && p.api_minor <= ASSAY_API_MINOR) return {};
  return "built for API " + api_text(p.api_major, p.api_minor) + ", host speaks " +
         api_text(ASSAY_API_MAJOR, ASSAY_API_MINOR);
}

std::string too_small(size_t size) {
  return "assay_plugin struct_size " + std::to_string(size) + " is smaller than the " +
         std::to_string(kRequiredPluginBytes) + " bytes API " + api_text(ASSAY_API_MAJOR, ASSAY_API_MINOR) +
         " requires";
}

// Version first: its fields sit at the same offsets in every 1.x struct, and
// a newer plugin is better told "built for API 1.7" than "struct too large".
std::string check_size_and_version(const assay_plugin& p) {
  if (p.struct_size < offsetof(assay_plugin, kind)) return too_small(p.struct_size);
  if (auto problem = check_version(p); !problem.empty()) return problem;
  if (p.struct_size > sizeof(assay_plugin)) {
    return "assay_plugin struct_size " + std::to_string(p.struct_size) + " is larger than the " +
           std::to_string(sizeof(assay_plugin)) + " bytes this host knows";
  }
  if (p.struct_size < kRequiredPluginBytes) return too_small(p.struct_size);
  return {};
}

std::string check_identity(const assay_plugin& p) {
  if (!p.name || !*p.name) return "name is missing";
  if (!is_valid_plugin_name(p.name)) {
    return "invalid name '" + std::string(p.name) + "': a name must match [a-z0-9][a-z0-9_-]*";
  }
  if (!p.version || !*p.version) return "version is missing";
  return {};
}

struct Slot {
  const char* name;
  bool filled;
};

// "" when all or none are filled; otherwise names the NULL ones.
std::string incomplete_group(const char* group, const std::vector<Slot>& slots) {
  std::vector<const char*> missing;
  for (const auto& slot : slots) {
    if (!slot.filled) missing.push_back(slot.name);
  }
  if (missing.empty() || missing.size() == slots.size()) return {};
  std::string list;
  for (size_t i = 0; i < missing.size(); ++i) {
    if (i > 0) list += i + 1 == missing.size() ? " and " : ", ";
    list += missing[i];
  }
  return std::string(group) + " group incomplete: " + list + (missing.size() == 1 ? " is NULL" : " are NULL");
}

std::vector<Slot> scanner_slots(const assay_plugin& p) {
  return {{"scanner_open", p.scanner_open != nullptr},
          {"scanner_scan", p.scanner_scan != nullptr},
          {"scanner_close", p.scanner_close != nullptr}};
}

std::vector<Slot> reporter_slots(const assay_plugin& p) {
  return {{"reporter_begin", p.reporter_begin != nullptr},
          {"reporter_item", p.reporter_item != nullptr},
          {"reporter_end", p.reporter_end != nullptr},
          {"reporter_close", p.reporter_close != nullptr}};
}

const char* kind_name(uint32_t kind) {
  switch (kind) {
    case ASSAY_KIND_SCANNER:
      return "scanner";
    case ASSAY_KIND_REPORTER:
      return "reporter";
  }
  return nullptr;
}

std::string check_groups_and_kind(const assay_plugin& p) {
  if (auto problem = incomplete_group("scanner", scanner_slots(p)); !problem.empty()) return problem;
  if (auto problem = incomplete_group("reporter", reporter_slots(p)); !problem.empty()) return problem;
  const bool scanner = p.scanner_open != nullptr;
  const bool reporter = p.reporter_begin != nullptr;
  if (scanner && reporter) return "both the scanner and the reporter group are filled; a plugin is one kind";
  if (!scanner && !reporter) return "neither the scanner nor the reporter group is filled";
  const char* declared = kind_name(p.kind);
  if (!declared) return "unknown kind " + std::to_string(p.kind) + " (1 = scanner, 2 = reporter)";
  const char* filled = scanner ? "scanner" : "reporter";
  if (std::strcmp(declared, filled) != 0) {
    return std::string("kind says ") + declared + " but the " + filled + " group is filled";
  }
  return {};
}

std::string check_schema(const assay_plugin& p) {
  if (!p.config_schema) return {};
  try {
    if (!nlohmann::json::parse(p.config_schema).is_object()) return "config_schema is not a JSON object";
  } catch (const nlohmann::json::exception& e) {
    return std::string("config_schema is not valid JSON: ") + e.what();
  }
  return {};
}

}  // namespace

bool is_valid_plugin_name(const std::string& name) {
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (name.empty() || !lower_or_digit(name.front())) return false;
  for (char c : name) {
    if (!lower_or_digit(c) && c != '_' && c != '-') return false;
  }
  return true;
}

DescriptorVerdict check_descriptor(const assay_plugin& filled) {
  DescriptorVerdict verdict;
  verdict.problem = check_size_and_version(filled);
  if (!verdict.problem.empty()) return verdict;
  std::memcpy(static_cast<void*>(&verdict.accepted), &filled, filled.struct_size);
  for (auto check : {check_identity, check_groups_and_kind, check_schema}) {
    verdict.problem = check(verdict.accepted);
    if (!verdict.problem.empty()) return verdict;
  }
  return verdict;
}

}  // namespace assay::loader
