#include "zip_reader.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace assay::osv {
namespace {

constexpr uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr uint32_t kZip64EndLocator = 0x07064b50;
constexpr uint32_t kZip64End = 0x06064b50;
constexpr uint32_t kCentralHeader = 0x02014b50;
constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr size_t kEndSize = 22;
constexpr size_t kCentralHeaderSize = 46;
constexpr size_t kLocalHeaderSize = 30;

// Little-endian reads with bounds checks against the archive.
class Bytes {
 public:
  explicit Bytes(std::string_view data) : data_(data) {}

  bool has(uint64_t offset, uint64_t length) const {
    return offset <= data_.size() && length <= data_.size() - offset;
  }
  uint64_t read(uint64_t offset, int width) const {
    if (!has(offset, static_cast<uint64_t>(width))) throw ZipError("truncated archive");
    uint64_t value = 0;
    for (int i = width - 1; i >= 0; --i)
      value = (value << 8) |
              static_cast<unsigned char>(data_[static_cast<size_t>(offset) + static_cast<size_t>(i)]);
    return value;
  }
  uint16_t u16(uint64_t offset) const { return static_cast<uint16_t>(read(offset, 2)); }
  uint32_t u32(uint64_t offset) const { return static_cast<uint32_t>(read(offset, 4)); }
  uint64_t u64(uint64_t offset) const { return read(offset, 8); }
  std::string_view slice(uint64_t offset, uint64_t length) const {
    if (!has(offset, length)) throw ZipError("truncated archive");
    return data_.substr(static_cast<size_t>(offset), static_cast<size_t>(length));
  }
  uint64_t size() const { return data_.size(); }

 private:
  std::string_view data_;
};

struct Directory {
  uint64_t entries = 0;
  uint64_t offset = 0;
  uint64_t size = 0;
};

uint64_t find_end_record(const Bytes& bytes) {
  if (bytes.size() < kEndSize) throw ZipError("not a zip archive (too short)");
  const uint64_t last = bytes.size() - kEndSize;
  const uint64_t first = last > 0xFFFF ? last - 0xFFFF : 0;
  for (uint64_t at = last + 1; at-- > first;) {
    if (bytes.u32(at) == kEndOfCentralDirectory) return at;
  }
  throw ZipError("not a zip archive (no end of central directory record)");
}

Directory read_directory(const Bytes& bytes) {
  const uint64_t end = find_end_record(bytes);
  if (bytes.u16(end + 4) != 0 || bytes.u16(end + 6) != 0)
    throw ZipError("multi-disk archives are not supported");
  Directory d{bytes.u16(end + 10), bytes.u32(end + 16), bytes.u32(end + 12)};
  const bool zip64 = d.entries == 0xFFFF || d.offset == 0xFFFFFFFF || d.size == 0xFFFFFFFF;
  if (zip64 && end >= 20 && bytes.u32(end - 20) == kZip64EndLocator) {
    const uint64_t record = bytes.u64(end - 20 + 8);
    if (bytes.u32(record) != kZip64End) throw ZipError("damaged ZIP64 end of central directory record");
    d.entries = bytes.u64(record + 32);
    d.size = bytes.u64(record + 40);
    d.offset = bytes.u64(record + 48);
  }
  if (!bytes.has(d.offset, d.size)) throw ZipError("central directory lies outside the archive");
  return d;
}

// The ZIP64 extended information extra field replaces the 32-bit values
// that are all ones, in the order size, compressed size, offset.
void apply_zip64_extra(std::string_view extra, ZipMember& m) {
  const Bytes bytes(extra);
  uint64_t at = 0;
  while (bytes.has(at, 4)) {
    const uint16_t id = bytes.u16(at);
    const uint16_t length = bytes.u16(at + 2);
    if (!bytes.has(at + 4, length)) return;
    if (id == 0x0001) {
      uint64_t field = at + 4;
      const uint64_t field_end = at + 4 + length;
      auto next = [&](uint64_t& value) {
        if (value != 0xFFFFFFFF || field + 8 > field_end) return;
        value = bytes.u64(field);
        field += 8;
      };
      next(m.size);
      next(m.compressed_size);
      next(m.local_header_offset);
      return;
    }
    at += 4 + length;
  }
}

std::string inflate_raw(std::string_view compressed, uint64_t size, const std::string& name) {
  std::string out(static_cast<size_t>(size), '\0');
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) throw ZipError(name + ": cannot start inflating");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(std::min<size_t>(compressed.size(), std::numeric_limits<uInt>::max()));
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = inflate(&stream, Z_FINISH);
  const uint64_t produced = stream.total_out;
  const std::string problem = stream.msg != nullptr ? stream.msg : "size mismatch";
  inflateEnd(&stream);
  if (status != Z_STREAM_END || produced != size)
    throw ZipError(name + ": damaged deflate data (" + problem + ")");
  return out;
}

}  // namespace

ZipReader::ZipReader(std::string_view archive) : archive_(archive) {
  const Bytes bytes(archive);
  const Directory d = read_directory(bytes);
  uint64_t at = d.offset;
  const uint64_t end = d.offset + d.size;
  for (uint64_t i = 0; i < d.entries; ++i) {
    if (at + kCentralHeaderSize > end || bytes.u32(at) != kCentralHeader)
      throw ZipError("damaged central directory (entry " + std::to_string(i) + ")");
    ZipMember m;
    m.flags = bytes.u16(at + 8);
    m.method = bytes.u16(at + 10);
    m.crc32 = bytes.u32(at + 16);
    m.compressed_size = bytes.u32(at + 20);
    m.size = bytes.u32(at + 24);
    const uint16_t name_length = bytes.u16(at + 28);
    const uint16_t extra_length = bytes.u16(at + 30);
    const uint16_t comment_length = bytes.u16(at + 32);
    m.local_header_offset = bytes.u32(at + 42);
    m.name = std::string(bytes.slice(at + kCentralHeaderSize, name_length));
    apply_zip64_extra(bytes.slice(at + kCentralHeaderSize + name_length, extra_length), m);
    members_.push_back(std::move(m));
    at += kCentralHeaderSize + name_length + extra_length + comment_length;
  }
}

std::string ZipReader::read(const ZipMember& member) const {
  const Bytes bytes(archive_);
  if (member.flags & 0x1) throw ZipError(member.name + ": encrypted members are not supported");
  if (member.size > kMaxZipMemberSize)
    throw ZipError(member.name + ": " + std::to_string(member.size) + " bytes uncompressed, more than the " +
                   std::to_string(kMaxZipMemberSize) + " an advisory may have");
  const uint64_t header = member.local_header_offset;
  if (!bytes.has(header, kLocalHeaderSize) || bytes.u32(header) != kLocalHeader)
    throw ZipError(member.name + ": damaged local header");
  const uint64_t data = header + kLocalHeaderSize + bytes.u16(header + 26) + bytes.u16(header + 28);
  if (!bytes.has(data, member.compressed_size))
    throw ZipError(member.name + ": data lies outside the archive");
  const std::string_view compressed = bytes.slice(data, member.compressed_size);
  std::string out;
  if (member.method == 0) {
    if (member.compressed_size != member.size) throw ZipError(member.name + ": stored member with two sizes");
    out = std::string(compressed);
  } else if (member.method == 8) {
    out = inflate_raw(compressed, member.size, member.name);
  } else {
    throw ZipError(member.name + ": compression method " + std::to_string(member.method) +
                   " is not supported");
  }
  const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size()));
  if (crc != member.crc32) throw ZipError(member.name + ": CRC-32 mismatch (damaged member)");
  return out;
}

}  // namespace assay::osv
