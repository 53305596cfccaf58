#include "history/git_delta.h"

#include <algorithm>
#include <cstdint>

#include "history/history_error.h"

namespace assay::history {
namespace {

// Largest object a delta may make here: the pack reader's own limit.
constexpr uint64_t kMaxTargetSize = uint64_t{1} << 30;

class DeltaCursor {
 public:
  explicit DeltaCursor(std::string_view delta)
      : at_(reinterpret_cast<const unsigned char*>(delta.data())), end_(at_ + delta.size()) {}

  bool done() const { return at_ == end_; }
  size_t left() const { return static_cast<size_t>(end_ - at_); }

  unsigned char byte() {
    if (at_ == end_) throw HistoryError("delta ends inside an instruction");
    return *at_++;
  }

  // A size in the header: 7 bits a byte, least significant first.
  uint64_t header_size() {
    uint64_t value = 0;
    for (unsigned shift = 0;; shift += 7) {
      if (shift > 56) throw HistoryError("delta header size is too long");
      const unsigned char b = byte();
      value |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return value;
    }
  }

  const char* take(size_t count) {
    if (count > left()) throw HistoryError("delta ends inside inserted data");
    const char* data = reinterpret_cast<const char*>(at_);
    at_ += count;
    return data;
  }

 private:
  const unsigned char* at_;
  const unsigned char* end_;
};

// The little-endian value of the bytes of `op` selected by `bits` bits of
// it starting at `first_bit`: git's copy instruction names which offset
// and size bytes follow.
uint64_t selected_bytes(DeltaCursor& cursor, unsigned char op, unsigned first_bit, unsigned bits) {
  uint64_t value = 0;
  for (unsigned i = 0; i < bits; ++i) {
    if (op & (1u << (first_bit + i))) value |= static_cast<uint64_t>(cursor.byte()) << (8 * i);
  }
  return value;
}

}  // namespace

std::string apply_delta(std::string_view base, std::string_view delta) {
  DeltaCursor cursor(delta);
  const uint64_t source_size = cursor.header_size();
  const uint64_t target_size = cursor.header_size();
  if (target_size > kMaxTargetSize)
    throw HistoryError("delta states a target of " + std::to_string(target_size) + " bytes");
  if (source_size != base.size())
    throw HistoryError("delta is for a base of " + std::to_string(source_size) + " bytes, not " +
                       std::to_string(base.size()));
  std::string out;
  // The stated size is trusted for the first 4 MB only: a corrupt delta
  // may state any size, and fails once it does not make it.
  out.reserve(static_cast<size_t>(std::min<uint64_t>(target_size, uint64_t{4} << 20)));
  while (!cursor.done()) {
    const unsigned char op = cursor.byte();
    if (op & 0x80) {
      const uint64_t offset = selected_bytes(cursor, op, 0, 4);
      uint64_t size = selected_bytes(cursor, op, 4, 3);
      if (size == 0) size = 0x10000;
      if (offset > base.size() || size > base.size() - offset)
        throw HistoryError("delta copies past the end of its base");
      if (size > target_size - out.size()) throw HistoryError("delta makes more than its target size");
      out.append(base.data() + offset, size);
    } else if (op != 0) {
      if (op > target_size - out.size()) throw HistoryError("delta makes more than its target size");
      out.append(cursor.take(op), op);
    } else {
      throw HistoryError("delta has the reserved instruction 0");
    }
  }
  if (out.size() != target_size)
    throw HistoryError("delta makes " + std::to_string(out.size()) + " bytes, not its target size " +
                       std::to_string(target_size));
  return out;
}

}  // namespace assay::history
