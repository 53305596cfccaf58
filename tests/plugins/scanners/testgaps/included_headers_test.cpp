// C and C++ tests that test a source through its header: the #include lines
// read, resolved to repository headers, and credited to the source beside
// the header.
#include "included_headers.h"

#include <gtest/gtest.h>

namespace assay::testgaps {
namespace {

TEST(IncludeTargets, QuotedAndAngledWithSpacesAndNothingElse) {
  EXPECT_EQ(include_targets("#include \"a.h\"\n  #  include <assay/plugin.h>\n"
                            "// #include \"commented.h\"\n#include MACRO_HEADER\n#include \"\"\n"
                            "#define X 1\n#include\t\"sub/b.hpp\"  // why\n#import \"objc.h\""),
            (std::vector<std::string>{"a.h", "assay/plugin.h", "sub/b.hpp"}));
  EXPECT_TRUE(include_targets("").empty());
  EXPECT_TRUE(include_targets("#include \"unterminated.h").empty());
}

TEST(IncludedHeaders, ATestIncludingTheHeaderBesideASourceIsItsTest) {
  const std::vector<std::string> paths = {"host/config/config.h",   "host/config/config.cpp",
                                          "host/config/loader.cpp", "host/scan/plan.hpp",
                                          "host/scan/plan.cc",      "tests/host/part_test.cpp"};
  IncludedHeaders headers(paths);
  headers.add_test("tests/host/part_test.cpp", "#include \"config.h\"\n#include <scan/plan.hpp>\n");
  EXPECT_EQ(headers.test_of("host/config/config.cpp"), "tests/host/part_test.cpp");
  EXPECT_EQ(headers.test_of("host/scan/plan.cc"), "tests/host/part_test.cpp");
  EXPECT_EQ(headers.test_of("host/config/loader.cpp"), "");  // no loader.h
}

TEST(IncludedHeaders, AnAmbiguousIncludeGoesToTheHeaderTheTestMirrors) {
  const std::vector<std::string> paths = {"host/config/config.h", "host/config/config.cpp",
                                          "plugins/osv/config.h", "plugins/osv/config.cpp",
                                          "tests/host/config/config_cases.cpp"};
  IncludedHeaders headers(paths);
  // tests/host/config/ mirrors host/config/: two leading segments shared,
  // none with plugins/osv/.
  headers.add_test("tests/host/config/config_cases.cpp", "#include \"config.h\"\n");
  EXPECT_EQ(headers.test_of("host/config/config.cpp"), "tests/host/config/config_cases.cpp");
  EXPECT_EQ(headers.test_of("plugins/osv/config.cpp"), "");
}

TEST(IncludedHeaders, AHeaderBesideTheTestWinsAndTiesCountForAll) {
  const std::vector<std::string> paths = {"tests/e2e/process.h",
                                          "tests/e2e/run_test.cpp",
                                          "src/process.h",
                                          "src/process.c",
                                          "a/util.h",
                                          "a/util.c",
                                          "b/util.h",
                                          "b/util.c"};
  IncludedHeaders headers(paths);
  headers.add_test("tests/e2e/run_test.cpp", "#include \"process.h\"\n#include \"util.h\"\n");
  EXPECT_EQ(headers.test_of("src/process.c"), "");  // the test's own process.h was meant
  EXPECT_EQ(headers.test_of("a/util.c"), "tests/e2e/run_test.cpp");
  EXPECT_EQ(headers.test_of("b/util.c"), "tests/e2e/run_test.cpp");
}

}  // namespace
}  // namespace assay::testgaps
