// What the comments and string literals of one language look like: the data
// the comment lexer is driven by. One Syntax per language id; the table lives
// in syntax_table.cpp.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace assay::markers {

// What a comment is to the reader: an ordinary line or block comment, or
// documentation (/** */, ///, Python docstrings, POD, ...).
enum class CommentKind : uint8_t { line, block, doc };

// Where on its line a delimiter may start to count.
enum class Placement : uint8_t {
  anywhere,
  word_start,   // at line start or after whitespace or one of ;|&() (shell's #)
  token_start,  // at line start or after whitespace or one of :-[{,= (YAML's quotes)
  after_space,  // at line start or after whitespace (YAML's #)
  line_start    // only whitespace before it on its line (Dockerfile's #, INI's ;)
};

// Whether a backslash at the end of a line comment carries the comment onto
// the next line.
enum class LineSplice : uint8_t {
  none,
  backslash,       // C preprocessor: any backslash, even with blanks before the newline
  odd_backslashes  // make: a backslash not itself escaped by a backslash
};

struct LineCommentSyntax {
  std::string_view prefix;
  CommentKind kind = CommentKind::line;
  Placement placement = Placement::anywhere;
  // After the prefix (and repeats of its last character), none of these may
  // follow: Haskell's "-->" is an operator, not a comment.
  std::string_view not_followed_by = {};
  // None of these may come directly before the prefix: Perl's $#array.
  std::string_view not_preceded_by = {};
  bool escapable = false;          // a backslash before the prefix cancels it (TeX's \%)
  bool case_insensitive = false;   // REM
  bool needs_space_after = false;  // REM must be a word of its own
  LineSplice splice = LineSplice::none;
};

struct BlockCommentSyntax {
  std::string_view open;
  std::string_view close;
  CommentKind kind = CommentKind::block;
  bool nests = false;
  // None of these may follow the opener: "/**/" is an empty plain comment,
  // not documentation, and F#'s "(*)" is an operator.
  std::string_view not_followed_by = {};
  // Open and close count only at the start of a line (Ruby =begin/=end, POD).
  bool line_start_only = false;
};

struct StringSyntax {
  std::string_view open;
  std::string_view close;
  char escape = '\\';                  // 0: no escape character
  bool doubled_close_escapes = false;  // SQL 'it''s', VB "say ""hi"""
  bool multiline = false;              // otherwise an unterminated literal ends at the newline
  // Openers of embedded code ("${", "#{", "\\(", "$("); the code runs to the
  // bracket matching the opener's last character and may hold further strings.
  std::string_view interpolation = {};
  std::string_view interpolation2 = {};
  Placement placement = Placement::anywhere;
  // A character literal: exactly one code point or one escape sequence
  // between the quotes; anything else leaves the quote as ordinary code, so
  // Rust lifetimes and C++14 digit separators do not open a literal.
  bool char_literal = false;
};

// Heredoc dialects: how the opener is written and how its terminator line looks.
enum class HeredocStyle : uint8_t { none, shell, ruby, perl, php, terraform };

// Regions of markup that hold another language (<script>, <style>).
enum class MarkupStyle : uint8_t { none, html };

struct Syntax {
  std::string_view language;
  std::vector<LineCommentSyntax> line_comments;    // tried in order: longest first
  std::vector<BlockCommentSyntax> block_comments;  // tried in order, before line comments
  std::vector<StringSyntax> strings;               // tried in order: longest first

  // Long brackets [[ ]] / [==[ ]==]: a string on their own, a comment after
  // this prefix (Lua "--", CMake "#"). Empty: the language has none.
  std::string_view long_bracket_comment = {};
  bool long_bracket_strings = false;

  bool cpp_raw_strings = false;        // R"delim( ... )delim"
  bool rust_raw_strings = false;       // r"...", r#"..."#, br#"..."#
  bool swift_raw_strings = false;      // #"..."#, #"""..."""#
  bool csharp_raw_strings = false;     // """ ... """ with three or more quotes
  bool python_strings = false;         // prefixes r b u f, docstrings, bracket tracking
  bool regex_literals = false;         // /.../ where an operand is expected (JS, Ruby, Perl)
  bool perl_quote_like = false;        // q qq qw qr m s tr y with any delimiters
  bool ruby_percent_literals = false;  // %q() %w[] %r{} %()
  bool elixir_sigils = false;          // ~r/.../ ~s(...) ~S"""..."""
  bool data_end = false;               // __END__ / __DATA__ at line start ends the code
  bool rst_comments = false;           // reStructuredText ".. " comment blocks
  // A character literal introduced by this prefix, covering exactly one
  // following character: Erlang $", Elixir ?", Clojure \", Lisp #\".
  std::string_view char_prefix = {};
  // A string running to the end of the line (Zig's \\ multiline strings).
  std::string_view line_string_prefix = {};
  HeredocStyle heredoc = HeredocStyle::none;
  MarkupStyle markup = MarkupStyle::none;
  // Makefile: recipe lines (led by a TAB after a rule line) and the recipe
  // after a rule's ';' are shell commands, lexed with the shell syntax.
  bool makefile_recipes = false;
};

// The syntax for a language id, or nullptr when the language has no comments
// this lexer knows (or the id is unknown).
const Syntax* find_syntax(std::string_view language);

// Every language id find_syntax knows, in table order.
std::vector<std::string_view> known_languages();

}  // namespace assay::markers
