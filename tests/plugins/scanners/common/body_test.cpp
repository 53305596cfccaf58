// The body view the placeholders scanner builds on: top-level statements
// without comments, and the comments inside and directly above a function.
#include <gtest/gtest.h>

#include "structure_test_support.h"

namespace assay::structure::testing {
namespace {

Lines comment_texts(const std::vector<markers::CommentLine>& lines) {
  Lines out;
  for (const auto& l : lines) out.push_back(std::to_string(l.line) + ":" + std::string(l.text));
  return out;
}

TEST(BodyStatements, StandInBodiesPerLanguage) {
  EXPECT_EQ(statements_of("python", "def f():\n    \"\"\"Doc.\"\"\"\n    # later\n    pass\n", "f"),
            (Lines{"pass"}));
  EXPECT_EQ(statements_of("python", "class A:\n    def f(self): ...\n", "A.f"), (Lines{"..."}));
  EXPECT_EQ(statements_of("python", "def f():\n    raise NotImplementedError(\"soon\")\n", "f"),
            (Lines{"raise NotImplementedError(\"soon\")"}));
  EXPECT_EQ(statements_of("cpp", "void f() {\n  throw std::logic_error(\"not implemented\");\n}\n", "f"),
            (Lines{"throw std::logic_error(\"not implemented\")"}));
  EXPECT_EQ(statements_of("rust", "fn f() -> u8 {\n    todo!()\n}\n", "f"), (Lines{"todo!()"}));
  EXPECT_EQ(statements_of("rust", "fn f() { unimplemented!(); }\n", "f"), (Lines{"unimplemented!()"}));
  EXPECT_EQ(statements_of("go", "func f() {\n\tpanic(\"not implemented\")\n}\n", "f"),
            (Lines{"panic(\"not implemented\")"}));
  EXPECT_EQ(statements_of("ruby", "def f\n  raise NotImplementedError\nend\n", "f"),
            (Lines{"raise NotImplementedError"}));
  EXPECT_EQ(statements_of("java", "class A { void f() { /* nothing */ } }\n", "A.f"), Lines{});
  EXPECT_EQ(statements_of("javascript", "function f() {\n  // empty\n}\n", "f"), Lines{});
}

TEST(BodyStatements, CommentsRemovedWhitespaceCollapsedStringsKept) {
  EXPECT_EQ(statements_of(
                "c", "int f() {\n  int x = \"a   b\"[0]; /* c */\n  return   x /* d */ +\n     1;\n}\n", "f"),
            (Lines{"int x = \"a   b\"[0]", "return x + 1"}));
}

// else / elif / except clauses continue their statement, as in brace
// languages, where "} else {" does.
TEST(BodyStatements, CompoundStatementsAreOneStatement) {
  EXPECT_EQ(
      statements_of("c", "void f() {\n  if (a) {\n    b();\n  } else {\n    c();\n  }\n  d();\n}\n", "f"),
      (Lines{"if (a) { b(); } else { c(); }", "d()"}));
  EXPECT_EQ(
      statements_of("python", "def f():\n    if a:\n        return 1\n    else:\n        return 2\n", "f"),
      (Lines{"if a: return 1 else: return 2"}));
  EXPECT_EQ(statements_of("ruby", "def f\n  if a\n    b\n  else\n    c\n  end\n  d\nend\n", "f"),
            (Lines{"if a b else c end", "d"}));
}

TEST(BodyStatements, LineEndsSeparateStatementsWhereTheLanguageSaysSo) {
  EXPECT_EQ(statements_of("javascript", "function f() {\n  a()\n  b\n    .c()\n  return d\n}\n", "f"),
            (Lines{"a()", "b .c()", "return d"}));
  EXPECT_EQ(statements_of("go", "func f() {\n\tx := 1\n\tgo func() {\n\t\ty()\n\t}()\n}\n", "f"),
            (Lines{"x := 1", "go func() { y() }()"}));
  // In C a line break never ends a statement: adjacent literals concatenate.
  EXPECT_EQ(statements_of("c", "void f() {\n  puts(\"a\"\n       \"b\");\n}\n", "f"),
            (Lines{"puts(\"a\" \"b\")"}));
}

TEST(BodyStatements, StatementLinesAndPreprocessorLines) {
  const char* src =
      "void f() {\n"
      "#ifdef DEBUG\n"
      "  log();\n"
      "#endif\n"
      "  run();\n"
      "}\n";
  const FileStructure fs = FileStructure::analyze(src, "c");
  ASSERT_EQ(fs.functions().size(), 1u);
  const std::vector<Statement> s = fs.body_statements(fs.functions()[0]);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].text, "log()");
  EXPECT_EQ(s[0].line, 3u);
  EXPECT_EQ(s[1].text, "run()");
  EXPECT_EQ(s[1].line, 5u);
}

TEST(FunctionComments, AboveStopsAtBlankAndCodeLines) {
  const char* src =
      "// unrelated\n"                        // 1
      "\n"                                    // 2
      "// Placeholder: returns fake data.\n"  // 3
      "/* second */\n"                        // 4
      "int f() { return 42; }\n"              // 5
      "int x = 1; // note\n"                  // 6
      "int g() {\n"                           // 7
      "  // stub for now\n"                   // 8
      "  return 0; /* inline */\n"            // 9
      "}\n";                                  // 10
  const FileStructure fs = FileStructure::analyze(src, "c");
  ASSERT_EQ(fs.functions().size(), 2u);
  EXPECT_EQ(comment_texts(fs.comments_above(fs.functions()[0])),
            (Lines{"3: Placeholder: returns fake data.", "4: second "}));
  EXPECT_EQ(comment_texts(fs.comments_in(fs.functions()[0])), Lines{});
  EXPECT_EQ(comment_texts(fs.comments_above(fs.functions()[1])), Lines{});
  EXPECT_EQ(comment_texts(fs.comments_in(fs.functions()[1])), (Lines{"8: stub for now", "9: inline "}));
}

TEST(FunctionComments, PythonDocstringsAndCommentsAboveDecorators) {
  const char* src =
      "# Simulates the remote call.\n"  // 1
      "@cached\n"                       // 2
      "def fetch():\n"                  // 3
      "    \"\"\"Dummy data.\"\"\"\n"   // 4
      "    return {\"a\": 1}\n";        // 5
  const FileStructure fs = FileStructure::analyze(src, "python");
  ASSERT_EQ(fs.functions().size(), 1u);
  EXPECT_EQ(comment_texts(fs.comments_above(fs.functions()[0])), (Lines{"1: Simulates the remote call."}));
  EXPECT_EQ(comment_texts(fs.comments_in(fs.functions()[0])), (Lines{"4:Dummy data."}));
  EXPECT_EQ(statements_of("python", src, "fetch"), (Lines{"return {\"a\": 1}"}));
}

TEST(FunctionText, LinesTextViewsTheSource) {
  const FileStructure fs = FileStructure::analyze("a\nbb\nccc\n", "text");
  EXPECT_EQ(fs.lines_text(2, 3), "bb\nccc");
  EXPECT_EQ(fs.lines_text(3, 9), "ccc");
  EXPECT_EQ(fs.lines_text(0, 1), "");
  EXPECT_EQ(fs.lines_text(4, 4), "");
}

}  // namespace
}  // namespace assay::structure::testing
