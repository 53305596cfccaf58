#include "zip_builder.h"

#include <zlib.h>

#include <cstdint>
#include <stdexcept>

namespace assay::osv::testing {
namespace {

void put(std::string& out, uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

std::string raw_deflate(const std::string& data) {
  z_stream s{};
  if (deflateInit2(&s, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&s, static_cast<uLong>(data.size())), '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  if (deflate(&s, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

}  // namespace

std::string build_zip(const std::vector<ZipEntry>& entries, bool zip64_end) {
  std::string archive;
  std::string directory;
  for (const ZipEntry& e : entries) {
    const std::string body = e.deflate ? raw_deflate(e.data) : e.data;
    const uint32_t crc = static_cast<uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(e.data.data()), static_cast<uInt>(e.data.size())));
    const uint64_t offset = archive.size();
    put(archive, 0x04034b50, 4);
    put(archive, 20, 2);
    put(archive, 0, 2);
    put(archive, e.deflate ? 8 : 0, 2);
    put(archive, 0, 4);  // time, date
    put(archive, crc, 4);
    put(archive, body.size(), 4);
    put(archive, e.data.size(), 4);
    put(archive, e.name.size(), 2);
    put(archive, 0, 2);
    archive += e.name + body;

    put(directory, 0x02014b50, 4);
    put(directory, 20, 2);
    put(directory, 20, 2);
    put(directory, 0, 2);
    put(directory, e.deflate ? 8 : 0, 2);
    put(directory, 0, 4);
    put(directory, crc, 4);
    put(directory, body.size(), 4);
    put(directory, e.data.size(), 4);
    put(directory, e.name.size(), 2);
    put(directory, 0, 2);  // extra
    put(directory, 0, 2);  // comment
    put(directory, 0, 2);  // disk
    put(directory, 0, 2);
    put(directory, 0, 4);
    put(directory, offset, 4);
    directory += e.name;
  }
  const uint64_t directory_offset = archive.size();
  archive += directory;
  if (zip64_end) {
    const uint64_t record = archive.size();
    put(archive, 0x06064b50, 4);
    put(archive, 44, 8);
    put(archive, 45, 2);
    put(archive, 45, 2);
    put(archive, 0, 4);
    put(archive, 0, 4);
    put(archive, entries.size(), 8);
    put(archive, entries.size(), 8);
    put(archive, directory.size(), 8);
    put(archive, directory_offset, 8);
    put(archive, 0x07064b50, 4);
    put(archive, 0, 4);
    put(archive, record, 8);
    put(archive, 1, 4);
  }
  put(archive, 0x06054b50, 4);
  put(archive, 0, 2);
  put(archive, 0, 2);
  put(archive, zip64_end ? 0xFFFF : entries.size(), 2);
  put(archive, zip64_end ? 0xFFFF : entries.size(), 2);
  put(archive, zip64_end ? 0xFFFFFFFF : directory.size(), 4);
  put(archive, zip64_end ? 0xFFFFFFFF : directory_offset, 4);
  put(archive, 0, 2);
  return archive;
}

}  // namespace assay::osv::testing
