#include "plugin_cache/cache_file.h"

#include <assay/plugin.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "common/keep_out_of_git.h"

namespace assay::plugin_cache {
namespace {

constexpr std::string_view kMagic = "assay plugin cache\n";
constexpr uint32_t kFormat = 1;
// Bounds that no sound record exceeds (plugin.h's key and value limits;
// plugin names and versions are short): a larger size is damage.
constexpr uint32_t kMaxName = 256;
constexpr uint32_t kMaxKey = ASSAY_CACHE_MAX_KEY;
constexpr uint32_t kMaxValue = ASSAY_CACHE_MAX_VALUE;

uint64_t fnv1a(std::string_view bytes) {
  uint64_t hash = 1469598103934665603ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_u64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_text(std::string& out, std::string_view text) {
  put_u32(out, static_cast<uint32_t>(text.size()));
  out.append(text);
}

// Reads the records of a cache file in order; any read past the end or
// beyond a bound fails, and the caller stops there.
class Reader {
 public:
  // `base`: the offset of `bytes` in the file, for messages.
  Reader(std::string_view bytes, size_t base) : bytes_(bytes), base_(base) {}
  size_t offset() const { return offset_; }
  // The file offset of `offset` (an offset() taken earlier).
  size_t in_file(size_t offset) const { return base_ + offset; }
  bool at_end() const { return offset_ == bytes_.size(); }

  bool u32(uint32_t& v) {
    if (bytes_.size() - offset_ < 4) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(static_cast<unsigned char>(bytes_[offset_ + i])) << (8 * i);
    offset_ += 4;
    return true;
  }
  bool u64(uint64_t& v) {
    if (bytes_.size() - offset_ < 8) return false;
    v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t(static_cast<unsigned char>(bytes_[offset_ + i])) << (8 * i);
    offset_ += 8;
    return true;
  }
  bool text(uint32_t max, std::string_view& out) {
    uint32_t size = 0;
    if (!u32(size) || size > max || bytes_.size() - offset_ < size) return false;
    out = bytes_.substr(offset_, size);
    offset_ += size;
    return true;
  }
  // The bytes from `start` to here, for the digest.
  std::string_view since(size_t start) const { return bytes_.substr(start, offset_ - start); }

 private:
  std::string_view bytes_;
  size_t base_;
  size_t offset_ = 0;
};

std::string damaged(const std::string& name, size_t offset, const std::string& what) {
  return "plugin cache " + name + ": " + what + " at byte " + std::to_string(offset) +
         "; it and the rest of the file are ignored";
}

// Reads one entry into `scanner`; false (and `problem`) when it is damaged.
bool read_entry(Reader& reader, StoredScanner& scanner, const std::string& name, std::string& problem) {
  const size_t start = reader.offset();
  std::string_view key;
  std::string_view value;
  uint64_t digest = 0;
  if (!reader.text(kMaxKey, key) || key.empty() || !reader.text(kMaxValue, value)) {
    problem = damaged(name, reader.in_file(start), "an entry is cut short or too large");
    return false;
  }
  const std::string_view record = reader.since(start);
  if (!reader.u64(digest) || digest != fnv1a(record)) {
    problem = damaged(name, reader.in_file(start), "an entry fails its digest");
    return false;
  }
  scanner.entries.emplace_back(std::string(key), std::string(value));
  return true;
}

}  // namespace

ReadResult decode_cache(std::string_view bytes, const std::string& name) {
  ReadResult result;
  if (!bytes.starts_with(kMagic)) {
    result.problem = "plugin cache " + name + " is not a plugin cache file; it is ignored";
    return result;
  }
  Reader reader(bytes.substr(kMagic.size()), kMagic.size());
  uint32_t format = 0;
  if (!reader.u32(format) || format != kFormat) {
    result.problem = "plugin cache " + name + " has format " + std::to_string(format) + ", not " +
                     std::to_string(kFormat) + "; it is ignored";
    return result;
  }
  while (!reader.at_end()) {
    const size_t start = reader.offset();
    std::string_view scanner_name;
    std::string_view version;
    uint32_t count = 0;
    uint64_t digest = 0;
    if (!reader.text(kMaxName, scanner_name) || scanner_name.empty() || !reader.text(kMaxName, version) ||
        !reader.u32(count)) {
      result.problem = damaged(name, reader.in_file(start), "a scanner's header is cut short or too large");
      return result;
    }
    const std::string_view record = reader.since(start);
    if (!reader.u64(digest) || digest != fnv1a(record)) {
      result.problem = damaged(name, reader.in_file(start), "a scanner's header fails its digest");
      return result;
    }
    StoredScanner& scanner = result.scanners[std::string(scanner_name)];
    scanner.version = std::string(version);
    for (uint32_t e = 0; e < count; ++e)
      if (!read_entry(reader, scanner, name, result.problem)) return result;
  }
  return result;
}

ReadResult read_cache_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return {};
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) {
    ReadResult result;
    result.problem = "cannot read plugin cache " + file.string() + ": " + std::strerror(errno);
    return result;
  }
  return decode_cache(bytes.str(), file.string());
}

std::string encode_cache(const StoredCache& scanners) {
  std::string out(kMagic);
  put_u32(out, kFormat);
  for (const auto& [name, scanner] : scanners) {
    const size_t start = out.size();
    put_text(out, name);
    put_text(out, scanner.version);
    put_u32(out, static_cast<uint32_t>(scanner.entries.size()));
    put_u64(out, fnv1a(std::string_view(out).substr(start)));
    for (const auto& [key, value] : scanner.entries) {
      const size_t entry = out.size();
      put_text(out, key);
      put_text(out, value);
      put_u64(out, fnv1a(std::string_view(out).substr(entry)));
    }
  }
  return out;
}

void write_cache_file(const std::filesystem::path& file, const StoredCache& scanners) {
  const std::string bytes = encode_cache(scanners);
  std::error_code ec;
  if (file.has_parent_path()) {
    std::filesystem::create_directories(file.parent_path(), ec);
    keep_out_of_git(file.parent_path());
  }
  const std::filesystem::path temporary = file.string() + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write plugin cache " + temporary.string() + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      throw std::runtime_error("cannot write plugin cache " + temporary.string() + ": " + std::strerror(error));
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw std::runtime_error("cannot write plugin cache " + temporary.string() + ": " + std::strerror(error));
  }
  std::filesystem::rename(temporary, file, ec);
  if (ec) {
    ::unlink(temporary.c_str());
    throw std::runtime_error("cannot replace plugin cache " + file.string() + ": " + ec.message());
  }
}

}  // namespace assay::plugin_cache

