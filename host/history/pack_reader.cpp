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

  const char* data = nullptr;
  size_t size = 0;
};

struct PackReader::Pack {
  std::unique_ptr<MappedFile> index_file;
  std::unique_ptr<MappedFile> pack_file;
  std::unique_ptr<PackData> data;
  uint64_t read_at_last_drop = 0;
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
  resident_after_drop_ = file_resident_bytes().value_or(0);
  for (const std::string& index_path : indexes) {
    const std::string pack_path = index_path.substr(0, index_path.size() - 4) + ".pack";
    try {
      open_pack(index_path, pack_path);
    } catch (const HistoryError& e) {
      skipped_.push_back(e.what());
    }
  }
}

PackReader::~PackReader() {
  if (statm_ >= 0) ::close(statm_);
}

void PackReader::open_pack(const std::string& index_path, const std::string& pack_path) {
  auto pack = std::make_unique<Pack>();
  pack->index_file = std::make_unique<MappedFile>(index_path);
  pack->pack_file = std::make_unique<MappedFile>(pack_path);
  PackIndex index(pack->index_file->bytes(), index_path);
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

void PackReader::drop_all() {
  for (auto& pack : packs_) {
    pack->pack_file->drop();
    pack->read_at_last_drop = pack->data->bytes_read();
  }
  resident_after_drop_ = file_resident_bytes().value_or(0);
}

void PackReader::bound_residency(Pack& pack) {
  // Mapped pack pages count in the process's resident memory until they
  // are dropped (the kernel's page cache keeps them, so reading them again
  // costs a page fault, not a disk read). The process's resident
  // file-backed memory is checked every 256 reads: how much a read makes
  // resident depends on what is already mapped and on the kernel's
  // fault-around, so it is measured rather than guessed. Without /proc,
  // the bytes read (counted in fault-around blocks) stand for it.
  if (statm_ >= 0) {
    if (++reads_since_check_ < 256) return;
    reads_since_check_ = 0;
    const std::optional<uint64_t> resident = file_resident_bytes();
    if (resident && *resident < resident_after_drop_ + limits_.resident_bytes) return;
    drop_all();
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
