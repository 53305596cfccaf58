// The cheap checks before lexing: binary detection and the tag prefilter.
#include "prefilter.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace assay::markers::testing {
namespace {

TEST(MarkersBinary, NulByteInTheFirst8KiB) {
  EXPECT_FALSE(looks_binary(""));
  EXPECT_FALSE(looks_binary("int main() {}\n"));
  EXPECT_TRUE(looks_binary(std::string_view("ab\0cd", 5)));
  std::string late(kBinaryProbeBytes, 'a');
  late += '\0';
  EXPECT_FALSE(looks_binary(late));
  late[kBinaryProbeBytes - 1] = '\0';
  EXPECT_TRUE(looks_binary(late));
}

TEST(MarkersPrefilter, KeepsEveryBufferThatCanHoldAMarker) {
  const TagPrefilter filter(MarkersConfig::defaults().tag_names());
  EXPECT_TRUE(filter.may_contain_marker("// TODO later"));
  EXPECT_TRUE(filter.may_contain_marker("x // todo: later"));
  EXPECT_TRUE(filter.may_contain_marker("# fixme(bob): later"));
  EXPECT_TRUE(filter.may_contain_marker("Deprecated: yes"));
  EXPECT_FALSE(filter.may_contain_marker("int todo_count = 0; // todo list"));
  EXPECT_FALSE(filter.may_contain_marker("std::string s; a::b(); // nothing:"));
  EXPECT_FALSE(filter.may_contain_marker(""));
  EXPECT_FALSE(filter.may_contain_marker(":"));
  EXPECT_FALSE(filter.may_contain_marker("):"));
}

// Every snippet the extraction finds a marker in passes the prefilter.
TEST(MarkersPrefilter, AgreesWithExtraction) {
  const TagPrefilter filter(MarkersConfig::defaults().tag_names());
  for (std::string_view src : {"// todo: a", "// Fixme(x): b", "/* HACK */", "# xxx: c", "-- Bug(#1): d"}) {
    const bool found = !markers_in(src[0] == '#' ? "python" : (src[0] == '-' ? "sql" : "c"), src).empty();
    EXPECT_TRUE(found) << src;
    EXPECT_TRUE(filter.may_contain_marker(src)) << src;
  }
}

}  // namespace
}  // namespace assay::markers::testing
