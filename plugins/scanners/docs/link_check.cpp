#include "link_check.h"

namespace assay::docs {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool has_scheme(std::string_view target) {
  const size_t colon = target.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    const char c = target[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-'));
    if (!ok) return false;
  }
  return true;
}

}  // namespace

RepoPaths::RepoPaths(const std::vector<std::string>& files) {
  for (const auto& f : files) {
    files_.insert(f);
    for (size_t slash = f.find('/'); slash != std::string::npos; slash = f.find('/', slash + 1))
      dirs_.insert(f.substr(0, slash));
  }
}

std::optional<ResolvedTarget> resolve_target(std::string_view doc_path, std::string_view target) {
  if (target.empty() || has_scheme(target) || target.starts_with("//") ||
      target.find("{{") != std::string_view::npos || target.find("${") != std::string_view::npos)
    return std::nullopt;
  ResolvedTarget resolved;
  const size_t hash = target.find('#');
  std::string_view path_part = target.substr(0, hash);
  const size_t query = path_part.find('?');
  if (query != std::string_view::npos) path_part = path_part.substr(0, query);
  if (hash != std::string_view::npos) resolved.anchor = percent_decoded(target.substr(hash + 1));
  if (path_part.empty()) {
    resolved.same_document = true;
    resolved.path = std::string(doc_path);
    return resolved;
  }
  std::string path = percent_decoded(path_part);
  std::vector<std::string> segments;
  if (!path.starts_with('/')) {
    const size_t slash = doc_path.rfind('/');
    if (slash != std::string_view::npos) path = std::string(doc_path.substr(0, slash + 1)) + path;
  }
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(start, end - start);
    if (segment == "..") {
      if (segments.empty()) return std::nullopt;  // above the repository root
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  for (const auto& s : segments) resolved.path += (resolved.path.empty() ? "" : "/") + s;
  return resolved;
}

bool is_markdown(std::string_view path) {
  std::string lower(path);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return lower.ends_with(".md") || lower.ends_with(".markdown");
}

}  // namespace assay::docs
