// Where a delivery's URL comes from. A reporter names a reference, never the
// URL: "env:NAME" (an environment variable of the host process) or
// "file:PATH" (the first line of a file). The host reads it when the message
// is queued (to refuse a broken reference at once) and again at every
// attempt, and registers the URL as a log secret (log.h), so that it shows
// in no log line, error or event.
#pragma once

#include <stdexcept>
#include <string>

namespace assay::delivery {

// A reference that is malformed or cannot be read; the message names the
// reference (the variable or the file), never the URL.
class EndpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Checks the form of `reference` without reading it. Throws EndpointError.
void check_endpoint_reference(const std::string& reference);

// The URL `reference` points at: an http:// or https:// URL without spaces
// or control characters. Registers it with log::add_secret. Throws
// EndpointError.
std::string resolve_endpoint(const std::string& reference);

}  // namespace assay::delivery
