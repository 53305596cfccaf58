// Stand-in function bodies per language, each fixture with look-alikes that
// are real code and must not be reported.
#include "stand_in.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace assay::placeholders {
namespace {

// "name@first-last rule" for every stand-in in `source`.
std::vector<std::string> stand_ins(const std::string& language, const std::string& source) {
  const auto file = structure::FileStructure::analyze(source, language);
  std::vector<std::string> out;
  for (const auto& f : file.functions()) {
    if (auto s = classify(file, f, default_words()))
      out.push_back(f.qualified_name() + "@" + std::to_string(f.first_line) + "-" +
                    std::to_string(f.last_line) + " " + s->rule);
  }
  return out;
}

using Found = std::vector<std::string>;

TEST(StandIns, Python) {
  const std::string source =
      "import abc\n"                                       // 1
      "import random\n"                                    // 2
      "\n"                                                 // 3
      "class Repo(abc.ABC):\n"                             // 4
      "    @abc.abstractmethod\n"                          // 5
      "    def load(self):\n"                              // 6
      "        raise NotImplementedError\n"                // 7
      "\n"                                                 // 8
      "    def save(self):\n"                              // 9
      "        raise NotImplementedError(\"save\")\n"      // 10
      "\n"                                                 // 11
      "def parse(text):\n"                                 // 12
      "    \"\"\"Parses the text.\"\"\"\n"                 // 13
      "    pass\n"                                         // 14
      "\n"                                                 // 15
      "def on_event(event):\n"                             // 16
      "    pass  # intentionally a no-op\n"                // 17
      "\n"                                                 // 18
      "# Placeholder until the pricing service exists.\n"  // 19
      "def price(item):\n"                                 // 20
      "    return 42.0\n"                                  // 21
      "\n"                                                 // 22
      "def port():\n"                                      // 23
      "    # the port the service listens on\n"            // 24
      "    return 8080\n"                                  // 25
      "\n"                                                 // 26
      "def roll():\n"                                      // 27
      "    # simulate the dice for now\n"                  // 28
      "    return random.randint(1, 6)\n"                  // 29
      "\n"                                                 // 30
      "class Empty(Exception):\n"                          // 31
      "    pass\n"                                         // 32
      "\n"                                                 // 33
      "def stub_like():\n"                                 // 34
      "    ...\n";                                         // 35
  EXPECT_EQ(stand_ins("python", source),
            (Found{"Repo.save@9-10 not-implemented", "parse@12-14 pass-body", "price@20-21 constant-stand-in",
                   "roll@27-29 constant-stand-in", "stub_like@34-35 ellipsis-body"}));
}

TEST(StandIns, PythonOverloadsAndProtocolsStayQuiet) {
  const std::string source =
      "from typing import overload\n"
      "@overload\n"
      "def f(x: int) -> int: ...\n"
      "@overload\n"
      "def f(x: str) -> str: ...\n"
      "def f(x):\n"
      "    return x\n";
  EXPECT_TRUE(stand_ins("python", source).empty());
}

TEST(StandIns, Cpp) {
  const std::string source =
      "#include <stdexcept>\n"                                 // 1
      "int Parser::parse(const std::string& s) {\n"            // 2
      "  throw std::logic_error(\"not implemented\");\n"       // 3
      "}\n"                                                    // 4
      "void Parser::reset() {\n"                               // 5
      "  throw std::logic_error(\"reset called twice\");\n"    // 6
      "}\n"                                                    // 7
      "Widget::~Widget() {}\n"                                 // 8
      "void Cache::flush() {\n"                                // 9
      "  // TODO: write the dirty pages\n"                     // 10
      "}\n"                                                    // 11
      "double Sensor::read() {\n"                              // 12
      "  // stub: real hardware later\n"                       // 13
      "  return 21.5;\n"                                       // 14
      "}\n"                                                    // 15
      "int answer() {\n"                                       // 16
      "  // the answer\n"                                      // 17
      "  return 42;\n"                                         // 18
      "}\n"                                                    // 19
      "void Logger::write(const Line& l) {\n"                  // 20
      "  // mock sinks record lines; real ones format them\n"  // 21
      "  if (sink_) sink_->put(format(l));\n"                  // 22
      "  ++count_;\n"                                          // 23
      "}\n";                                                   // 24
  EXPECT_EQ(stand_ins("cpp", source),
            (Found{"Parser::parse@2-4 not-implemented", "Cache::flush@9-11 empty-with-marker",
                   "Sensor::read@12-15 constant-stand-in"}));
}

TEST(StandIns, Rust) {
  const std::string source =
      "fn parse(input: &str) -> Result<Ast, Error> {\n"  // 1
      "    todo!()\n"                                    // 2
      "}\n"                                              // 3
      "impl Renderer {\n"                                // 4
      "    fn render(&self) -> String {\n"               // 5
      "        unimplemented!(\"render\")\n"             // 6
      "    }\n"                                          // 7
      "}\n"                                              // 8
      "fn unreachable_case() -> u8 {\n"                  // 9
      "    unreachable!()\n"                             // 10
      "}\n"                                              // 11
      "impl Default for Config {\n"                      // 12
      "    fn default() -> Self {\n"                     // 13
      "        Self::new()\n"                            // 14
      "    }\n"                                          // 15
      "}\n"                                              // 16
      "// dummy rate until the exchange is wired\n"      // 17
      "fn rate() -> f64 {\n"                             // 18
      "    1.0\n"                                        // 19
      "}\n";                                             // 20
  const Found found = stand_ins("rust", source);
  ASSERT_EQ(found.size(), 3u) << ::testing::PrintToString(found);
  EXPECT_EQ(found[0], "parse@1-3 unimplemented-macro");
  EXPECT_NE(found[1].find("render@5-7 unimplemented-macro"), std::string::npos) << found[1];
  EXPECT_EQ(found[2], "rate@18-20 constant-stand-in");
}

TEST(StandIns, Go) {
  const std::string source =
      "package store\n"                                      // 1
      "func (s *Store) Get(key string) (string, error) {\n"  // 2
      "\tpanic(\"not implemented\")\n"                       // 3
      "}\n"                                                  // 4
      "func mustOpen(path string) *os.File {\n"              // 5
      "\tf, err := os.Open(path)\n"                          // 6
      "\tif err != nil {\n"                                  // 7
      "\t\tpanic(err)\n"                                     // 8
      "\t}\n"                                                // 9
      "\treturn f\n"                                         // 10
      "}\n"                                                  // 11
      "func check(x int) {\n"                                // 12
      "\tpanic(\"unreachable\")\n"                           // 13
      "}\n"                                                  // 14
      "// fake clock for now\n"                              // 15
      "func Now() int64 {\n"                                 // 16
      "\treturn 1700000000\n"                                // 17
      "}\n";                                                 // 18
  EXPECT_EQ(stand_ins("go", source),
            (Found{"Store.Get@2-4 panic-not-implemented", "Now@16-18 constant-stand-in"}));
}

TEST(StandIns, Java) {
  const std::string source =
      "public class Orders {\n"                                                      // 1
      "    public Order find(long id) {\n"                                           // 2
      "        throw new UnsupportedOperationException(\"Not implemented yet\");\n"  // 3
      "    }\n"                                                                      // 4
      "    public boolean add(Order o) {\n"                                          // 5
      "        throw new UnsupportedOperationException();\n"                         // 6
      "    }\n"                                                                      // 7
      "    public int count() {\n"                                                   // 8
      "        return orders.size();\n"                                              // 9
      "    }\n"                                                                      // 10
      "}\n";                                                                         // 11
  EXPECT_EQ(stand_ins("java", source), (Found{"Orders.find@2-4 not-implemented"}));
}

TEST(StandIns, JavaScriptAndTypeScript) {
  const std::string js =
      "function fetchUser(id) {\n"                     // 1
      "  throw new Error(\"not implemented\");\n"      // 2
      "}\n"                                            // 3
      "function validate(x) {\n"                       // 4
      "  throw new Error(\"invalid input: \" + x);\n"  // 5
      "}\n"                                            // 6
      "// mock data until the API is ready\n"          // 7
      "const loadPrices = () => {\n"                   // 8
      "  return [{ sku: \"a\", price: 1 }];\n"         // 9
      "};\n"                                           // 10
      "const loadUsers = () => {\n"                    // 11
      "  return api.get(\"/users\");\n"                // 12
      "};\n";                                          // 13
  EXPECT_EQ(stand_ins("javascript", js),
            (Found{"fetchUser@1-3 not-implemented", "loadPrices@8-10 constant-stand-in"}));
  const std::string ts =
      "export function total(items: Item[]): number {\n"  // 1
      "  // TODO: sum the items\n"                        // 2
      "}\n"                                               // 3
      "export function none(): string {\n"                // 4
      "  return \"\";\n"                                  // 5
      "}\n";                                              // 6
  EXPECT_EQ(stand_ins("typescript", ts), (Found{"total@1-3 empty-with-marker"}));
}

TEST(StandIns, CSharpAndKotlin) {
  const std::string cs =
      "public class Calc {\n"
      "    public int Compute() {\n"
      "        throw new NotImplementedException();\n"
      "    }\n"
      "    public void Dispose() { }\n"
      "}\n";
  EXPECT_EQ(stand_ins("csharp", cs), (Found{"Calc.Compute@2-4 not-implemented"}));
  const std::string kt =
      "class Repo {\n"
      "    fun load(): String {\n"
      "        TODO(\"load from disk\")\n"
      "    }\n"
      "    fun size(): Int {\n"
      "        return items.size\n"
      "    }\n"
      "}\n";
  EXPECT_EQ(stand_ins("kotlin", kt), (Found{"Repo.load@2-4 unimplemented-macro"}));
}

}  // namespace
}  // namespace assay::placeholders
