// spdlog formatters for the two line formats. The logger name of a message
// is its component: empty for the host, a plugin's name otherwise.
#pragma once

#include <spdlog/formatter.h>

#include <memory>

namespace assay::log {

// "[2026-11-25 17:00:00.123] [info] message" in local time, with
// "[component] " before the message for plugin lines.
class TextLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

// One JSON object per line: time (UTC, milliseconds, "Z"), level, component
// ("host" for the host) and message. Strings are escaped as JSON requires;
// invalid UTF-8 becomes U+FFFD.
class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

}  // namespace assay::log
