// Top-level indentation blocks, the unit of languages without functions.
#include <gtest/gtest.h>

#include "structure_test_support.h"

namespace assay::structure::testing {
namespace {

TEST(IndentationBlocks, YamlKeysWithTheirChildrenAndRunsOfFlatKeys) {
  const char* src =
      "name: ci\n"             // 1
      "on: push\n"             // 2
      "\n"                     // 3
      "jobs:\n"                // 4
      "  build:\n"             // 5
      "    runs-on: ubuntu\n"  // 6
      "  # comment\n"          // 7
      "  test:\n"              // 8
      "    runs-on: ubuntu\n"  // 9
      "env:\n"                 // 10
      "  A: 1\n";              // 11
  const FileStructure fs = FileStructure::analyze(src, "yaml");
  EXPECT_EQ(fs.unit_kind(), UnitKind::block);
  EXPECT_EQ(units("yaml", src), (Lines{"name: ci@1-2", "jobs:@4-9", "env:@10-11"}));
  EXPECT_EQ(fs.functions()[1].kind, UnitKind::block);
}

TEST(IndentationBlocks, ClosingLinesBelongToTheBlockAbove) {
  EXPECT_EQ(units("css", ".a {\n  color: red;\n}\n.b { color: blue; }\n\n.c {\n  margin: 0;\n}\n"),
            (Lines{".a {@1-3", ".b { color: blue; }@4-4", ".c {@6-8"}));
  EXPECT_EQ(units("sql", "CREATE TABLE t (\n  id INT\n);\n\nSELECT a\nFROM t;\n"),
            (Lines{"CREATE TABLE t (@1-3", "SELECT a@5-6"}));
}

TEST(IndentationBlocks, UnknownLanguagesAreReadAsPlainText) {
  const FileStructure fs = FileStructure::analyze("a // not a comment\n  b\nc\n", "klingon");
  EXPECT_EQ(fs.unit_kind(), UnitKind::block);
  EXPECT_EQ(units("klingon", "a // not a comment\n  b\nc\n"), (Lines{"a // not a comment@1-2", "c@3-3"}));
  EXPECT_FALSE(fs.complexity().counts_decisions);
}

TEST(IndentationBlocks, LongFirstLinesAreCutOnACharacterBoundary) {
  const std::string line = std::string(59, 'x') + "\xC3\xA9" + "tail";  // é straddles byte 60
  const FileStructure fs = FileStructure::analyze(line + "\n", "markdown");
  ASSERT_EQ(fs.functions().size(), 1u);
  EXPECT_EQ(fs.functions()[0].name, std::string(59, 'x'));
}

}  // namespace
}  // namespace assay::structure::testing
