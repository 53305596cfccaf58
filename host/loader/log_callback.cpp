#include "loader/log_callback.h"

#include <iostream>
#include <mutex>

namespace assay::loader {

std::string log_level_name(assay_log_level level) {
  switch (level) {
    case ASSAY_LOG_TRACE:
      return "trace";
    case ASSAY_LOG_DEBUG:
      return "debug";
    case ASSAY_LOG_INFO:
      return "info";
    case ASSAY_LOG_WARN:
      return "warn";
    case ASSAY_LOG_ERROR:
      return "error";
  }
  return "level " + std::to_string(static_cast<int>(level));
}

void log_to_stderr(assay_log_level level, const std::string& plugin, const std::string& message) {
  if (level < ASSAY_LOG_INFO) return;
  // Plugins log from several scan threads; one lock keeps lines whole.
  static std::mutex stderr_mutex;
  std::string line = "assay: [" + log_level_name(level) + "] ";
  if (!plugin.empty()) line += plugin + ": ";
  line += message;
  line += '\n';
  std::lock_guard lock(stderr_mutex);
  std::cerr << line << std::flush;
}

}  // namespace assay::loader
