#include "public_modules.h"

#include <algorithm>
#include <map>
#include <set>

namespace assay::docs {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::string parent(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::string base_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string stem(std::string_view name) {
  const size_t dot = name.find('.');
  return std::string(dot == std::string_view::npos ? name : name.substr(0, dot));
}

bool has_segment(std::string_view path, std::string_view segment) {
  const std::string p = "/" + std::string(path) + "/";
  return p.find("/" + std::string(segment) + "/") != std::string::npos;
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

bool contains_word(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (size_t i = text.find(word); i != std::string_view::npos; i = text.find(word, i + 1)) {
    const bool starts = i == 0 || !is_word_char(text[i - 1]);
    const size_t end = i + word.size();
    const bool ends = end >= text.size() || !is_word_char(text[end]);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

std::vector<PublicModule> public_modules(const std::vector<std::string>& paths,
                                         const scanners::GlobList& excluded) {
  std::set<std::string> files(paths.begin(), paths.end());
  std::map<std::string, PublicModule> modules;  // by path
  auto add = [&](const std::string& path, const std::string& name, const char* language) {
    if (name.empty() || excluded.matches(path + "/") || excluded.matches(path)) return;
    modules.emplace(path, PublicModule{name, path, language});
  };
  for (const auto& path : paths) {
    if (excluded.matches(path)) continue;
    const std::string name = base_name(path);
    const std::string dir = parent(path);
    if (name == "__init__.py" && !dir.empty() &&
        !files.count(parent(dir) + (parent(dir).empty() ? "" : "/") + "__init__.py"))
      add(dir, base_name(dir), "python");
    if (path.ends_with(".go") && !path.ends_with("_test.go") && !has_segment(path, "internal") &&
        !has_segment(path, "testdata"))
      add(dir.empty() ? "." : dir, dir.empty() ? "" : base_name(dir), "go");
    if (name == "Cargo.toml" && !dir.empty()) add(dir, base_name(dir), "rust");
    if (path.ends_with(".rs") && base_name(dir) == "src" && name != "main.rs" && name != "lib.rs")
      add(path, stem(name), "rust");
    if (name == "mod.rs" && base_name(parent(dir)) == "src") add(dir, base_name(dir), "rust");
    if (name == "package.json" && !dir.empty() && !has_segment(path, "node_modules"))
      add(dir, base_name(dir), "javascript");
    if (has_segment(path, "include")) {
      const std::string ext =
          lower(name.substr(name.find('.') == std::string::npos ? name.size() : name.find('.')));
      if (ext == ".h" || ext == ".hpp" || ext == ".hh" || ext == ".hxx") add(path, stem(name), "cpp");
    }
  }
  std::vector<PublicModule> out;
  for (auto& [path, module] : modules) out.push_back(std::move(module));
  return out;
}

bool is_mentioned(std::string_view docs_text_lower, const PublicModule& module) {
  return contains_word(docs_text_lower, lower(module.name)) ||
         contains_word(docs_text_lower, lower(module.path));
}

}  // namespace assay::docs
