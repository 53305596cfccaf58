#include <cstdint>
#include <cstring>
#include <string>

#include "fuzz_check.h"
#include "harnesses.h"
#include "history/delta_base_cache.h"
#include "history/git_delta.h"
#include "history/history_error.h"
#include "history/pack_data.h"
#include "history/pack_index.h"

namespace assay::fuzz {
namespace {

using history::HistoryError;

constexpr size_t kHeader = 12;

void big_endian32(std::string& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFF);
}

// A version 2 index of two objects: id 00..01 at offset 12 and id ff..ff at
// `second`, naming `checksum` as its pack's.
std::string two_object_index(uint64_t second, const std::string& checksum) {
  std::string index("\xFFtOc\0\0\0\2", 8);
  for (int b = 0; b < 256; ++b) big_endian32(index, b < 255 ? 1 : 2);
  std::string low(20, '\0');
  low[19] = 1;
  index += low + std::string(20, '\xFF');
  index += std::string(8, '\0');  // CRCs
  big_endian32(index, static_cast<uint32_t>(kHeader));
  big_endian32(index, static_cast<uint32_t>(second));
  return index + checksum + std::string(20, '\0');
}

// Reads object `id` from the pack; every outcome but an object or a
// HistoryError naming the object breaks a promise.
bool read_object(history::PackData& pack, const unsigned char* id, const char* hex) {
  try {
    std::optional<history::PackedObject> object = pack.read(id);
    ASSAY_FUZZ_CHECK(object.has_value(), "both indexed objects are found");
    ASSAY_FUZZ_CHECK(object->type >= 1 && object->type <= 4, "an object has a git object type");
    ASSAY_FUZZ_CHECK(object->bytes != nullptr, "an object has bytes");
    return true;
  } catch (const HistoryError& e) {
    ASSAY_FUZZ_CHECK(std::strstr(e.what(), hex) != nullptr, "a pack error names the object");
    return false;
  }
}

}  // namespace

Verdict run_pack(std::string_view input) {
  if (input.size() < 2) return Verdict::rejected;
  // Bytes 0-1: where the second object starts, from the first; the rest:
  // the objects of a two-object pack.
  const std::string_view objects = input.substr(2);
  const uint64_t second =
      kHeader + (static_cast<unsigned char>(input[0]) | static_cast<unsigned char>(input[1]) << 8) %
                    (objects.size() + 1);
  std::string pack("PACK\0\0\0\2\0\0\0\2", kHeader);
  pack += objects;
  const std::string checksum(20, '\x5A');
  pack += checksum;
  const std::string index_bytes = two_object_index(second, checksum);
  history::PackIndex index(index_bytes, "fuzz.idx");
  if (input[0] & 1) index.build_hash_table();
  history::DeltaBaseCache cache(4, 1 << 20);
  history::PackData data(pack, index, "fuzz.pack", 0, cache);
  unsigned char first_id[20] = {};
  first_id[19] = 1;
  unsigned char second_id[20];
  std::memset(second_id, 0xFF, sizeof second_id);
  const bool first = read_object(data, first_id, "0000000000000000000000000000000000000001");
  const bool other = read_object(data, second_id, "ffffffffffffffffffffffffffffffffffffffff");

  // The same bytes as an index and as a delta: errors only, never a crash.
  try {
    const history::PackIndex any(input, "fuzz.idx");
    history::PackIndex hashed = any;
    hashed.build_hash_table();
    for (size_t at = 0; at + 20 <= input.size(); at += 20) {
      const auto* id = reinterpret_cast<const unsigned char*>(input.data() + at);
      std::optional<uint64_t> searched;
      try {
        searched = any.find(id);
      } catch (const HistoryError&) {
        continue;
      }
      // Unsorted ids (a corrupt index) may hide an id from the search, never
      // from the table; what both find is the same entry.
      const std::optional<uint64_t> from_table = hashed.find(id);
      if (searched) ASSAY_FUZZ_CHECK(from_table == searched, "the hash table finds what the search finds");
    }
  } catch (const HistoryError&) {
  }
  try {
    const size_t base_size = static_cast<unsigned char>(input[0]) % (input.size() - 1);
    const std::string result = history::apply_delta(input.substr(2, base_size), input.substr(1));
    ASSAY_FUZZ_CHECK(result.size() <= (input.size() << 16) + 0x10000, "a delta makes what it can say");
  } catch (const HistoryError&) {
  }
  return first || other ? Verdict::accepted : Verdict::rejected;
}

}  // namespace assay::fuzz
