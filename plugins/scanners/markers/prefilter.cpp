#include "prefilter.h"

#include <algorithm>
#include <cstring>

namespace assay::markers {
namespace {

// A "(...)" between tag and colon longer than this is not an owner.
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

}  // namespace

bool looks_binary(std::string_view data) {
  const size_t n = std::min(data.size(), kBinaryProbeBytes);
  return n > 0 && std::memchr(data.data(), '\0', n) != nullptr;
}

TagPrefilter::TagPrefilter(std::vector<std::string> upper_case_tags) : tags_(std::move(upper_case_tags)) {
  for (const auto& tag : tags_) {
    if (tag.empty()) continue;
    const char last = tag.back();
    last_char_[static_cast<unsigned char>(last)] = true;
    if (last >= 'A' && last <= 'Z') last_char_[static_cast<unsigned char>(last - 'A' + 'a')] = true;
  }
}

bool TagPrefilter::tag_before_colon(std::string_view data, size_t colon) const {
  if (colon == 0) return false;
  const char previous = data[colon - 1];
  if (previous != ')' && !last_char_[static_cast<unsigned char>(previous)]) return false;
  std::string_view before = data.substr(0, colon);
  if (before.back() == ')') {
    const size_t window = std::min(before.size(), kMaxParenthesized + 2);
    const size_t open = before.substr(before.size() - window).rfind('(');
    if (open == std::string_view::npos) return false;
    before = before.substr(0, before.size() - window + open);
  }
  for (const auto& tag : tags_) {
    if (ends_with_upper(before, tag)) return true;
  }
  return false;
}

bool TagPrefilter::may_contain_marker(std::string_view data) const {
  for (const auto& tag : tags_) {
    if (!tag.empty() && data.find(tag) != std::string_view::npos) return true;
  }
  const char* begin = data.data();
  const char* end = begin + data.size();
  for (const char* p = begin; p < end;) {
    const void* hit = std::memchr(p, ':', static_cast<size_t>(end - p));
    if (hit == nullptr) break;
    const auto* colon = static_cast<const char*>(hit);
    if (tag_before_colon(data, static_cast<size_t>(colon - begin))) return true;
    p = colon + 1;
  }
  return false;
}

}  // namespace assay::markers
