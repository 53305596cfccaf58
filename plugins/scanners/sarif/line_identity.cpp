#include "line_identity.h"

#include <cstdio>

namespace assay::sarif {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

}  // namespace

uint64_t line_text_hash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  auto add = [&](char c) { hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL; };
  bool pending_space = false;
  bool started = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = started;
      continue;
    }
    if (pending_space) add(' ');
    pending_space = false;
    started = true;
    add(c);
  }
  return hash;
}

std::string fingerprint_identity(std::string_view tool,
                                 const std::map<std::string, std::string>& fingerprints) {
  std::string identity = std::string(tool) + "\npartialFingerprints";
  for (const auto& [key, value] : fingerprints) identity += "\n" + key + "=" + value;
  return identity;
}

std::string line_identity(std::string_view tool, std::string_view source, uint64_t hash) {
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(hash));
  return std::string(tool) + "\n" + std::string(source) + "\n" + hex;
}

}  // namespace assay::sarif
