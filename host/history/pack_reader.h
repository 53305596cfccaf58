// Reads objects straight from a repository's pack files, for the history
// walk's trees: the pack indexes are searched by interpolation, the packs
// mapped read-only, objects inflated with one reused zlib stream and delta
// chains resolved through a byte-bounded cache of recent objects. Nothing
// is allocated per object but its bytes. Objects it does not hold (loose
// objects, alternates, packs it does not understand) are left to the
// caller, which reads them through libgit2. Internal to host/history.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "history/delta_base_cache.h"
#include "history/recent_objects.h"

namespace assay::history {

class PackData;

class PackReader {
 public:
  struct Limits {
    // Mapped pack pages that may stay resident before the least recently
    // used are dropped (they count in the process's resident memory),
    // checked every `residency_check_every` reads.
    size_t resident_bytes = size_t{32} << 20;
    uint32_t residency_check_every = 256;
    // Recently read objects kept as delta bases: slots (a power of two) and
    // bytes at most.
    size_t cache_slots = 4096;
    size_t cache_bytes = size_t{16} << 20;
    // Objects returned lately (commits aside: a walk reads each once),
    // found by id without an index search: slots (a power of two) and bytes
    // at most.
    size_t recent_slots = 8192;
    size_t recent_bytes = size_t{16} << 20;
    // Largest hash table of a pack index's ids (PackIndex::build_hash_table
    // takes 16 to 32 bytes an object): a pack of more than this / 16
    // objects is searched instead, so that a huge repository's walk does
    // not hold hundreds of megabytes of tables.
    size_t hash_table_bytes = size_t{32} << 20;
    // Lookups in a pack before its table is built: building it is a pass
    // over the whole index (about 1% of a cold walk of 50,000 commits), so
    // an incremental walk of a few commits does without.
    uint32_t hash_table_after = 4096;
  };

  // Opens every pack in `objects_dir`/pack (the repository's objects
  // directory) whose index is version 2 and whose pack matches it; others
  // are left out and named in skipped().
  PackReader(const std::string& objects_dir, Limits limits);
  ~PackReader();
  PackReader(const PackReader&) = delete;
  PackReader& operator=(const PackReader&) = delete;

  // The object `id` (20 bytes) when one of the packs holds it; nullopt
  // otherwise. Throws HistoryError naming the object and its pack when its
  // data is corrupt.
  std::optional<PackedObject> read(const unsigned char* id);

  // Packs in use.
  size_t pack_count() const { return packs_.size(); }
  // Packs left out, each with the reason.
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  struct MappedFile;
  struct Pack;
  void open_pack(const std::string& index_path, const std::string& pack_path);
  void bound_residency(Pack& pack);
  void count_lookup(Pack& pack);
  // Resident file-backed bytes of the process (/proc/self/statm's shared
  // pages), or nullopt when it cannot be read.
  std::optional<uint64_t> file_resident_bytes() const;
  void mark_used(Pack& pack);
  // False when no chunk was in use.
  bool drop_older_half();

  Limits limits_;
  DeltaBaseCache cache_;
  RecentObjects recent_;
  std::vector<std::unique_ptr<Pack>> packs_;
  size_t last_found_ = 0;  // consecutive reads mostly hit the same pack
  int statm_ = -1;         // /proc/self/statm, kept open
  uint64_t resident_base_ = 0;  // file-backed resident bytes not the packs'
  uint32_t reads_since_check_ = 0;
  uint64_t reads_ = 0;
  std::vector<std::string> skipped_;
};

}  // namespace assay::history
