// Where the loader and the plugins' host->log calls send their lines.
#pragma once

#include <assay/plugin.h>

#include <functional>
#include <string>

namespace assay::loader {

// Receives one log line. `plugin` is the plugin's name, its file name while
// its init runs, or empty for the loader's own messages. Called from any
// thread (plugins log from scan workers), so it must be thread-safe; it
// should not throw (exceptions are swallowed at the ABI boundary).
using LogCallback =
    std::function<void(assay_log_level level, const std::string& plugin, const std::string& message)>;

// Writes info and above to stderr as "assay: [level] plugin: message".
void log_to_stderr(assay_log_level level, const std::string& plugin, const std::string& message);

// "trace", "debug", "info", "warn", "error", or "level N" for unknown values.
std::string log_level_name(assay_log_level level);

}  // namespace assay::loader
