#include "included_headers.h"

#include <algorithm>
#include <array>

namespace assay::testgaps {
namespace {

constexpr std::array<std::string_view, 4> kHeaderExtensions = {".h", ".hpp", ".hh", ".hxx"};

bool is_header(std::string_view path) {
  for (std::string_view ext : kHeaderExtensions)
    if (path.ends_with(ext)) return true;
  return false;
}

std::string_view file_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view directory(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash + 1);
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty()) out.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_test_directory_name(std::string_view segment) {
  return segment == "tests" || segment == "test" || segment == "testing" || segment == "__tests__";
}

// The directory a test mirrors: its own directory without test segments.
std::vector<std::string_view> mirrored_directory(std::string_view test_path) {
  std::vector<std::string_view> out;
  for (std::string_view s : segments(directory(test_path)))
    if (!is_test_directory_name(s)) out.push_back(s);
  return out;
}

size_t shared_leading(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

std::string_view trimmed_left(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

}  // namespace

std::vector<std::string> include_targets(std::string_view text) {
  std::vector<std::string> targets;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    std::string_view line = trimmed_left(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    if (!line.starts_with('#')) continue;
    line = trimmed_left(line.substr(1));
    if (!line.starts_with("include")) continue;
    line = trimmed_left(line.substr(7));
    if (line.empty() || (line.front() != '"' && line.front() != '<')) continue;
    const char close = line.front() == '"' ? '"' : '>';
    const size_t end = line.find(close, 1);
    if (end == std::string_view::npos || end == 1) continue;
    targets.emplace_back(line.substr(1, end - 1));
  }
  return targets;
}

IncludedHeaders::IncludedHeaders(const std::vector<std::string>& paths) {
  for (const auto& path : paths)
    if (is_header(path)) headers_by_name_[std::string(file_name(path))].push_back(path);
}

std::vector<std::string> IncludedHeaders::resolve(std::string_view test_path, std::string_view target) const {
  const auto it = headers_by_name_.find(std::string(file_name(target)));
  if (it == headers_by_name_.end()) return {};
  const std::string beside = std::string(directory(test_path)) + std::string(target);
  const std::string suffix = "/" + std::string(target);
  std::vector<std::string> named;
  for (const auto& header : it->second) {
    if (header == beside) return {header};
    if (header == target || header.ends_with(suffix)) named.push_back(header);
  }
  if (named.size() <= 1) return named;
  const auto mirror = mirrored_directory(test_path);
  size_t best = 0;
  for (const auto& header : named) best = std::max(best, shared_leading(segments(directory(header)), mirror));
  std::vector<std::string> nearest;
  for (const auto& header : named)
    if (shared_leading(segments(directory(header)), mirror) == best) nearest.push_back(header);
  return nearest;
}

void IncludedHeaders::add_test(std::string_view test_path, std::string_view text) {
  for (const auto& target : include_targets(text))
    for (auto& header : resolve(test_path, target))
      included_.emplace(std::move(header), std::string(test_path));
}

std::string IncludedHeaders::test_of(std::string_view source_path) const {
  const std::string_view name = file_name(source_path);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  const std::string base = std::string(directory(source_path)) + std::string(name.substr(0, dot));
  for (std::string_view ext : kHeaderExtensions) {
    const auto it = included_.find(base + std::string(ext));
    if (it != included_.end()) return it->second;
  }
  return "";
}

}  // namespace assay::testgaps
