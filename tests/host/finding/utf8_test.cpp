#include "finding/utf8.h"

#include <gtest/gtest.h>

namespace assay {
namespace {

TEST(Utf8, ValidTextIsRecognised) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii \x7f"));
  EXPECT_TRUE(is_valid_utf8("\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
}

TEST(Utf8, InvalidTextIsRecognised) {
  for (const char* bad : {"\x80", "\xC3", "\xE2\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                          "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\xFF", "ok \xC3\x28"}) {
    EXPECT_FALSE(is_valid_utf8(bad)) << bad;
  }
}

TEST(Utf8, ReplacementFollowsNlohmann) {
  EXPECT_EQ(replace_invalid_utf8("fine \xC3\xA9"), "fine \xC3\xA9");
  EXPECT_EQ(replace_invalid_utf8("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(replace_invalid_utf8("cut \xE2\x82"), "cut \xEF\xBF\xBD");
  EXPECT_TRUE(is_valid_utf8(replace_invalid_utf8("\xC0\xAF\xED\xA0\x80\x80")));
}

}  // namespace
}  // namespace assay
