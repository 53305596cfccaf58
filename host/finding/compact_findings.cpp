#include "finding/compact_findings.h"

#include <cstdint>
#include <optional>
#include <string>

#include "finding/compact_json.h"

namespace assay {
namespace {

// The members of Finding::to_json(), one bit each to catch a repeated key.
enum Member : uint32_t {
  kSource = 1u << 0,
  kRule = 1u << 1,
  kTitle = 1u << 2,
  kCategory = 1u << 3,
  kPath = 1u << 4,
  kLineStart = 1u << 5,
  kLineEnd = 1u << 6,
  kEvidence = 1u << 7,
  kSeverity = 1u << 8,
  kTags = 1u << 9,
  kIdentity = 1u << 10,
  kEffortHours = 1u << 11,
  kConfidence = 1u << 12,
  kCvss = 1u << 13,
  kDetails = 1u << 14,
};

bool read_line(CompactJsonReader& in, uint32_t& out) {
  uint64_t value = 0;
  if (!in.read_unsigned(value) || value > UINT32_MAX) return false;
  out = static_cast<uint32_t>(value);
  return true;
}

// A number or null, as from_json's optional numbers.
bool read_optional_number(CompactJsonReader& in, std::optional<double>& out) {
  if (in.read_null()) {
    out.reset();
    return true;
  }
  double value = 0;
  if (!in.read_double(value)) return false;
  out = value;
  return true;
}

bool read_tags(CompactJsonReader& in, std::vector<std::string>& out) {
  out.clear();
  if (!in.consume('[')) return false;
  if (in.consume(']')) return true;
  do {
    if (!in.read_string(out.emplace_back())) return false;
  } while (in.consume(','));
  return in.consume(']');
}

bool read_details(CompactJsonReader& in, std::string& out) {
  if (in.read_null()) {
    out.clear();
    return true;
  }
  std::string_view raw;
  if (!in.read_canonical(raw)) return false;
  out.assign(raw);
  return true;
}

// One member named `key` into `f`; `member` receives its bit (0 for a key
// from_json ignores).
bool read_member(CompactJsonReader& in, std::string_view key, Finding& f, uint32_t& member) {
  member = 0;
  if (key == "source") return member = kSource, in.read_string(f.source);
  if (key == "rule") return member = kRule, in.read_string(f.rule);
  if (key == "title") return member = kTitle, in.read_string(f.title);
  if (key == "category") return member = kCategory, in.read_string(f.category);
  if (key == "path") return member = kPath, in.read_string(f.path);
  if (key == "line_start") return member = kLineStart, read_line(in, f.line_start);
  if (key == "line_end") return member = kLineEnd, read_line(in, f.line_end);
  if (key == "evidence") return member = kEvidence, in.read_string(f.evidence);
  if (key == "severity") return member = kSeverity, in.read_string(f.severity);
  if (key == "tags") return member = kTags, read_tags(in, f.tags);
  if (key == "identity") return member = kIdentity, in.read_string(f.identity);
  if (key == "effort_hours") return member = kEffortHours, read_optional_number(in, f.effort_hours);
  if (key == "confidence") return member = kConfidence, read_optional_number(in, f.confidence);
  if (key == "cvss") return member = kCvss, read_optional_number(in, f.cvss);
  if (key == "details") return member = kDetails, read_details(in, f.details_json);
  std::string_view ignored;
  return in.read_canonical(ignored);
}

bool read_finding(CompactJsonReader& in, Finding& f) {
  if (!in.consume('{')) return false;
  uint32_t seen = 0;
  if (!in.consume('}')) {
    do {
      std::string_view key;
      uint32_t member = 0;
      if (!in.read_key(key) || !read_member(in, key, f, member) || (seen & member) != 0) return false;
      seen |= member;
    } while (in.consume(','));
    if (!in.consume('}')) return false;
  }
  constexpr uint32_t kRequired = kSource | kRule | kTitle;
  return (seen & kRequired) == kRequired;
}

}  // namespace

bool read_compact_findings(std::string_view text, std::vector<Finding>& out) {
  CompactJsonReader in(text);
  const size_t before = out.size();
  bool ok = in.consume('[');
  if (ok && !in.consume(']')) {
    do {
      ok = read_finding(in, out.emplace_back());
    } while (ok && in.consume(','));
    ok = ok && in.consume(']');
  }
  if (ok && in.at_end()) return true;
  out.resize(before);
  return false;
}

}  // namespace assay
