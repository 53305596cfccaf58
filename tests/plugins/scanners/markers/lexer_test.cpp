// Per-language lexing: comments are found, string literals (raw, template,
// heredoc, ...) never yield markers, line numbers stay right after them.
#include "lexer.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace assay::markers::testing {
namespace {

TEST(MarkersSyntaxTable, KnowsEveryHostLanguageWithComments) {
  for (std::string_view id :
       {"c",      "cpp",      "csharp", "objc",       "java",       "kotlin",     "scala", "groovy",
        "swift",  "go",       "rust",   "dart",       "javascript", "typescript", "php",   "python",
        "ruby",   "perl",     "shell",  "powershell", "lua",        "r",          "julia", "elixir",
        "erlang", "haskell",  "ocaml",  "fsharp",     "clojure",    "lisp",       "sql",   "yaml",
        "toml",   "ini",      "json",   "xml",        "html",       "css",        "scss",  "markdown",
        "rst",    "makefile", "cmake",  "dockerfile", "terraform",  "protobuf",   "vim",   "tex",
        "asm",    "zig",      "nim",    "vue",        "svelte"}) {
    EXPECT_NE(find_syntax(id), nullptr) << id;
  }
  EXPECT_EQ(find_syntax(""), nullptr);
  EXPECT_EQ(find_syntax("klingon"), nullptr);
  EXPECT_GE(known_languages().size(), 25u);
}

TEST(MarkersLexerC, LineAndBlockCommentsButNotStrings) {
  EXPECT_EQ(summary("c",
                    "int x = 1; // FIXME: overflow\n"
                    "char* s = \"TODO: not me // HACK no\"; /* TODO: in block */\n"
                    "char c = '\"'; // HACK: after a quote character\n"
                    "char e = '\\''; /* XXX: after escaped quote */\n"),
            (Lines{"FIXME@1 overflow", "TODO@2 in block", "HACK@3 after a quote character",
                   "XXX@4 after escaped quote"}));
}

TEST(MarkersLexerC, EscapedQuoteInStringDoesNotEndIt) {
  EXPECT_EQ(summary("c", "puts(\"say \\\" // TODO: no\"); // BUG: yes\n"), (Lines{"BUG@1 yes"}));
}

TEST(MarkersLexerCpp, RawStringsHideCommentsAcrossLines) {
  const char* src = R"src(auto s = R"x(// TODO: not a comment )" FIXME
/* HACK: still inside */ )x"; // XXX: real one
auto t = u8R"(// BUG: no)"; // DEPRECATED: real
)src";
  EXPECT_EQ(summary("cpp", src), (Lines{"XXX@2 real one", "DEPRECATED@3 real"}));
}

TEST(MarkersLexerC, BackslashSplicesALineCommentOntoTheNextLine) {
  // The preprocessor joins the lines before comments are recognised, so the
  // second line is comment too; the backslash is not part of the text.
  EXPECT_EQ(summary("c", "// TODO: free the buffer \\\n   before returning\nint x; // FIXME: next\n"),
            (Lines{"TODO@1-2 free the buffer before returning", "FIXME@3 next"}));
  // CRLF line ends, and blanks between backslash and newline (GCC and Clang splice those too).
  EXPECT_EQ(summary("cpp", "// TODO: a\\\r\nb \\  \n c\nint y;\n// BUG: d\n"),
            (Lines{"TODO@1-3 a b c", "BUG@5 d"}));
  // Code on the spliced line is commented out: its quote opens no string.
  EXPECT_EQ(summary("objc", "// HACK: x\\\nchar* s = \"\n// XXX: after\n"),
            (Lines{"HACK@1-2 x char* s = \"", "XXX@3 after"}));
  const auto markers = markers_in("c", "// TODO: title \\\nmore\n");
  ASSERT_EQ(markers.size(), 1u);
  EXPECT_EQ(markers[0].first_line, "title");
  EXPECT_EQ(markers[0].evidence, "TODO: title more");
  EXPECT_EQ(markers[0].line_end, 2u);
  // Languages without a preprocessor do not splice.
  EXPECT_EQ(summary("java", "// TODO: a \\\n// FIXME: b\n"), (Lines{"TODO@1 a \\", "FIXME@2 b"}));
}

TEST(MarkersLexerCpp, DigitSeparatorsAreNotCharacterLiterals) {
  EXPECT_EQ(summary("cpp", "int n = 1'000'000; // TODO: separators\nint m = 2; // FIXME: next\n"),
            (Lines{"TODO@1 separators", "FIXME@2 next"}));
}

TEST(MarkersLexerJava, TextBlocksAreStrings) {
  EXPECT_EQ(summary("java", "String s = \"\"\"\n  // TODO: inside text block\n  \"\"\"; // BUG: after\n"),
            (Lines{"BUG@3 after"}));
}

TEST(MarkersLexerCsharp, VerbatimAndRawStrings) {
  const char* src = R"src(var p = @"C:\dir\"; // TODO: verbatim ends at the quote
var q = @"say ""// FIXME: no"" ok"; // HACK: doubled quotes
var r = """
  // XXX: raw string
  """; // BUG: after raw
)src";
  EXPECT_EQ(summary("csharp", src),
            (Lines{"TODO@1 verbatim ends at the quote", "HACK@2 doubled quotes", "BUG@5 after raw"}));
}

TEST(MarkersLexerGo, BacktickRawStrings) {
  EXPECT_EQ(summary("go", "s := `\n// TODO: raw\n`\nr := '\"' // FIXME: rune\n"), (Lines{"FIXME@4 rune"}));
}

TEST(MarkersLexerRust, RawStringsLifetimesAndNestedComments) {
  const char* src = R"src(let s = r#"// TODO: "quoted" raw"#; // FIXME: real
fn f<'a>(x: &'a str) -> &'a str { x } // HACK: lifetimes
/* outer /* inner */ XXX: still comment */ let y = "*/ // BUG: no";
/// TODO: documented
)src";
  EXPECT_EQ(summary("rust", src),
            (Lines{"FIXME@1 real", "HACK@2 lifetimes", "XXX@3 still comment", "TODO@4 documented"}));
  const auto markers = markers_in("rust", src);
  EXPECT_EQ(markers[3].comment, CommentKind::doc);
  EXPECT_EQ(markers[2].comment, CommentKind::block);
}

TEST(MarkersLexerSwift, RawStringsInterpolationAndNesting) {
  const char* src = R"src(let s = #"// TODO: "raw" "#  // FIXME: raw done
let t = "\("// TODO: in interpolation string")" // HACK: interp
/* a /* b */ XXX: nested */
)src";
  EXPECT_EQ(summary("swift", src), (Lines{"FIXME@1 raw done", "HACK@2 interp", "XXX@3 nested"}));
}

TEST(MarkersLexerKotlin, TemplatesAndNestedComments) {
  const char* src =
      "val s = \"${\"// TODO: no\"}\" // FIXME: kotlin\n"
      "val r = \"\"\"\n// HACK: raw\n\"\"\"\n"
      "/* a /* b */ XXX: nested */\n";
  EXPECT_EQ(summary("kotlin", src), (Lines{"FIXME@1 kotlin", "XXX@5 nested"}));
}

TEST(MarkersLexerScalaDartGroovy, NestedCommentsAndStrings) {
  EXPECT_EQ(summary("scala", "/* a /* b */ TODO: scala */ val s = s\"${x} // no\"\n"),
            (Lines{"TODO@1 scala"}));
  EXPECT_EQ(summary("dart", "var s = '${a} // TODO: no'; /* a /* b */ FIXME: dart */\n"),
            (Lines{"FIXME@1 dart"}));
  EXPECT_EQ(summary("groovy", "def s = '''\n// TODO: no\n''' // HACK: groovy\n"), (Lines{"HACK@3 groovy"}));
}

TEST(MarkersLexerD, NestingPlusComments) {
  EXPECT_EQ(summary("d", "/+ a /+ b +/ TODO: d nested +/ auto s = `// FIXME: no`;\n"),
            (Lines{"TODO@1 d nested"}));
}

TEST(MarkersLexerJavaScript, TemplateLiteralWithNestedCode) {
  const char* src =
      "const s = `a ${ b /* TODO: inside interpolation */ + `nested ${c} // no` } // still string`; // "
      "FIXME: after\n"
      "const t = `multi\n// HACK: in template\n${ {a: '}'}.a } done`; // XXX: end\n";
  EXPECT_EQ(summary("javascript", src), (Lines{"TODO@1 inside interpolation", "FIXME@1 after", "XXX@4 end"}));
}

TEST(MarkersLexerJavaScript, RegexLiteralsAreNotStringsOrComments) {
  const char* src =
      "const re = /'/g; // TODO: after regex\n"
      "const half = a / b; // FIXME: division\n"
      "if (/\\/\\/ HACK/.test(x)) {} // XXX: regex with slashes\n"
      "return /[/]/.test(y); // BUG: class\n";
  EXPECT_EQ(summary("typescript", src),
            (Lines{"TODO@1 after regex", "FIXME@2 division", "XXX@3 regex with slashes", "BUG@4 class"}));
}

TEST(MarkersLexerPhp, HashCommentsAttributesAndHeredocs) {
  const char* src =
      "<?php\n#[Attribute]\n# TODO: hash comment\n$s = <<<EOT\n// FIXME: heredoc\n  EOT;\n"
      "$t = <<<'RAW'\n/* HACK: nowdoc */\nRAW;\n// XXX: after\n";
  EXPECT_EQ(summary("php", src), (Lines{"TODO@3 hash comment", "XXX@10 after"}));
}

TEST(MarkersLexerPython, CommentsStringsAndDocstrings) {
  const char* src = R"src("""Module TODO: module docstring"""
x = "# TODO: not a comment"  # FIXME: real
def f():
    """HACK: function docstring
    continues here
    """
    y = """# XXX: assigned, not a docstring"""
    z = (
        "BUG: in brackets"
    )
    r'''DEPRECATED: raw docstring'''
    return f"{y} # OPTIMIZE: no"
)src";
  EXPECT_EQ(summary("python", src),
            (Lines{"TODO@1 module docstring", "FIXME@2 real", "HACK@4-5 function docstring continues here",
                   "DEPRECATED@11 raw docstring"}));
  const auto markers = markers_in("python", src);
  EXPECT_EQ(markers[0].comment, CommentKind::doc);
  EXPECT_EQ(markers[1].comment, CommentKind::line);
}

// Prefixes are found from the quote back: one or two prefix letters that
// make up the whole identifier before it.
TEST(MarkersLexerPython, StringPrefixesOfOneOrTwoLetters) {
  const char* src = R"src(def g():
    Rb"""TODO: two-letter prefix docstring"""
    bar = rf'# HACK: inside an f-string'
    ab"# XXX: a plain string after an identifier"
    fbr"""FIXME: three letters are an identifier"""
    u'BUG: a statement string is a docstring' # DEPRECATED: comment
)src";
  EXPECT_EQ(summary("python", src), (Lines{"TODO@2 two-letter prefix docstring", "BUG@6 a statement string is a docstring",
                                           "DEPRECATED@6 comment"}));
}

TEST(MarkersLexerRuby, BlockCommentsHeredocsInterpolationAndDataEnd) {
  const char* src =
      "=begin\nTODO: in block\n=end\n"
      "s = <<~EOS\n  # FIXME: heredoc\n  EOS\n"
      "t = \"#{x} # HACK: interpolated\" # XXX: real\n"
      "w = %w[# BUG not] # DEPRECATED: after literal\n"
      "__END__\n# OPTIMIZE: data\n";
  EXPECT_EQ(summary("ruby", src), (Lines{"TODO@2 in block", "XXX@7 real", "DEPRECATED@8 after literal"}));
}

TEST(MarkersLexerPerl, LengthSigilPodQuoteLikeAndRegex) {
  const char* src =
      "my $n = $#array; # TODO: perl\n"
      "=pod\n\nFIXME: in pod\n\n=cut\n"
      "my $q = q{# HACK no}; s/#//g; # XXX: after substitution\n"
      "print <<\"END\";\n# BUG: heredoc\nEND\n";
  EXPECT_EQ(summary("perl", src), (Lines{"TODO@1 perl", "FIXME@4 in pod", "XXX@7 after substitution"}));
}

TEST(MarkersLexerShell, WordStartHashQuotesAndHeredocs) {
  const char* src =
      "echo \"# TODO: no $(echo \"# FIXME no\")\" # HACK: yes\n"
      "n=${#arr[@]} # XXX: length\n"
      "cat <<'EOF'\n# BUG: in heredoc\nEOF\n"
      "cat <<-EOF\n\t# DEPRECATED: indented heredoc\n\tEOF\n"
      "# OPTIMIZE: last\n";
  EXPECT_EQ(summary("shell", src), (Lines{"HACK@1 yes", "XXX@2 length", "OPTIMIZE@9 last"}));
}

TEST(MarkersLexerPowerShell, BlockCommentsAndHereStrings) {
  const char* src =
      "<# TODO: block\n#>\n$s = @\"\n# FIXME: here-string\n\"@\n$t = 'it''s # HACK no' # XXX: real\n";
  EXPECT_EQ(summary("powershell", src), (Lines{"TODO@1 block", "XXX@6 real"}));
}

TEST(MarkersLexerLua, LongBracketLevels) {
  const char* src =
      "--[==[ TODO: long comment ]] still\n]==]\ns = [[ -- FIXME: no ]]\n-- HACK: line\n"
      "--[[ XXX: plain level ]]\n";
  EXPECT_EQ(summary("lua", src), (Lines{"TODO@1 long comment ]] still", "HACK@4 line", "XXX@5 plain level"}));
}

TEST(MarkersLexerCmake, BracketCommentsAndArguments) {
  const char* src =
      "#[[ TODO: bracket comment ]]\nset(x [=[ # FIXME no ]=])\n# HACK: line\n"
      "message(\"# XXX no\")\n";
  EXPECT_EQ(summary("cmake", src), (Lines{"TODO@1 bracket comment", "HACK@3 line"}));
}

TEST(MarkersLexerHaskell, NestedBlocksAndOperators) {
  const char* src =
      "{- outer {- inner -} TODO: nested -}\nx = a --> b -- FIXME: after operator\n"
      "s = \"-- HACK no\"\n-- | XXX: haddock\n";
  EXPECT_EQ(summary("haskell", src), (Lines{"TODO@1 nested", "FIXME@2 after operator", "XXX@4 haddock"}));
  EXPECT_EQ(markers_in("haskell", src)[2].comment, CommentKind::doc);
}

TEST(MarkersLexerMl, OcamlAndFsharp) {
  EXPECT_EQ(summary("ocaml",
                    "(* outer (* inner *) TODO: nested *)\nlet s = \"(* FIXME no *)\"\n(** HACK: doc *)\n"),
            (Lines{"TODO@1 nested", "HACK@3 doc"}));
  EXPECT_EQ(summary("fsharp", "let m = (*) 2 3 // TODO: fsharp\n(* FIXME: block *)\n"),
            (Lines{"TODO@1 fsharp", "FIXME@2 block"}));
}

TEST(MarkersLexerBeam, ErlangAndElixir) {
  EXPECT_EQ(summary("erlang", "Q = $\", S = \"% TODO no\". % FIXME: erlang\n"), (Lines{"FIXME@1 erlang"}));
  EXPECT_EQ(summary("elixir", "q = ?\"\nr = ~r/# TODO no/ # FIXME: elixir\ns = \"#{a} # HACK no\"\n"),
            (Lines{"FIXME@2 elixir"}));
}

TEST(MarkersLexerLisp, ClojureAndCommonLisp) {
  EXPECT_EQ(summary("clojure", "(def q \\\") ; TODO: clojure\n(str \"; FIXME no\")\n"),
            (Lines{"TODO@1 clojure"}));
  EXPECT_EQ(summary("lisp", "#| a #| b |# TODO: nested |#\n(list #\\\" \"; FIXME no\") ; HACK: lisp\n"),
            (Lines{"TODO@1 nested", "HACK@2 lisp"}));
}

TEST(MarkersLexerSql, DoubledQuotesAndComments) {
  EXPECT_EQ(summary("sql", "SELECT 'it''s -- TODO no' -- FIXME: sql\n/* HACK: block */\n"),
            (Lines{"FIXME@1 sql", "HACK@2 block"}));
}

TEST(MarkersLexerData, YamlTomlIniJson) {
  EXPECT_EQ(
      summary("yaml", "key: \"a # TODO no\" # FIXME: yaml\nurl: http://x#HACK\nv: don't # XXX: apostrophe\n"),
      (Lines{"FIXME@1 yaml", "XXX@3 apostrophe"}));
  EXPECT_EQ(summary("toml", "a = \"# TODO no\" # FIXME: toml\nb = '''\n# HACK no\n'''\n"),
            (Lines{"FIXME@1 toml"}));
  EXPECT_EQ(summary("ini", "; TODO: ini\nkey = value ; FIXME not a comment\n# HACK: hash\n"),
            (Lines{"TODO@1 ini", "HACK@3 hash"}));
  EXPECT_EQ(summary("json", "{\"a\": \"// TODO no\"} // FIXME: jsonc\n"), (Lines{"FIXME@1 jsonc"}));
}

TEST(MarkersLexerMarkup, XmlHtmlMarkdown) {
  EXPECT_EQ(summary("xml", "<a><![CDATA[ <!-- TODO no --> ]]></a>\n<!-- FIXME: xml -->\n"),
            (Lines{"FIXME@2 xml"}));
  const char* html =
      "<p>TODO in text is not a comment</p>\n<!-- FIXME: html -->\n"
      "<script>\nvar s = '<!-- no -->'; // HACK: script\n</script>\n"
      "<style>/* XXX: style */</style>\n";
  EXPECT_EQ(summary("html", html), (Lines{"FIXME@2 html", "HACK@4 script", "XXX@6 style"}));
  EXPECT_EQ(summary("markdown", "# TODO list\n<!-- FIXME: markdown\ncontinued -->\n"),
            (Lines{"FIXME@2-3 markdown continued"}));
}

TEST(MarkersLexerMarkup, VueAndSvelteScripts) {
  const char* vue =
      "<template><!-- TODO: template --></template>\n<script setup lang=\"ts\">\n"
      "const s = `${a} // no`; // FIXME: vue script\n</script>\n"
      "<style lang=\"scss\">\n// HACK: scss\n</style>\n";
  EXPECT_EQ(summary("vue", vue), (Lines{"TODO@1 template", "FIXME@3 vue script", "HACK@6 scss"}));
  EXPECT_EQ(summary("svelte", "<script>\n// TODO: svelte\n</script>\n"), (Lines{"TODO@2 svelte"}));
}

TEST(MarkersLexerRst, CommentsButNotDirectives) {
  const char* src = ".. TODO: rst comment\n   continued\n\n.. note:: FIXME not a comment\n\nText.\n";
  EXPECT_EQ(summary("rst", src), (Lines{"TODO@1-2 rst comment continued"}));
}

TEST(MarkersLexerStyles, CssAndScss) {
  EXPECT_EQ(summary("css", "a { content: \"/* TODO no */\"; } /* FIXME: css */\n"), (Lines{"FIXME@1 css"}));
  EXPECT_EQ(summary("scss", "$u: 'http://x'; // TODO: scss\n"), (Lines{"TODO@1 scss"}));
}

TEST(MarkersLexerMakefile, RecipeLinesAreShellCommands) {
  const char* src =
      "# TODO: make comment\n"
      "all: build # FIXME: on the rule line\n"
      "\techo \"# not a TODO: comment\"\n"
      "\t@printf '%s\\n' '# HACK: single quoted' # BUG: shell comment\n"
      "\n"
      "# XXX: make comment between recipe lines\n"
      "\tcurl http://x/#TODO: no word start\n"
      "ifdef V\n"
      "\techo \"# TODO no\" \\\n"
      "\t  \"# FIXME still quoted\"\n"
      "endif\n";
  EXPECT_EQ(summary("makefile", src),
            (Lines{"TODO@1 make comment", "FIXME@2 on the rule line", "BUG@4 shell comment",
                   "XXX@6 make comment between recipe lines"}));
}

TEST(MarkersLexerMakefile, RecipeContextEndsAtTheNextMakeLine) {
  // After an assignment a TAB-led line is make syntax again, where # starts a comment.
  EXPECT_EQ(summary("makefile", "a: b\n\techo \"#x\"\nX := 1\n\t\"# TODO: make comment\"\n"),
            (Lines{"TODO@4 make comment\""}));
  // An unterminated quote in a recipe ends with its line.
  EXPECT_EQ(summary("makefile", "a:\n\techo \"oops\n# FIXME: still found\n"), (Lines{"FIXME@3 still found"}));
  // Assignments containing ':' are not rules.
  EXPECT_EQ(summary("makefile", "P := a:b\n\t# TODO: make\n"), (Lines{"TODO@2 make"}));
  EXPECT_EQ(summary("makefile", "P = a:b\n\tx \"# TODO: make\"\n"), (Lines{"TODO@2 make\""}));
}

TEST(MarkersLexerMakefile, RecipeAfterSemicolonAndTargetsWithVariables) {
  EXPECT_EQ(summary("makefile", "all: ; @echo \"# TODO: no\" # FIXME: yes\n"), (Lines{"FIXME@1 yes"}));
  EXPECT_EQ(summary("makefile", "$(OUT)/%.o: %.c\n\t$(CC) -D'X=\"# TODO: no\"' -c $<\n# BUG: after\n"),
            (Lines{"BUG@3 after"}));
  EXPECT_EQ(summary("makefile", "clean::\n\trm -f '# HACK: no'\n"), Lines{});
}

TEST(MarkersLexerMakefile, ACommentEndingInABackslashContinues) {
  EXPECT_EQ(summary("makefile", "# TODO: first \\\n  second\nX = 1\n"), (Lines{"TODO@1-2 first second"}));
  EXPECT_EQ(summary("makefile", "# TODO: escaped \\\\\nX = 1 # FIXME: own\n"),
            (Lines{"TODO@1 escaped \\\\", "FIXME@2 own"}));
}

TEST(MarkersLexerBuild, MakefileDockerfileTerraform) {
  EXPECT_EQ(summary("makefile", "X = a\\#b # TODO: make\n"), (Lines{"TODO@1 make"}));
  EXPECT_EQ(summary("dockerfile", "RUN echo # TODO not a comment\n# FIXME: docker\n"),
            (Lines{"FIXME@2 docker"}));
  EXPECT_EQ(summary("terraform",
                    "a = <<-EOT\n  # TODO no\n  EOT\nb = \"${x} // no\" // FIXME: tf\n/* HACK: b */\n"),
            (Lines{"FIXME@4 tf", "HACK@5 b"}));
}

TEST(MarkersLexerMisc, ProtobufVimTexAsmZigNim) {
  EXPECT_EQ(summary("protobuf", "string s = 1 [default = \"// TODO no\"]; // FIXME: proto\n"),
            (Lines{"FIXME@1 proto"}));
  EXPECT_EQ(summary("vim", "\" TODO: vim\nlet s = \"x\"\n"), (Lines{"TODO@1 vim"}));
  EXPECT_EQ(summary("tex", "100\\% TODO no\n% FIXME: tex\n\\begin{comment}\nHACK: env\n\\end{comment}\n"),
            (Lines{"FIXME@2 tex", "HACK@4 env"}));
  EXPECT_EQ(summary("asm", "mov eax, ';' ; TODO: asm\n"), (Lines{"TODO@1 asm"}));
  EXPECT_EQ(summary("zig", "const s =\n    \\\\ // TODO no\n; // FIXME: zig\n"), (Lines{"FIXME@3 zig"}));
  EXPECT_EQ(summary("nim", "#[ a #[ b ]# TODO: nim ]#\n## FIXME: doc\n"),
            (Lines{"TODO@1 nim", "FIXME@2 doc"}));
}

TEST(MarkersLexerScripting, RJuliaLuaObjc) {
  EXPECT_EQ(summary("r", "#' TODO: roxygen\nx <- \"# FIXME no\"\n"), (Lines{"TODO@1 roxygen"}));
  EXPECT_EQ(summary("julia", "#= a #= b =# TODO: julia =#\ns = \"$(x) # no\"\n"), (Lines{"TODO@1 julia"}));
  EXPECT_EQ(summary("objc", "NSString *s = @\"// TODO no\"; // FIXME: objc\n"), (Lines{"FIXME@1 objc"}));
}

TEST(MarkersLexerBasic, VisualBasicAndBatch) {
  EXPECT_EQ(summary("vb", "Dim s = \"' TODO no\" ' FIXME: vb\nREM HACK: rem\nDim remark = 1\n"),
            (Lines{"FIXME@1 vb", "HACK@2 rem"}));
  EXPECT_EQ(summary("batch", "rem TODO: batch\n:: FIXME: colons\necho REM HACK no\n"),
            (Lines{"TODO@1 batch", "FIXME@2 colons"}));
}

TEST(MarkersLexerRobustness, UnterminatedConstructsEndAtBufferEnd) {
  EXPECT_EQ(summary("c", "/* TODO: never closed"), (Lines{"TODO@1 never closed"}));
  EXPECT_EQ(summary("python", "s = '''\n# TODO: no"), Lines{});
  EXPECT_EQ(summary("c", "char* s = \"unterminated\n// FIXME: next line\n"), (Lines{"FIXME@2 next line"}));
  EXPECT_EQ(summary("rust", ""), Lines{});
}

TEST(MarkersLexerRobustness, DeepInterpolationNestingIsBounded) {
  std::string src = "const s = ";
  for (int i = 0; i < 5000; ++i) src += "`${";
  src += "\n// TODO: deep\n";
  EXPECT_NO_THROW(markers_in("javascript", src));
}

TEST(MarkersLexerOutput, CommentLinesCarryLineNumbersWithoutDelimiters) {
  const CommentList list = lex_comments("x;\n/* a\n * b\n */ y; // c\n", *find_syntax("c"));
  ASSERT_EQ(list.comments.size(), 2u);
  EXPECT_EQ(list.comments[0].kind, CommentKind::block);
  EXPECT_TRUE(list.comments[0].own_line);
  ASSERT_EQ(list.comments[0].count, 3u);
  EXPECT_EQ(list.lines[0].line, 2u);
  EXPECT_EQ(list.lines[0].text, " a");
  EXPECT_EQ(list.lines[1].text, " * b");
  EXPECT_EQ(list.lines[2].line, 4u);
  EXPECT_FALSE(list.comments[1].own_line);
  EXPECT_TRUE(list.comments[1].to_line_end);
  EXPECT_EQ(list.lines[3].text, " c");
  EXPECT_EQ(list.lines[3].line, 4u);
}

}  // namespace
}  // namespace assay::markers::testing
