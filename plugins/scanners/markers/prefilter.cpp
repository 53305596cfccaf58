#include "prefilter.h"

#include <algorithm>
#include <cstring>

namespace assay::markers {
namespace {

// A "(...)" between tag and colon longer than this is not an owner (as in
// TagMatcher).
constexpr size_t kMaxParenthesized = 100;

char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool ends_with_upper(std::string_view text, std::string_view tag) {
  if (text.size() < tag.size()) return false;
  const std::string_view tail = text.substr(text.size() - tag.size());
  for (size_t i = 0; i < tag.size(); ++i) {
    if (to_upper(tail[i]) != tag[i]) return false;
  }
  return true;
}

// The last byte of [begin, end) that is ':' or an upper-case ASCII letter,
// or nullptr. A range test and one comparison per sixteen bytes, against one
// comparison per distinct first letter in ByteSet::rfind: the default tags
// begin with seven different letters.
const char* last_colon_or_upper(const char* begin, const char* end) {
#if defined(__SSE2__)
  const __m128i bias = _mm_set1_epi8(static_cast<char>(0x80 - 'A'));  // 'A'..'Z' to -128..-103
  const __m128i limit = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i colon = _mm_set1_epi8(':');
  for (; end - begin >= 16; end -= 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 16));
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(block, bias), limit);
    const int mask = _mm_movemask_epi8(_mm_or_si128(upper, _mm_cmpeq_epi8(block, colon)));
    if (mask != 0) return end - 16 + (31 - __builtin_clz(static_cast<unsigned>(mask)));
  }
#endif
  while (end > begin) {
    --end;
    if (*end == ':' || (*end >= 'A' && *end <= 'Z')) return end;
  }
  return nullptr;
}

}  // namespace

bool looks_binary(std::string_view data) {
  const size_t n = std::min(data.size(), kBinaryProbeBytes);
  return n > 0 && std::memchr(data.data(), '\0', n) != nullptr;
}

TagPrefilter::TagPrefilter(std::vector<std::string> upper_case_tags) : tags_(std::move(upper_case_tags)) {
  starts_.add(':');
  for (const auto& tag : tags_) {
    if (tag.empty()) continue;
    if (tag.front() < 'A' || tag.front() > 'Z') upper_case_starts_ = false;
    longest_ = std::max(longest_, tag.size());
    starts_.add(static_cast<unsigned char>(tag.front()));
    const char last = tag.back();
    last_char_[static_cast<unsigned char>(last)] = true;
    if (last >= 'A' && last <= 'Z') last_char_[static_cast<unsigned char>(last - 'A' + 'a')] = true;
  }
}

bool TagPrefilter::tag_ends_at(std::string_view data, size_t end) const {
  if (end == 0 || !last_char_[static_cast<unsigned char>(data[end - 1])]) return false;
  const std::string_view before = data.substr(0, end);
  return std::any_of(tags_.begin(), tags_.end(), [&](const std::string& tag) { return ends_with_upper(before, tag); });
}

// TagMatcher takes the "(" directly after the tag and the first ")" after
// it as the group, so any "(" after the ")" before this group's ")" may be
// the one; a tag must end right before it.
bool TagPrefilter::tag_before_colon(std::string_view data, size_t colon) const {
  if (colon == 0) return false;
  if (data[colon - 1] != ')') return tag_ends_at(data, colon);
  const size_t close = colon - 1;
  for (size_t open = close; open > 0 && close - open <= kMaxParenthesized;) {
    --open;
    if (data[open] == ')') return false;
    if (data[open] == '(' && tag_ends_at(data, open)) return true;
  }
  return false;
}

bool TagPrefilter::upper_case_tag_at(std::string_view data, size_t p) const {
  const std::string_view rest = data.substr(p);
  return std::any_of(tags_.begin(), tags_.end(),
                     [&](const std::string& tag) { return !tag.empty() && rest.starts_with(tag); });
}

size_t TagPrefilter::last_candidate(std::string_view data) const {
  const char* begin = data.data();
  const char* end = begin + data.size();
  while (const char* hit = upper_case_starts_ ? last_colon_or_upper(begin, end) : starts_.rfind(begin, end)) {
    if (!starts_.contains(*hit)) {  // another upper-case letter
      end = hit;
      continue;
    }
    const auto p = static_cast<size_t>(hit - begin);
    if (*hit == ':' && tag_before_colon(data, p)) return p;
    // A longer tag starting a little earlier can end no later than this.
    if (*hit != ':' && upper_case_tag_at(data, p)) return std::min(data.size(), p + longest_) - 1;
    end = hit;
  }
  return std::string_view::npos;
}

bool TagPrefilter::may_contain_marker(std::string_view data) const {
  return last_candidate(data) != std::string_view::npos;
}

}  // namespace assay::markers
