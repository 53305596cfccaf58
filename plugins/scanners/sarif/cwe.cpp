#include "cwe.h"

#include <cctype>

namespace assay::sarif {
namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// "079" from the front of `text`, as "CWE-79"; the digits must end the text
// or be followed by something that is not a letter or digit (": ...").
std::optional<std::string> cwe_number(std::string_view text) {
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 7) return std::nullopt;
  if (digits < text.size() && std::isalnum(static_cast<unsigned char>(text[digits]))) return std::nullopt;
  std::string_view number = text.substr(0, digits);
  while (number.size() > 1 && number.front() == '0') number.remove_prefix(1);
  return "CWE-" + std::string(number);
}

}  // namespace

std::optional<std::string> cwe_from_tag(std::string_view tag) {
  constexpr std::string_view kExternal = "external/cwe/";
  if (starts_with_ignoring_case(tag, kExternal)) tag.remove_prefix(kExternal.size());
  if (!starts_with_ignoring_case(tag, "cwe")) return std::nullopt;
  tag.remove_prefix(3);
  if (!tag.empty() && (tag.front() == '-' || tag.front() == '_' || tag.front() == ':')) tag.remove_prefix(1);
  return cwe_number(tag);
}

std::optional<std::string> cwe_from_taxon_id(std::string_view id) {
  if (auto from_tag = cwe_from_tag(id)) return from_tag;
  return cwe_number(id);
}

}  // namespace assay::sarif
