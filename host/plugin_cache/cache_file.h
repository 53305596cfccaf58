// The file the plugin cache lives in (format 1). Integers are little-endian.
//
//   "assay plugin cache\n"  u32 format (1)
//   per scanner:  u32 name size, name, u32 version size, version,
//                 u32 entry count, u64 digest of the four fields before
//   per entry:    u32 key size, key, u32 value size, value,
//                 u64 digest of the four fields before
//
// The digest is 64-bit FNV-1a. Reading stops at the first record that is
// cut short, out of bounds or fails its digest: the records before it are
// kept, the rest of the file is dropped, and the reader says where. Entries
// are not durable (a lost cache costs one full measure), so the file is
// written without fsync, to a temporary file renamed over the old one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace assay::plugin_cache {

// One scanner's entries as stored.
struct StoredScanner {
  std::string version;
  std::vector<std::pair<std::string, std::string>> entries;  // key, value
};

// Scanner name -> entries.
using StoredCache = std::map<std::string, StoredScanner>;

struct ReadResult {
  StoredCache scanners;
  // Why the file, or its rest, was not read: "" when all of it was. Names
  // the file and the byte offset of the damage.
  std::string problem;
};

// Reads `file`. A missing file is an empty cache without a problem; an
// unreadable, foreign or damaged one gives what could be read and a problem.
ReadResult read_cache_file(const std::filesystem::path& file);

// Decodes the bytes of a cache file; `name` labels problems.
ReadResult decode_cache(std::string_view bytes, const std::string& name);

// The bytes of a cache file holding `scanners`.
std::string encode_cache(const StoredCache& scanners);

// Writes `scanners` to `file` (creating its directory), atomically. Throws
// std::runtime_error naming the file when it cannot.
void write_cache_file(const std::filesystem::path& file, const StoredCache& scanners);

}  // namespace assay::plugin_cache
