#include "cache_record.h"

#include <charconv>
#include <limits>

namespace assay::scanners {

std::string file_cache_key(std::string_view measure, std::string_view blob_id, std::string_view language) {
  if (blob_id.empty()) return {};
  std::string key(measure);
  key.push_back(' ');
  key.append(blob_id);
  key.push_back(' ');
  key.append(language);
  return key;
}

RecordWriter& RecordWriter::number(uint64_t value) {
  if (!record_.empty()) record_.push_back(' ');
  record_.append(std::to_string(value));
  return *this;
}

RecordWriter& RecordWriter::text(std::string_view text) {
  if (!record_.empty()) record_.push_back(' ');
  record_.append(text);
  return *this;
}

bool RecordReader::number(uint64_t& value) {
  if (!ok_) return false;
  if (!first_) {
    if (rest_.empty() || rest_.front() != ' ') return ok_ = false;
    rest_.remove_prefix(1);
  }
  first_ = false;
  // Digits only: from_chars would also take a sign.
  size_t digits = 0;
  while (digits < rest_.size() && rest_[digits] >= '0' && rest_[digits] <= '9') ++digits;
  if (digits == 0) return ok_ = false;
  const auto [end, error] = std::from_chars(rest_.data(), rest_.data() + digits, value);
  if (error != std::errc() || end != rest_.data() + digits) return ok_ = false;
  rest_.remove_prefix(digits);
  return true;
}

bool RecordReader::number(uint32_t& value) {
  uint64_t wide = 0;
  if (!number(wide)) return false;
  if (wide > std::numeric_limits<uint32_t>::max()) return ok_ = false;
  value = static_cast<uint32_t>(wide);
  return true;
}

bool RecordReader::flag(bool& value) {
  uint64_t n = 0;
  if (!number(n)) return false;
  if (n > 1) return ok_ = false;
  value = n == 1;
  return true;
}

bool RecordReader::text(std::string_view& value) {
  if (!ok_) return false;
  if (!first_) {
    if (rest_.empty() || rest_.front() != ' ') return ok_ = false;
    rest_.remove_prefix(1);
  }
  first_ = false;
  value = rest_;
  rest_ = {};
  return true;
}

}  // namespace assay::scanners
