#include "bus/finding_message.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "bus/topics.h"

namespace assay::bus {
namespace {

nlohmann::json parse_payload(std::string_view payload, std::string_view what) {
  auto json = nlohmann::json::parse(payload, nullptr, false);
  if (json.is_discarded()) throw std::invalid_argument(std::string(what) + " payload is not valid JSON");
  if (!json.is_object()) throw std::invalid_argument(std::string(what) + " payload is not a JSON object");
  auto schema = json.find("schema");
  if (schema == json.end() || !schema->is_number_integer()) {
    throw std::invalid_argument(std::string(what) + " payload lacks integer field 'schema'");
  }
  if (schema->get<int>() != kSchemaVersion) {
    throw std::invalid_argument(std::string(what) + " payload has schema " + schema->dump() + ", expected " +
                                std::to_string(kSchemaVersion));
  }
  return json;
}

std::string string_field(const nlohmann::json& json, const char* field, std::string_view what) {
  auto it = json.find(field);
  if (it == json.end() || !it->is_string()) {
    throw std::invalid_argument(std::string(what) + " payload lacks string field '" + field + "'");
  }
  return it->get<std::string>();
}

}  // namespace

bool is_scanner_status(std::string_view status) {
  return status == "ok" || status == "failed" || status == "cancelled";
}

std::string encode_finding(const Finding& finding) {
  try {
    nlohmann::json json = finding.to_json();
    json["schema"] = kSchemaVersion;
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument("finding '" + finding.rule + "' from '" + finding.source +
                                "' cannot be encoded: " + e.what());
  }
}

Finding decode_finding(std::string_view payload) {
  const auto json = parse_payload(payload, "finding");
  try {
    return Finding::from_json(json);
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("finding payload is malformed: ") + e.what());
  }
}

std::string encode_done(const ScannerDone& done) {
  if (!is_scanner_status(done.status)) {
    throw std::invalid_argument("scanner done status must be ok, failed or cancelled, not '" + done.status +
                                "'");
  }
  nlohmann::json json = {{"schema", kSchemaVersion},
                         {"plugin", done.plugin},
                         {"status", done.status},
                         {"findings", done.findings},
                         {"error", done.error}};
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ScannerDone decode_done(std::string_view payload) {
  const auto json = parse_payload(payload, "scanner done");
  ScannerDone done;
  done.plugin = string_field(json, "plugin", "scanner done");
  done.status = string_field(json, "status", "scanner done");
  if (!is_scanner_status(done.status)) {
    throw std::invalid_argument("scanner done payload has unknown status '" + done.status + "'");
  }
  auto findings = json.find("findings");
  if (findings == json.end() || !findings->is_number_unsigned()) {
    throw std::invalid_argument("scanner done payload lacks non-negative integer field 'findings'");
  }
  done.findings = findings->get<uint64_t>();
  auto error = json.find("error");
  if (error != json.end() && !error->is_null()) {
    if (!error->is_string())
      throw std::invalid_argument("scanner done payload field 'error' is not a string");
    done.error = error->get<std::string>();
  }
  return done;
}

}  // namespace assay::bus
