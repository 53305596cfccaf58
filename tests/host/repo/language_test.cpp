#include "repo/language.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace assay::repo {
namespace {

TEST(GuessLanguage, ByExtension) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"main.c", "c"},
      {"include/x.h", "c"},
      {"a.cpp", "cpp"},
      {"a.cc", "cpp"},
      {"a.hpp", "cpp"},
      {"a.cxx", "cpp"},
      {"Program.cs", "csharp"},
      {"View.m", "objc"},
      {"View.mm", "objc"},
      {"App.java", "java"},
      {"App.kt", "kotlin"},
      {"build.gradle.kts", "kotlin"},
      {"A.scala", "scala"},
      {"build.gradle", "groovy"},
      {"A.swift", "swift"},
      {"main.go", "go"},
      {"lib.rs", "rust"},
      {"a.dart", "dart"},
      {"a.js", "javascript"},
      {"a.mjs", "javascript"},
      {"a.jsx", "javascript"},
      {"a.ts", "typescript"},
      {"a.tsx", "typescript"},
      {"x.d.ts", "typescript"},
      {"index.php", "php"},
      {"a.py", "python"},
      {"a.pyi", "python"},
      {"a.rb", "ruby"},
      {"x.gemspec", "ruby"},
      {"a.pl", "perl"},
      {"A.pm", "perl"},
      {"run.sh", "shell"},
      {"run.bash", "shell"},
      {"a.zsh", "shell"},
      {"a.ps1", "powershell"},
      {"a.lua", "lua"},
      {"a.R", "r"},
      {"a.jl", "julia"},
      {"a.ex", "elixir"},
      {"a.exs", "elixir"},
      {"a.erl", "erlang"},
      {"a.hs", "haskell"},
      {"a.ml", "ocaml"},
      {"a.fs", "fsharp"},
      {"a.clj", "clojure"},
      {"a.lisp", "lisp"},
      {"init.el", "lisp"},
      {"q.sql", "sql"},
      {"a.yaml", "yaml"},
      {".github/ci.yml", "yaml"},
      {"pyproject.toml", "toml"},
      {"a.ini", "ini"},
      {"setup.cfg", "ini"},
      {"package.json", "json"},
      {"pom.xml", "xml"},
      {"index.html", "html"},
      {"a.htm", "html"},
      {"a.css", "css"},
      {"a.scss", "scss"},
      {"README.md", "markdown"},
      {"index.rst", "rst"},
      {"rules.mk", "makefile"},
      {"Find.cmake", "cmake"},
      {"main.tf", "terraform"},
      {"api.proto", "protobuf"},
      {"plugin.vim", "vim"},
      {"paper.tex", "tex"},
      {"boot.S", "asm"},
      {"boot.asm", "asm"},
      {"a.zig", "zig"},
      {"a.nim", "nim"},
      {"App.vue", "vue"},
      {"App.svelte", "svelte"},
      {"MAIN.C", "c"},
      {"Makefile.am", ""},
  };
  for (const auto& [path, language] : cases) EXPECT_EQ(guess_language(path), language) << path;
}

TEST(GuessLanguage, WellKnownNames) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"Makefile", "makefile"},
      {"src/GNUmakefile", "makefile"},
      {"makefile", "makefile"},
      {"CMakeLists.txt", "cmake"},
      {"sub/CMakeLists.txt", "cmake"},
      {"Dockerfile", "dockerfile"},
      {"Dockerfile.dev", "dockerfile"},
      {"ci/api.dockerfile", "dockerfile"},
      {"Containerfile", "dockerfile"},
      {"Gemfile", "ruby"},
      {"Rakefile", "ruby"},
      {".bashrc", "shell"},
      {"home/.zshrc", "shell"},
      {".profile", "shell"},
      {".vimrc", "vim"},
      {"Jenkinsfile", "groovy"},
      {"Pipfile", "toml"},
      {".editorconfig", "ini"},
  };
  for (const auto& [path, language] : cases) EXPECT_EQ(guess_language(path), language) << path;
}

TEST(GuessLanguage, UnknownNamesGiveEmpty) {
  for (const char* path : {"LICENSE", "notes.txt", "image.png", ".gitignore", "archive.tar.gz", "trailing.",
                           "", "dir.py/README"}) {
    EXPECT_EQ(guess_language(path), "") << path;
  }
}

}  // namespace
}  // namespace assay::repo
