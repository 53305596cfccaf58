#include "log/log.h"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "log/line_formatters.h"

namespace assay::log {

namespace {

struct LevelName {
  Level level;
  std::string_view name;
};

constexpr std::array<LevelName, 6> kLevels = {{{Level::trace, "trace"},
                                               {Level::debug, "debug"},
                                               {Level::info, "info"},
                                               {Level::warn, "warn"},
                                               {Level::error, "error"},
                                               {Level::off, "off"}}};

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::trace:
      return spdlog::level::trace;
    case Level::debug:
      return spdlog::level::debug;
    case Level::info:
      return spdlog::level::info;
    case Level::warn:
      return spdlog::level::warn;
    case Level::error:
      return spdlog::level::err;
    case Level::off:
      break;
  }
  return spdlog::level::off;
}

std::unique_ptr<spdlog::formatter> make_formatter(Format format) {
  if (format == Format::json) return std::make_unique<JsonLineFormatter>();
  return std::make_unique<TextLineFormatter>();
}

// The host logs under the empty name, so its lines carry no component.
void install(Level level, Format format, spdlog::sink_ptr sink) {
  auto logger = std::make_shared<spdlog::logger>("", std::move(sink));
  logger->set_formatter(make_formatter(format));
  logger->set_level(to_spdlog(level));
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace

Level parse_level(std::string_view name) {
  for (const auto& entry : kLevels) {
    if (entry.name == name) return entry.level;
  }
  throw std::invalid_argument("invalid log level '" + std::string(name) +
                              "'; allowed: trace, debug, info, warn, error, off");
}

std::string_view level_name(Level level) {
  for (const auto& entry : kLevels) {
    if (entry.level == level) return entry.name;
  }
  return "off";
}

Format parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  throw std::invalid_argument("invalid log format '" + std::string(name) + "'; allowed: text, json");
}

void setup(std::string_view level, std::string_view format) {
  const Level parsed_level = parse_level(level);
  const Format parsed_format = parse_format(format);
  install(parsed_level, parsed_format, std::make_shared<spdlog::sinks::stderr_sink_mt>());
}

void setup(Level level, Format format, std::ostream& out) {
  install(level, format, std::make_shared<spdlog::sinks::ostream_sink_mt>(out, true));
}

void write(Level level, std::string_view component, std::string_view original) {
  const auto spdlog_level = to_spdlog(level);
  if (spdlog_level == spdlog::level::off) return;
  auto logger = spdlog::default_logger();
  if (!logger->should_log(spdlog_level)) return;
  const std::string redacted = redact(original);
  const std::string_view message = redacted;
  // The component travels as the message's logger name, which the line
  // formatters print; one logger serves every plugin.
  const spdlog::details::log_msg msg(spdlog::string_view_t(component.data(), component.size()), spdlog_level,
                                     spdlog::string_view_t(message.data(), message.size()));
  for (const auto& sink : logger->sinks()) {
    if (!sink->should_log(spdlog_level)) continue;
    try {
      sink->log(msg);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "assay: cannot write a log line: %s\n", error.what());
    }
  }
}

bool enabled(Level level) {
  const auto spdlog_level = to_spdlog(level);
  return spdlog_level != spdlog::level::off && spdlog::default_logger_raw()->should_log(spdlog_level);
}

Level from_plugin_level(int abi_level) {
  // assay_log_level: TRACE 0, DEBUG 1, INFO 2, WARN 3, ERROR 4.
  switch (abi_level) {
    case 1:
      return Level::debug;
    case 2:
      return Level::info;
    case 3:
      return Level::warn;
    default:
      return abi_level <= 0 ? Level::trace : Level::error;
  }
}

}  // namespace assay::log
