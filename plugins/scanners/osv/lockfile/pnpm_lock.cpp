// pnpm-lock.yaml: the keys of the top-level `packages:` mapping name every
// installed package. lockfileVersion 5 writes "/name/1.2.3" (peer suffix
// after '_'), 6 writes "/name@1.2.3" (peer suffix in parentheses), 9 drops
// the leading '/'. Keys whose version is not a registry version (tarball
// URLs, git hosts, file: links) are not matched.
#include "lockfile/parsers.h"
#include "lockfile/text_lines.h"
#include "version/digits.h"

namespace assay::osv {
namespace {

// A registry version starts with a digit and has no path or URL in it.
bool registry_version(std::string_view version) {
  return !version.empty() && is_ascii_digit(version.front()) && version.find(':') == std::string_view::npos &&
         version.find('/') == std::string_view::npos;
}

// Splits a package key into name and version; false when it has neither.
bool split_key(std::string_view key, bool slash_form, std::string& name, std::string& version) {
  if (!key.empty() && key.front() == '/') key.remove_prefix(1);
  if (!slash_form) {
    key = key.substr(0, key.find('('));  // v6+ peer dependencies
    const size_t at = key.find('@', 1);
    if (at == std::string_view::npos) return false;
    name = std::string(key.substr(0, at));
    version = std::string(key.substr(at + 1));
    return true;
  }
  const size_t slash = key.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return false;
  name = std::string(key.substr(0, slash));
  // v5 writes peer dependencies after '_', with '+' for the '/' of scopes.
  version = std::string(key.substr(slash + 1));
  version = version.substr(0, version.find('_'));
  return true;
}

}  // namespace

LockfileContents parse_pnpm_lock(std::string_view text) {
  LockfileContents out;
  bool in_packages = false;
  bool slash_form = false;  // lockfileVersion 5 and older
  size_t entry_indent = 0;
  for (const TextLine& line : split_lines(text)) {
    const std::string_view trimmed = trim(line.text);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    const size_t indent = indentation(line.text);
    if (indent == 0) {
      if (trimmed.rfind("lockfileVersion:", 0) == 0) {
        const std::string_view number = unquote(trim(trimmed.substr(16)));
        slash_form = !number.empty() && is_ascii_digit(number.front()) && number.front() < '6' &&
                     (number.size() == 1 || !is_ascii_digit(number[1]));
      }
      in_packages = trimmed == "packages:";
      entry_indent = 0;
      continue;
    }
    if (!in_packages) continue;
    if (entry_indent == 0) entry_indent = indent;
    if (indent != entry_indent || trimmed.back() != ':') continue;
    std::string name;
    std::string version;
    const std::string_view key = unquote(trim(trimmed.substr(0, trimmed.size() - 1)));
    if (!split_key(key, slash_form, name, version) || !registry_version(version)) {
      ++out.unmatchable;
      continue;
    }
    out.dependencies.push_back({Ecosystem::npm, name, version, line.number, false});
  }
  return out;
}

}  // namespace assay::osv
