#include "json_path.h"

#include <nlohmann/json.hpp>

namespace assay::input {
namespace {

// A key that can be written after a dot without confusion.
bool plain_key(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '-' || c == '$';
    if (!word) return false;
  }
  return true;
}

}  // namespace

std::string_view JsonPath::key(size_t i) const {
  const auto* key = std::get_if<std::string>(&segments_[i]);
  return key ? std::string_view(*key) : std::string_view();
}

size_t JsonPath::index(size_t i) const {
  const auto* index = std::get_if<size_t>(&segments_[i]);
  return index ? *index : 0;
}

bool JsonPath::matches(std::initializer_list<std::variant<std::string_view, size_t>> pattern) const {
  if (pattern.size() != segments_.size()) return false;
  size_t i = 0;
  for (const auto& expected : pattern) {
    if (const auto* key = std::get_if<std::string_view>(&expected)) {
      if (is_index(i) || this->key(i) != *key) return false;
    } else {
      const size_t wanted = std::get<size_t>(expected);
      if (!is_index(i) || (wanted != kAnyIndex && index(i) != wanted)) return false;
    }
    ++i;
  }
  return true;
}

JsonPath JsonPath::child(std::string_view key) const {
  JsonPath path = *this;
  path.push_key(key);
  return path;
}

JsonPath JsonPath::child(size_t index) const {
  JsonPath path = *this;
  path.push_index(index);
  return path;
}

std::string JsonPath::str() const {
  if (segments_.empty()) return "(top level)";
  std::string out;
  for (size_t i = 0; i < segments_.size(); ++i) {
    if (is_index(i)) {
      out += "[" + std::to_string(index(i)) + "]";
    } else if (plain_key(key(i))) {
      if (i > 0) out += '.';
      out += key(i);
    } else {
      out +=
          "[" +
          nlohmann::json(std::string(key(i))).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
          "]";
    }
  }
  return out;
}

}  // namespace assay::input
