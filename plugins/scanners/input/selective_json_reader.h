// Reads a JSON text event by event (nlohmann's SAX interface) and builds a
// document only for the parts a caller selects. A 200 MB SARIF file then
// costs the text plus the largest selected part (one result, one run's
// rules), not a DOM of the whole file, which is several times the text.
//
// Every value is seen with its path (runs[0].results[3]), so errors name
// where in the document they are, also syntax errors of a truncated file.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "json_path.h"

namespace assay::input {

enum class ValueKind { object, array, scalar };

// What to do with the value that starts at a path.
enum class Selection {
  descend,  // look inside (objects and arrays; a scalar is skipped)
  capture,  // build it as a document and hand it to the sink
  skip,     // parse it (syntax is still checked) and forget it
};

// Why a text could not be read to its end.
struct JsonReadError {
  size_t offset = 0;  // byte offset where reading stopped
  size_t line = 1;    // 1-based position of `offset`
  size_t column = 1;
  std::string path;     // the value being read, e.g. "runs[0].results[3].locations"
  std::string message;  // e.g. "syntax error: unexpected end of input; expected '}'"
};

struct JsonReadOptions {
  // Deeper nesting is refused: the documents are machine written and shallow,
  // and a bound keeps recursion in later processing of captured parts safe.
  size_t max_depth = 200;
};

using JsonSelector = std::function<Selection(const JsonPath& path, ValueKind kind)>;
// Receives each captured value; returns false to stop reading (the read then
// reports no error and `stopped`).
using JsonSink = std::function<bool(const JsonPath& path, nlohmann::json&& value)>;

struct JsonReadResult {
  std::optional<JsonReadError> error;  // set when the text is not valid JSON or too deep
  bool stopped = false;                // the sink asked to stop
  bool ok() const { return !error && !stopped; }
};

// Reads `text` as one JSON document (strict: nothing may follow it, no
// comments), asking `select` at the start of every value whose enclosing
// values were all descended into. Never throws for bad input.
JsonReadResult read_json_selectively(std::string_view text, const JsonSelector& select, const JsonSink& sink,
                                     const JsonReadOptions& options = {});

// Reads the whole document. On failure returns nullopt and fills `error`.
std::optional<nlohmann::json> read_json_document(std::string_view text, JsonReadError& error,
                                                 const JsonReadOptions& options = {});

// The type of a JSON value in words for messages: "a string", "an array",
// "null".
std::string describe_json_type(const nlohmann::json& value);

}  // namespace assay::input
