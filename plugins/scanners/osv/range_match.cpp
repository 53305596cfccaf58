#include "range_match.h"

#include <algorithm>
#include <optional>

namespace assay::osv {
namespace {

// An event with its parsed version; `zero` marks introduced "0", which
// sorts before every version, `infinite` a limit containing "*".
struct SortedEvent {
  const RangeEvent* event;
  std::optional<ParsedVersion> version;
  bool zero = false;
  bool infinite = false;
};

int compare_events(const SortedEvent& a, const SortedEvent& b) {
  if (a.zero || b.zero) return a.zero == b.zero ? 0 : (a.zero ? -1 : 1);
  if (a.infinite || b.infinite) return a.infinite == b.infinite ? 0 : (a.infinite ? 1 : -1);
  return a.version->compare(*b.version);
}

VersionScheme scheme_of(const AffectedRange& range, Ecosystem ecosystem) {
  return range.type == AffectedRange::Type::semver ? VersionScheme::semver : version_scheme(ecosystem);
}

// Parses every event; nullopt (with a note) when one cannot be ordered.
std::optional<std::vector<SortedEvent>> sorted_events(const AffectedRange& range, VersionScheme scheme,
                                                      std::vector<std::string>& notes) {
  std::vector<SortedEvent> events;
  for (const RangeEvent& event : range.events) {
    SortedEvent e{&event, std::nullopt};
    if (event.kind == RangeEvent::Kind::introduced && event.version == "0") {
      e.zero = true;
    } else if (event.kind == RangeEvent::Kind::limit && event.version.find('*') != std::string::npos) {
      e.infinite = true;
    } else {
      e.version = parse_version(scheme, event.version);
      if (!e.version) {
        notes.push_back("event '" + event.version + "' is not a " + scheme_name(scheme) + " version");
        return std::nullopt;
      }
    }
    events.push_back(std::move(e));
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const SortedEvent& a, const SortedEvent& b) { return compare_events(a, b) < 0; });
  return events;
}

int compare_with(const ParsedVersion& v, const SortedEvent& e) {
  if (e.zero) return 1;
  if (e.infinite) return -1;
  return v.compare(*e.version);
}

bool before_limits(const ParsedVersion& v, const std::vector<SortedEvent>& events) {
  bool any_limit = false;
  for (const SortedEvent& e : events) {
    if (e.event->kind != RangeEvent::Kind::limit) continue;
    any_limit = true;
    if (compare_with(v, e) < 0) return true;
  }
  return !any_limit;
}

bool walk_events(const ParsedVersion& v, const std::vector<SortedEvent>& events) {
  bool vulnerable = false;
  for (const SortedEvent& e : events) {
    const int c = compare_with(v, e);
    switch (e.event->kind) {
      case RangeEvent::Kind::introduced:
        if (c >= 0) vulnerable = true;
        break;
      case RangeEvent::Kind::fixed:
        if (c >= 0) vulnerable = false;
        break;
      case RangeEvent::Kind::last_affected:
        if (c > 0) vulnerable = false;
        break;
      case RangeEvent::Kind::limit:
        break;
    }
  }
  return vulnerable;
}

// The first event of `kind` above `v` (fixed) or at/above it (last_affected).
std::string next_bound(const ParsedVersion& v, const std::vector<SortedEvent>& events,
                       RangeEvent::Kind kind) {
  for (const SortedEvent& e : events) {
    if (e.event->kind != kind) continue;
    const int c = compare_with(v, e);
    if (kind == RangeEvent::Kind::fixed ? c < 0 : c <= 0) return e.event->version;
  }
  return {};
}

// Keeps the smaller of two bound versions of the same scheme.
void keep_lowest(std::string& current, const std::string& candidate, VersionScheme scheme) {
  if (candidate.empty()) return;
  if (current.empty()) {
    current = candidate;
    return;
  }
  const auto a = parse_version(scheme, current);
  const auto b = parse_version(scheme, candidate);
  if (a && b && b->compare(*a) < 0) current = candidate;
}

bool listed(const AffectedPackage& affected, std::string_view version, VersionScheme scheme) {
  const std::optional<ParsedVersion> v = parse_version(scheme, version);
  for (const std::string& entry : affected.versions) {
    if (entry == version) return true;
    if (!v) continue;
    const std::optional<ParsedVersion> e = parse_version(scheme, entry);
    if (e && e->compare(*v) == 0) return true;
  }
  return false;
}

}  // namespace

RangeMatch match_affected(const AffectedPackage& affected, std::string_view version) {
  struct Evaluated {
    bool includes;
    VersionScheme scheme;
    std::string fixed;
    std::string last_affected;
  };
  RangeMatch result;
  std::vector<Evaluated> evaluated;
  for (const AffectedRange& range : affected.ranges) {
    if (range.type == AffectedRange::Type::git) continue;
    const VersionScheme scheme = scheme_of(range, affected.ecosystem);
    const std::optional<ParsedVersion> v = parse_version(scheme, version);
    if (!v) {
      result.notes.push_back("version '" + std::string(version) + "' is not a " + scheme_name(scheme) +
                             " version");
      continue;
    }
    const std::optional<std::vector<SortedEvent>> events = sorted_events(range, scheme, result.notes);
    if (!events) continue;
    evaluated.push_back({before_limits(*v, *events) && walk_events(*v, *events), scheme,
                         next_bound(*v, *events, RangeEvent::Kind::fixed),
                         next_bound(*v, *events, RangeEvent::Kind::last_affected)});
  }
  const bool in_range =
      std::any_of(evaluated.begin(), evaluated.end(), [](const Evaluated& e) { return e.includes; });
  result.affected = in_range || listed(affected, version, version_scheme(affected.ecosystem));
  if (!result.affected) return result;
  // The bounds come from the ranges that include the version, or from every
  // range when only the versions list names it.
  for (const Evaluated& e : evaluated) {
    if (in_range && !e.includes) continue;
    keep_lowest(result.fixed, e.fixed, e.scheme);
    if (result.last_affected.empty()) result.last_affected = e.last_affected;
  }
  if (!result.fixed.empty()) result.last_affected.clear();
  return result;
}

RangeMatch match_advisory(const Advisory& advisory, Ecosystem ecosystem, std::string_view normalized_name,
                          std::string_view version) {
  RangeMatch merged;
  for (const AffectedPackage& affected : advisory.affected) {
    if (affected.ecosystem != ecosystem ||
        normalize_package_name(ecosystem, affected.name) != normalized_name)
      continue;
    RangeMatch one = match_affected(affected, version);
    merged.notes.insert(merged.notes.end(), one.notes.begin(), one.notes.end());
    if (!one.affected) continue;
    const bool first = !merged.affected;
    merged.affected = true;
    if (first) {
      merged.fixed = one.fixed;
      merged.last_affected = one.last_affected;
    } else {
      keep_lowest(merged.fixed, one.fixed, version_scheme(ecosystem));
      if (merged.last_affected.empty()) merged.last_affected = one.last_affected;
    }
  }
  if (!merged.fixed.empty()) merged.last_affected.clear();
  return merged;
}

}  // namespace assay::osv
