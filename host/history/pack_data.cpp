#include "history/pack_data.h"

#include <climits>
#include <new>
#include <cstring>
#include <utility>
#include <vector>

#include "history/git_delta.h"
#include "history/history_error.h"
#include "history/object_id.h"

namespace assay::history {
namespace {

constexpr uint64_t kPackHeaderSize = 12;
constexpr int kCommitType = 1;
constexpr int kOffsetDelta = 6;
constexpr int kReferenceDelta = 7;
// Longest delta chain followed: git writes at most 50 (4095 with
// --depth); a longer one is a loop of reference deltas in a corrupt pack.
constexpr size_t kMaxChain = 10000;
// Largest object inflated here; a larger stated size is a corrupt header
// (or an object that is no tree the walk reads).
constexpr uint64_t kMaxObjectSize = uint64_t{1} << 30;

uint32_t big_endian32(const unsigned char* p) {
  return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
         (static_cast<uint32_t>(p[2]) << 8) | p[3];
}

std::string hex_of(const unsigned char* id) {
  ObjectId object;
  std::memcpy(object.bytes.data(), id, ObjectId::kSize);
  return object.hex();
}

}  // namespace

PackData::PackData(std::string_view pack, PackIndex index, std::string name, uint32_t number,
                   DeltaBaseCache& cache)
    : bytes_(reinterpret_cast<const unsigned char*>(pack.data())),
      end_(pack.size() >= PackIndex::kIdSize ? pack.size() - PackIndex::kIdSize : 0),
      index_(std::move(index)),
      name_(std::move(name)),
      number_(number),
      cache_(cache) {
  auto refused = [&](const std::string& why) { return HistoryError("pack " + name_ + " cannot be read: " + why); };
  if (pack.size() < kPackHeaderSize + PackIndex::kIdSize) throw refused("too short");
  if (std::memcmp(bytes_, "PACK", 4) != 0) throw refused("no signature");
  const uint32_t version = big_endian32(bytes_ + 4);
  if (version != 2 && version != 3) throw refused("version " + std::to_string(version));
  if (big_endian32(bytes_ + 8) != index_.count())
    throw refused("it holds " + std::to_string(big_endian32(bytes_ + 8)) + " objects, its index " +
                  std::to_string(index_.count()));
  if (std::memcmp(bytes_ + end_, index_.pack_checksum(), PackIndex::kIdSize) != 0)
    throw refused("its checksum is not the one its index names");
  if (inflateInit(&zlib_) != Z_OK) throw refused("zlib cannot start");
}

PackData::~PackData() { inflateEnd(&zlib_); }

PackData::Header PackData::header_at(uint64_t offset) const {
  if (offset < kPackHeaderSize || offset >= end_)
    throw HistoryError("an object starts at " + std::to_string(offset) + ", outside the pack");
  uint64_t at = offset;
  unsigned char byte = bytes_[at++];
  Header header;
  header.type = (byte >> 4) & 7;
  header.size = byte & 15;
  for (unsigned shift = 4; byte & 0x80; shift += 7) {
    if (at >= end_ || shift > 57) throw HistoryError("the object header at " + std::to_string(offset) + " is cut");
    byte = bytes_[at++];
    header.size |= static_cast<uint64_t>(byte & 0x7F) << shift;
  }
  if (header.type == kOffsetDelta) {
    // git's offset encoding: 7 bits a byte, most significant first, each
    // continuation adding one so that no value has two encodings.
    if (at >= end_) throw HistoryError("the delta at " + std::to_string(offset) + " is cut");
    byte = bytes_[at++];
    uint64_t distance = byte & 0x7F;
    while (byte & 0x80) {
      if (at >= end_ || distance >= (uint64_t{1} << 56))
        throw HistoryError("the delta at " + std::to_string(offset) + " has a bad base distance");
      byte = bytes_[at++];
      distance = ((distance + 1) << 7) | (byte & 0x7F);
    }
    if (distance == 0 || distance > offset)
      throw HistoryError("the delta at " + std::to_string(offset) + " has its base outside the pack");
    header.base_offset = offset - distance;
  } else if (header.type == kReferenceDelta) {
    if (end_ - at < PackIndex::kIdSize) throw HistoryError("the delta at " + std::to_string(offset) + " is cut");
    header.base_offset = base_of_reference(at);
    at += PackIndex::kIdSize;
  } else if (header.type < 1 || header.type > 4) {
    throw HistoryError("the object at " + std::to_string(offset) + " has the unknown type " +
                       std::to_string(header.type));
  }
  if (header.size > kMaxObjectSize)
    throw HistoryError("the object at " + std::to_string(offset) + " states a size of " +
                       std::to_string(header.size) + " bytes");
  header.data = at;
  return header;
}

uint64_t PackData::base_of_reference(uint64_t at) const {
  if (std::optional<uint64_t> base = index_.find(bytes_ + at)) return *base;
  throw HistoryError("its delta base " + hex_of(bytes_ + at) + " is not in the pack");
}

void PackData::inflate_into(uint64_t at, uint64_t size, std::string& out) {
  // zlib makes at most 1032 bytes of a byte: a larger stated size is a
  // corrupt header, refused before allocating it.
  if (size / 1032 > end_ - at)
    throw HistoryError("the object at " + std::to_string(at) + " states " + std::to_string(size) +
                       " bytes, more than its data can hold");
  // One byte of room past the stated size, so that data longer than stated
  // is seen instead of cut.
  out.resize(size + 1);
  inflateReset(&zlib_);
  zlib_.next_in = const_cast<Bytef*>(bytes_ + at);
  zlib_.avail_in = static_cast<uInt>(std::min<uint64_t>(end_ - at, UINT_MAX));
  zlib_.next_out = reinterpret_cast<Bytef*>(out.data());
  zlib_.avail_out = static_cast<uInt>(out.size());
  const int status = ::inflate(&zlib_, Z_FINISH);
  count_pages(at, at + zlib_.total_in);
  touched_.push_back(at);
  if (status != Z_STREAM_END || zlib_.total_out != size)
    throw HistoryError("the data at " + std::to_string(at) + " does not inflate to its stated " +
                       std::to_string(size) + " bytes" + (zlib_.msg ? std::string(" (") + zlib_.msg + ")" : ""));
  out.resize(size);
}

void PackData::count_pages(uint64_t from, uint64_t to) {
  // A page fault on a mapped file maps the cached pages around the faulting
  // one too (Linux's fault-around, 64 KB by default), so each 64 KB block a
  // read touches is counted whole.
  constexpr uint64_t kBlock = 64 * 1024;
  bytes_read_ += (to / kBlock - from / kBlock + 1) * kBlock;
}

PackedObject PackData::resolve(uint64_t offset) {
  // Walk down the chain to a full object or one the cache holds, then apply
  // the deltas back up, keeping each result for the chains that pass here.
  std::vector<std::pair<uint64_t, Header>> deltas;
  PackedObject object;
  for (uint64_t at = offset;;) {
    if (const PackedObject* cached = cache_.find(number_, at)) {
      object = *cached;
      break;
    }
    const Header header = header_at(at);
    if (header.type != kOffsetDelta && header.type != kReferenceDelta) {
      object.type = header.type;
      auto bytes = std::make_shared<std::string>();
      inflate_into(header.data, header.size, *bytes);
      object.bytes = std::move(bytes);
      // A commit is read once by a walk; keeping it would only push out
      // the trees the next commits' deltas start from.
      if (header.type != kCommitType || !deltas.empty()) cache_.put(number_, at, object);
      break;
    }
    if (deltas.size() == kMaxChain) throw HistoryError("its delta chain is longer than " + std::to_string(kMaxChain));
    deltas.emplace_back(at, header);
    at = header.base_offset;
  }
  for (auto it = deltas.rbegin(); it != deltas.rend(); ++it) {
    inflate_into(it->second.data, it->second.size, delta_);
    try {
      object.bytes = std::make_shared<const std::string>(apply_delta(*object.bytes, delta_));
    } catch (const HistoryError& e) {
      throw HistoryError("the delta at " + std::to_string(it->first) + ": " + e.what());
    }
    cache_.put(number_, it->first, object);
  }
  return object;
}

std::optional<PackedObject> PackData::read(const unsigned char* id) {
  touched_.clear();
  try {
    const std::optional<uint64_t> offset = index_.find(id);
    if (!offset) return std::nullopt;
    return resolve(*offset);
  } catch (const HistoryError& e) {
    throw HistoryError("object " + hex_of(id) + " in pack " + name_ + ": " + e.what());
  } catch (const std::bad_alloc&) {
    // A corrupt size within the limits can still ask for more than there is.
    throw HistoryError("object " + hex_of(id) + " in pack " + name_ + ": too large to read");
  }
}

}  // namespace assay::history
