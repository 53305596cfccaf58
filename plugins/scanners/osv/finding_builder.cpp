#include "finding_builder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "lockfile/text_lines.h"
#include "severity.h"
#include "utf8_text.h"

namespace assay::osv {
namespace {

constexpr size_t kMaxSummaryChars = 100;
constexpr size_t kMaxEvidenceChars = 300;

int severity_rank(const std::string& severity) {
  static constexpr std::array<std::string_view, 5> kOrder = {"info", "low", "medium", "high", "critical"};
  const auto it = std::find(kOrder.begin(), kOrder.end(), severity);
  return it == kOrder.end() ? -1 : static_cast<int>(it - kOrder.begin());
}

const AffectedPackage* affected_entry(const Advisory& advisory, const VulnerablePackage& package) {
  for (const AffectedPackage& a : advisory.affected) {
    if (a.ecosystem == package.ecosystem &&
        normalize_package_name(a.ecosystem, a.name) == package.normalized_name)
      return &a;
  }
  return nullptr;
}

// The most severe assessment of the group; a computed CVSS score wins a tie.
SeverityAssessment group_severity(const VulnerablePackage& package) {
  SeverityAssessment best;
  for (const Advisory* advisory : package.advisories) {
    SeverityAssessment s = assess_severity(*advisory, affected_entry(*advisory, package));
    const int rank = severity_rank(s.severity);
    const int best_rank = severity_rank(best.severity);
    if (rank > best_rank || (rank == best_rank && s.cvss > best.cvss)) best = std::move(s);
  }
  return best;
}

std::vector<std::string> aliases_of(const VulnerablePackage& package) {
  std::set<std::string> ids;
  for (const Advisory* a : package.advisories) {
    ids.insert(a->id);
    ids.insert(a->aliases.begin(), a->aliases.end());
  }
  ids.erase(package.advisories.front()->id);
  return {ids.begin(), ids.end()};
}

std::string summary_of(const VulnerablePackage& package) {
  for (const Advisory* a : package.advisories) {
    if (!a->summary.empty()) return a->summary;
  }
  return {};
}

std::string remedy(const VulnerablePackage& package) {
  std::set<std::string> fixed;
  std::string last_affected;
  for (const Occurrence& o : package.occurrences) {
    if (!o.fixed.empty()) fixed.insert(o.fixed);
    if (o.fixed.empty() && last_affected.empty()) last_affected = o.last_affected;
  }
  if (fixed.empty()) {
    return last_affected.empty() ? "no fixed version"
                                 : "no fixed version (last affected " + last_affected + ")";
  }
  std::string out = "fixed in ";
  for (const std::string& f : fixed) out += (out.size() > 9 ? ", " : "") + f;
  return out;
}

std::string title_of(const VulnerablePackage& package, const std::vector<std::string>& aliases) {
  std::string versions;
  for (const Occurrence& o : package.occurrences) {
    if (versions.find(o.version) == std::string::npos) versions += (versions.empty() ? "" : ", ") + o.version;
  }
  std::string title = package.name + " " + versions + ": " + package.advisories.front()->id;
  const auto cve = std::find_if(aliases.begin(), aliases.end(),
                                [](const std::string& a) { return a.rfind("CVE-", 0) == 0; });
  if (cve != aliases.end()) title += " (" + *cve + ")";
  const std::string summary = summary_of(package);
  if (!summary.empty()) title += " " + shorten(to_valid_utf8(summary), kMaxSummaryChars);
  return to_valid_utf8(title + "; " + remedy(package));
}

nlohmann::json occurrence_json(const Occurrence& o, const LockfileSource& source) {
  nlohmann::json j = {
      {"version", o.version},
      {"line", o.line},
      {"text", shorten(to_valid_utf8(trim(line_text(source.text, o.line))), kMaxEvidenceChars)},
      {"pinned_by", o.from_manifest ? "manifest" : "lockfile"}};
  if (!o.fixed.empty()) j["fixed"] = o.fixed;
  if (!o.last_affected.empty()) j["last_affected"] = o.last_affected;
  return j;
}

std::string details_of(const VulnerablePackage& package, const LockfileSource& source,
                       const std::vector<std::string>& aliases, const SeverityAssessment& severity) {
  nlohmann::json j;
  j["ecosystem"] = osv_name(package.ecosystem);
  j["package"] = package.name;
  j["lockfile"] = source.path;
  j["lockfile_format"] = format_name(source.format);
  j["advisory"] = package.advisories.front()->id;
  j["aliases"] = aliases;
  j["summary"] = summary_of(package);
  j["occurrences"] = nlohmann::json::array();
  for (const Occurrence& o : package.occurrences) j["occurrences"].push_back(occurrence_json(o, source));
  j["advisories"] = nlohmann::json::array();
  for (const Advisory* a : package.advisories)
    j["advisories"].push_back({{"id", a->id}, {"source", a->origin}});
  if (!severity.source.empty()) j["severity_source"] = severity.source;
  if (!severity.vector.empty()) j["cvss_vector"] = severity.vector;
  if (!severity.note.empty()) j["severity_note"] = severity.note;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string_view line_text(std::string_view text, uint32_t line) {
  size_t start = 0;
  for (uint32_t n = 1; n < line; ++n) {
    const size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  std::string_view out = text.substr(std::min(start, text.size()));
  out = out.substr(0, out.find('\n'));
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

sdk::Finding build_finding(const VulnerablePackage& package, const LockfileSource& source) {
  const Advisory& primary = *package.advisories.front();
  const std::vector<std::string> aliases = aliases_of(package);
  const SeverityAssessment severity = group_severity(package);
  const Occurrence& first = package.occurrences.front();
  sdk::Finding f;
  f.rule = to_valid_utf8(primary.id);
  f.title = title_of(package, aliases);
  f.category = finding_category(severity, primary);
  f.severity = severity.severity;
  f.cvss = severity.cvss;
  f.path = source.path;
  f.line_start = first.line;
  f.line_end = first.line;
  f.evidence = shorten(to_valid_utf8(trim(line_text(source.text, first.line))), kMaxEvidenceChars);
  // A version from a lockfile is what is installed; a manifest pin can be
  // overridden at install time (a workspace replace, a registry baseline).
  const bool all_manifest = std::all_of(package.occurrences.begin(), package.occurrences.end(),
                                        [](const Occurrence& o) { return o.from_manifest; });
  f.confidence = all_manifest ? 0.9 : 1.0;
  std::string ecosystem_tag = osv_name(package.ecosystem);
  std::transform(ecosystem_tag.begin(), ecosystem_tag.end(), ecosystem_tag.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  f.tags = {"osv", "vulnerability", ecosystem_tag};
  if (primary.id.rfind("MAL-", 0) == 0) f.tags.push_back("malicious");
  f.identity = to_valid_utf8("osv:" + primary.id + ":" + std::string(osv_name(package.ecosystem)) + "/" +
                             package.normalized_name + ":" + source.path);
  f.details_json = details_of(package, source, aliases, severity);
  return f;
}

}  // namespace assay::osv
