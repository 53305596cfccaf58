#include "pattern_outcome.h"

#include <cstdint>
#include <cstdio>

#include "cache_record.h"

namespace assay::maturity {
namespace {

// Names the record layout and the key below; a new layout gets a new
// version, so an old value is never read as a new one.
constexpr std::string_view kMeasure = "maturity.content/1";

// 64-bit FNV-1a of the pattern's case mode and expression, in hex: a key
// names the pattern in 16 bytes instead of its whole text (a rule file has
// a few dozen patterns; the cache holds one entry per pattern and file).
std::string pattern_digest(const ContentPattern& pattern) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  auto add = [&](unsigned char c) { hash = (hash ^ c) * 0x100000001b3ULL; };
  add(pattern.case_sensitive() ? 'c' : 'i');
  for (unsigned char c : pattern.expression()) add(c);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

}  // namespace

std::string pattern_cache_key(const ContentPattern& pattern, std::string_view blob_id) {
  if (blob_id.empty()) return {};
  std::string key(kMeasure);
  key.push_back(' ');
  key.append(blob_id);
  key.push_back(' ');
  key.append(pattern_digest(pattern));
  return key;
}

std::string encode_outcome(const PatternOutcome& outcome) {
  scanners::RecordWriter record;
  record.number(outcome.match ? 1 : 0).number(outcome.gave_up ? 1 : 0);
  if (outcome.match) record.number(outcome.match->line).text(outcome.match->line_text);
  return record.record();
}

std::optional<PatternOutcome> decode_outcome(std::string_view value) {
  scanners::RecordReader reader(value);
  bool found = false;
  PatternOutcome outcome;
  if (!reader.flag(found) || !reader.flag(outcome.gave_up)) return std::nullopt;
  if (found) {
    uint64_t line = 0;
    std::string_view text;
    if (!reader.number(line) || line == 0 || !reader.text(text)) return std::nullopt;
    outcome.match = PatternMatch{static_cast<size_t>(line), std::string(text)};
  }
  if (!reader.complete()) return std::nullopt;
  return outcome;
}

}  // namespace assay::maturity
