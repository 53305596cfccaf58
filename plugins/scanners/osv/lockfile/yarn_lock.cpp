// yarn.lock, classic (v1) and berry (v2+). Each entry starts at column 0
// with the specifiers it resolves ("lodash@^4.17.0, lodash@^4.17.20:") and
// gives the version on an indented line: `version "4.17.21"` (v1) or
// `version: 4.17.21` (berry). Berry's `resolution: "name@npm:1.2.3"` names
// the real package of an alias. Workspace, link, portal, file, patch, git
// and URL entries are not registry releases.
#include <tuple>

#include "lockfile/parsers.h"
#include "lockfile/text_lines.h"

namespace assay::osv {
namespace {

struct Entry {
  uint32_t line = 0;
  std::string name;
  std::string range;  // what follows name@ in the first specifier
  std::string version;
  std::string resolution;
};

// "@scope/name@npm:^1.0.0" -> ("@scope/name", "npm:^1.0.0").
std::pair<std::string, std::string> split_specifier(std::string_view spec) {
  const size_t at = spec.find('@', 1);
  if (at == std::string_view::npos) return {std::string(spec), ""};
  return {std::string(spec.substr(0, at)), std::string(spec.substr(at + 1))};
}

bool registry_range(std::string_view range) {
  if (range.rfind("npm:", 0) == 0) return true;
  return range.find(':') == std::string_view::npos && range.find('/') == std::string_view::npos;
}

// The package an alias range installs: "npm:real@^1.0.0" -> "real".
std::string alias_target(std::string_view range) {
  if (range.rfind("npm:", 0) != 0) return {};
  const std::string_view target = range.substr(4);
  const size_t at = target.find('@', 1);
  return at == std::string_view::npos ? std::string() : std::string(target.substr(0, at));
}

Entry start_entry(const TextLine& line) {
  std::string_view header = trim(line.text);
  header.remove_suffix(1);  // ':'
  const std::string_view first = unquote(trim(header.substr(0, header.find(','))));
  Entry e;
  e.line = line.number;
  std::tie(e.name, e.range) = split_specifier(unquote(first));
  return e;
}

// "version "1.2.3"", "version: 1.2.3", "resolution: "a@npm:1.2.3"".
void read_field(std::string_view text, Entry& e) {
  for (std::string_view key : {std::string_view("version"), std::string_view("resolution")}) {
    if (text.rfind(key, 0) != 0 || text.size() == key.size()) continue;
    std::string_view value = text.substr(key.size());
    if (value.front() != ' ' && value.front() != ':') continue;
    if (value.front() == ':') value.remove_prefix(1);
    (key == "version" ? e.version : e.resolution) = std::string(unquote(trim(value)));
  }
}

void finish_entry(Entry& e, LockfileContents& out) {
  if (e.line == 0 || e.name == "__metadata") return;
  std::string name = e.name;
  if (!e.resolution.empty()) {
    const auto [resolved_name, resolved_range] = split_specifier(e.resolution);
    if (resolved_range.rfind("npm:", 0) != 0) {
      ++out.unmatchable;
      return;
    }
    name = resolved_name;
  } else if (!registry_range(e.range)) {
    ++out.unmatchable;
    return;
  } else if (const std::string target = alias_target(e.range); !target.empty()) {
    name = target;
  }
  if (e.version.empty()) {
    out.warnings.push_back("line " + std::to_string(e.line) + ": entry " + e.name + " without a version");
    return;
  }
  out.dependencies.push_back({Ecosystem::npm, name, e.version, e.line, false});
}

}  // namespace

LockfileContents parse_yarn_lock(std::string_view text) {
  LockfileContents out;
  Entry entry;
  for (const TextLine& line : split_lines(text)) {
    const std::string_view trimmed = trim(line.text);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    if (indentation(line.text) == 0) {
      finish_entry(entry, out);
      entry = Entry{};
      if (trimmed.back() != ':')
        throw LockfileError("line " + std::to_string(line.number) +
                            ": expected an entry header ending in ':'");
      entry = start_entry(line);
    } else if (indentation(line.text) == 2) {
      read_field(trimmed, entry);
    }
  }
  finish_entry(entry, out);
  return out;
}

}  // namespace assay::osv
