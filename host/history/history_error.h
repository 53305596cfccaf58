#pragma once

#include <stdexcept>
#include <string>

namespace assay::history {

// An object of the history cannot be read (missing or corrupt commit, tree
// or blob) or the history cannot be walked at all. The message names the
// object id and what was being read; the scan reports it and goes on.
class HistoryError : public std::runtime_error {
 public:
  explicit HistoryError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace assay::history
