// How a YAML scalar reads as a typed value. yaml-cpp keeps every scalar as
// text; the host types them with YAML 1.2's core schema, or by what a JSON
// Schema expects, so `10` can be a number for one key and a string for another.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace YAML {
class Node;
}

namespace assay::config {

enum class ScalarKind { null, boolean, integer, number, string };

struct ScalarValue {
  ScalarKind kind = ScalarKind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0.0;  // also set for integers
  std::string text;     // the scalar as written
};

// Resolves a scalar or null node with the core schema: quoted or !!str-tagged
// scalars are strings; plain ones are null (~, null), booleans (true/false in
// lower, Title or UPPER case), integers (decimal, 0x hex, 0o octal), numbers
// (decimal, exponent, .inf, .nan) or else strings. Throws std::logic_error
// for mappings and sequences.
ScalarValue resolve_scalar(const YAML::Node& node);

// True when the scalar was quoted or tagged as a string, so it is text even
// if it looks like a number.
bool is_explicit_string(const YAML::Node& node);

// A boolean as yaml-cpp's as<bool> reads it (true/false, yes/no, on/off, y/n,
// in lower, Title or UPPER case), for plain scalars only; nullopt otherwise.
std::optional<bool> read_boolean(const YAML::Node& node);

// An integer value: a core-schema integer, or a number without fraction that
// fits 64 bits (10.0). nullopt otherwise.
std::optional<std::int64_t> read_integer(const YAML::Node& node);

// A number value (integer or floating point); nullopt otherwise.
std::optional<double> read_number(const YAML::Node& node);

// What the node is, for messages: "string 'abc'", "integer 5", "number 1.5",
// "boolean true", "null", "a mapping", "a list".
std::string describe(const YAML::Node& node);

}  // namespace assay::config
