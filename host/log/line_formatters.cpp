#include "log/line_formatters.h"

#include <spdlog/details/log_msg.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace assay::log {

namespace {

std::string_view spdlog_level_name(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
      return "trace";
    case spdlog::level::debug:
      return "debug";
    case spdlog::level::info:
      return "info";
    case spdlog::level::warn:
      return "warn";
    case spdlog::level::err:
      return "error";
    case spdlog::level::critical:
      return "critical";
    default:
      return "off";
  }
}

void append(spdlog::memory_buf_t& dest, std::string_view text) {
  dest.append(text.data(), text.data() + text.size());
}

// "YYYY-MM-DD<separator>HH:MM:SS.mmm" of `time`, in UTC or local time.
std::string timestamp(spdlog::log_clock::time_point time, bool utc, char separator) {
  const auto since_epoch = time.time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
  const std::time_t whole = static_cast<std::time_t>(seconds.count());
  std::tm parts{};
  if (utc) {
    gmtime_r(&whole, &parts);
  } else {
    localtime_r(&whole, &parts);
  }
  char buffer[96];  // wide enough for any int fields, so nothing is ever cut
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d%c%02d:%02d:%02d.%03d", parts.tm_year + 1900,
                parts.tm_mon + 1, parts.tm_mday, separator, parts.tm_hour, parts.tm_min, parts.tm_sec,
                static_cast<int>(millis));
  return buffer;
}

std::string json_string(std::string_view text) {
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string_view view(spdlog::string_view_t text) { return std::string_view(text.data(), text.size()); }

}  // namespace

void TextLineFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  append(dest, "[" + timestamp(msg.time, false, ' ') + "] [");
  append(dest, spdlog_level_name(msg.level));
  append(dest, "] ");
  if (msg.logger_name.size() > 0) {
    append(dest, "[");
    append(dest, view(msg.logger_name));
    append(dest, "] ");
  }
  append(dest, view(msg.payload));
  append(dest, "\n");
}

std::unique_ptr<spdlog::formatter> TextLineFormatter::clone() const {
  return std::make_unique<TextLineFormatter>();
}

void JsonLineFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  const std::string_view component = msg.logger_name.size() > 0 ? view(msg.logger_name) : "host";
  append(dest, "{\"time\":\"" + timestamp(msg.time, true, 'T') + "Z\",\"level\":\"");
  append(dest, spdlog_level_name(msg.level));
  append(dest, "\",\"component\":" + json_string(component));
  append(dest, ",\"message\":" + json_string(view(msg.payload)));
  append(dest, "}\n");
}

std::unique_ptr<spdlog::formatter> JsonLineFormatter::clone() const {
  return std::make_unique<JsonLineFormatter>();
}

}  // namespace assay::log
