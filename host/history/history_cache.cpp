#include "history/history_cache.h"

#include <endian.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "common/keep_out_of_git.h"
#include "history/history_error.h"
#include "history/line_origins.h"

namespace assay::history {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[8] = {'A', 'S', 'S', 'A', 'Y', 'H', 'C', '1'};
// 2: each cached version of a file's origins names the commit they were
// attributed to (CachedOrigins::producer); the digest is taken over 8-byte
// words (digest()). 3: origins are stored as runs of lines with one code
// (a line count and a code per run), not one code per line.
constexpr uint32_t kFormatVersion = 3;
constexpr size_t kHeaderSize = sizeof kMagic + 4 + 8 + 8;

// FNV-1a over 8-byte little-endian words (the last one zero-padded), with
// the length mixed in last: eight times fewer steps than byte-wise FNV-1a,
// and one flipped bit still changes the digest. The cache is read on every
// scan, so its check must cost little next to an incremental walk.
uint64_t digest(std::string_view data) {
  uint64_t hash = 14695981039346656037ull;
  size_t at = 0;
  for (; at + 8 <= data.size(); at += 8) {
    uint64_t word = 0;
    std::memcpy(&word, data.data() + at, 8);
    hash = (hash ^ le64toh(word)) * 1099511628211ull;
  }
  uint64_t tail = 0;
  for (size_t i = 0; at + i < data.size(); ++i)
    tail |= static_cast<uint64_t>(static_cast<unsigned char>(data[at + i])) << (8 * i);
  hash = (hash ^ tail) * 1099511628211ull;
  return (hash ^ data.size()) * 1099511628211ull;
}

// Appends to one buffer reserved for the whole payload (payload_size()):
// the payload is megabytes on a long history and is written after every
// scan that walked a commit, so it must not be regrown and copied on the way.
class Writer {
 public:
  void reserve(size_t bytes) { out_.reserve(bytes); }
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) { little_endian(v, 4); }
  void u64(uint64_t v) { little_endian(v, 8); }
  void i64(int64_t v) { u64(static_cast<uint64_t>(v)); }
  void text(const std::string& s) {
    u32(static_cast<uint32_t>(s.size()));
    out_ += s;
  }
  void id(const ObjectId& id) {
    out_.append(reinterpret_cast<const char*>(id.bytes.data()), ObjectId::kSize);
  }
  std::string& data() { return out_; }

 private:
  void little_endian(uint64_t v, int bytes) {
    char buf[8];
    for (int i = 0; i < bytes; ++i) buf[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    out_.append(buf, static_cast<size_t>(bytes));
  }
  std::string out_;
};

// Reads the payload; every read is bounds-checked and throws
// std::runtime_error naming the byte offset when the data ends early.
class Reader {
 public:
  Reader(std::string_view data, size_t offset) : data_(data), at_(offset) {}
  uint8_t u8() { return static_cast<uint8_t>(take(1)[0]); }
  uint32_t u32() { return static_cast<uint32_t>(little_endian(4)); }
  uint64_t u64() { return little_endian(8); }
  int64_t i64() { return static_cast<int64_t>(u64()); }
  std::string text() {
    const uint32_t size = u32();
    return std::string(take(size), size);
  }
  ObjectId id() {
    ObjectId id;
    std::memcpy(id.bytes.data(), take(ObjectId::kSize), ObjectId::kSize);
    return id;
  }
  // A count of items of at least `min_item_bytes` each, checked against
  // the bytes left so that a corrupt count cannot make us allocate wildly.
  uint32_t count(size_t min_item_bytes) {
    const uint32_t n = u32();
    if (static_cast<uint64_t>(n) * min_item_bytes > data_.size() - at_)
      fail("count " + std::to_string(n) + " exceeds the file");
    return n;
  }
  uint32_t index_below(uint32_t limit, const char* what) {
    const uint32_t v = u32();
    if (v >= limit) fail(std::string(what) + " index " + std::to_string(v) + " out of range");
    return v;
  }
  bool at_end() const { return at_ == data_.size(); }
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(what + " at byte " + std::to_string(at_));
  }

 private:
  const char* take(size_t n) {
    if (n > data_.size() - at_) fail("unexpected end of data");
    const char* p = data_.data() + at_;
    at_ += n;
    return p;
  }
  uint64_t little_endian(int bytes) {
    const char* p = take(static_cast<size_t>(bytes));
    uint64_t v = 0;
    std::memcpy(&v, p, static_cast<size_t>(bytes));
    return le64toh(v);
  }
  std::string_view data_;
  size_t at_;
};

void write_provenance(Writer& w, const Provenance& p) {
  w.id(p.tip);
  w.u8(p.since ? 1 : 0);
  w.i64(p.since.value_or(0));
  w.u8(p.first_parent ? 1 : 0);
  w.u8(p.shallow ? 1 : 0);
  w.u64(p.shallow_digest);
}

Provenance read_provenance(Reader& r) {
  Provenance p;
  p.tip = r.id();
  const bool has_since = r.u8() != 0;
  const int64_t since = r.i64();
  if (has_since) p.since = since;
  p.first_parent = r.u8() != 0;
  p.shallow = r.u8() != 0;
  p.shallow_digest = r.u64();
  return p;
}

// A run is its line count and its code: counts are small numbers however
// long the file, and a count of 0 cannot be valid, which the reader checks.
void write_runs(Writer& w, const OriginRuns& runs) {
  w.u32(static_cast<uint32_t>(runs.runs().size()));
  uint32_t begin = 0;
  for (const OriginRun& run : runs.runs()) {
    w.u32(run.end - begin);
    w.u32(run.code);
    begin = run.end;
  }
}

OriginRuns read_runs(Reader& r) {
  OriginRuns runs;
  for (uint32_t n = r.count(8), i = 0; i < n; ++i) {
    const uint32_t count = r.u32();
    const uint32_t code = r.u32();
    if (count == 0) r.fail("empty run of origins");
    if (count > std::numeric_limits<uint32_t>::max() - runs.line_count()) r.fail("origins of more than 2^32 - 1 lines");
    runs.append(code, count);
  }
  runs.shrink_to_fit();
  return runs;
}

// The exact size encode() writes, so that its buffer is reserved once.
size_t payload_size(const std::string& git_dir, const HistoryIndex& index, const std::vector<uint32_t>& files,
                    const std::vector<CachedOrigins>& origins) {
  constexpr size_t kProvenance = ObjectId::kSize + 1 + 8 + 1 + 1 + 8;
  constexpr size_t kCommit = ObjectId::kSize + 4 + 8 + 8 + 4 + 1;
  constexpr size_t kChange = 4 + 4 + 2 * ObjectId::kSize + 1;
  size_t size = 4 + git_dir.size() + kProvenance;
  size += 4;
  for (const Author& a : index.authors()) size += 8 + a.name.size() + a.email.size();
  size += 4;
  for (const std::string& name : index.names()) size += 4 + name.size();
  size += 4 + index.commits().size() * kCommit;
  size += 4;
  for (uint32_t file : files) size += 8 + index.changes_of(file).size() * kChange;
  size += 4;
  for (const CachedOrigins& o : origins) size += 4 + ObjectId::kSize + 4 + 4 + 8 * o.lines.runs().size();
  return size;
}

std::string encode(const std::string& git_dir, const HistoryIndex& index,
                   const std::vector<CachedOrigins>& origins) {
  const std::vector<uint32_t> files = index.files();
  Writer w;
  w.reserve(payload_size(git_dir, index, files, origins));
  w.text(git_dir);
  write_provenance(w, index.provenance());
  w.u32(static_cast<uint32_t>(index.authors().size()));
  for (const Author& a : index.authors()) {
    w.text(a.name);
    w.text(a.email);
  }
  w.u32(static_cast<uint32_t>(index.names().size()));
  for (const std::string& name : index.names()) w.text(name);
  w.u32(static_cast<uint32_t>(index.commits().size()));
  for (const Commit& c : index.commits()) {
    w.id(c.id);
    w.u32(c.author);
    w.i64(c.author_time);
    w.i64(c.commit_time);
    w.u32(c.parent_count);
    w.u8(c.boundary ? 1 : 0);
  }
  w.u32(static_cast<uint32_t>(files.size()));
  for (uint32_t file : files) {
    const std::vector<Change>& changes = index.changes_of(file);
    w.u32(file);
    w.u32(static_cast<uint32_t>(changes.size()));
    for (const Change& c : changes) {
      w.u32(c.commit);
      w.u32(c.name);
      w.id(c.old_blob);
      w.id(c.new_blob);
      w.u8(static_cast<uint8_t>(c.kind));
    }
  }
  w.u32(static_cast<uint32_t>(origins.size()));
  for (const CachedOrigins& o : origins) {
    w.u32(o.file);
    w.id(o.blob);
    w.u32(o.producer);
    write_runs(w, o.lines);
  }
  return std::move(w.data());
}

CacheContents decode(Reader& r) {
  CacheContents contents;
  HistoryIndex& index = contents.index;
  index.set_provenance(read_provenance(r));
  for (uint32_t n = r.count(8), i = 0; i < n; ++i) {
    std::string name = r.text();
    std::string email = r.text();
    if (index.intern_author(name, email) != i) r.fail("duplicate author " + name);
  }
  for (uint32_t n = r.count(4), i = 0; i < n; ++i) {
    std::string name = r.text();
    if (index.intern_name(name) != i) r.fail("duplicate name " + name);
  }
  const uint32_t authors = static_cast<uint32_t>(index.authors().size());
  const uint32_t names = static_cast<uint32_t>(index.names().size());
  const uint32_t commit_count = r.count(45);
  index.reserve_commits(commit_count);
  for (uint32_t i = 0; i < commit_count; ++i) {
    Commit c;
    c.id = r.id();
    c.author = r.index_below(authors, "author");
    c.author_time = r.i64();
    c.commit_time = r.i64();
    c.parent_count = r.u32();
    c.boundary = r.u8() != 0;
    index.add_commit(c);
  }
  const uint32_t commits = static_cast<uint32_t>(index.commits().size());
  for (uint32_t n = r.count(8), i = 0; i < n; ++i) {
    const uint32_t file = r.index_below(names, "file name");
    std::vector<Change> changes(r.count(49));
    for (Change& c : changes) {
      c.commit = r.index_below(commits, "commit");
      c.name = r.index_below(names, "name");
      c.old_blob = r.id();
      c.new_blob = r.id();
      const uint8_t kind = r.u8();
      if (kind > static_cast<uint8_t>(ChangeKind::renamed))
        r.fail("unknown change kind " + std::to_string(kind));
      c.kind = static_cast<ChangeKind>(kind);
    }
    index.add_changes(file, std::move(changes));
  }
  for (uint32_t n = r.count(32), i = 0; i < n; ++i) {
    CachedOrigins o;
    o.file = r.index_below(names, "file name");
    o.blob = r.id();
    o.producer = r.u32();
    if (o.producer != kNoProducer && o.producer >= commits) r.fail("producer commit index out of range");
    o.lines = read_runs(r);
    contents.origins.push_back(std::move(o));
  }
  if (!r.at_end()) r.fail("unexpected data after the end");
  return contents;
}

uint64_t read_u64(std::string_view data, size_t at) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(data[at + i])) << (8 * i);
  return v;
}

// Header checks; "" when the payload may be decoded.
std::string check_header(std::string_view data) {
  if (data.size() < kHeaderSize || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
    return "not an assay history cache";
  const uint32_t version = static_cast<uint32_t>(read_u64(data, 8) & 0xFFFFFFFFu);
  if (version != kFormatVersion)
    return "format version " + std::to_string(version) + ", this assay reads " +
           std::to_string(kFormatVersion);
  const uint64_t length = read_u64(data, 12);
  if (length != data.size() - kHeaderSize) return "truncated (payload length does not match)";
  if (read_u64(data, 20) != digest(data.substr(kHeaderSize)))
    return "corrupt (digest does not match)";
  return "";
}

// A file's bytes in a buffer that is not zeroed first (the file is
// megabytes and read on every scan).
struct FileBytes {
  std::unique_ptr<char[]> data;
  size_t size = 0;
};

// Reads the whole of `file` with read(2); nullopt when it cannot be opened
// or read. A file that changes size meanwhile yields what one pass read (a
// cache file is replaced by rename, never rewritten in place).
std::optional<FileBytes> read_whole_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < 0) {
    ::close(fd);
    return std::nullopt;
  }
  FileBytes bytes{std::unique_ptr<char[]>(new char[static_cast<size_t>(st.st_size) + 1]), 0};
  const size_t capacity = static_cast<size_t>(st.st_size);
  while (bytes.size < capacity) {
    const ssize_t n = ::read(fd, bytes.data.get() + bytes.size, capacity - bytes.size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    bytes.size += static_cast<size_t>(n);
  }
  ::close(fd);
  return bytes;
}

void sync_and_close(int fd, const fs::path& path) {
  const bool synced = ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!synced)
    throw HistoryError("cannot write history cache " + path.string() + ": " + std::strerror(error));
}

void create_cache_directory(const fs::path& directory) {
  std::error_code ec;
  if (fs::exists(directory, ec)) return;
  fs::create_directories(directory, ec);
  if (ec)
    throw HistoryError("cannot create directory " + directory.string() +
                       " for the history cache: " + ec.message());
  keep_out_of_git(directory);
}

}  // namespace

UncheckedCache read_cache_unchecked(const fs::path& file) {
  UncheckedCache result;
  std::optional<FileBytes> bytes = read_whole_file(file);
  if (!bytes) {
    std::error_code ec;
    if (fs::exists(file, ec)) result.read.problem = "cannot read " + file.string();
    return result;
  }
  const std::string_view data(bytes->data.get(), bytes->size);
  if (std::string problem = check_header(data); !problem.empty()) {
    result.read.problem = file.string() + ": " + problem;
    return result;
  }
  try {
    Reader reader(data, kHeaderSize);
    result.written_for = reader.text();
    result.read.contents = decode(reader);
  } catch (const std::exception& e) {
    result.read.problem = file.string() + ": corrupt: " + e.what();
  }
  return result;
}

CacheRead check_cache(UncheckedCache unchecked, const fs::path& file, const std::string& git_dir) {
  if (unchecked.written_for && *unchecked.written_for != git_dir) {
    CacheRead refused;
    refused.problem = file.string() + " was written for another repository (" + *unchecked.written_for + ")";
    return refused;
  }
  return std::move(unchecked.read);
}

CacheRead read_cache(const fs::path& file, const std::string& git_dir) {
  return check_cache(read_cache_unchecked(file), file, git_dir);
}

void write_cache(const fs::path& file, const std::string& git_dir, const HistoryIndex& index,
                 const std::vector<CachedOrigins>& origins) {
  const std::string payload = encode(git_dir, index, origins);
  Writer header;
  header.data().append(kMagic, sizeof kMagic);
  header.u32(kFormatVersion);
  header.u64(payload.size());
  header.u64(digest(payload));
  create_cache_directory(file.parent_path());
  const fs::path temporary = file.string() + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    throw HistoryError("cannot write history cache " + temporary.string() + ": " + std::strerror(errno));
  const std::string* parts[] = {&header.data(), &payload};
  for (const std::string* part : parts) {
    size_t done = 0;
    while (done < part->size()) {
      const ssize_t n = ::write(fd, part->data() + done, part->size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        throw HistoryError("cannot write history cache " + temporary.string() + ": " + std::strerror(error));
      }
      done += static_cast<size_t>(n);
    }
  }
  try {
    sync_and_close(fd, temporary);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
  std::error_code ec;
  fs::rename(temporary, file, ec);
  if (ec) {
    ::unlink(temporary.c_str());
    throw HistoryError("cannot replace history cache " + file.string() + ": " + ec.message());
  }
}

}  // namespace assay::history
