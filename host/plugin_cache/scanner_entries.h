// One scanner's entries of the plugin cache during a scan: what cache_get
// and cache_put (plugin ABI 1.4) read and write. Thread-safe: a scanner's
// workers call both at once.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace assay::plugin_cache {

class ScannerEntries {
 public:
  // `stored`: the entries read from the file (key, value).
  explicit ScannerEntries(std::vector<std::pair<std::string, std::string>> stored);
  ScannerEntries(const ScannerEntries&) = delete;
  ScannerEntries& operator=(const ScannerEntries&) = delete;

  // The value of `key`, marked as used; nullopt on a miss. The bytes stay
  // valid for the life of this object, also after a put of the same key.
  std::optional<std::string_view> get(std::string_view key);
  // Stores `value` under `key`, marked as used.
  void put(std::string_view key, std::string_view value);

  // After a complete run: drops the entries the scan did not use.
  void keep_used_only();
  // Whether the entries differ from those read from the file.
  bool changed() const;
  // The entries, sorted by key (a stable file for the same contents).
  std::vector<std::pair<std::string, std::string>> entries() const;

  size_t hits() const;
  size_t misses() const;
  size_t puts() const;

 private:
  struct Entry {
    std::unique_ptr<const std::string> value;
    bool used = false;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  // Values replaced by a put, which a get may still have handed out.
  std::vector<std::unique_ptr<const std::string>> replaced_;
  bool changed_ = false;
  size_t hits_ = 0;
  size_t misses_ = 0;
  size_t puts_ = 0;
};

}  // namespace assay::plugin_cache
