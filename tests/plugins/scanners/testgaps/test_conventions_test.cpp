// Where each language keeps a source file's tests.
#include "test_conventions.h"

#include <gtest/gtest.h>

namespace assay::testgaps {
namespace {

TEST(TestConventions, Python) {
  const TestIndex index({"shop/cart.py", "shop/price.py", "shop/tax.py", "tests/test_cart.py",
                         "shop/price_test.py", "shop/util.py"});
  EXPECT_TRUE(index.has_test("shop/cart.py", "python", ""));
  EXPECT_TRUE(index.has_test("shop/price.py", "python", ""));
  EXPECT_FALSE(index.has_test("shop/tax.py", "python", ""));
  EXPECT_TRUE(is_test_file("tests/test_cart.py"));
  EXPECT_TRUE(is_test_file("shop/price_test.py"));
  EXPECT_FALSE(is_test_file("shop/util.py"));
  EXPECT_EQ(TestIndex::expected_tests("shop/tax.py", "python"), "test_tax.py or tax_test.py");
}

TEST(TestConventions, GoTestsLiveBesideTheSource) {
  const TestIndex index({"store/store.go", "store/store_test.go", "api/api.go", "other/api_test.go"});
  EXPECT_TRUE(index.has_test("store/store.go", "go", ""));
  EXPECT_FALSE(index.has_test("api/api.go", "go", ""));  // a test of that name elsewhere does not count
  EXPECT_EQ(TestIndex::expected_tests("api/api.go", "go"), "api/api_test.go");
}

TEST(TestConventions, JavaScriptAndTypeScript) {
  const TestIndex index({"src/cart.ts", "src/cart.test.ts", "src/user.js", "src/__tests__/user.js",
                         "src/tax.ts", "src/ui.tsx", "src/ui.spec.tsx"});
  EXPECT_TRUE(index.has_test("src/cart.ts", "typescript", ""));
  EXPECT_TRUE(index.has_test("src/user.js", "javascript", ""));
  EXPECT_TRUE(index.has_test("src/ui.tsx", "typescript", ""));
  EXPECT_FALSE(index.has_test("src/tax.ts", "typescript", ""));
  EXPECT_TRUE(is_test_file("src/__tests__/user.js"));
  EXPECT_TRUE(is_test_file("src/cart.test.ts"));
}

TEST(TestConventions, RustInlineTestsOrTheTestsDirectory) {
  const TestIndex index({"src/parse.rs", "src/render.rs", "src/eval.rs", "tests/eval.rs"});
  EXPECT_TRUE(index.has_test("src/parse.rs", "rust", "fn f() {}\n#[cfg(test)]\nmod tests {}\n"));
  EXPECT_FALSE(index.has_test("src/render.rs", "rust", "fn f() {}\n"));
  EXPECT_TRUE(index.has_test("src/eval.rs", "rust", "fn f() {}\n"));
}

TEST(TestConventions, JavaAndKotlin) {
  const TestIndex index({"src/main/java/a/Orders.java", "src/test/java/a/OrdersTest.java",
                         "src/main/java/a/Cart.java", "src/main/kotlin/a/Repo.kt",
                         "src/test/kotlin/a/RepoTests.kt", "src/main/java/a/Contest.java"});
  EXPECT_TRUE(index.has_test("src/main/java/a/Orders.java", "java", ""));
  EXPECT_TRUE(index.has_test("src/main/kotlin/a/Repo.kt", "kotlin", ""));
  EXPECT_FALSE(index.has_test("src/main/java/a/Cart.java", "java", ""));
  EXPECT_TRUE(is_test_file("src/test/java/a/OrdersTest.java"));
  EXPECT_TRUE(is_test_file("app/CheckoutIT.java"));
  EXPECT_FALSE(is_test_file("src/main/java/a/Contest.java"));  // "test" inside a word is not a test
  EXPECT_FALSE(is_test_file("src/main/java/a/Unit.java"));
}

TEST(TestConventions, CAndCppBesideOrInATestsMirror) {
  const TestIndex index({"src/parser.cc", "src/parser_test.cc", "host/config/yaml_json.cpp",
                         "tests/host/config/yaml_json_test.cpp", "src/lexer.c", "tests/test_lexer.c",
                         "src/bus.cpp", "src/graph.cpp", "src/graph_unittest.cpp"});
  EXPECT_TRUE(index.has_test("src/parser.cc", "cpp", ""));
  EXPECT_TRUE(index.has_test("host/config/yaml_json.cpp", "cpp", ""));
  EXPECT_TRUE(index.has_test("src/lexer.c", "c", ""));
  EXPECT_TRUE(index.has_test("src/graph.cpp", "cpp", ""));
  EXPECT_FALSE(index.has_test("src/bus.cpp", "cpp", ""));
  EXPECT_EQ(TestIndex::expected_tests("src/bus.cpp", "cpp"),
            "bus_test.*, bus_unittest.* or test_bus.* (or bus under tests/)");
}

}  // namespace
}  // namespace assay::testgaps
