// The structure of one source file without a compiler: its functions (or,
// for languages without functions, its top-level indentation blocks), their
// extent, nesting and complexity, and the text a caller needs to judge a
// function's body (its statements without comments, and the comments in and
// above it). Built on the markers comment lexer, so braces, keywords and
// indentation inside comments and string literals never count as code.
//
// A static library for scanner plugins (hotspots, placeholders); it is not
// part of the host or of the SDK. Heuristic by design: it reads declarations
// the way they are conventionally written and errs towards finding fewer,
// surer functions. Analysis is linear in the size of the file (headers,
// nesting and generic argument lists are read within fixed bounds), about
// 10-20 MB/s on one core. A FileStructure is immutable: reading it from
// several threads at once is safe.
//
// Units per language family:
// - brace languages (c cpp objc csharp java kotlin scala groovy swift go
//   rust dart javascript typescript php d zig perl powershell r shell):
//   named functions and methods, constructors, C++ lambdas / JS arrow
//   functions / function expressions bound to a name ("const f = () => {}"
//   is a function "f"). Anonymous lambdas and callbacks are not functions
//   of their own: their lines belong to the enclosing function. Functions
//   without a braced body are not found: declarations, and expression
//   bodies ("=> expr" in C#, JS, Dart; "= expr" in Scala, Kotlin).
//   C/C++/C#/Objective-C preprocessor conditionals: only the first branch
//   of #if/#else is read, so braces stay balanced.
// - indentation languages (python, nim): def/async def/class (proc, func,
//   method, iterator, template, macro for nim), decorators included.
// - keyword-end languages (ruby, lua, elixir, julia): def/function ... end
//   (not one-line forms: Ruby's endless "def f = x", Elixir's ", do: x",
//   Julia's "f(x) = x").
// - every other language (and unknown ids, read as plain text): top-level
//   indentation blocks: a line at the file's base indentation with the
//   deeper lines after it, or a run of consecutive base lines.
//
// Use (link assay_code_structure):
//   const FileStructure fs = FileStructure::analyze(text, "python");
//   for (const Function& f : fs.functions()) {
//     const std::vector<Statement> body = fs.body_statements(f);
//     bool stand_in = body.size() == 1 && body[0].text == "pass";
//     for (const markers::CommentLine& c : fs.comments_above(f)) ...;
//     report(f.first_line, f.last_line, f.qualified_name(), f.complexity.cyclomatic());
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "comment.h"

namespace assay::structure {

enum class UnitKind : uint8_t { function, block };

// Complexity of a range of lines, without a compiler.
struct Complexity {
  uint32_t lines = 0;       // length: last line - first line + 1
  uint32_t code_lines = 0;  // lines holding code (not blank, not only comment)
  // Indentation-based complexity (Tornhill, "Your Code as a Crime Scene"):
  // the sum of the logical indentation levels of the code lines. Levels are
  // leading whitespace (a tab advances to the next multiple of 4 columns)
  // divided by the file's indentation unit, the most frequent step between
  // consecutive code lines (2, 3, 4, ... columns). For a function, levels
  // are counted relative to the function's first line. Lines that begin
  // inside a multi-line string continue a statement and are not counted.
  uint32_t indentation = 0;
  uint32_t max_indentation = 0;  // deepest level of a code line
  // Decision points: if, else if, for, while, case, catch, &&, ||, ?:
  // (C family; plus foreach, guard, elseif, and/or in PHP, Rust match arms),
  // or if, elif, for, while, except, and, or, case (Python, including the
  // if and for of comprehensions and conditional expressions). Counted only
  // where `counts_decisions` is true.
  uint32_t decisions = 0;
  bool counts_decisions = false;

  // McCabe's cyclomatic complexity: decisions + 1.
  uint32_t cyclomatic() const { return decisions + 1; }
};

struct Function {
  UnitKind kind = UnitKind::function;
  // As declared: "parse", "Foo::bar", "operator==", "~Widget", "init",
  // "setName:age:" (Objective-C selectors). For a function expression bound
  // to a name, that name ("handler", "module.exports.run"). For a block, its
  // first line, trimmed and cut to at most 60 bytes.
  std::string name;
  // The enclosing class, struct, interface, trait, impl target, object or
  // extension; a Go method's receiver type; a Kotlin extension's receiver.
  // Empty for free functions and blocks.
  std::string container;
  uint32_t first_line = 0;  // 1-based; decorators, annotations and template headers included
  uint32_t name_line = 0;   // the line of the name
  uint32_t last_line = 0;   // inclusive: the closing brace, `end`, or last body line
  // The body's text [body_begin, body_end) as byte offsets into the file:
  // between the braces (brace languages), from after the header's ':' to the
  // end of the last body line (Python), between the signature and `end`.
  // body_first_line / body_last_line are the lines of those two offsets.
  size_t body_begin = 0;
  size_t body_end = 0;
  uint32_t body_first_line = 0;
  uint32_t body_last_line = 0;
  // Number of enclosing functions: 0 for free functions and methods.
  // Functions nested more than 64 deep are not reported; their lines count
  // for the function enclosing them.
  uint32_t depth = 0;
  int32_t parent = -1;  // index of the innermost enclosing function, -1 when none
  // Of all lines first_line..last_line, nested functions included.
  Complexity complexity;

  // "container.name", or the name alone.
  std::string qualified_name() const;
};

// One statement of a function body, comments removed: runs of whitespace
// (line breaks included) collapsed to one space, trimmed, without the
// terminating ';'. String literals are kept as written. A compound
// statement is one statement with its nested block ("if (x) { return 1; }";
// Python "if x: return 1").
struct Statement {
  uint32_t line = 0;  // line of its first code character
  std::string text;
};

// Everything analyze() found in one file. It views the text it was given:
// valid only while that buffer is.
class FileStructure {
 public:
  // Analyses `text` as `language` (a language id of the markers lexer, such
  // as "cpp", "python", "yaml"). An id the lexer does not know is read as
  // plain text: no comments, no strings, indentation blocks. Never throws on
  // malformed input: unbalanced braces close at the end of the file.
  static FileStructure analyze(std::string_view text, std::string_view language);

  std::string_view language() const { return language_; }
  // Whether the units are functions (brace, indentation and keyword-end
  // languages) or indentation blocks.
  UnitKind unit_kind() const { return unit_kind_; }
  // In the order of their first lines; nested functions follow their parent.
  const std::vector<Function>& functions() const { return functions_; }
  // Of the whole file (levels absolute, not relative).
  const Complexity& complexity() const { return complexity_; }
  uint32_t line_count() const;

  // The top-level statements of the function's body. Empty for an empty
  // body or one holding only comments (and, in Python, docstrings).
  std::vector<Statement> body_statements(const Function& function) const;
  // The comment lines within first_line..last_line of the function (those
  // of nested functions too), docstrings included, in order.
  std::vector<markers::CommentLine> comments_in(const Function& function) const;
  // The comment lines directly above the function: the comments ending on
  // the line before first_line, and the comments right above those, with no
  // blank or code line between them.
  std::vector<markers::CommentLine> comments_above(const Function& function) const;
  // The text of lines first..last (1-based, inclusive), line breaks kept.
  std::string_view lines_text(uint32_t first, uint32_t last) const;

  FileStructure(FileStructure&&) noexcept;
  FileStructure& operator=(FileStructure&&) noexcept;
  ~FileStructure();

 private:
  struct Detail;  // the lexed and tokenized file, kept for the accessors
  FileStructure();

  std::string language_;
  UnitKind unit_kind_ = UnitKind::block;
  std::vector<Function> functions_;
  Complexity complexity_;
  std::unique_ptr<Detail> detail_;
};

}  // namespace assay::structure
