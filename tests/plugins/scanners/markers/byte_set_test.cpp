// ByteSet's vectorised searches against a byte-by-byte reference, for every
// set size (the vector paths compare with 4, 8 or 12 slots, larger sets go
// byte by byte) and buffer lengths around the sixteen-byte blocks.
#include "byte_set.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace assay::markers::testing {
namespace {

TEST(MarkersByteSet, FindAndRfindAgreeWithAByteByByteSearch) {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (size_t size = 0; size <= ByteSet::kMaxVectorBytes + 2; ++size) {
    ByteSet set;
    std::string members;
    while (members.size() < size) {
      const auto c = static_cast<unsigned char>(byte(random));
      if (members.find(static_cast<char>(c)) != std::string::npos) continue;
      members += static_cast<char>(c);
      set.add(c);
    }
    for (size_t length = 0; length <= 70; ++length) {
      for (int round = 0; round < 8; ++round) {
        std::string buffer(length, 'a');
        for (char& c : buffer) c = static_cast<char>(byte(random) % 4 == 0 || members.empty()
                                                          ? byte(random)
                                                          : members[static_cast<size_t>(byte(random)) % members.size()]);
        if (round % 2 == 1)  // mostly bytes outside the set
          for (char& c : buffer)
            if (set.contains(c) && byte(random) % 8 != 0) c = members.find('a') == std::string::npos ? 'a' : 'b';
        const char* begin = buffer.data();
        const char* end = begin + buffer.size();
        const size_t first = buffer.find_first_of(members);
        const size_t last = buffer.find_last_of(members);
        const char* found = set.find(begin, end);
        EXPECT_EQ(first == std::string::npos ? end : begin + first, found) << size << "/" << length;
        const char* rfound = set.rfind(begin, end);
        EXPECT_EQ(last == std::string::npos ? nullptr : begin + last, rfound) << size << "/" << length;
      }
    }
  }
}

TEST(MarkersByteSet, SearchesAPartOfABuffer) {
  ByteSet set;
  set.add(':');
  set.add('T');
  const std::string text = "T: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx :T";
  const char* begin = text.data();
  // "T: ", thirty x, " :T": the colon after the x is at 34.
  EXPECT_EQ(set.find(begin + 2, begin + text.size()), begin + 34);
  EXPECT_EQ(set.rfind(begin, begin + 34), begin + 1);
  EXPECT_EQ(set.rfind(begin + 2, begin + 34), nullptr);
  EXPECT_EQ(set.find(begin + 2, begin + 34), begin + 34);
  EXPECT_EQ(set.rfind(begin, begin + text.size()), begin + 35);
}

}  // namespace
}  // namespace assay::markers::testing
