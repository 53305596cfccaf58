// The comment and string syntax of every language id the host assigns, plus
// a few ids (d, vb, batch) reachable through the plugin's `languages` map.
// Entries are approximations where a full parser would be needed (Perl,
// Ruby); they err towards treating text as string, since a marker inside a
// string must never become a finding.
#include <algorithm>

#include "syntax.h"

namespace assay::markers {
namespace {

using CK = CommentKind;

LineCommentSyntax line(std::string_view prefix, CK kind = CK::line,
                       Placement placement = Placement::anywhere) {
  return LineCommentSyntax{.prefix = prefix, .kind = kind, .placement = placement};
}

BlockCommentSyntax block(std::string_view open, std::string_view close, CK kind = CK::block,
                         bool nests = false, std::string_view not_followed_by = {}) {
  return BlockCommentSyntax{
      .open = open, .close = close, .kind = kind, .nests = nests, .not_followed_by = not_followed_by};
}

StringSyntax quoted(std::string_view quote, bool multiline = false, std::string_view interpolation = {}) {
  return StringSyntax{.open = quote, .close = quote, .multiline = multiline, .interpolation = interpolation};
}

StringSyntax raw_quoted(std::string_view open, std::string_view close, bool multiline = true) {
  return StringSyntax{.open = open, .close = close, .escape = 0, .multiline = multiline};
}

StringSyntax doubled(std::string_view quote, bool multiline = false) {
  return StringSyntax{
      .open = quote, .close = quote, .escape = 0, .doubled_close_escapes = true, .multiline = multiline};
}

StringSyntax char_literal() { return StringSyntax{.open = "'", .close = "'", .char_literal = true}; }

// C, C++, Java, C#, ... : // and /* */ with Doxygen/Javadoc documentation forms.
Syntax c_family(std::string_view id) {
  Syntax s;
  s.language = id;
  s.line_comments = {line("///", CK::doc), line("//!", CK::doc), line("//")};
  s.block_comments = {block("/**", "*/", CK::doc, false, "/"), block("/*!", "*/", CK::doc),
                      block("/*", "*/")};
  s.strings = {quoted("\""), char_literal()};
  return s;
}

// Kotlin, Scala, Swift, Rust, Dart, D: block comments nest.
Syntax c_family_nested(std::string_view id) {
  Syntax s = c_family(id);
  for (auto& b : s.block_comments) b.nests = true;
  return s;
}

Syntax hash_comments(std::string_view id, Placement placement = Placement::anywhere) {
  Syntax s;
  s.language = id;
  s.line_comments = {line("#", CK::line, placement)};
  return s;
}

Syntax markup_comments(std::string_view id) {
  Syntax s;
  s.language = id;
  s.block_comments = {block("<!--", "-->")};
  return s;
}

// C, C++ and Objective-C run the preprocessor, which splices a line ending
// in a backslash onto the next before comments are recognised.
Syntax c_preprocessed(std::string_view id) {
  Syntax s = c_family(id);
  for (auto& l : s.line_comments) l.splice = LineSplice::backslash;
  return s;
}

Syntax make_cpp() {
  Syntax s = c_preprocessed("cpp");
  s.cpp_raw_strings = true;
  return s;
}

Syntax make_csharp() {
  Syntax s = c_family("csharp");
  s.csharp_raw_strings = true;
  s.strings = {doubled("$@\"", true), doubled("@$\"", true), doubled("@\"", true), quoted("\""),
               char_literal()};
  s.strings[0].close = s.strings[1].close = s.strings[2].close = "\"";
  return s;
}

Syntax make_java() {
  Syntax s = c_family("java");
  s.strings.insert(s.strings.begin(), quoted("\"\"\"", true));
  return s;
}

Syntax make_kotlin_like(std::string_view id) {
  Syntax s = c_family_nested(id);
  StringSyntax triple = raw_quoted("\"\"\"", "\"\"\"");
  triple.interpolation = "${";
  s.strings = {triple, quoted("\"", false, "${"), char_literal()};
  return s;
}

Syntax make_groovy() {
  Syntax s = c_family("groovy");
  s.strings = {quoted("'''", true), quoted("\"\"\"", true, "${"), quoted("'"), quoted("\"", false, "${")};
  return s;
}

Syntax make_swift() {
  Syntax s = c_family_nested("swift");
  s.swift_raw_strings = true;
  s.strings = {quoted("\"\"\"", true, "\\("), quoted("\"", false, "\\(")};
  return s;
}

Syntax make_go() {
  Syntax s = c_family("go");
  s.strings = {raw_quoted("`", "`"), quoted("\""), char_literal()};
  return s;
}

Syntax make_rust() {
  Syntax s = c_family_nested("rust");
  s.rust_raw_strings = true;
  s.strings = {quoted("\"", true), char_literal()};
  return s;
}

Syntax make_dart() {
  Syntax s = c_family_nested("dart");
  s.strings = {raw_quoted("r'''", "'''"),    raw_quoted("r\"\"\"", "\"\"\""), quoted("'''", true, "${"),
               quoted("\"\"\"", true, "${"), quoted("'", false, "${"),        quoted("\"", false, "${")};
  return s;
}

Syntax make_d() {
  Syntax s = c_family_nested("d");
  s.block_comments.insert(s.block_comments.begin(),
                          {block("/++", "+/", CK::doc, true, "/"), block("/+", "+/", CK::block, true)});
  s.strings = {raw_quoted("`", "`"), raw_quoted("r\"", "\""), quoted("\"", true), char_literal()};
  return s;
}

Syntax make_script(std::string_view id) {
  Syntax s = c_family(id);
  s.strings = {quoted("`", true, "${"), quoted("'"), quoted("\"")};
  s.regex_literals = true;
  return s;
}

Syntax make_php() {
  Syntax s = c_family("php");
  LineCommentSyntax hash = line("#");
  hash.not_followed_by = "[";  // #[Attribute]
  s.line_comments.push_back(hash);
  s.strings = {quoted("'", true), quoted("\"", true)};
  s.heredoc = HeredocStyle::php;
  return s;
}

Syntax make_python() {
  Syntax s = hash_comments("python");
  s.strings = {quoted("\"\"\"", true), quoted("'''", true), quoted("\""), quoted("'")};
  s.python_strings = true;
  return s;
}

Syntax make_ruby() {
  Syntax s = hash_comments("ruby");
  s.block_comments = {BlockCommentSyntax{.open = "=begin", .close = "=end", .line_start_only = true}};
  s.strings = {quoted("\"", true, "#{"), quoted("'", true)};
  s.heredoc = HeredocStyle::ruby;
  s.regex_literals = true;
  s.ruby_percent_literals = true;
  s.data_end = true;
  return s;
}

Syntax make_perl() {
  Syntax s = hash_comments("perl");
  s.line_comments[0].not_preceded_by = "$";
  for (std::string_view open :
       {"=pod", "=head1", "=head2", "=head3", "=head4", "=over", "=item", "=begin", "=for", "=encoding"}) {
    s.block_comments.push_back(
        BlockCommentSyntax{.open = open, .close = "=cut", .kind = CK::doc, .line_start_only = true});
  }
  s.strings = {quoted("\"", true), quoted("'", true)};
  s.heredoc = HeredocStyle::perl;
  s.regex_literals = true;
  s.perl_quote_like = true;
  s.data_end = true;
  return s;
}

Syntax make_shell() {
  Syntax s = hash_comments("shell", Placement::word_start);
  StringSyntax dq = quoted("\"", true, "$(");
  dq.interpolation2 = "${";
  s.strings = {raw_quoted("'", "'"), dq};
  s.heredoc = HeredocStyle::shell;
  return s;
}

Syntax make_powershell() {
  Syntax s = hash_comments("powershell");
  s.block_comments = {block("<#", "#>")};
  StringSyntax dq = quoted("\"", true, "$(");
  dq.escape = '`';
  s.strings = {raw_quoted("@\"", "\n\"@"), raw_quoted("@'", "\n'@"), dq, doubled("'", true)};
  return s;
}

Syntax make_lua() {
  Syntax s;
  s.language = "lua";
  s.line_comments = {line("--")};
  s.long_bracket_comment = "--";
  s.long_bracket_strings = true;
  s.strings = {quoted("\""), quoted("'")};
  return s;
}

Syntax make_r() {
  Syntax s = hash_comments("r");
  s.line_comments.insert(s.line_comments.begin(), line("#'", CK::doc));
  s.strings = {quoted("\"", true), quoted("'", true), raw_quoted("`", "`", false)};
  return s;
}

Syntax make_julia() {
  Syntax s = hash_comments("julia");
  s.block_comments = {block("#=", "=#", CK::block, true)};
  s.strings = {quoted("\"\"\"", true, "$("), quoted("\"", true, "$("), raw_quoted("`", "`"), char_literal()};
  return s;
}

Syntax make_elixir() {
  Syntax s = hash_comments("elixir");
  s.strings = {quoted("\"\"\"", true, "#{"), quoted("'''", true), quoted("\"", true, "#{"),
               quoted("'", true)};
  s.elixir_sigils = true;
  s.char_prefix = "?";
  return s;
}

Syntax make_erlang() {
  Syntax s;
  s.language = "erlang";
  s.line_comments = {line("%")};
  s.strings = {quoted("\"", true), quoted("'")};
  s.char_prefix = "$";
  return s;
}

Syntax make_haskell() {
  Syntax s;
  s.language = "haskell";
  LineCommentSyntax doc = line("-- |", CK::doc);
  LineCommentSyntax plain = line("--");
  plain.not_followed_by = "!#$%&*+./<=>?@\\^|~:";
  s.line_comments = {doc, plain};
  s.block_comments = {block("{-|", "-}", CK::doc, true), block("{-", "-}", CK::block, true)};
  s.strings = {quoted("\""), char_literal()};
  return s;
}

Syntax make_ocaml() {
  Syntax s;
  s.language = "ocaml";
  s.block_comments = {block("(**", "*)", CK::doc, true, ")"), block("(*", "*)", CK::block, true, ")")};
  s.strings = {raw_quoted("{|", "|}"), quoted("\"", true), char_literal()};
  return s;
}

Syntax make_fsharp() {
  Syntax s = make_ocaml();
  s.language = "fsharp";
  s.line_comments = {line("///", CK::doc), line("//")};
  s.strings = {raw_quoted("\"\"\"", "\"\"\""), doubled("@\"", true), quoted("\"", true), char_literal()};
  s.strings[1].close = "\"";
  return s;
}

Syntax make_lisp(std::string_view id, std::string_view char_prefix) {
  Syntax s;
  s.language = id;
  s.line_comments = {line(";")};
  if (id == "lisp") s.block_comments = {block("#|", "|#", CK::block, true)};
  s.strings = {quoted("\"", true)};
  s.char_prefix = char_prefix;
  return s;
}

Syntax make_sql() {
  Syntax s;
  s.language = "sql";
  s.line_comments = {line("--")};
  s.block_comments = {block("/*", "*/")};
  s.strings = {doubled("'", true), doubled("\""), raw_quoted("`", "`", false)};
  return s;
}

Syntax make_yaml() {
  Syntax s = hash_comments("yaml", Placement::after_space);
  s.strings = {doubled("'", true), quoted("\"", true)};
  for (auto& str : s.strings) str.placement = Placement::token_start;
  return s;
}

Syntax make_toml() {
  Syntax s = hash_comments("toml");
  s.strings = {quoted("\"\"\"", true), raw_quoted("'''", "'''"), quoted("\""), raw_quoted("'", "'", false)};
  return s;
}

Syntax make_ini() {
  Syntax s;
  s.language = "ini";
  s.line_comments = {line(";", CK::line, Placement::line_start), line("#", CK::line, Placement::line_start)};
  return s;
}

Syntax make_json() {
  Syntax s;
  s.language = "json";
  s.line_comments = {line("//")};
  s.block_comments = {block("/*", "*/")};
  s.strings = {quoted("\"")};
  return s;
}

Syntax make_xml() {
  Syntax s = markup_comments("xml");
  s.strings = {raw_quoted("<![CDATA[", "]]>")};
  return s;
}

Syntax make_html(std::string_view id) {
  Syntax s = markup_comments(id);
  s.markup = MarkupStyle::html;
  return s;
}

Syntax make_rst() {
  Syntax s;
  s.language = "rst";
  s.rst_comments = true;
  return s;
}

Syntax make_css(std::string_view id) {
  Syntax s;
  s.language = id;
  if (id == "scss") s.line_comments = {line("///", CK::doc), line("//")};
  s.block_comments = {block("/**", "*/", CK::doc, false, "/"), block("/*", "*/")};
  s.strings = {quoted("\""), quoted("'")};
  return s;
}

Syntax make_makefile() {
  Syntax s = hash_comments("makefile");
  s.line_comments[0].escapable = true;
  s.line_comments[0].splice = LineSplice::odd_backslashes;
  s.makefile_recipes = true;
  return s;
}

Syntax make_cmake() {
  Syntax s = hash_comments("cmake");
  s.long_bracket_comment = "#";
  s.long_bracket_strings = true;
  s.strings = {quoted("\"", true)};
  return s;
}

Syntax make_terraform() {
  Syntax s = hash_comments("terraform");
  s.line_comments.push_back(line("//"));
  s.block_comments = {block("/*", "*/")};
  s.strings = {quoted("\"", false, "${")};
  s.heredoc = HeredocStyle::terraform;
  return s;
}

Syntax make_protobuf() {
  Syntax s = make_json();
  s.language = "protobuf";
  s.strings.push_back(quoted("'"));
  return s;
}

Syntax make_vim() {
  Syntax s;
  s.language = "vim";
  s.line_comments = {line("\"", CK::line, Placement::line_start), line("#", CK::line, Placement::line_start)};
  s.strings = {doubled("'"), quoted("\"")};
  return s;
}

Syntax make_tex() {
  Syntax s;
  s.language = "tex";
  LineCommentSyntax percent = line("%");
  percent.escapable = true;
  s.line_comments = {percent};
  s.block_comments = {block("\\begin{comment}", "\\end{comment}")};
  return s;
}

Syntax make_asm() {
  Syntax s;
  s.language = "asm";
  s.line_comments = {line(";"), line("//"), line("#", CK::line, Placement::line_start)};
  s.block_comments = {block("/*", "*/")};
  s.strings = {quoted("\""), char_literal()};
  return s;
}

Syntax make_zig() {
  Syntax s;
  s.language = "zig";
  s.line_comments = {line("///", CK::doc), line("//!", CK::doc), line("//")};
  s.line_string_prefix = "\\\\";
  s.strings = {quoted("\""), char_literal()};
  return s;
}

Syntax make_nim() {
  Syntax s;
  s.language = "nim";
  s.block_comments = {block("##[", "]##", CK::doc, true), block("#[", "]#", CK::block, true)};
  s.line_comments = {line("##", CK::doc), line("#")};
  s.strings = {raw_quoted("\"\"\"", "\"\"\""), quoted("\""), char_literal()};
  return s;
}

Syntax make_vb() {
  Syntax s;
  s.language = "vb";
  LineCommentSyntax rem = line("REM", CK::line, Placement::word_start);
  rem.case_insensitive = true;
  rem.needs_space_after = true;
  s.line_comments = {line("'"), rem};
  s.strings = {doubled("\"")};
  return s;
}

Syntax make_batch() {
  Syntax s;
  s.language = "batch";
  LineCommentSyntax rem = line("REM", CK::line, Placement::line_start);
  rem.case_insensitive = true;
  rem.needs_space_after = true;
  LineCommentSyntax at_rem = rem;
  at_rem.prefix = "@REM";
  s.line_comments = {at_rem, rem, line("::", CK::line, Placement::line_start)};
  return s;
}

std::vector<Syntax> build_table() {
  return {c_preprocessed("c"),
          make_cpp(),
          make_csharp(),
          c_preprocessed("objc"),
          make_java(),
          make_kotlin_like("kotlin"),
          make_kotlin_like("scala"),
          make_groovy(),
          make_swift(),
          make_go(),
          make_rust(),
          make_dart(),
          make_script("javascript"),
          make_script("typescript"),
          make_php(),
          make_python(),
          make_ruby(),
          make_perl(),
          make_shell(),
          make_powershell(),
          make_lua(),
          make_r(),
          make_julia(),
          make_elixir(),
          make_erlang(),
          make_haskell(),
          make_ocaml(),
          make_fsharp(),
          make_lisp("clojure", "\\"),
          make_lisp("lisp", "#\\"),
          make_sql(),
          make_yaml(),
          make_toml(),
          make_ini(),
          make_json(),
          make_xml(),
          make_html("html"),
          markup_comments("markdown"),
          make_rst(),
          make_css("css"),
          make_css("scss"),
          make_makefile(),
          make_cmake(),
          hash_comments("dockerfile", Placement::line_start),
          make_terraform(),
          make_protobuf(),
          make_vim(),
          make_tex(),
          make_asm(),
          make_zig(),
          make_nim(),
          make_html("vue"),
          make_html("svelte"),
          make_d(),
          make_vb(),
          make_batch()};
}

const std::vector<Syntax>& table() {
  static const std::vector<Syntax> syntaxes = build_table();
  return syntaxes;
}

}  // namespace

const Syntax* find_syntax(std::string_view language) {
  const auto& all = table();
  auto it = std::find_if(all.begin(), all.end(), [&](const Syntax& s) { return s.language == language; });
  return it == all.end() ? nullptr : &*it;
}

std::vector<std::string_view> known_languages() {
  std::vector<std::string_view> ids;
  for (const auto& s : table()) ids.push_back(s.language);
  return ids;
}

}  // namespace assay::markers
