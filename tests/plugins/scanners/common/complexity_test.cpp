// Complexity worked out by hand: indentation levels, code lines, decision
// points and the indentation unit of the file.
#include <gtest/gtest.h>

#include "structure_test_support.h"

namespace assay::structure::testing {
namespace {

TEST(Complexity, CFunctionByHand) {
  const char* src =
      "int f(int x) {\n"              // 1  level 0
      "    if (x > 0 && x < 10) {\n"  // 2  level 1: if, &&
      "        return x ? 1 : 2;\n"   // 3  level 2: ?
      "    }\n"                       // 4  level 1
      "    // comment { if while\n"   // 5  comment: not counted
      "\n"                            // 6  blank: not counted
      "    for (;;) { }\n"            // 7  level 1: for
      "    return 0;\n"               // 8  level 1
      "}\n";                          // 9  level 0
  const FileStructure fs = FileStructure::analyze(src, "c");
  ASSERT_EQ(fs.functions().size(), 1u);
  const Complexity& c = fs.functions()[0].complexity;
  EXPECT_EQ(c.lines, 9u);
  EXPECT_EQ(c.code_lines, 7u);
  EXPECT_EQ(c.indentation, 6u);  // 1 + 2 + 1 + 1 + 1
  EXPECT_EQ(c.max_indentation, 2u);
  EXPECT_TRUE(c.counts_decisions);
  EXPECT_EQ(c.decisions, 4u);
  EXPECT_EQ(c.cyclomatic(), 5u);
  EXPECT_EQ(fs.line_count(), 9u);
  EXPECT_EQ(fs.complexity().lines, 9u);
  EXPECT_EQ(fs.complexity().indentation, 6u);
  EXPECT_EQ(fs.complexity().decisions, 4u);
}

// analyze_units() finds the same units with the same text, and measures
// nothing: every complexity is zero.
TEST(Complexity, UnitsWithoutComplexityAreTheSameUnitsUnmeasured) {
  const char* src =
      "class A {\n"                     // 1
      "  int f(int x) {\n"              // 2
      "    if (x > 0) { return 1; }\n"  // 3
      "    return 0;\n"                 // 4
      "  }\n"                           // 5
      "  void g() { }\n"                // 6
      "};\n";                           // 7
  const FileStructure full = FileStructure::analyze(src, "cpp");
  const FileStructure units = FileStructure::analyze_units(src, "cpp", FileStructure::Without::complexity);
  ASSERT_EQ(full.functions().size(), 2u);
  ASSERT_EQ(units.functions().size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Function& a = full.functions()[i];
    const Function& b = units.functions()[i];
    EXPECT_EQ(b.qualified_name(), a.qualified_name());
    EXPECT_EQ(b.first_line, a.first_line);
    EXPECT_EQ(b.last_line, a.last_line);
    EXPECT_EQ(b.body_begin, a.body_begin);
    EXPECT_EQ(b.body_end, a.body_end);
    EXPECT_EQ(units.body_statements(b).size(), full.body_statements(a).size());
    EXPECT_EQ(b.complexity.lines, 0u);
    EXPECT_EQ(b.complexity.decisions, 0u);
    EXPECT_FALSE(b.complexity.counts_decisions);
  }
  EXPECT_EQ(full.functions()[0].qualified_name(), "A.f");
  EXPECT_EQ(full.functions()[0].complexity.decisions, 1u);
  EXPECT_EQ(units.body_statements(units.functions()[0]).size(), 2u);
  EXPECT_EQ(units.complexity().lines, 0u);
  EXPECT_EQ(units.line_count(), 7u);
}

TEST(Complexity, PythonFunctionByHand) {
  const char* src =
      "def g(items):\n"                                           // 1 level 0
      "    total = 0\n"                                           // 2 level 1
      "    for i in items:\n"                                     // 3 level 1: for
      "        if i and i > 0 or i is None:\n"                    // 4 level 2: if and or
      "            total += 1\n"                                  // 5 level 3
      "        elif i < 0:\n"                                     // 6 level 2: elif
      "            pass\n"                                        // 7 level 3
      "    return [x for x in items if x] if total else None\n";  // 8 level 1: for if if
  const FileStructure fs = FileStructure::analyze(src, "python");
  ASSERT_EQ(fs.functions().size(), 1u);
  const Complexity& c = fs.functions()[0].complexity;
  EXPECT_EQ(c.code_lines, 8u);
  EXPECT_EQ(c.indentation, 13u);  // 1 + 1 + 2 + 3 + 2 + 3 + 1
  EXPECT_EQ(c.max_indentation, 3u);
  EXPECT_EQ(c.decisions, 8u);
}

TEST(Complexity, MethodLevelsAreRelativeToTheirFirstLine) {
  const char* src =
      "class A:\n"
      "    def m(self):\n"
      "        return 1\n";
  const FileStructure fs = FileStructure::analyze(src, "python");
  ASSERT_EQ(fs.functions().size(), 1u);
  EXPECT_EQ(fs.functions()[0].complexity.indentation, 1u);
  EXPECT_EQ(fs.complexity().indentation, 3u);  // absolute: 0 + 1 + 2
}

TEST(Complexity, IndentationUnitIsTheFilesMostFrequentStep) {
  // Two spaces per level: YAML nesting 0, 1, 2, 1.
  EXPECT_EQ(FileStructure::analyze("a:\n  b:\n    c: 1\n  d: 2\n", "yaml").complexity().indentation, 4u);
  // Tabs are four columns: levels 0, 1, 2, 1, 0.
  EXPECT_EQ(
      FileStructure::analyze("void f() {\n\tif (x) {\n\t\ty();\n\t}\n}\n", "c").complexity().indentation, 4u);
  // A tab and four spaces are the same level.
  EXPECT_EQ(FileStructure::analyze("void f() {\n\tx();\n    y();\n}\n", "c").complexity().indentation, 2u);
}

TEST(Complexity, LinesInsideMultiLineStringsAreNotCounted) {
  const char* src =
      "def h():\n"
      "    s = \"\"\"\n"
      "text\n"
      "        more\n"
      "\"\"\"\n"
      "    return s\n";
  const FileStructure fs = FileStructure::analyze(src, "python");
  ASSERT_EQ(fs.functions().size(), 1u);
  EXPECT_EQ(fs.functions()[0].complexity.code_lines, 3u);
  EXPECT_EQ(fs.functions()[0].complexity.indentation, 2u);
}

TEST(Complexity, DecisionsIgnoreStringsCommentsAndLookAlikes) {
  const char* src =
      "int f(Foo* p) {\n"
      "  const char* s = \"if (a && b) while\";  // for case ||\n"
      "  p->if_ready();\n"
      "  return cond ?: other;\n"
      "}\n";
  EXPECT_EQ(FileStructure::analyze(src, "c").functions()[0].complexity.decisions, 0u);
  // Nullable types are not conditionals; a spaced '?' is.
  EXPECT_EQ(FileStructure::analyze("int? F(int? x) { return x != null ? 1 : 0; }\n", "csharp")
                .functions()[0]
                .complexity.decisions,
            1u);
  // Rust: the ? operator is not a decision; match arms are, except the catch-all.
  const char* rust =
      "fn f(x: i32) -> Result<i32> {\n"
      "    let v = parse()?;\n"
      "    match x { 0 => a(), 1 | 2 => b(), _ => c() }\n"
      "}\n";
  EXPECT_EQ(FileStructure::analyze(rust, "rust").functions()[0].complexity.decisions, 2u);
  // Languages without a decision count report none.
  EXPECT_FALSE(
      FileStructure::analyze("def a\n  if x then y end\nend\n", "ruby").complexity().counts_decisions);
}

}  // namespace
}  // namespace assay::structure::testing
