#include "version/dotted.h"

#include <algorithm>

#include "version/digits.h"

namespace assay::osv {
namespace {

std::vector<std::string> split_dots(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t dot = text.find('.', start);
    parts.emplace_back(
        text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

int compare_segment(std::string_view a, std::string_view b) {
  const bool a_num = all_digits(a);
  const bool b_num = all_digits(b);
  if (a_num && b_num) return compare_digit_strings(a, b);
  if (a_num != b_num) return a_num ? -1 : 1;
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace

bool parse_dotted_version(std::string_view text, DottedVersion& out) {
  if (text.empty() || text.find_first_of(" \t\r\n") != std::string_view::npos) return false;
  if (const size_t plus = text.find('+'); plus != std::string_view::npos) text = text.substr(0, plus);
  std::string_view pre;
  if (const size_t dash = text.find('-'); dash != std::string_view::npos) {
    pre = text.substr(dash + 1);
    text = text.substr(0, dash);
  }
  if (text.empty()) return false;
  out.main = split_dots(text);
  out.prerelease = pre.empty() ? std::vector<std::string>{} : split_dots(pre);
  return true;
}

int compare_dotted_versions(const DottedVersion& a, const DottedVersion& b) {
  const size_t n = std::max(a.main.size(), b.main.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string_view x = i < a.main.size() ? std::string_view(a.main[i]) : "0";
    const std::string_view y = i < b.main.size() ? std::string_view(b.main[i]) : "0";
    if (int c = compare_segment(x, y)) return c;
  }
  if (a.prerelease.empty() || b.prerelease.empty())
    return three_way(a.prerelease.empty(), b.prerelease.empty());
  const size_t common = std::min(a.prerelease.size(), b.prerelease.size());
  for (size_t i = 0; i < common; ++i) {
    if (int c = compare_segment(a.prerelease[i], b.prerelease[i])) return c;
  }
  return three_way(a.prerelease.size(), b.prerelease.size());
}

}  // namespace assay::osv
