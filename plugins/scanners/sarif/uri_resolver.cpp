#include "uri_resolver.h"

#include <cctype>

namespace assay::sarif {
namespace {

// Nested uriBaseIds deeper than this are a cycle or a mistake.
constexpr int kMaxBaseDepth = 8;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "C:/..." or "C:\..." (a Windows drive, not a URI scheme).
bool starts_with_drive(std::string_view text) {
  return text.size() >= 3 && is_alpha(text[0]) && text[1] == ':' && (text[2] == '/' || text[2] == '\\');
}

// The scheme of an absolute URI ("file", "https"), or "" for a relative
// reference. A single letter before ':' is a drive, not a scheme.
std::string scheme_of(std::string_view uri) {
  if (uri.empty() || !is_alpha(uri[0])) return "";
  size_t i = 1;
  while (i < uri.size() && (std::isalnum(static_cast<unsigned char>(uri[i])) || uri[i] == '+' ||
                            uri[i] == '-' || uri[i] == '.'))
    ++i;
  if (i >= uri.size() || uri[i] != ':' || i == 1) return "";
  std::string scheme(uri.substr(0, i));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme;
}

std::string_view without_query_and_fragment(std::string_view uri) {
  const size_t end = uri.find_first_of("?#");
  return end == std::string_view::npos ? uri : uri.substr(0, end);
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// Resolves "." and ".." lexically. An absolute path keeps its root ("/" or
// "C:"); a relative path that climbs above its start returns nullopt.
std::optional<std::string> normalize(std::string_view path, bool absolute) {
  std::string root;
  if (absolute) {
    if (path.size() >= 3 && path[0] == '/' && starts_with_drive(path.substr(1))) path.remove_prefix(1);
    if (starts_with_drive(path)) {
      root = std::string(path.substr(0, 2));
      path.remove_prefix(2);
    }
  }
  std::vector<std::string_view> kept;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!kept.empty()) {
        kept.pop_back();
      } else if (!absolute) {
        return std::nullopt;
      }
    } else if (!segment.empty() && segment != ".") {
      kept.push_back(segment);
    }
    start = end + 1;
  }
  std::string out = absolute ? root + "/" : "";
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) out += '/';
    out += kept[i];
  }
  return out;
}

// A root given as a path or a file: URI, normalised; "" when unusable.
std::string root_path(std::string_view root) {
  std::string_view path = root;
  std::optional<std::string> decoded;
  if (scheme_of(root) == "file") {
    path = root.substr(5);
    if (path.starts_with("//")) {
      const size_t slash = path.find('/', 2);
      path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
    }
    decoded = percent_decode(without_query_and_fragment(path));
    if (!decoded) return "";
    path = *decoded;
  }
  if (!path.starts_with('/') && !starts_with_drive(path)) return "";
  return normalize(path, true).value_or("");
}

}  // namespace

struct UriResolver::Place {
  bool absolute = false;
  std::string path;  // normalised
};

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size() || !std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(text[i + 2])))
      return std::nullopt;
    auto hex = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
    i += 2;
  }
  return out;
}

std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  static constexpr std::string_view kKept = "-._~/!$&'()*+,;=@";
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || kKept.find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

UriResolver::UriResolver(std::string_view repository_root, const std::vector<std::string>& source_roots,
                         std::map<std::string, std::string> overrides)
    : overrides_(std::move(overrides)) {
  roots_.push_back(root_path(repository_root));
  for (const auto& root : source_roots) {
    std::string normalised = root_path(root);
    if (!normalised.empty()) roots_.push_back(std::move(normalised));
  }
}

Resolved UriResolver::resolve(std::string_view uri, std::string_view base_id,
                              const std::map<std::string, UriBase>& bases) const {
  std::string refused;
  const std::optional<Place> place = place_of(uri, base_id, bases, 0, refused);
  if (!place) return Resolved{"", refused};
  return to_repository(*place);
}

std::optional<UriResolver::Place> UriResolver::base_place(std::string_view base_id,
                                                          const std::map<std::string, UriBase>& bases,
                                                          int depth, std::string& refused) const {
  if (depth > kMaxBaseDepth) {
    refused = "uriBaseId '" + std::string(base_id) + "' is defined through more than " +
              std::to_string(kMaxBaseDepth) + " other bases (a cycle?)";
    return std::nullopt;
  }
  if (auto it = overrides_.find(std::string(base_id)); it != overrides_.end()) {
    std::optional<std::string> path = normalize(it->second, false);
    if (!path) {
      refused = "the configured uri_base_ids." + std::string(base_id) + " climbs above the repository root";
      return std::nullopt;
    }
    return Place{false, *path};
  }
  const auto it = bases.find(std::string(base_id));
  if (it == bases.end() || !it->second.uri) return Place{false, ""};
  return place_of(*it->second.uri, it->second.base_id, bases, depth + 1, refused);
}

std::optional<UriResolver::Place> UriResolver::place_of(std::string_view uri, std::string_view base_id,
                                                        const std::map<std::string, UriBase>& bases,
                                                        int depth, std::string& refused) const {
  const std::string scheme = scheme_of(uri);
  std::string_view reference = without_query_and_fragment(uri);
  if (!scheme.empty() && scheme != "file") {
    refused = "a " + scheme + ": URI does not name a file of the repository";
    return std::nullopt;
  }
  bool absolute = starts_with_drive(reference);
  if (scheme == "file") {
    reference.remove_prefix(5);
    if (reference.starts_with("//")) {
      const size_t slash = reference.find('/', 2);
      const std::string_view host = reference.substr(2, slash == std::string_view::npos ? slash : slash - 2);
      if (!host.empty() && host != "localhost") {
        refused = "the file URI names another host ('" + std::string(host) + "')";
        return std::nullopt;
      }
      reference = slash == std::string_view::npos ? std::string_view("/") : reference.substr(slash);
    }
    absolute = true;
  }
  const std::optional<std::string> decoded = percent_decode(reference);
  if (!decoded) {
    refused = "malformed percent escape";
    return std::nullopt;
  }
  if (!valid_utf8(*decoded) || decoded->find('\0') != std::string::npos) {
    refused = "the decoded path is not UTF-8 text";
    return std::nullopt;
  }
  if (absolute || decoded->starts_with('/')) return Place{true, normalize(*decoded, true).value_or("/")};

  Place base{false, ""};
  if (!base_id.empty()) {
    std::optional<Place> found = base_place(base_id, bases, depth, refused);
    if (!found) return std::nullopt;
    base = std::move(*found);
  }
  const std::string joined = base.path.empty() ? *decoded : base.path + "/" + *decoded;
  std::optional<std::string> path = normalize(joined, base.absolute);
  if (!path) {
    refused = "the path climbs above the repository root";
    return std::nullopt;
  }
  return Place{base.absolute, *path};
}

Resolved UriResolver::to_repository(const Place& place) const {
  if (!place.absolute) return Resolved{place.path, ""};
  for (const std::string& root : roots_) {
    if (root.empty()) continue;
    if (place.path == root) return Resolved{"", ""};
    const std::string prefix = root.ends_with('/') ? root : root + "/";
    if (place.path.starts_with(prefix)) return Resolved{place.path.substr(prefix.size()), ""};
  }
  return Resolved{"", "'" + place.path + "' is outside the repository"};
}

}  // namespace assay::sarif
