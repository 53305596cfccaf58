#include "repo/language.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace assay::repo {
namespace {

using LanguageTable = std::unordered_map<std::string_view, std::string_view>;

// Whole file names (lower-cased) that say more than their extension.
const LanguageTable& names() {
  static const LanguageTable table = {
      {"makefile", "makefile"},
      {"gnumakefile", "makefile"},
      {"bsdmakefile", "makefile"},
      {"cmakelists.txt", "cmake"},
      {"dockerfile", "dockerfile"},
      {"containerfile", "dockerfile"},
      {"gemfile", "ruby"},
      {"rakefile", "ruby"},
      {"podfile", "ruby"},
      {"vagrantfile", "ruby"},
      {"guardfile", "ruby"},
      {"brewfile", "ruby"},
      {"capfile", "ruby"},
      {"berksfile", "ruby"},
      {"fastfile", "ruby"},
      {"thorfile", "ruby"},
      {".bashrc", "shell"},
      {".bash_profile", "shell"},
      {".bash_login", "shell"},
      {".bash_logout", "shell"},
      {".bash_aliases", "shell"},
      {".profile", "shell"},
      {".zshrc", "shell"},
      {".zshenv", "shell"},
      {".zprofile", "shell"},
      {".zlogin", "shell"},
      {".zlogout", "shell"},
      {".kshrc", "shell"},
      {".mkshrc", "shell"},
      {"pkgbuild", "shell"},
      {"apkbuild", "shell"},
      {".vimrc", "vim"},
      {"_vimrc", "vim"},
      {".gvimrc", "vim"},
      {".exrc", "vim"},
      {"pipfile", "toml"},
      {"cargo.lock", "toml"},
      {"poetry.lock", "toml"},
      {"gopkg.lock", "toml"},
      {".editorconfig", "ini"},
      {".gitconfig", "ini"},
      {".gitmodules", "ini"},
      {".pylintrc", "ini"},
      {".npmrc", "ini"},
      {".babelrc", "json"},
      {".jshintrc", "json"},
      {".eslintrc", "json"},
      {"composer.lock", "json"},
      {"jenkinsfile", "groovy"},
      {"sconstruct", "python"},
      {"sconscript", "python"},
      {"wscript", "python"},
      {"snakefile", "python"},
  };
  return table;
}

// Extensions (lower-cased, without the dot).
const LanguageTable& extensions() {
  static const LanguageTable table = {
      {"c", "c"},
      {"h", "c"},
      {"cc", "cpp"},
      {"cpp", "cpp"},
      {"cxx", "cpp"},
      {"c++", "cpp"},
      {"hpp", "cpp"},
      {"hh", "cpp"},
      {"hxx", "cpp"},
      {"h++", "cpp"},
      {"ipp", "cpp"},
      {"tpp", "cpp"},
      {"inl", "cpp"},
      {"cu", "cpp"},
      {"cuh", "cpp"},
      {"ino", "cpp"},
      {"cs", "csharp"},
      {"csx", "csharp"},
      {"m", "objc"},
      {"mm", "objc"},
      {"java", "java"},
      {"kt", "kotlin"},
      {"kts", "kotlin"},
      {"scala", "scala"},
      {"sc", "scala"},
      {"groovy", "groovy"},
      {"gvy", "groovy"},
      {"gradle", "groovy"},
      {"swift", "swift"},
      {"go", "go"},
      {"rs", "rust"},
      {"dart", "dart"},
      {"js", "javascript"},
      {"mjs", "javascript"},
      {"cjs", "javascript"},
      {"jsx", "javascript"},
      {"ts", "typescript"},
      {"tsx", "typescript"},
      {"mts", "typescript"},
      {"cts", "typescript"},
      {"php", "php"},
      {"phtml", "php"},
      {"py", "python"},
      {"pyw", "python"},
      {"pyi", "python"},
      {"pyx", "python"},
      {"bzl", "python"},
      {"bazel", "python"},
      {"rb", "ruby"},
      {"rake", "ruby"},
      {"gemspec", "ruby"},
      {"ru", "ruby"},
      {"pl", "perl"},
      {"pm", "perl"},
      {"pod", "perl"},
      {"t", "perl"},
      {"sh", "shell"},
      {"bash", "shell"},
      {"zsh", "shell"},
      {"ksh", "shell"},
      {"fish", "shell"},
      {"ps1", "powershell"},
      {"psm1", "powershell"},
      {"psd1", "powershell"},
      {"lua", "lua"},
      {"r", "r"},
      {"jl", "julia"},
      {"ex", "elixir"},
      {"exs", "elixir"},
      {"erl", "erlang"},
      {"hrl", "erlang"},
      {"hs", "haskell"},
      {"lhs", "haskell"},
      {"ml", "ocaml"},
      {"mli", "ocaml"},
      {"fs", "fsharp"},
      {"fsi", "fsharp"},
      {"fsx", "fsharp"},
      {"clj", "clojure"},
      {"cljs", "clojure"},
      {"cljc", "clojure"},
      {"edn", "clojure"},
      {"lisp", "lisp"},
      {"lsp", "lisp"},
      {"el", "lisp"},
      {"scm", "lisp"},
      {"rkt", "lisp"},
      {"sql", "sql"},
      {"yaml", "yaml"},
      {"yml", "yaml"},
      {"toml", "toml"},
      {"ini", "ini"},
      {"cfg", "ini"},
      {"json", "json"},
      {"jsonc", "json"},
      {"json5", "json"},
      {"ipynb", "json"},
      {"xml", "xml"},
      {"xsd", "xml"},
      {"xsl", "xml"},
      {"xslt", "xml"},
      {"svg", "xml"},
      {"plist", "xml"},
      {"csproj", "xml"},
      {"vcxproj", "xml"},
      {"fsproj", "xml"},
      {"props", "xml"},
      {"targets", "xml"},
      {"html", "html"},
      {"htm", "html"},
      {"xhtml", "html"},
      {"css", "css"},
      {"scss", "scss"},
      {"sass", "scss"},
      {"md", "markdown"},
      {"markdown", "markdown"},
      {"mdx", "markdown"},
      {"rst", "rst"},
      {"mk", "makefile"},
      {"mak", "makefile"},
      {"cmake", "cmake"},
      {"dockerfile", "dockerfile"},
      {"tf", "terraform"},
      {"tfvars", "terraform"},
      {"hcl", "terraform"},
      {"proto", "protobuf"},
      {"vim", "vim"},
      {"tex", "tex"},
      {"sty", "tex"},
      {"cls", "tex"},
      {"ltx", "tex"},
      {"bib", "tex"},
      {"s", "asm"},
      {"asm", "asm"},
      {"zig", "zig"},
      {"nim", "nim"},
      {"nims", "nim"},
      {"nimble", "nim"},
      {"vue", "vue"},
      {"svelte", "svelte"},
  };
  return table;
}

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

std::string_view lookup(const LanguageTable& table, std::string_view key) {
  auto found = table.find(key);
  return found == table.end() ? std::string_view() : found->second;
}

}  // namespace

std::string guess_language(std::string_view path) {
  std::size_t slash = path.rfind('/');
  std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (std::string_view by_name = lookup(names(), name); !by_name.empty()) return std::string(by_name);
  // Dockerfile.dev, Containerfile.prod: the variant suffix is not an extension.
  if (name.starts_with("dockerfile.") || name.starts_with("containerfile.")) return "dockerfile";
  std::size_t dot = name.rfind('.');
  // A leading dot starts a hidden name (.bashrc), not an extension.
  if (dot == std::string::npos || dot == 0 || dot + 1 == name.size()) return "";
  return std::string(lookup(extensions(), std::string_view(name).substr(dot + 1)));
}

}  // namespace assay::repo
