#include "history/pack_reader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "history/history_error.h"
#include "history/pack_data.h"
#include "history/pack_index.h"

namespace assay::history {

namespace {
constexpr int kCommitType = 1;  // commits are read once by a walk: not kept
// Mapped packs are dropped in chunks of this many bytes.
constexpr uint64_t kChunk = uint64_t{4} << 20;
}  // namespace

// A file mapped read-only in full. The mapping reserves address space only;
// pages become resident as they are read and drop() gives them back.
struct PackReader::MappedFile {
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw HistoryError("cannot open " + path + ": " + std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || info.st_size <= 0) {
      ::close(fd);
      throw HistoryError("cannot read " + path + ": empty or unreadable");
    }
    size = static_cast<size_t>(info.st_size);
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED) throw HistoryError("cannot map " + path + ": " + std::strerror(errno));
    data = static_cast<const char*>(mapped);
  }
  ~MappedFile() { ::munmap(const_cast<char*>(data), size); }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data, size}; }
  void drop() const { ::madvise(const_cast<char*>(data), size, MADV_DONTNEED); }
  // Drops the pages of [offset, offset + length) (clipped to the file).
  void drop(uint64_t offset, uint64_t length) const {
    if (offset >= size) return;
    ::madvise(const_cast<char*>(data) + offset, std::min<uint64_t>(length, size - offset), MADV_DONTNEED);
  }

  const char* data = nullptr;
  size_t size = 0;
};

struct PackReader::Pack {
  std::unique_ptr<MappedFile> index_file;
  std::unique_ptr<MappedFile> pack_file;
  std::unique_ptr<PackData> data;
  uint64_t read_at_last_drop = 0;
  // Per chunk of the mapping: when a read last used it (0: not since its
  // pages were last dropped).
  std::vector<uint64_t> chunk_used;
  uint64_t lookups = 0;  // counted until the index's hash table is built
};

PackReader::PackReader(const std::string& objects_dir, Limits limits)
    : limits_(limits),
      cache_(limits.cache_slots, limits.cache_bytes),
      recent_(limits.recent_slots, limits.recent_bytes),
      statm_(::open("/proc/self/statm", O_RDONLY | O_CLOEXEC)) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::vector<std::string> indexes;
  for (const auto& entry : fs::directory_iterator(fs::path(objects_dir) / "pack", error)) {
    if (entry.path().extension() == ".idx") indexes.push_back(entry.path().string());
  }
  // A stable order: the same repository is read the same way every time.
  std::sort(indexes.begin(), indexes.end());
  const uint64_t resident_before = file_resident_bytes().value_or(0);
  for (const std::string& index_path : indexes) {
    const std::string pack_path = index_path.substr(0, index_path.size() - 4) + ".pack";
    try {
      open_pack(index_path, pack_path);
    } catch (const HistoryError& e) {
      skipped_.push_back(e.what());
    }
  }
  // The indexes are read all over and stay mapped: counted as resident
  // from the start, so that the budget is the packs' alone.
  resident_base_ = resident_before;
  for (const auto& pack : packs_) resident_base_ += pack->index_file->size;
}

PackReader::~PackReader() {
  if (statm_ >= 0) ::close(statm_);
}

void PackReader::open_pack(const std::string& index_path, const std::string& pack_path) {
  auto pack = std::make_unique<Pack>();
  pack->index_file = std::make_unique<MappedFile>(index_path);
  pack->pack_file = std::make_unique<MappedFile>(pack_path);
  PackIndex index(pack->index_file->bytes(), index_path);
  pack->chunk_used.assign(pack->pack_file->size / kChunk + 1, 0);
  pack->data = std::make_unique<PackData>(pack->pack_file->bytes(), std::move(index), pack_path,
                                          static_cast<uint32_t>(packs_.size()), cache_);
  packs_.push_back(std::move(pack));
}

std::optional<uint64_t> PackReader::file_resident_bytes() const {
  if (statm_ < 0) return std::nullopt;
  char text[128];
  const ssize_t got = ::pread(statm_, text, sizeof text - 1, 0);
  if (got <= 0) return std::nullopt;
  text[got] = '\0';
  unsigned long long size = 0, resident = 0, shared = 0;
  if (std::sscanf(text, "%llu %llu %llu", &size, &resident, &shared) != 3) return std::nullopt;
  return static_cast<uint64_t>(shared) * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
}

void PackReader::mark_used(Pack& pack) {
  ++reads_;
  for (uint64_t at : pack.data->last_touched()) pack.chunk_used[at / kChunk] = reads_;
}

bool PackReader::drop_older_half() {
  // The chunks used since their last drop, least recently used first: the
  // older half is dropped. The walk's reads cluster (a pack written in
  // history order keeps a commit's trees and their delta bases together),
  // so the chunks used last are the ones about to be used again.
  std::vector<std::pair<uint64_t, std::pair<size_t, size_t>>> used;
  for (size_t p = 0; p < packs_.size(); ++p) {
    const std::vector<uint64_t>& chunks = packs_[p]->chunk_used;
    for (size_t c = 0; c < chunks.size(); ++c)
      if (chunks[c] != 0) used.push_back({chunks[c], {p, c}});
  }
  std::sort(used.begin(), used.end());
  for (size_t i = 0; i < (used.size() + 1) / 2; ++i) {
    Pack& pack = *packs_[used[i].second.first];
    const size_t chunk = used[i].second.second;
    pack.pack_file->drop(static_cast<uint64_t>(chunk) * kChunk, kChunk);
    pack.chunk_used[chunk] = 0;
  }
  return !used.empty();
}

void PackReader::bound_residency(Pack& pack) {
  // Mapped pack pages count in the process's resident memory until they
  // are dropped (the kernel's page cache keeps them, so reading them again
  // costs a page fault, not a disk read). The process's resident
  // file-backed memory is checked every few reads: how much a read makes
  // resident depends on what is already mapped and on the kernel's
  // fault-around, so it is measured rather than guessed. Without /proc,
  // the bytes read (counted in fault-around blocks) stand for it.
  if (statm_ >= 0) {
    if (++reads_since_check_ < limits_.residency_check_every) return;
    reads_since_check_ = 0;
    for (int round = 0; round < 4; ++round) {
      const std::optional<uint64_t> resident = file_resident_bytes();
      if (resident && *resident <= resident_base_ + limits_.resident_bytes) return;
      if (!drop_older_half()) return;
    }
    return;
  }
  if (pack.data->bytes_read() - pack.read_at_last_drop < limits_.resident_bytes) return;
  pack.pack_file->drop();
  pack.read_at_last_drop = pack.data->bytes_read();
}

void PackReader::count_lookup(Pack& pack) {
  if (pack.lookups > limits_.hash_table_after) return;
  if (pack.lookups++ < limits_.hash_table_after) return;
  if (static_cast<uint64_t>(pack.data->object_count()) * 16 <= limits_.hash_table_bytes)
    pack.data->build_index_table();
}

std::optional<PackedObject> PackReader::read(const unsigned char* id) {
  if (const PackedObject* recent = recent_.find(id)) return *recent;
  for (size_t tried = 0; tried < packs_.size(); ++tried) {
    const size_t number = (last_found_ + tried) % packs_.size();
    Pack& pack = *packs_[number];
    count_lookup(pack);
    std::optional<PackedObject> object = pack.data->read(id);
    mark_used(pack);
    bound_residency(pack);
    if (object) {
      if (object->type != kCommitType) recent_.put(id, *object);
      last_found_ = number;
      return object;
    }
  }
  return std::nullopt;
}

}  // namespace assay::history
