// A set of bytes and a fast search for the next (or last) byte in it: the comment
// lexer spends most of its time stepping over runs of bytes that start
// nothing (plain code, the body of a string). With SSE2 (every x86-64 CPU)
// sixteen bytes are tested at a time when the set is small; elsewhere, or
// for larger sets, a table is consulted byte by byte.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace assay::markers {

class ByteSet {
 public:
  // Sets with more bytes than this are searched byte by byte.
  static constexpr size_t kMaxVectorBytes = 12;

  void add(unsigned char c) {
    if (contains_[c]) return;
    contains_[c] = true;
#if defined(__SSE2__)
    // Slots past the set's bytes repeat its first one, so that a search may
    // compare with four, eight or twelve slots whatever the exact count.
    if (count_ == 0) {
      for (auto& slot : broadcast_) slot = _mm_set1_epi8(static_cast<char>(c));
    } else if (count_ < kMaxVectorBytes) {
      broadcast_[count_] = _mm_set1_epi8(static_cast<char>(c));
    }
#endif
    ++count_;
  }
  bool contains(char c) const { return contains_[static_cast<unsigned char>(c)]; }
  const std::array<bool, 256>& table() const { return contains_; }

  // The first of [p, end) in the set, or end.
  const char* find(const char* p, const char* end) const {
#if defined(__SSE2__)
    if (count_ == 0) return end;
    if (count_ <= 4) {
      p = find_blocks<4>(p, end);
    } else if (count_ <= 8) {
      p = find_blocks<8>(p, end);
    } else if (count_ <= kMaxVectorBytes) {
      p = find_blocks<kMaxVectorBytes>(p, end);
    }
#endif
    while (p < end && !contains_[static_cast<unsigned char>(*p)]) ++p;
    return p;
  }

  // The last of [begin, end) in the set, or nullptr.
  const char* rfind(const char* begin, const char* end) const {
#if defined(__SSE2__)
    if (count_ == 0) return nullptr;
    const char* hit = nullptr;
    if (count_ <= 4) {
      hit = rfind_blocks<4>(begin, end);
    } else if (count_ <= 8) {
      hit = rfind_blocks<8>(begin, end);
    } else if (count_ <= kMaxVectorBytes) {
      hit = rfind_blocks<kMaxVectorBytes>(begin, end);
    }
    if (hit != nullptr) return hit;
#endif
    while (end > begin) {
      --end;
      if (contains_[static_cast<unsigned char>(*end)]) return end;
    }
    return nullptr;
  }

 private:
  std::array<bool, 256> contains_{};
#if defined(__SSE2__)
  // A mask of the bytes of `block` that are in the set, comparing with the
  // first N slots (a constant, so the loop unrolls).
  template <size_t N>
  __m128i matches(__m128i block) const {
    __m128i hits = _mm_cmpeq_epi8(block, broadcast_[0]);
    for (size_t i = 1; i < N; ++i) hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, broadcast_[i]));
    return hits;
  }

  // Sixteen bytes at a time: the hit, or where fewer than sixteen are left.
  template <size_t N>
  const char* find_blocks(const char* p, const char* end) const {
    for (; end - p >= 16; p += 16) {
      const int mask = _mm_movemask_epi8(matches<N>(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
      if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    }
    return p;
  }

  // Backwards, sixteen bytes at a time: the hit, or nullptr with `end`
  // moved back to where fewer than sixteen bytes are left.
  template <size_t N>
  const char* rfind_blocks(const char* begin, const char*& end) const {
    for (; end - begin >= 16; end -= 16) {
      const int mask = _mm_movemask_epi8(matches<N>(_mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 16))));
      if (mask != 0) return end - 16 + (31 - __builtin_clz(static_cast<unsigned>(mask)));
    }
    return nullptr;
  }

  __m128i broadcast_[kMaxVectorBytes];  // each byte of the set, sixteen times
#endif
  size_t count_ = 0;
};

}  // namespace assay::markers
