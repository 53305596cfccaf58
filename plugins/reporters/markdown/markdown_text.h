// Turns report data into Markdown text: escaping and the number formats the
// backlog uses. Non-finite numbers print as "n/a" rather than as garbage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace assay::reporters::markdown {

// Text from the repository or the scan (titles, keys, names, errors) as
// literal Markdown on one line: line breaks become spaces and every character
// that could start HTML, a link, emphasis, code, a heading, an entity, math,
// strikethrough or a table column is backslash-escaped, so the text renders as
// written and is safe in a table cell. Meant for text inside a line, after
// the document's own markup.
std::string inline_text(std::string_view text);

// Text on one line: every line break becomes a space. Not escaped.
std::string one_line(std::string_view text);

// An inline code span showing `text` literally, backticks included: the
// fence is longer than any run of backticks inside.
std::string code_span(std::string_view text);

// "51,234": a whole number with thousands separators.
std::string format_count(double value);

// "$1,234": whole dollars with thousands separators.
std::string format_money(double usd);

// Exactly `decimals` decimals: format_fixed(35.24, 1) == "35.2".
std::string format_fixed(double value, int decimals);

// At most `max_decimals` decimals, trailing zeros dropped: 4.0 -> "4", 1.50 -> "1.5".
std::string format_number(double value, int max_decimals);

// "4 h", "1.5 h".
std::string format_hours(double hours);

// "src/a.c:10-12", "src/a.c:10" (one line), "src/a.c" (not line-bound).
std::string format_location(std::string_view path, uint32_t line_start, uint32_t line_end);

// part / whole as a percentage with at most one decimal: "33.3%".
std::string format_share(size_t part, size_t whole);

// "35 ms" below a second, "1.2 s" above.
std::string format_duration_ms(double milliseconds);

// "2026-11-25T17:00:00Z" -> "2026-11-25 17:00:00 UTC"; other text unchanged.
std::string format_utc(std::string_view timestamp);

// Whole days from `from` to `to`, both UTC timestamps as format_utc reads
// them; nullopt when either is not one. Negative when `to` is earlier.
std::optional<long long> days_between(std::string_view from, std::string_view to);

}  // namespace assay::reporters::markdown
