// Turns the URIs of a SARIF file into repository-relative paths, and refuses
// every URI that resolves outside the repository (such a file is never read
// and never named as a finding's path).
//
// Resolution, in order (SARIF 2.1.0 §3.4, §3.14.14):
//  - an absolute file: URI (file:///home/ci/src/a.c, file:/C:/src/a.c) or an
//    absolute path is mapped through the repository root and the configured
//    source roots; anything else is outside;
//  - any other scheme (https:, git:) is outside;
//  - a relative reference is resolved against its uriBaseId: a configured
//    override, else the run's originalUriBaseIds entry (which may itself be
//    relative to another base), else, for a base the file does not define
//    or defines without a uri, the repository root (as GitHub does for
//    %SRCROOT%); without uriBaseId it is relative to the repository root.
// Percent escapes are decoded, "." and ".." segments resolved; a path that
// climbs above the repository root is outside.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::sarif {

// One entry of run.originalUriBaseIds.
struct UriBase {
  std::optional<std::string> uri;  // absent: the consumer decides (the repository root here)
  std::string base_id;             // the base this one is relative to, or ""
};

struct Resolved {
  std::string path;     // repository-relative, '/' separated; set when refused is empty
  std::string refused;  // why the URI is not a path in the repository
  bool ok() const { return refused.empty(); }
};

class UriResolver {
 public:
  // `repository_root` and `source_roots`: absolute paths or file: URIs.
  // `overrides`: uriBaseId -> repository-relative directory.
  UriResolver(std::string_view repository_root, const std::vector<std::string>& source_roots,
              std::map<std::string, std::string> overrides);

  // Resolves `uri` written with `base_id` ("" for none) in a run with `bases`.
  Resolved resolve(std::string_view uri, std::string_view base_id,
                   const std::map<std::string, UriBase>& bases) const;

 private:
  struct Place;  // an absolute path, or a path relative to the repository root
  std::optional<Place> base_place(std::string_view base_id, const std::map<std::string, UriBase>& bases,
                                  int depth, std::string& refused) const;
  std::optional<Place> place_of(std::string_view uri, std::string_view base_id,
                                const std::map<std::string, UriBase>& bases, int depth,
                                std::string& refused) const;
  Resolved to_repository(const Place& place) const;

  std::vector<std::string> roots_;  // repository root first; normalised absolute paths
  std::map<std::string, std::string> overrides_;
};

// Decodes %XX escapes; nullopt when an escape is malformed.
std::optional<std::string> percent_decode(std::string_view text);

// Encodes a repository path for a URI: keeps unreserved characters and '/',
// escapes everything else (spaces, '%', '#', '?', non-ASCII bytes) as %XX.
std::string percent_encode_path(std::string_view path);

}  // namespace assay::sarif
