#include "config/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace assay::config {

std::string Diagnostic::to_string() const {
  if (line <= 0) return file + ": " + message;
  std::string out = file + ":" + std::to_string(line) + ":";
  if (column > 0) out += std::to_string(column) + ":";
  return out + " " + message;
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
}

namespace {

std::string join_lines(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& diagnostic : diagnostics) {
    if (!text.empty()) text += '\n';
    text += diagnostic.to_string();
  }
  return text.empty() ? std::string("invalid configuration") : text;
}

}  // namespace

ConfigError::ConfigError(std::vector<Diagnostic> found)
    : std::runtime_error(join_lines(found)), diagnostics(std::move(found)) {}

}  // namespace assay::config
