#include "version/semver.h"

#include <algorithm>

#include "version/digits.h"

namespace assay::osv {
namespace {

bool valid_identifier(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!is_ascii_digit(c) && !is_ascii_alpha(c) && c != '-') return false;
  }
  return true;
}

std::vector<std::string> split_identifiers(std::string_view text, bool& valid) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (true) {
    const size_t dot = text.find('.', start);
    const std::string_view id =
        text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!valid_identifier(id)) valid = false;
    ids.emplace_back(id);
    if (dot == std::string_view::npos) return ids;
    start = dot + 1;
  }
}

int compare_identifier(std::string_view a, std::string_view b) {
  const bool a_num = all_digits(a);
  const bool b_num = all_digits(b);
  if (a_num && b_num) return compare_digit_strings(a, b);
  if (a_num != b_num) return a_num ? -1 : 1;
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace

std::optional<SemVer> parse_semver(std::string_view text) {
  if (!text.empty() && (text.front() == 'v' || text.front() == 'V' || text.front() == '='))
    text.remove_prefix(1);
  SemVer v;
  bool valid = true;
  if (const size_t plus = text.find('+'); plus != std::string_view::npos) {
    split_identifiers(text.substr(plus + 1), valid);
    v.build = std::string(text.substr(plus + 1));
    text = text.substr(0, plus);
  }
  if (const size_t dash = text.find('-'); dash != std::string_view::npos) {
    v.prerelease = split_identifiers(text.substr(dash + 1), valid);
    text = text.substr(0, dash);
  }
  if (!valid) return std::nullopt;
  std::vector<std::string> numbers;
  size_t start = 0;
  while (true) {
    const size_t dot = text.find('.', start);
    const std::string_view part =
        text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (numbers.size() == 3 || !all_digits(part)) return std::nullopt;
    numbers.emplace_back(part);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  numbers.resize(3, std::string("0"));
  v.major = std::move(numbers[0]);
  v.minor = std::move(numbers[1]);
  v.patch = std::move(numbers[2]);
  return v;
}

int compare_semver(const SemVer& a, const SemVer& b) {
  if (int c = compare_digit_strings(a.major, b.major)) return c;
  if (int c = compare_digit_strings(a.minor, b.minor)) return c;
  if (int c = compare_digit_strings(a.patch, b.patch)) return c;
  if (a.prerelease.empty() || b.prerelease.empty()) {
    return three_way(a.prerelease.empty(), b.prerelease.empty());
  }
  const size_t common = std::min(a.prerelease.size(), b.prerelease.size());
  for (size_t i = 0; i < common; ++i) {
    if (int c = compare_identifier(a.prerelease[i], b.prerelease[i])) return c;
  }
  return three_way(a.prerelease.size(), b.prerelease.size());
}

}  // namespace assay::osv
