// The position of a value inside a JSON document, written the way people
// read it in error messages: runs[0].results[3].locations, or
// properties["security-severity"] for keys that are not plain words.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace assay::input {

class JsonPath {
 public:
  JsonPath() = default;

  void push_key(std::string_view key) { segments_.emplace_back(std::string(key)); }
  void push_index(size_t index) { segments_.emplace_back(index); }
  void pop() { segments_.pop_back(); }

  size_t size() const { return segments_.size(); }
  bool empty() const { return segments_.empty(); }
  bool is_index(size_t i) const { return std::holds_alternative<size_t>(segments_[i]); }
  // The key of segment i; "" for an index segment.
  std::string_view key(size_t i) const;
  // The index of segment i; 0 for a key segment.
  size_t index(size_t i) const;

  // True when the path is exactly these keys and indices, where a `kAnyIndex`
  // matches any index: matches({"runs", kAnyIndex, "results"}).
  bool matches(std::initializer_list<std::variant<std::string_view, size_t>> pattern) const;

  // This path with one more segment, for naming a value below it.
  JsonPath child(std::string_view key) const;
  JsonPath child(size_t index) const;

  // "runs[0].results[3]"; "(top level)" for the empty path.
  std::string str() const;

  static constexpr size_t kAnyIndex = static_cast<size_t>(-1);

 private:
  std::vector<std::variant<std::string, size_t>> segments_;
};

}  // namespace assay::input
