// Reading the header of a brace block: the tokens between the previous
// statement boundary and the '{'. Each reader answers one question about a
// header ("is this a function declared with a keyword?", "a type?") for the
// brace finder, which asks them in order.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "language.h"
#include "tokens.h"

namespace assay::structure {

// What encloses a block: it decides which readings a header can have.
enum class Scope : uint8_t {
  declarations,  // the file, a namespace: functions and types
  type,          // a class, struct, trait, impl body: methods
  code,          // a function body (and blocks inside it)
  expression     // an object literal, an initializer, an argument list
};

// Tokens [begin, end) before a '{' (end is the brace); `stop` is the
// punctuation that ended the backward walk (';', '}', '{', '(', '[', ','),
// 'd' for a preprocessor directive, 'n' for a line break that ends a
// statement, '\0' for the start of the file.
struct Header {
  size_t begin = 0;
  size_t end = 0;
  char stop = '\0';
};

// Where a header's declaration starts (`decl`: labels stripped, attributes
// and annotations kept) and where reading it starts (`begin`: attributes and
// annotations skipped as well).
struct Span {
  size_t begin = 0;
  size_t decl = 0;
};

struct NameMatch {
  std::string name;
  std::string container;
  bool has_container = false;  // the declaration names its container (Go receiver)
  bool anonymous = false;      // a function without a name and not bound to one
  size_t name_token = 0;
  size_t decl_begin = 0;
};

struct TypeMatch {
  std::string name;  // empty for anonymous types and namespaces
  bool is_namespace = false;
};

class HeaderReader {
 public:
  HeaderReader(const TokenList& tokens, const Language& language);

  // The character of a one-character punctuation token, '\0' otherwise.
  char punct(size_t i) const;

  // Walks back from the '{' at `open`. `in_list`: the brace is an element of
  // an argument list or object literal, so a ',' also ends its header.
  Header header_before(size_t open, bool in_list) const;
  Span strip_prefixes(size_t begin, size_t end) const;

  bool is_control_word(size_t i) const;
  // An initializer or object literal: "x = {", "return {", "key: {".
  bool is_expression_header(size_t begin, size_t end) const;
  // Java's "new Runnable() {": the anonymous class's base name.
  std::optional<std::string> anonymous_class_name(size_t begin, size_t end) const;
  // A function introduced by its language's keyword (func, fn, fun, def,
  // function, sub; Swift init/deinit/subscript, Kotlin constructor/init).
  std::optional<NameMatch> keyword_function(const Span& span, size_t end, Scope scope) const;
  // An arrow function or lambda (=> ->, C++ [captures], Rust |args|).
  std::optional<NameMatch> lambda(size_t begin, size_t end, Scope scope) const;
  std::optional<TypeMatch> type_header(size_t begin, size_t end) const;
  // "type name(params) qualifiers" (C, C++, Java, C#, D, Dart, Groovy; JS
  // and TS methods in class bodies and object literals; Objective-C methods).
  std::optional<NameMatch> c_like_function(const Span& span, size_t end, Scope scope) const;
  // K&R C: "int f(a, b) int a; int b; {" where the header before the brace
  // is empty because the parameter declarations end in ';'.
  std::optional<NameMatch> knr_function(size_t open) const;
  // Shell: "name() {", "function name {", "function name() {".
  std::optional<NameMatch> shell_function(size_t open) const;

 private:
  std::string_view text(size_t i) const;
  std::string_view word(size_t i) const;
  bool adjacent(size_t i, size_t j) const;
  size_t next_top(size_t i, size_t end) const;
  size_t skip_angles(size_t i, size_t end) const;
  bool asi_break(size_t p) const;
  bool annotation_ends_at(size_t q) const;
  size_t name_token_before(size_t group, size_t begin) const;
  size_t operator_before(size_t group, size_t begin) const;
  std::optional<NameMatch> bound_name(size_t begin, size_t start, Scope scope) const;
  std::optional<NameMatch> named_or_anonymous(size_t begin, size_t start, Scope scope) const;
  std::optional<NameMatch> swift_or_kotlin_special(const Span& span, size_t end) const;
  std::optional<NameMatch> objc_method(size_t begin, size_t end) const;
  std::string type_name_after(size_t keyword, size_t end) const;
  std::string joined(size_t first, size_t last) const;

  const TokenList& t_;
  Language language_;
  Lang lang_;
};

}  // namespace assay::structure
