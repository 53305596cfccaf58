// Functions of indentation languages: Python's def, async def and class
// methods with decorators, multi-line signatures and nested functions; Nim.
#include <gtest/gtest.h>

#include "structure_test_support.h"

namespace assay::structure::testing {
namespace {

const char* kPython =
    "import os\n"                                     // 1
    "\n"                                              // 2
    "# A stub for now.\n"                             // 3
    "def stub():\n"                                   // 4
    "    \"\"\"Docstring: not code.\"\"\"\n"          // 5
    "    pass\n"                                      // 6
    "\n"                                              // 7
    "\n"                                              // 8
    "@decorator\n"                                    // 9
    "@other(arg=1)\n"                                 // 10
    "async def fetch(url,\n"                          // 11
    "                timeout=10):\n"                  // 12
    "    # fetch it\n"                                // 13
    "    if url and timeout:\n"                       // 14
    "        return [x for x in url if x]\n"          // 15
    "    elif not url:\n"                             // 16
    "        raise NotImplementedError\n"             // 17
    "    return None\n"                               // 18
    "\n"                                              // 19
    "\n"                                              // 20
    "class Service(Base):\n"                          // 21
    "    def method(self): ...\n"                     // 22
    "\n"                                              // 23
    "    def nested(self):\n"                         // 24
    "        def inner():\n"                          // 25
    "            raise NotImplementedError(\"x\")\n"  // 26
    "        return inner\n"                          // 27
    "\n"                                              // 28
    "s = \"\"\"\n"                                    // 29
    "def fake():\n"                                   // 30
    "    pass\n"                                      // 31
    "\"\"\"\n"                                        // 32
    "def last(): return 1; x = 2\n";                  // 33

TEST(IndentedFunctionsPython, DecoratorsAsyncMultiLineSignaturesMethodsAndNesting) {
  EXPECT_EQ(units("python", kPython), (Lines{"stub@4-6", "fetch@9-18", "Service.method@22-22",
                                             "Service.nested@24-27", "inner@25-26", "last@33-33"}));
  const FileStructure fs = FileStructure::analyze(kPython, "python");
  const Function fetch = function_named(fs, "fetch");
  EXPECT_EQ(fetch.name_line, 11u);
  EXPECT_EQ(fetch.body_first_line, 12u);  // the body starts after the header's ':'
  EXPECT_EQ(fetch.body_last_line, 18u);
  const Function inner = function_named(fs, "inner");
  EXPECT_EQ(inner.depth, 1u);
  ASSERT_GE(inner.parent, 0);
  EXPECT_EQ(fs.functions()[static_cast<size_t>(inner.parent)].qualified_name(), "Service.nested");
}

TEST(IndentedFunctionsPython, TrailingCommentsAndBlankLinesDoNotExtendAFunction) {
  const char* src =
      "def f():\n"
      "    x = 1\n"
      "\n"
      "    # trailing comment\n"
      "\n"
      "y = 2\n";
  EXPECT_EQ(units("python", src), (Lines{"f@1-2"}));
}

TEST(IndentedFunctionsPython, TabsAndBracketContinuations) {
  const char* src =
      "class A:\n"
      "\tdef m(self):\n"
      "\t\treturn call(1,\n"
      "2)\n"
      "\tdef n(self):\n"
      "\t\tpass\n";
  EXPECT_EQ(units("python", src), (Lines{"A.m@2-4", "A.n@5-6"}));
}

TEST(IndentedFunctionsNim, ProcsAndFuncs) {
  const char* src =
      "proc greet*(name: string): string =\n"
      "  result = \"hi \" & name\n"
      "\n"
      "func double(x: int): int = x * 2\n"
      "echo greet(\"x\")\n";
  EXPECT_EQ(units("nim", src), (Lines{"greet@1-2", "double@4-4"}));
}

}  // namespace
}  // namespace assay::structure::testing
