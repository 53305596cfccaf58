// A located problem in a configuration file, and the exception that carries
// every problem found in one pass, so a user fixes them all at once.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace assay::config {

struct Diagnostic {
  std::string file;  // path of the file, or the label of the built-in defaults
  int line = 0;      // 1-based; 0 when the problem concerns the whole file
  int column = 0;    // 1-based; 0 when unknown
  std::string message;

  // "file:line:col: message", or "file: message" when the line is unknown.
  std::string to_string() const;
};

// Orders diagnostics by file, then position, keeping the order of equals.
void sort_by_position(std::vector<Diagnostic>& diagnostics);

class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<Diagnostic> diagnostics);

  // Every problem found, in file order; never empty.
  std::vector<Diagnostic> diagnostics;
};

}  // namespace assay::config
