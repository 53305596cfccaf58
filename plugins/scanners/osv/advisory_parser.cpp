#include "advisory_parser.h"

#include <optional>

#include "json_value.h"

namespace assay::osv {
namespace {

using Kind = JsonValue::Kind;

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
  throw AdvisoryError((path.empty() ? std::string("(document)") : path) + ": " + problem);
}

std::string member_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string index_path(const std::string& parent, size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

// The member `key` when present and not null, checked to be of `kind`.
const JsonValue* member(const JsonValue& object, std::string_view key, Kind kind, const std::string& parent) {
  const JsonValue* value = object.find(key);
  if (value == nullptr || value->kind == Kind::null) return nullptr;
  if (value->kind != kind) {
    JsonValue expected;
    expected.kind = kind;
    fail(member_path(parent, key),
         std::string("must be ") + expected.kind_name() + ", got " + value->kind_name());
  }
  return value;
}

std::string string_member(const JsonValue& object, std::string_view key, const std::string& parent) {
  const JsonValue* value = member(object, key, Kind::string, parent);
  return value == nullptr ? std::string() : value->text;
}

std::vector<std::string> string_list(const JsonValue& object, std::string_view key,
                                     const std::string& parent) {
  std::vector<std::string> out;
  const JsonValue* list = member(object, key, Kind::array, parent);
  if (list == nullptr) return out;
  const std::string path = member_path(parent, key);
  for (size_t i = 0; i < list->items.size(); ++i) {
    if (!list->items[i].is_string())
      fail(index_path(path, i), std::string("must be a string, got ") + list->items[i].kind_name());
    out.push_back(list->items[i].text);
  }
  return out;
}

std::vector<SeverityScore> read_severity(const JsonValue& object, const std::string& parent) {
  std::vector<SeverityScore> out;
  const JsonValue* list = member(object, "severity", Kind::array, parent);
  if (list == nullptr) return out;
  const std::string path = member_path(parent, "severity");
  for (size_t i = 0; i < list->items.size(); ++i) {
    const JsonValue& entry = list->items[i];
    const std::string entry_path = index_path(path, i);
    if (!entry.is_object()) fail(entry_path, std::string("must be an object, got ") + entry.kind_name());
    SeverityScore score{string_member(entry, "type", entry_path), string_member(entry, "score", entry_path)};
    if (score.type.empty()) fail(member_path(entry_path, "type"), "missing severity type");
    out.push_back(std::move(score));
  }
  return out;
}

// A severity word from a *_specific object: {"severity": "HIGH"}. Other
// shapes are the database's business and are ignored.
std::string specific_severity(const JsonValue& object, std::string_view key) {
  const JsonValue* specific = object.find(key);
  if (specific == nullptr || !specific->is_object()) return {};
  return std::string(specific->string_or_empty("severity"));
}

RangeEvent read_event(const JsonValue& event, const std::string& path) {
  if (!event.is_object()) fail(path, std::string("an event must be an object, got ") + event.kind_name());
  static constexpr std::pair<std::string_view, RangeEvent::Kind> kKinds[] = {
      {"introduced", RangeEvent::Kind::introduced},
      {"fixed", RangeEvent::Kind::fixed},
      {"last_affected", RangeEvent::Kind::last_affected},
      {"limit", RangeEvent::Kind::limit}};
  std::optional<RangeEvent> found;
  for (const JsonMember& m : event.members) {
    for (const auto& [name, kind] : kKinds) {
      if (m.key != name) continue;
      if (found) fail(path, "an event has exactly one of introduced, fixed, last_affected, limit");
      if (!m.value.is_string())
        fail(member_path(path, name), std::string("must be a string, got ") + m.value.kind_name());
      if (m.value.text.empty()) fail(member_path(path, name), "must not be empty");
      found = RangeEvent{kind, m.value.text};
    }
  }
  if (!found) fail(path, "an event has exactly one of introduced, fixed, last_affected, limit");
  return *found;
}

AffectedRange read_range(const JsonValue& range, const std::string& path) {
  if (!range.is_object()) fail(path, std::string("must be an object, got ") + range.kind_name());
  const std::string type = string_member(range, "type", path);
  AffectedRange out;
  if (type == "SEMVER") {
    out.type = AffectedRange::Type::semver;
  } else if (type == "ECOSYSTEM") {
    out.type = AffectedRange::Type::ecosystem;
  } else if (type == "GIT") {
    out.type = AffectedRange::Type::git;
  } else {
    fail(member_path(path, "type"), type.empty()
                                        ? "missing range type (SEMVER, ECOSYSTEM or GIT)"
                                        : "unknown range type '" + type + "' (SEMVER, ECOSYSTEM or GIT)");
  }
  const JsonValue* events = member(range, "events", Kind::array, path);
  if (events == nullptr) fail(member_path(path, "events"), "missing events");
  bool introduced = false, fixed = false, last_affected = false;
  for (size_t i = 0; i < events->items.size(); ++i) {
    RangeEvent event = read_event(events->items[i], index_path(member_path(path, "events"), i));
    introduced |= event.kind == RangeEvent::Kind::introduced;
    fixed |= event.kind == RangeEvent::Kind::fixed;
    last_affected |= event.kind == RangeEvent::Kind::last_affected;
    out.events.push_back(std::move(event));
  }
  if (!introduced) fail(member_path(path, "events"), "a range needs at least one introduced event");
  if (fixed && last_affected)
    fail(member_path(path, "events"), "a range has fixed or last_affected events, not both");
  return out;
}

// Reads affected[i]; returns false for a package of an ecosystem the
// scanner does not match.
bool read_affected(const JsonValue& entry, const std::string& path, AffectedPackage& out) {
  if (!entry.is_object()) fail(path, std::string("must be an object, got ") + entry.kind_name());
  const JsonValue* package = member(entry, "package", Kind::object, path);
  // An affected entry without a package describes GIT ranges of a
  // repository; nothing in a lockfile can match it.
  if (package == nullptr) return false;
  const std::string package_path = member_path(path, "package");
  const std::string ecosystem = string_member(*package, "ecosystem", package_path);
  out.name = string_member(*package, "name", package_path);
  if (ecosystem.empty()) fail(member_path(package_path, "ecosystem"), "missing ecosystem");
  if (out.name.empty()) fail(member_path(package_path, "name"), "missing package name");
  const std::optional<Ecosystem> known = ecosystem_from_osv(ecosystem);
  if (!known) return false;
  out.ecosystem = *known;
  if (const JsonValue* ranges = member(entry, "ranges", Kind::array, path)) {
    for (size_t i = 0; i < ranges->items.size(); ++i)
      out.ranges.push_back(read_range(ranges->items[i], index_path(member_path(path, "ranges"), i)));
  }
  out.versions = string_list(entry, "versions", path);
  out.severity = read_severity(entry, path);
  out.severity_word = specific_severity(entry, "ecosystem_specific");
  if (out.severity_word.empty()) out.severity_word = specific_severity(entry, "database_specific");
  return true;
}

}  // namespace

Advisory parse_advisory(std::string_view json_text) {
  JsonValue doc;
  try {
    doc = parse_json(json_text);
  } catch (const JsonSyntaxError& e) {
    throw AdvisoryError(std::string("invalid JSON at ") + e.what());
  }
  if (!doc.is_object()) fail("", std::string("an advisory must be a JSON object, got ") + doc.kind_name());
  Advisory a;
  a.id = string_member(doc, "id", "");
  if (a.id.empty()) fail("id", "missing advisory id");
  a.modified = string_member(doc, "modified", "");
  a.withdrawn = !string_member(doc, "withdrawn", "").empty();
  a.aliases = string_list(doc, "aliases", "");
  a.summary = string_member(doc, "summary", "");
  a.severity = read_severity(doc, "");
  a.severity_word = specific_severity(doc, "database_specific");
  if (const JsonValue* affected = member(doc, "affected", Kind::array, "")) {
    for (size_t i = 0; i < affected->items.size(); ++i) {
      AffectedPackage package;
      if (read_affected(affected->items[i], index_path("affected", i), package))
        a.affected.push_back(std::move(package));
    }
  }
  return a;
}

}  // namespace assay::osv
