#include "scan/findings_row_text.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "finding/canonical_json.h"
#include "scan/json_text.h"

namespace assay::scan {
namespace {

// Appends `"key":` (the keys here need no escaping).
void append_key(std::string& out, std::string_view key) {
  out += '"';
  out += key;
  out += "\":";
}

void append_optional(std::string& out, const std::optional<double>& value) {
  if (value)
    append_json_number(out, *value);
  else
    out += "null";
}

void append_details(std::string& out, const std::string& details_json) {
  if (details_json.empty()) {
    out += "null";
  } else if (is_compact_json_object(details_json)) {
    out += details_json;  // what parse and dump would give back (canonical_json.h)
  } else {
    out += nlohmann::json::parse(details_json).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

}  // namespace

void append_finding_json(std::string& out, const Finding& f) {
  // nlohmann::json's objects are std::maps: the keys come out in byte order.
  out += '{';
  append_key(out, "category");
  append_json_string(out, f.category);
  out += ',';
  append_key(out, "confidence");
  append_optional(out, f.confidence);
  out += ',';
  append_key(out, "cvss");
  append_optional(out, f.cvss);
  out += ',';
  append_key(out, "details");
  append_details(out, f.details_json);
  out += ',';
  append_key(out, "effort_hours");
  append_optional(out, f.effort_hours);
  out += ',';
  append_key(out, "evidence");
  append_json_string(out, f.evidence);
  out += ',';
  append_key(out, "identity");
  append_json_string(out, f.identity);
  out += ',';
  append_key(out, "line_end");
  append_json_number(out, uint64_t{f.line_end});
  out += ',';
  append_key(out, "line_start");
  append_json_number(out, uint64_t{f.line_start});
  out += ',';
  append_key(out, "path");
  append_json_string(out, f.path);
  out += ',';
  append_key(out, "rule");
  append_json_string(out, f.rule);
  out += ',';
  append_key(out, "severity");
  append_json_string(out, f.severity);
  out += ',';
  append_key(out, "source");
  append_json_string(out, f.source);
  out += ',';
  append_key(out, "tags");
  append_json_string_array(out, f.tags);
  out += ',';
  append_key(out, "title");
  append_json_string(out, f.title);
  out += '}';
}

}  // namespace assay::scan
