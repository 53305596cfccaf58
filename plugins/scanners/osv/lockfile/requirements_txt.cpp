// requirements.txt (pip): one requirement per logical line; only exact
// pins ("name==1.2.3", also with extras, markers and --hash options) say
// which version is installed.
#include <string>

#include "lockfile/parsers.h"
#include "lockfile/text_lines.h"
#include "version/digits.h"

namespace assay::osv {
namespace {

struct LogicalLine {
  uint32_t number;
  std::string text;
};

// Joins backslash continuations and drops comments ('#' at the start or
// after whitespace).
std::vector<LogicalLine> logical_lines(std::string_view text) {
  std::vector<LogicalLine> out;
  std::string pending;
  uint32_t first = 0;
  for (const TextLine& line : split_lines(text)) {
    std::string_view body = line.text;
    for (size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '#' && (i == 0 || body[i - 1] == ' ' || body[i - 1] == '\t')) {
        body = body.substr(0, i);
        break;
      }
    }
    if (pending.empty()) first = line.number;
    const std::string_view trimmed = trim(body);
    if (!trimmed.empty() && trimmed.back() == '\\') {
      pending += std::string(trimmed.substr(0, trimmed.size() - 1)) + " ";
      continue;
    }
    pending += std::string(trimmed);
    out.push_back({first, pending});
    pending.clear();
  }
  if (!pending.empty()) out.push_back({first, pending});
  return out;
}

bool is_name_char(char c) {
  return is_ascii_digit(c) || is_ascii_alpha(c) || c == '.' || c == '_' || c == '-';
}

// The exact version of a specifier list, or "" when it is not one "==" pin.
std::string pinned_version(std::string_view specifiers) {
  const std::vector<std::string_view> parts = split_trimmed(specifiers, ',');
  if (parts.size() != 1) return {};
  std::string_view spec = parts.front();
  if (spec.rfind("===", 0) == 0) {
    spec.remove_prefix(3);
  } else if (spec.rfind("==", 0) == 0) {
    spec.remove_prefix(2);
  } else {
    return {};
  }
  spec = trim(spec);
  if (spec.empty() || spec.find('*') != std::string_view::npos || spec.find(' ') != std::string_view::npos)
    return {};
  return std::string(spec);
}

void parse_requirement(const LogicalLine& line, LockfileContents& out) {
  std::string_view text = trim(line.text);
  if (text.empty()) return;
  if (text.front() == '-') {
    if (text.rfind("-e", 0) == 0 || text.rfind("--editable", 0) == 0) ++out.unmatchable;
    return;  // -r, -c, --index-url and other options
  }
  size_t n = 0;
  while (n < text.size() && is_name_char(text[n])) ++n;
  if (n == 0 || text.find("://") != std::string_view::npos || text.front() == '.' || text.front() == '/') {
    ++out.unmatchable;  // a URL or a local path
    return;
  }
  const std::string name(text.substr(0, n));
  std::string_view rest = trim(text.substr(n));
  if (!rest.empty() && rest.front() == '[') {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) {
      out.warnings.push_back("line " + std::to_string(line.number) + ": unclosed '[' of extras in '" +
                             std::string(text) + "'");
      return;
    }
    rest = trim(rest.substr(close + 1));
  }
  rest = rest.substr(0, rest.find(';'));    // environment markers
  rest = rest.substr(0, rest.find(" --"));  // per-requirement options (--hash)
  const std::string version = pinned_version(trim(rest));
  if (version.empty()) {
    ++out.unmatchable;
    return;
  }
  out.dependencies.push_back({Ecosystem::pypi, name, version, line.number, true});
}

}  // namespace

LockfileContents parse_requirements_txt(std::string_view text) {
  LockfileContents out;
  for (const LogicalLine& line : logical_lines(text)) parse_requirement(line, out);
  return out;
}

}  // namespace assay::osv
