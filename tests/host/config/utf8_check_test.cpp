#include "config/utf8_check.h"

#include <gtest/gtest.h>

#include <string>

namespace assay::config {
namespace {

// "line:column@offset" of the first invalid byte, or "valid".
std::string where(std::string_view text) {
  const auto position = first_invalid_utf8(text);
  if (!position) return "valid";
  return std::to_string(position->line) + ":" + std::to_string(position->column) + "@" +
         std::to_string(position->offset);
}

TEST(FirstInvalidUtf8, AcceptsAsciiAndWellFormedSequencesOfEveryLength) {
  EXPECT_EQ(where(""), "valid");
  EXPECT_EQ(where("words: [caf\xC3\xA9, \xE2\x82\xAC, \xF0\x9F\x98\x80]\n"), "valid");
  EXPECT_EQ(where("\xEF\xBB\xBFlog: {}\n"), "valid");
  EXPECT_EQ(where("\xF4\x8F\xBF\xBF"), "valid");  // U+10FFFF, the last code point
}

TEST(FirstInvalidUtf8, LocatesALatin1ByteByLineAndByteColumn) {
  EXPECT_EQ(where("plugins:\n  markers:\n    words: [\"caf\xE9\"]\n"), "3:17@36");
}

TEST(FirstInvalidUtf8, CountsColumnsInBytesLikeYamlCpp) { EXPECT_EQ(where("a: \xC3\xA9\xFF"), "1:6@5"); }

TEST(FirstInvalidUtf8, IgnoresTheByteOrderMarkInColumns) { EXPECT_EQ(where("\xEF\xBB\xBF\x80"), "1:1@3"); }

TEST(FirstInvalidUtf8, RejectsIllFormedSequences) {
  EXPECT_EQ(where("\x80"), "1:1@0");              // a lone continuation byte
  EXPECT_EQ(where("x\xC0\xAF"), "1:2@1");         // overlong '/'
  EXPECT_EQ(where("\xE0\x80\xAF"), "1:1@0");      // overlong, three bytes
  EXPECT_EQ(where("\xED\xA0\x80"), "1:1@0");      // a UTF-16 surrogate
  EXPECT_EQ(where("\xF4\x90\x80\x80"), "1:1@0");  // above U+10FFFF
  EXPECT_EQ(where("\xF5\x80\x80\x80"), "1:1@0");
  EXPECT_EQ(where("ok\n\xE2\x82"), "2:1@3");  // truncated at the end
  EXPECT_EQ(where("\xE2\x82x"), "1:1@0");     // truncated by ASCII
}

}  // namespace
}  // namespace assay::config
