// Helpers of the JSON lockfile parsers.
#pragma once

#include <string>
#include <string_view>

#include "json_value.h"
#include "lockfile/lockfile.h"

namespace assay::osv {

// Parses the file; a syntax error becomes a LockfileError with its position.
JsonValue parse_json_lockfile(std::string_view text);

// The string member `key` of `object`; "" with a warning naming `path` when
// it is present but not a string.
std::string json_string_field(const JsonValue& object, std::string_view key, const std::string& path,
                              LockfileContents& out);

}  // namespace assay::osv
