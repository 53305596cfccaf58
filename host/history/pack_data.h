// The objects of one git pack file, read from its bytes in place: each
// object's header, its zlib data inflated, and delta chains (offset and
// reference deltas) resolved against the same pack. The caller keeps the
// bytes mapped. Every read stays inside the pack's bytes, whatever they
// hold. Internal to host/history (the pack reader).
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "history/delta_base_cache.h"
#include "history/pack_index.h"

namespace assay::history {

class PackData {
 public:
  // `pack`: the .pack file's bytes; `index`: its index; `name`: the file,
  // for messages; `number`: this pack's key in `cache`. Throws HistoryError
  // naming the file when the bytes are not a version 2 or 3 pack with the
  // index's object count and checksum.
  PackData(std::string_view pack, PackIndex index, std::string name, uint32_t number, DeltaBaseCache& cache);
  ~PackData();
  PackData(const PackData&) = delete;
  PackData& operator=(const PackData&) = delete;

  // The object `id` (20 bytes), or nullopt when this pack does not hold it.
  // Throws HistoryError naming the object and the pack when its data or a
  // delta base on its chain is corrupt, or its chain leaves the pack.
  std::optional<PackedObject> read(const unsigned char* id);

  // Builds the index's hash table (PackIndex::build_hash_table).
  void build_index_table() { index_.build_hash_table(); }
  // Objects in the pack.
  uint32_t object_count() const { return index_.count(); }

  // Where the zlib data of the objects the last read() inflated start (its
  // chain's), so that the caller knows which parts of the mapping it used.
  const std::vector<uint64_t>& last_touched() const { return touched_; }

  // Bytes of the mapped pack that reads so far may have made resident (each
  // object's compressed data, rounded out to the 64 KB blocks the kernel
  // maps at a page fault, counted once a read): the caller uses it to bound
  // how many mapped pages stay resident.
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  struct Header {
    int type = 0;
    uint64_t size = 0;         // of the inflated data
    uint64_t data = 0;         // where the zlib data starts
    uint64_t base_offset = 0;  // offset deltas: where the base starts
  };
  Header header_at(uint64_t offset) const;
  uint64_t base_of_reference(uint64_t at) const;
  PackedObject resolve(uint64_t offset);
  // Inflates the zlib data at `at`, which must make `size` bytes, into `out`.
  void inflate_into(uint64_t at, uint64_t size, std::string& out);
  void count_pages(uint64_t from, uint64_t to);

  const unsigned char* bytes_;
  uint64_t end_;  // where the objects end (the trailing checksum starts)
  PackIndex index_;
  std::string name_;
  uint32_t number_;
  DeltaBaseCache& cache_;
  z_stream zlib_{};
  uint64_t bytes_read_ = 0;
  std::string delta_;  // reused for every delta: deltas are read once
  std::vector<uint64_t> touched_;
};

}  // namespace assay::history
