// Reads a reporter's configuration section (plugins.<name>) with the defaults
// and limits its JSON Schema declares. The host validates the section against
// that schema already; the reporter checks again because a third-party host,
// or a test, may hand it anything.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace assay::reporters {

class ConfigSection {
 public:
  // Parses `json_text`, which must be an object whose keys are all in
  // `known_keys`. Throws std::invalid_argument naming plugins.<plugin> and the
  // offending key.
  ConfigSection(std::string plugin, std::string_view json_text,
                std::initializer_list<std::string_view> known_keys);
  ~ConfigSection();

  // The integer at `key`, or `fallback` when absent; throws when it is not an
  // integer within [min, max].
  int64_t integer(std::string_view key, int64_t fallback, int64_t min, int64_t max) const;

  // The string at `key`, or `fallback` when absent; throws when it is not a
  // string.
  std::string text(std::string_view key, std::string_view fallback) const;

  // A plain file name (no directory part) at `key`, or `fallback` when absent.
  std::string file_name(std::string_view key, std::string_view fallback) const;

 private:
  std::string where(std::string_view key) const;

  std::string plugin_;
  std::unique_ptr<nlohmann::json> section_;
};

}  // namespace assay::reporters
