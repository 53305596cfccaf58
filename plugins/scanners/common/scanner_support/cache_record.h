// What scanners store in the host's cache (plugin ABI 1.4): per-file
// measures keyed by the file's blob id, written as a record of numbers and
// one trailing text, read back strictly (a record that does not parse is
// measured again, never trusted).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace assay::scanners {

// The cache key of a file's measure: `measure` names the measure and its
// version ("hotspots.complexity/1"), so a changed measure never reads old
// values. "" when the blob id is unknown (a file changed in the working
// tree): such a file is measured and not cached.
std::string file_cache_key(std::string_view measure, std::string_view blob_id, std::string_view language);

// Numbers separated by spaces, then optionally one text that runs to the end.
class RecordWriter {
 public:
  RecordWriter& number(uint64_t value);
  // Ends the record with `text` (any bytes).
  RecordWriter& text(std::string_view text);
  const std::string& record() const { return record_; }

 private:
  std::string record_;
};

// Reads what RecordWriter wrote, in the same order. Every call returns false
// once the record does not match (and stays false).
class RecordReader {
 public:
  explicit RecordReader(std::string_view record) : rest_(record) {}
  bool number(uint64_t& value);
  bool number(uint32_t& value);
  bool flag(bool& value);  // a number that is 0 or 1
  // The trailing text; must be the last read.
  bool text(std::string_view& value);
  // True when every part was read and nothing is left over.
  bool complete() const { return ok_ && rest_.empty(); }

 private:
  std::string_view rest_;
  bool ok_ = true;
  bool first_ = true;
};

}  // namespace assay::scanners
