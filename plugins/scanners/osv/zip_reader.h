// Reads the members of a zip archive held in memory: the central directory
// (ZIP64 included, as an all.zip of npm advisories has more than 65535
// members), stored and deflated members, CRC-32 checked. Enough for the
// OSV per-ecosystem exports; encrypted and multi-disk archives are refused.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace assay::osv {

class ZipError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ZipMember {
  std::string name;
  uint16_t method = 0;  // 0 stored, 8 deflated
  uint16_t flags = 0;
  uint32_t crc32 = 0;
  uint64_t compressed_size = 0;
  uint64_t size = 0;
  uint64_t local_header_offset = 0;
};

// Largest member the reader inflates; an OSV advisory is kilobytes, so a
// larger member is a damaged or hostile archive.
inline constexpr uint64_t kMaxZipMemberSize = 64ull * 1024 * 1024;

class ZipReader {
 public:
  // Reads the central directory of `archive` (which must outlive the
  // reader). Throws ZipError when it is not a readable zip archive.
  explicit ZipReader(std::string_view archive);

  const std::vector<ZipMember>& members() const { return members_; }

  // The uncompressed contents of `member`. Throws ZipError naming the
  // member when it is encrypted, of an unknown method, larger than
  // kMaxZipMemberSize, truncated or fails its CRC.
  std::string read(const ZipMember& member) const;

 private:
  std::string_view archive_;
  std::vector<ZipMember> members_;
};

}  // namespace assay::osv
