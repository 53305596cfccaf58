// Logging of the host and of its plugins, through spdlog's default logger
// to stderr, as text lines or as JSON lines. Host code may also call
// spdlog::info(...) and friends directly: those lines carry component "host".
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

namespace assay::log {

enum class Level { trace, debug, info, warn, error, off };

enum class Format {
  text,  // "[2026-11-25 17:00:00.123] [info] [plugin] message", local time
  json   // {"time":"2026-11-25T16:00:00.123Z","level":"info","component":"host","message":"..."}
};

// "trace", "debug", "info", "warn", "error", "off". Throws
// std::invalid_argument naming the value and the allowed ones.
Level parse_level(std::string_view name);
std::string_view level_name(Level level);

// "text" or "json". Throws std::invalid_argument naming the value and the
// allowed ones.
Format parse_format(std::string_view name);

// Replaces spdlog's default logger with one writing to stderr. Throws before
// changing anything when level or format is invalid.
void setup(std::string_view level, std::string_view format);

// As setup, writing to `out`, which must outlive the logger (until the next
// setup). Each line is flushed.
void setup(Level level, Format format, std::ostream& out);

// Writes one line for `component` (a plugin's name; empty means the host).
// Thread-safe.
void write(Level level, std::string_view component, std::string_view message);

// Registers a secret (a webhook URL) that no log line may show: write()
// replaces every occurrence with "<redacted>" from now on, also in the lines
// of plugins. Empty and very short strings are ignored. Thread-safe.
void add_secret(std::string_view secret);

// `text` with every registered secret replaced by "<redacted>", for text
// that leaves the host other ways (errors, events, reports). Thread-safe.
std::string redact(std::string_view text);

// True when a line at `level` would be written, so callers can skip
// building expensive messages.
bool enabled(Level level);

// The level of the plugin ABI's assay_log_level value; values beyond the
// known ones count as errors, negative ones as trace.
Level from_plugin_level(int abi_level);

}  // namespace assay::log
