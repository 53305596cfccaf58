// The text of a SARIF message object (§3.11): its own text (else markdown),
// or the rule's or the tool's message string it names by id; {0}-style
// placeholders filled from its arguments, embedded links [text](target)
// reduced to their text, escapes \[ \] and {{ }} undone.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "json_path.h"
#include "rule_info.h"

namespace assay::sarif {

// `message` is the message object at `where`; `rule` and `component` may be
// null. Throws input::FieldError when the message is malformed.
std::string format_message(const nlohmann::json& message, const RuleInfo* rule,
                           const ToolComponent* component, const input::JsonPath& where);

// The first non-empty line of `text`, trimmed.
std::string first_line(std::string_view text);

// `text` cut to at most `max_bytes` bytes on a UTF-8 character boundary,
// with "…" appended when cut.
std::string shorten_utf8(std::string_view text, size_t max_bytes);

}  // namespace assay::sarif
