#include "scan/time_format.h"

#include <ctime>

namespace assay::scan {

std::string utc_iso8601(std::chrono::system_clock::time_point t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string utc_now_iso8601() { return utc_iso8601(std::chrono::system_clock::now()); }

std::string utc_iso8601_seconds(int64_t seconds) {
  return utc_iso8601(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

}  // namespace assay::scan
