#include "plugin_cache/scanner_entries.h"

#include <algorithm>

namespace assay::plugin_cache {

ScannerEntries::ScannerEntries(std::vector<std::pair<std::string, std::string>> stored) {
  entries_.reserve(stored.size());
  for (auto& [key, value] : stored)
    entries_[std::move(key)] = Entry{std::make_unique<const std::string>(std::move(value)), false};
}

std::optional<std::string_view> ScannerEntries::get(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(std::string(key));
  if (it == entries_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  it->second.used = true;
  return std::string_view(*it->second.value);
}

void ScannerEntries::put(std::string_view key, std::string_view value) {
  auto fresh = std::make_unique<const std::string>(value);
  std::lock_guard lock(mutex_);
  ++puts_;
  Entry& entry = entries_[std::string(key)];
  entry.used = true;
  if (entry.value && *entry.value == value) return;
  if (entry.value) replaced_.push_back(std::move(entry.value));
  entry.value = std::move(fresh);
  changed_ = true;
}

void ScannerEntries::keep_used_only() {
  std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.used) {
      ++it;
      continue;
    }
    it = entries_.erase(it);
    changed_ = true;
  }
}

bool ScannerEntries::changed() const {
  std::lock_guard lock(mutex_);
  return changed_;
}

std::vector<std::pair<std::string, std::string>> ScannerEntries::entries() const {
  std::lock_guard lock(mutex_);
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(entries_.size());
  for (const auto& [key, entry] : entries_) out.emplace_back(key, *entry.value);
  std::sort(out.begin(), out.end());
  return out;
}

size_t ScannerEntries::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

size_t ScannerEntries::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

size_t ScannerEntries::puts() const {
  std::lock_guard lock(mutex_);
  return puts_;
}

}  // namespace assay::plugin_cache
