// Functions of brace languages: names, extents, containers and nesting, with
// the declarations written the ways real code writes them.
#include <gtest/gtest.h>

#include "structure_test_support.h"

namespace assay::structure::testing {
namespace {

TEST(BraceFunctionsC, KAndRAndAllmanStylesAndBracesInStringsAndComments) {
  const char* src =
      "#include <stdio.h>\n"           // 1
      "int add(int a, int b) {\n"      // 2
      "  char* s = \"}{\"; /* { */\n"  // 3
      "  return a + b;\n"              // 4
      "}\n"                            // 5
      "\n"                             // 6
      "static int\n"                   // 7
      "knr(a, b)\n"                    // 8
      "int a;\n"                       // 9
      "int b;\n"                       // 10
      "{\n"                            // 11
      "  return a; // }\n"             // 12
      "}\n"                            // 13
      "int main(void)\n"               // 14
      "{\n"                            // 15
      "  char c = '{';\n"              // 16
      "  return 0;\n"                  // 17
      "}\n";                           // 18
  EXPECT_EQ(units("c", src), (Lines{"add@2-5", "knr@7-13", "main@14-18"}));
  const FileStructure fs = FileStructure::analyze(src, "c");
  const Function knr = function_named(fs, "knr");
  EXPECT_EQ(knr.name_line, 8u);
  EXPECT_EQ(knr.body_first_line, 11u);
  EXPECT_EQ(knr.body_last_line, 13u);
  EXPECT_EQ(std::string(src).substr(knr.body_begin, knr.body_end - knr.body_begin), "\n  return a; // }\n");
}

TEST(BraceFunctionsC, PrototypesInitializersAndStructsAreNotFunctions) {
  const char* src =
      "int proto(int a);\n"
      "struct point { int x; int y; };\n"
      "static const int table[] = { 1, 2 };\n"
      "struct point origin(void) { struct point p = { 0, 0 }; return p; }\n";
  EXPECT_EQ(units("c", src), (Lines{"origin@4-4"}));
}

TEST(BraceFunctionsC, OnlyTheFirstPreprocessorBranchIsRead) {
  const char* src =
      "#ifdef _WIN32\n"
      "void platform(void) {\n"
      "#else\n"
      "void platform(int x) {\n"
      "#endif\n"
      "  run();\n"
      "}\n"
      "void after(void) {}\n";
  EXPECT_EQ(units("c", src), (Lines{"platform@2-7", "after@8-8"}));
}

TEST(BraceFunctionsCpp, MethodsOperatorsConstructorsAndTemplates) {
  const char* src =
      "namespace util {\n"                                                 // 1
      "template <typename T>\n"                                            // 2
      "T max(T a, T b) { return a > b ? a : b; }\n"                        // 3
      "}\n"                                                                // 4
      "class Widget : public Base {\n"                                     // 5
      " public:\n"                                                         // 6
      "  Widget(int x) : x_(x), y_{x} {\n"                                 // 7
      "  }\n"                                                              // 8
      "  ~Widget() override {}\n"                                          // 9
      "  void draw() const noexcept {\n"                                   // 10
      "    auto f = [&](int v) { return v * 2; };\n"                       // 11
      "    std::for_each(a, b, [](int v) { use(v); });\n"                  // 12
      "  }\n"                                                              // 13
      "  bool operator==(const Widget& o) const { return x_ == o.x_; }\n"  // 14
      "  int operator()(int v) { return v; }\n"                            // 15
      " private:\n"                                                        // 16
      "  int x_;\n"                                                        // 17
      "};\n"                                                               // 18
      "void Widget::resize(int w) {\n"                                     // 19
      "  throw std::logic_error(\"not implemented\");\n"                   // 20
      "}\n"                                                                // 21
      "auto trailing() -> int { return 1; }\n"                             // 22
      "TEST(Suite, Name) {\n"                                              // 23
      "  EXPECT_EQ(1, 1);\n"                                               // 24
      "}\n";                                                               // 25
  EXPECT_EQ(units("cpp", src),
            (Lines{"max@2-3", "Widget.Widget@7-8", "Widget.~Widget@9-9", "Widget.draw@10-13", "f@11-11",
                   "Widget.operator==@14-14", "Widget.operator()@15-15", "Widget::resize@19-21",
                   "trailing@22-22", "TEST@23-25"}));
  const FileStructure fs = FileStructure::analyze(src, "cpp");
  const Function f = function_named(fs, "f");
  EXPECT_EQ(f.depth, 1u);
  ASSERT_GE(f.parent, 0);
  EXPECT_EQ(fs.functions()[static_cast<size_t>(f.parent)].name, "draw");
  EXPECT_EQ(function_named(fs, "max").name_line, 3u);
}

TEST(BraceFunctionsCpp, LinkageBlocksAccessLabelsCaseBlocksAndLocalTypes) {
  const char* src =
      "extern \"C\" {\n"                             // 1
      "int c_api(void) { return 0; }\n"              // 2
      "}\n"                                          // 3
      "namespace a { namespace b {\n"                // 4
      "class Q : public QObject {\n"                 // 5
      "  Q_OBJECT\n"                                 // 6
      " public slots:\n"                             // 7
      "  void onClick() { emit clicked(); }\n"       // 8
      "};\n"                                         // 9
      "}}\n"                                         // 10
      "void g() {\n"                                 // 11
      "  switch (x) {\n"                             // 12
      "    case 1: {\n"                              // 13
      "      break;\n"                               // 14
      "    }\n"                                      // 15
      "  }\n"                                        // 16
      "  do {\n"                                     // 17
      "    y();\n"                                   // 18
      "  } while (z);\n"                             // 19
      "  struct Local { int m() { return 1; } };\n"  // 20
      "}\n";                                         // 21
  EXPECT_EQ(units("cpp", src), (Lines{"c_api@2-2", "Q.onClick@8-8", "g@11-21", "Local.m@20-20"}));
  const FileStructure fs = FileStructure::analyze(src, "cpp");
  EXPECT_EQ(function_named(fs, "Local.m").depth, 1u);
}

TEST(BraceFunctionsCpp, RawStringsHideBraces) {
  const char* src =
      "const char* s = R\"x(void fake() { )x\";\n"
      "void real() {\n"
      "  auto t = R\"(}})\";\n"
      "}\n";
  EXPECT_EQ(units("cpp", src), (Lines{"real@2-4"}));
}

TEST(BraceFunctionsJava, AnnotationsGenericsLambdasAndAnonymousClasses) {
  const char* src =
      "@Service\n"                                                   // 1
      "public class Repo<T> extends Base implements Api {\n"         // 2
      "    private final Map<String, T> items = new HashMap<>();\n"  // 3
      "    @Override\n"                                              // 4
      "    @Deprecated(since = \"1\")\n"                             // 5
      "    public <R> List<R> find(String q)\n"                      // 6
      "            throws IOException {\n"                           // 7
      "        Runnable r = () -> {\n"                               // 8
      "            items.clear();\n"                                 // 9
      "        };\n"                                                 // 10
      "        new Thread(new Runnable() {\n"                        // 11
      "            public void run() { work(); }\n"                  // 12
      "        });\n"                                                // 13
      "        list.forEach(x -> { use(x); });\n"                    // 14
      "        return q;\n"                                          // 15
      "    }\n"                                                      // 16
      "    static {\n"                                               // 17
      "        init();\n"                                            // 18
      "    }\n"                                                      // 19
      "    public Repo() { this(1); }\n"                             // 20
      "}\n";                                                         // 21
  EXPECT_EQ(units("java", src), (Lines{"Repo.find@4-16", "r@8-10", "Runnable.run@12-12", "Repo.Repo@20-20"}));
  const FileStructure fs = FileStructure::analyze(src, "java");
  EXPECT_EQ(function_named(fs, "Repo.find").name_line, 6u);
  EXPECT_EQ(function_named(fs, "Runnable.run").depth, 1u);
}

TEST(BraceFunctionsJava, InterfaceDefaultMethodsAndEnumConstantBodies) {
  EXPECT_EQ(units("java",
                  "interface Shape {\n"
                  "  default double area() { return 0; }\n"
                  "}\n"
                  "enum Op { PLUS { int apply() { return 1; } }; abstract int apply(); }\n"),
            (Lines{"Shape.area@2-2", "Op.apply@4-4"}));
}

TEST(BraceFunctionsCSharp, PropertiesAttributesLocalFunctionsAndBaseCalls) {
  const char* src =
      "namespace App.Core {\n"                                                     // 1
      "    [Serializable]\n"                                                       // 2
      "    public class Store : IStore {\n"                                        // 3
      "        public int Count { get { return 0; } set { } }\n"                   // 4
      "        public Store() : base() {\n"                                        // 5
      "        }\n"                                                                // 6
      "        public async Task<int?> LoadAsync(string key) where T : class {\n"  // 7
      "            return 0;\n"                                                    // 8
      "        }\n"                                                                // 9
      "        void IStore.Save() => throw new NotImplementedException();\n"       // 10
      "        void Helper() {\n"                                                  // 11
      "            int Local(int a) { return a; }\n"                               // 12
      "        }\n"                                                                // 13
      "    }\n"                                                                    // 14
      "}\n";                                                                       // 15
  EXPECT_EQ(units("csharp", src),
            (Lines{"Store.Store@5-6", "Store.LoadAsync@7-9", "Store.Helper@11-13", "Local@12-12"}));
}

TEST(BraceFunctionsJavaScript, DeclarationsArrowFunctionsMethodsAndObjectLiterals) {
  const char* src =
      "import x from 'y'\n"                          // 1
      "const re = /[{}]/g\n"                         // 2
      "function plain(a, b) {\n"                     // 3
      "  return a ? b : `template ${a + '}'} {`\n"   // 4
      "}\n"                                          // 5
      "const arrow = async (x) => {\n"               // 6
      "  await x\n"                                  // 7
      "}\n"                                          // 8
      "const single = y => {\n"                      // 9
      "  return y || 0\n"                            // 10
      "}\n"                                          // 11
      "export default class Store extends Base {\n"  // 12
      "  static create() {\n"                        // 13
      "    return new Store()\n"                     // 14
      "  }\n"                                        // 15
      "  get size() { return 0 }\n"                  // 16
      "  handle = (e) => {\n"                        // 17
      "    this.items.forEach(item => {\n"           // 18
      "      console.log(item)\n"                    // 19
      "    })\n"                                     // 20
      "  }\n"                                        // 21
      "  async *gen() {}\n"                          // 22
      "}\n"                                          // 23
      "module.exports.run = function () {\n"         // 24
      "  throw new Error('not implemented')\n"       // 25
      "}\n"                                          // 26
      "const obj = {\n"                              // 27
      "  method() { return 1 },\n"                   // 28
      "  prop: function () {},\n"                    // 29
      "  'quoted': () => { todo() },\n"              // 30
      "}\n"                                          // 31
      "describe('x', () => {\n"                      // 32
      "  it('works', function () {\n"                // 33
      "    expect(1).toBe(1)\n"                      // 34
      "  })\n"                                       // 35
      "})\n";                                        // 36
  EXPECT_EQ(units("javascript", src),
            (Lines{"plain@3-5", "arrow@6-8", "single@9-11", "Store.create@13-15", "Store.size@16-16",
                   "Store.handle@17-21", "Store.gen@22-22", "module.exports.run@24-26", "method@28-28",
                   "prop@29-29", "quoted@30-30"}));
}

TEST(BraceFunctionsJavaScript, GeneratorsPrivateMethodsAccessorsAndComponentObjects) {
  const char* src =
      "export default function main() {}\n"    // 1
      "async function* stream() {}\n"          // 2
      "class A {\n"                            // 3
      "  #secret() { return 1 }\n"             // 4
      "  set value(v) { this.v = v }\n"        // 5
      "  static async load() {}\n"             // 6
      "}\n"                                    // 7
      "const o = { nested: { deep() {} } }\n"  // 8
      "export default {\n"                     // 9
      "  data() { return {} },\n"              // 10
      "  methods: { go() {} },\n"              // 11
      "}\n";                                   // 12
  EXPECT_EQ(units("javascript", src), (Lines{"main@1-1", "stream@2-2", "A.secret@4-4", "A.value@5-5",
                                             "A.load@6-6", "deep@8-8", "data@10-10", "go@11-11"}));
}

TEST(BraceFunctionsTypeScript, TypeAnnotationsOnParametersAndResults) {
  const char* src =
      "export class Api {\n"                                          // 1
      "  static create(): Api {\n"                                    // 2
      "    return new Api()\n"                                        // 3
      "  }\n"                                                         // 4
      "  public async fetch<T>(url: string): Promise<T> {\n"          // 5
      "    return get(url)\n"                                         // 6
      "  }\n"                                                         // 7
      "}\n"                                                           // 8
      "export const load = async (id: number): Promise<void> => {\n"  // 9
      "  await id\n"                                                  // 10
      "}\n"                                                           // 11
      "interface Shape { area(): number }\n";                         // 12
  EXPECT_EQ(units("typescript", src), (Lines{"Api.create@2-4", "Api.fetch@5-7", "load@9-11"}));
}

TEST(BraceFunctionsGo, MethodsClosuresAndTypeLiterals) {
  const char* src =
      "package main\n"                                                             // 1
      "type Server struct {\n"                                                     // 2
      "\tname string\n"                                                            // 3
      "}\n"                                                                        // 4
      "// Handle serves.\n"                                                        // 5
      "func (s *Server) Handle(w http.ResponseWriter, r *http.Request) error {\n"  // 6
      "\treturn nil\n"                                                             // 7
      "}\n"                                                                        // 8
      "func NotDone() interface{} {\n"                                             // 9
      "\tpanic(\"not implemented\")\n"                                             // 10
      "}\n"                                                                        // 11
      "func Map[T any](xs []T, f func(T) T) []T {\n"                               // 12
      "\tg := func(x int) int {\n"                                                 // 13
      "\t\treturn x\n"                                                             // 14
      "\t}\n"                                                                      // 15
      "\tgo func() {\n"                                                            // 16
      "\t\tg(1)\n"                                                                 // 17
      "\t}()\n"                                                                    // 18
      "\treturn xs\n"                                                              // 19
      "}\n";                                                                       // 20
  EXPECT_EQ(units("go", src), (Lines{"Server.Handle@6-8", "NotDone@9-11", "Map@12-20", "g@13-15"}));
}

TEST(BraceFunctionsRust, ImplBlocksTraitsAttributesAndClosures) {
  const char* src =
      "struct Point { x: i32 }\n"                                  // 1
      "impl Display for Point {\n"                                 // 2
      "    fn fmt(&self, f: &mut Formatter) -> Result {\n"         // 3
      "        write!(f, \"{}\", self.x)\n"                        // 4
      "    }\n"                                                    // 5
      "}\n"                                                        // 6
      "impl<T> Stack<T> where T: Clone {\n"                        // 7
      "    #[inline]\n"                                            // 8
      "    pub(crate) async fn pop(&mut self) -> Option<T> {\n"    // 9
      "        let f = |x: i32| { x + 1 };\n"                      // 10
      "        self.items.iter().map(|v| { v.clone() }).last()\n"  // 11
      "    }\n"                                                    // 12
      "}\n"                                                        // 13
      "trait Shape {\n"                                            // 14
      "    fn area(&self) -> f64 { unimplemented!() }\n"           // 15
      "}\n"                                                        // 16
      "fn main() {\n"                                              // 17
      "    let s = r#\"fn fake() { }\"#;\n"                        // 18
      "}\n";                                                       // 19
  EXPECT_EQ(units("rust", src),
            (Lines{"Point.fmt@3-5", "Stack.pop@8-12", "f@10-10", "Shape.area@15-15", "main@17-19"}));
}

TEST(BraceFunctionsKotlin, InitBlocksConstructorsExtensionsAndTrailingLambdas) {
  const char* src =
      "class Greeter(val name: String) : Base() {\n"              // 1
      "    init {\n"                                              // 2
      "        check(name)\n"                                     // 3
      "    }\n"                                                   // 4
      "    constructor(x: Int) : this(\"x\") {\n"                 // 5
      "    }\n"                                                   // 6
      "    fun greet(): String {\n"                               // 7
      "        return listOf(1).map { it * 2 }.joinToString()\n"  // 8
      "    }\n"                                                   // 9
      "    suspend fun <T> List<T>.second(): T {\n"               // 10
      "        TODO(\"not yet\")\n"                               // 11
      "    }\n"                                                   // 12
      "    companion object {\n"                                  // 13
      "        fun create() = Greeter(\"x\")\n"                   // 14
      "        fun make(): Greeter { return Greeter(\"y\") }\n"   // 15
      "    }\n"                                                   // 16
      "}\n";                                                      // 17
  EXPECT_EQ(units("kotlin", src), (Lines{"Greeter.init@2-4", "Greeter.constructor@5-6", "Greeter.greet@7-9",
                                         "List.second@10-12", "Greeter.make@15-15"}));
}

TEST(BraceFunctionsSwift, InitializersExtensionsAndComputedProperties) {
  const char* src =
      "struct Point {\n"                                                 // 1
      "    var x: Int { return 1 }\n"                                    // 2
      "    init(x: Int) {\n"                                             // 3
      "        self.x = x\n"                                             // 4
      "    }\n"                                                          // 5
      "    func distance(to other: Point) -> Double {\n"                 // 6
      "        guard other.x > 0 else { return 0 }\n"                    // 7
      "        return 1.0\n"                                             // 8
      "    }\n"                                                          // 9
      "}\n"                                                              // 10
      "extension Point {\n"                                              // 11
      "    mutating func reset() { fatalError(\"not implemented\") }\n"  // 12
      "}\n";                                                             // 13
  EXPECT_EQ(units("swift", src), (Lines{"Point.init@3-5", "Point.distance@6-9", "Point.reset@12-12"}));
}

TEST(BraceFunctionsPhpScalaDart, KeywordsAndConstructors) {
  EXPECT_EQ(units("php",
                  "<?php\n"
                  "class User extends Model {\n"
                  "    public function save(array $opts = []): bool {\n"
                  "        return false;\n"
                  "    }\n"
                  "}\n"
                  "function helper($x) {\n"
                  "    $f = function ($y) use ($x) { return $x + $y; };\n"
                  "    return $f(1);\n"
                  "}\n"),
            (Lines{"User.save@3-5", "helper@7-10", "$f@8-8"}));
  EXPECT_EQ(units("scala",
                  "object Main {\n"
                  "  def run(args: Array[String]): Unit = {\n"
                  "    args.foreach { a => println(a) }\n"
                  "  }\n"
                  "  def stub: Int = ???\n"
                  "  def f(x: Int) = {\n"
                  "    x\n"
                  "  }\n"
                  "}\n"),
            (Lines{"Main.run@2-4", "Main.f@6-8"}));
  EXPECT_EQ(units("dart",
                  "class Counter {\n"
                  "  Counter(this.value) : super() {\n"
                  "    print(value);\n"
                  "  }\n"
                  "  Future<void> load() async {\n"
                  "    list.forEach((x) {\n"
                  "      print(x);\n"
                  "    });\n"
                  "  }\n"
                  "  int get doubled => value * 2;\n"
                  "}\n"),
            (Lines{"Counter.Counter@2-4", "Counter.load@5-9"}));
}

TEST(BraceFunctionsObjectiveC, MethodSelectors) {
  const char* src =
      "@implementation Person\n"
      "- (void)setName:(NSString *)name age:(int)age {\n"
      "    _name = name;\n"
      "}\n"
      "+ (instancetype)shared {\n"
      "    return nil;\n"
      "}\n"
      "@end\n";
  EXPECT_EQ(units("objc", src), (Lines{"setName:age:@2-4", "shared@5-7"}));
}

TEST(BraceFunctionsShell, ThreeDeclarationForms) {
  const char* src =
      "#!/bin/sh\n"
      "usage() {\n"
      "  echo \"usage: ${0##*/} {a|b}\"\n"
      "  case \"$1\" in\n"
      "    a) echo a ;;\n"
      "  esac\n"
      "}\n"
      "function build {\n"
      "  make\n"
      "}\n"
      "function clean() { rm -rf build; }\n"
      "{ echo grouped; }\n";
  EXPECT_EQ(units("shell", src), (Lines{"usage@2-7", "build@8-10", "clean@11-11"}));
}

TEST(BraceFunctionsPerlRPowerShell, KeywordAndBoundForms) {
  EXPECT_EQ(units("perl", "sub greet {\n  my $f = sub { 1 };\n  return 1;\n}\n"),
            (Lines{"greet@1-4", "$f@2-2"}));
  EXPECT_EQ(units("r", "square <- function(x) {\n  x * x\n}\nlapply(xs, function(v) { v })\n"),
            (Lines{"square@1-3"}));
  EXPECT_EQ(units("powershell", "function Get-Thing($name) {\n  Write-Output $name\n}\n"),
            (Lines{"Get-Thing@1-3"}));
}

// Found by the structure fuzzer: a function bound to an empty string key.
TEST(BraceFunctions, FunctionsBoundToEmptyNamesAreAnonymous) {
  EXPECT_EQ(units("go", "\"\" := func() {}\n"), Lines{});
  EXPECT_EQ(units("javascript", "x = { '': function () {} }\n"), Lines{});
}

TEST(BraceFunctions, UnbalancedBracesCloseAtTheEndOfTheFile) {
  EXPECT_EQ(units("c", "void open(void) {\n  if (x) {\n"), (Lines{"open@1-2"}));
  EXPECT_EQ(units("c", "}\n}\nvoid after(void) { }\n"), (Lines{"after@3-3"}));
  EXPECT_EQ(units("javascript", ""), Lines{});
}

}  // namespace
}  // namespace assay::structure::testing
