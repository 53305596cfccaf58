#include "words.h"

#include <algorithm>
#include <initializer_list>

namespace assay::structure {
WordSet::WordSet(std::initializer_list<std::string_view> words) : words_(words) {
  std::sort(words_.begin(), words_.end());
  for (std::string_view w : words_) {
    if (w.empty() || w.size() >= 64) continue;
    lengths_[static_cast<unsigned char>(w[0])] |= uint64_t{1} << w.size();
  }
}

bool WordSet::contains(std::string_view word) const {
  if (word.empty() || word.size() >= 64) return false;
  if (!(lengths_[static_cast<unsigned char>(word[0])] >> word.size() & 1)) return false;
  return std::binary_search(words_.begin(), words_.end(), word);
}

bool is_control_keyword(std::string_view word) {
  static const WordSet kWords{"if",   "else",   "elif",   "elsif", "elseif",  "for",    "foreach", "while",
                              "do",   "switch", "try",    "catch", "finally", "loop",   "match",   "select",
                              "when", "guard",  "repeat", "defer", "until",   "unless", "with"};
  return kWords.contains(word);
}

bool is_reserved_name(std::string_view word) {
  static const WordSet kWords{
      "return",       "sizeof",     "alignof",  "typeof",   "decltype", "new",       "delete",
      "throw",        "await",      "yield",    "in",       "is",       "as",        "not",
      "and",          "or",         "function", "func",     "fn",       "fun",       "def",
      "sub",          "lambda",     "super",    "this",     "base",     "assert",    "static_assert",
      "synchronized", "using",      "lock",     "fixed",    "checked",  "unchecked", "__attribute__",
      "__declspec",   "alignas",    "noexcept", "requires", "typeid",   "defined",   "case",
      "goto",         "instanceof", "void",     "var",      "let",      "const",     "struct",
      "class",        "enum",       "union"};
  return is_control_keyword(word) || kWords.contains(word);
}

bool is_modifier(std::string_view word) {
  static const WordSet kWords{
      "public",       "private",  "protected", "internal",    "static",    "final",       "abstract",
      "sealed",       "open",     "override",  "virtual",     "inline",    "extern",      "export",
      "default",      "async",    "const",     "constexpr",   "consteval", "explicit",    "friend",
      "unsafe",       "pub",      "suspend",   "tailrec",     "operator",  "infix",       "data",
      "inner",        "lateinit", "readonly",  "declare",     "get",       "set",         "let",
      "var",          "val",      "my",        "our",         "local",     "fileprivate", "mutating",
      "nonisolated",  "dynamic",  "required",  "convenience", "lazy",      "weak",        "transient",
      "synchronized", "native",   "strictfp",  "partial",     "new",       "implicit",    "noinline",
      "crossinline",  "reified",  "expect",    "actual",      "external",  "annotation",  "enum",
      "value",        "sync"};
  return kWords.contains(word);
}

bool is_attribute_word(std::string_view word) {
  static const WordSet kWords{"__attribute__", "__declspec", "alignas",  "_Alignas",     "decltype",
                              "noexcept",      "throw",      "requires", "typeof",       "__typeof__",
                              "sizeof",        "asm",        "__asm__",  "static_assert"};
  return kWords.contains(word);
}

bool is_trailing_qualifier(std::string_view word) {
  static const WordSet kWords{"const",   "volatile",   "noexcept", "override",      "final", "throws",
                              "throw",   "where",      "requires", "async",         "sync",  "mutable",
                              "extends", "implements", "with",     "__attribute__", "try",   "rethrows"};
  return kWords.contains(word);
}

bool is_statement_word(std::string_view word) {
  static const WordSet kWords{"return",     "new",      "delete", "throw",        "goto", "case",
                              "await",      "yield",    "typeof", "sizeof",       "in",   "of",
                              "instanceof", "function", "and",    "or",           "not",  "is",
                              "as",         "using",    "lock",   "synchronized", "fixed"};
  return is_control_keyword(word) || kWords.contains(word);
}

bool is_infix_word(std::string_view word) {
  static const WordSet kWords{"in", "of", "instanceof", "as", "is", "and", "or", "not"};
  return kWords.contains(word);
}

bool is_function_keyword(Lang lang, std::string_view word) {
  switch (lang) {
    case Lang::go:
      return word == "func";
    case Lang::rust:
    case Lang::zig:
      return word == "fn";
    case Lang::kotlin:
      return word == "fun";
    case Lang::swift:
      return word == "func";
    case Lang::scala:
    case Lang::groovy:
      return word == "def";
    case Lang::php:
    case Lang::javascript:
    case Lang::typescript:
    case Lang::r:
      return word == "function";
    case Lang::perl:
      return word == "sub";
    case Lang::powershell:
      return word == "function" || word == "filter";
    default:
      return false;
  }
}

bool is_type_keyword(Lang lang, std::string_view word) {
  if (word == "enum") return lang != Lang::go && lang != Lang::zig;
  if (word == "class")
    return lang != Lang::c && lang != Lang::go && lang != Lang::rust && lang != Lang::zig &&
           lang != Lang::perl;
  if (word == "struct")
    return lang == Lang::c || lang == Lang::cpp || lang == Lang::objc || lang == Lang::csharp ||
           lang == Lang::go || lang == Lang::rust || lang == Lang::swift || lang == Lang::d ||
           lang == Lang::zig;
  if (word == "union")
    return lang == Lang::c || lang == Lang::cpp || lang == Lang::objc || lang == Lang::d ||
           lang == Lang::rust || lang == Lang::zig;
  if (word == "interface")
    return lang == Lang::java || lang == Lang::csharp || lang == Lang::kotlin || lang == Lang::typescript ||
           lang == Lang::php || lang == Lang::go || lang == Lang::dart || lang == Lang::groovy ||
           lang == Lang::d;
  if (word == "trait")
    return lang == Lang::rust || lang == Lang::scala || lang == Lang::php || lang == Lang::groovy;
  if (word == "impl") return lang == Lang::rust;
  if (word == "object") return lang == Lang::kotlin || lang == Lang::scala;
  if (word == "extension") return lang == Lang::swift || lang == Lang::dart;
  if (word == "protocol") return lang == Lang::swift;
  if (word == "record") return lang == Lang::java || lang == Lang::csharp;
  if (word == "mixin") return lang == Lang::dart;
  return is_namespace_keyword(lang, word);
}

bool is_namespace_keyword(Lang lang, std::string_view word) {
  if (word == "namespace")
    return lang == Lang::cpp || lang == Lang::csharp || lang == Lang::typescript || lang == Lang::php;
  if (word == "module") return lang == Lang::typescript;
  if (word == "mod") return lang == Lang::rust;
  if (word == "package") return lang == Lang::perl;
  return false;
}

}  // namespace assay::structure
