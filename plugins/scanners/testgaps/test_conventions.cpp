#include "test_conventions.h"

#include <algorithm>
#include <array>

namespace assay::testgaps {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::string_view base_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view directory(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash + 1);
}

std::string_view stem(std::string_view name) {
  const size_t dot = name.find('.');
  return dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot);
}

std::string_view extension(std::string_view name) {
  const size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
}

bool in_test_directory(std::string_view path) {
  const std::string p = "/" + lower(path);
  for (std::string_view dir : {"/tests/", "/test/", "/__tests__/", "/spec/", "/testing/", "/src/test/"})
    if (p.find(dir) != std::string::npos) return true;
  return false;
}

// "test_parser" / "parser_test" / "parser_unittest" -> "parser": one affix.
std::string without_test_affixes(std::string name) {
  if (name.size() > 5 && name.starts_with("test_")) return name.substr(5);
  for (std::string_view suffix : {"_unittest", "_tests", "_test", "_spec"})
    if (name.size() > suffix.size() && name.ends_with(suffix))
      return name.substr(0, name.size() - suffix.size());
  return name;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// XTest, XTests, XIT, TestX (Java and Kotlin class names).
bool is_jvm_test_name(std::string_view class_name) {
  return (class_name.size() > 4 && (class_name.ends_with("Test") || class_name.ends_with("Tests"))) ||
         (class_name.size() > 2 && class_name.ends_with("IT") &&
          !is_upper(class_name[class_name.size() - 3])) ||
         (class_name.size() > 4 && class_name.starts_with("Test") && is_upper(class_name[4]));
}

constexpr std::array<std::string_view, 4> kCExtensions = {"c", "cc", "cpp", "cxx"};
constexpr std::array<std::string_view, 6> kJsExtensions = {"js", "jsx", "ts", "tsx", "mjs", "cjs"};

}  // namespace

bool has_conventions(std::string_view language) {
  for (std::string_view l :
       {"python", "go", "javascript", "typescript", "rust", "java", "kotlin", "c", "cpp"})
    if (language == l) return true;
  return false;
}

bool is_test_file(std::string_view path) {
  if (in_test_directory(path)) return true;
  const std::string_view original = base_name(path);
  const std::string_view ext = extension(original);
  if (ext == "java" || ext == "kt") return is_jvm_test_name(stem(original));
  const std::string name = lower(original);
  const std::string s(stem(name));
  return s.starts_with("test_") || s.ends_with("_test") || s.ends_with("_tests") ||
         s.ends_with("_unittest") || name.find(".test.") != std::string::npos ||
         name.find(".spec.") != std::string::npos;
}

TestIndex::TestIndex(const std::vector<std::string>& paths) {
  for (const auto& path : paths) {
    const std::string p = lower(path);
    paths_.insert(p);
    names_.insert(std::string(base_name(p)));
    if (in_test_directory(p) || is_test_file(path))
      tested_stems_.insert(without_test_affixes(std::string(stem(base_name(p)))));
  }
}

bool TestIndex::has_test(std::string_view path, std::string_view language, std::string_view content) const {
  return has_test_given(path, language, language == "rust" && has_inline_tests(content));
}

bool TestIndex::has_inline_tests(std::string_view content) {
  return content.find("#[cfg(test)]") != std::string_view::npos || content.find("#[test]") != std::string_view::npos;
}

bool TestIndex::has_test_given(std::string_view path, std::string_view language, bool inline_tests) const {
  const std::string name = lower(base_name(path));
  const std::string s(stem(name));
  auto named = [&](const std::string& candidate) { return names_.count(candidate) > 0; };
  if (language == "python")
    return named("test_" + s + ".py") || named(s + "_test.py") || tested_stems_.count(s) > 0;
  if (language == "go") return paths_.count(lower(directory(path)) + s + "_test.go") > 0;
  if (language == "javascript" || language == "typescript") {
    for (auto ext : kJsExtensions)
      if (named(s + ".test." + std::string(ext)) || named(s + ".spec." + std::string(ext))) return true;
    return tested_stems_.count(s) > 0;
  }
  if (language == "rust")
    return inline_tests || tested_stems_.count(s) > 0;
  if (language == "java" || language == "kotlin") {
    for (std::string_view ext : {"java", "kt"})
      for (const std::string& candidate : {s + "test", s + "tests", "test" + s, s + "it"})
        if (named(candidate + "." + std::string(ext))) return true;
    return false;
  }
  if (language == "c" || language == "cpp") {
    for (auto ext : kCExtensions) {
      const std::string e(ext);
      if (named(s + "_test." + e) || named(s + "_unittest." + e) || named(s + "_tests." + e) ||
          named("test_" + s + "." + e) || named(s + ".test." + e))
        return true;
    }
    return tested_stems_.count(s) > 0;
  }
  return true;
}

std::string TestIndex::expected_tests(std::string_view path, std::string_view language) {
  const std::string s(stem(base_name(path)));
  if (language == "python") return "test_" + s + ".py or " + s + "_test.py";
  if (language == "go") return std::string(directory(path)) + s + "_test.go";
  if (language == "javascript" || language == "typescript")
    return s + ".test.* or " + s + ".spec.* (or " + s + " under __tests__/)";
  if (language == "rust") return "#[cfg(test)] in the file, or tests/" + s + ".rs";
  if (language == "java" || language == "kotlin") return s + "Test, " + s + "Tests or Test" + s;
  return s + "_test.*, " + s + "_unittest.* or test_" + s + ".* (or " + s + " under tests/)";
}

}  // namespace assay::testgaps
