// Writing JSON as text, without building a document first, byte for byte as
// nlohmann::json's compact dump prints it (ensure_ascii off, invalid UTF-8
// replaced by U+FFFD). The backlog's item texts are written this way: they
// are the bulk of a report, and a DOM per item cost more than the scan.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assay::scan {

// Appends `text` as a JSON string literal: quotes, the two-character escapes
// \" \\ \b \f \n \r \t, \u00xx for other control characters, everything else
// as is. Invalid UTF-8 is replaced as nlohmann's error_handler_t::replace
// does.
void append_json_string(std::string& out, std::string_view text);

// Appends a number: the shortest text that reads back as `value` (Grisu2, as
// nlohmann prints it: "1.0", "0.25", "1e+20"); not-a-number and infinities,
// which JSON cannot express, as null.
void append_json_number(std::string& out, double value);

void append_json_number(std::string& out, uint64_t value);

// Appends an array of strings, each as append_json_string writes it.
void append_json_string_array(std::string& out, const std::vector<std::string>& values);

}  // namespace assay::scan
