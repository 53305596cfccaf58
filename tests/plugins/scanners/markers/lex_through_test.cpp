// Lexing only up to the last place a marker can be: the markers of a buffer
// are the same whether the lexer runs to its end or stops after the
// prefilter's last candidate.
#include <gtest/gtest.h>

#include <random>

#include "lexer.h"
#include "prefilter.h"
#include "test_support.h"

namespace assay::markers::testing {
namespace {

std::vector<std::string> describe(const std::vector<Marker>& markers) {
  std::vector<std::string> out;
  for (const auto& m : markers) {
    out.push_back(m.tag + "@" + std::to_string(m.line_start) + "-" + std::to_string(m.line_end) + " [" + m.owner +
                  "|" + m.reference + "] " + m.text + " / " + m.evidence);
  }
  return out;
}

struct Both {
  std::vector<std::string> whole;
  std::vector<std::string> through;
  size_t last = std::string_view::npos;
};

Both lex_both(std::string_view language, std::string_view source) {
  const Syntax* syntax = find_syntax(language);
  if (syntax == nullptr) throw std::invalid_argument("no syntax for " + std::string(language));
  const auto tags = MarkersConfig::defaults().tag_names();
  const TagMatcher matcher(tags);
  const TagPrefilter prefilter(tags);
  Both both;
  both.whole = describe(find_markers(source, *syntax, matcher));
  both.last = prefilter.last_candidate(source);
  if (both.last != std::string_view::npos) both.through = describe(find_markers(source, *syntax, matcher, both.last));
  return both;
}

TEST(MarkersLexThrough, LastCandidateIsTheLastTagOrTaggedColon) {
  const TagPrefilter prefilter(MarkersConfig::defaults().tag_names());
  EXPECT_EQ(prefilter.last_candidate("int x;\n"), std::string_view::npos);
  // "TODO" at 3: the longest default tag (DEPRECATED, 10) could end at 12.
  EXPECT_EQ(prefilter.last_candidate("// TODO a\n// b\nint x;\n"), 12u);
  // At the end of the buffer the offset is its last byte.
  EXPECT_EQ(prefilter.last_candidate("// BUG"), 5u);
  // A lower-case tag counts only with its colon, which is the offset.
  EXPECT_EQ(prefilter.last_candidate("// fixme: a\n// todo b\n"), 8u);
  EXPECT_EQ(prefilter.last_candidate("// hack(bob): a\n"), 12u);
  // The group is the first ")" after the tag's "(": another "(" inside it
  // does not hide the tag.
  EXPECT_EQ(prefilter.last_candidate("# todo(a(b): c\n"), 11u);
  EXPECT_EQ(prefilter.last_candidate("# todo(a)(b): c\n"), std::string_view::npos);
  EXPECT_EQ(prefilter.last_candidate("a::b(c): d\n"), std::string_view::npos);
  // Other upper-case letters after the last tag do not count.
  EXPECT_EQ(prefilter.last_candidate("// TODO A QUICK FOX JUMPS OVER THE LAZY DOG"), 12u);
  EXPECT_EQ(prefilter.last_candidate("HTTP_STATUS = OK;"), std::string_view::npos);
  // Tags that do not begin with a letter are searched for by their first bytes.
  const TagPrefilter digits({"TODO", "9LIVES"});
  EXPECT_EQ(digits.last_candidate("// 9LIVES x\n"), 8u);
  EXPECT_EQ(digits.last_candidate("// 9lives: x\n"), 9u);
  EXPECT_EQ(digits.last_candidate("// 9 LIVES x\n"), std::string_view::npos);
}

TEST(MarkersLexThrough, StopsAfterTheLastCandidateButKeepsContinuations) {
  const Syntax* c = find_syntax("c");
  ASSERT_NE(c, nullptr);
  const std::string source = "// TODO: a\n// more\n// still\nint x; // later\n// last\n";
  const CommentList whole = lex_comments(source, *c);
  const CommentList through = lex_comments_through(source, *c, 6);
  EXPECT_EQ(whole.comments.size(), 5u);
  // Lines 1-3 hold comments, line 4 too; line 5's comment is after a line
  // end that closes a line with one: everything is lexed.
  EXPECT_EQ(through.comments.size(), 5u);
  const std::string gap = "// TODO: a\n// more\nint x;\n// later\n";
  EXPECT_EQ(lex_comments_through(gap, *c, 6).comments.size(), 2u);
  EXPECT_EQ(lex_comments(gap, *c).comments.size(), 3u);
  // A block comment holding the candidate is lexed whole.
  const std::string block = "/* TODO: a\n b\n */\nint x;\n// later\n";
  const CommentList block_through = lex_comments_through(block, *c, 6);
  ASSERT_EQ(block_through.comments.size(), 1u);
  EXPECT_EQ(block_through.lines.size(), 3u);
  // Inside a string the offset is passed only when the string ends.
  const std::string literal = "s = \"TODO: \n// not a comment\n\";\n// x\n";
  EXPECT_EQ(lex_comments_through(literal, *c, 6).comments.size(), 0u);
}

TEST(MarkersLexThrough, SameMarkersAsLexingWhole) {
  EXPECT_EQ(lex_both("python", "# TODO: a\n# more\n\nx = 1\n# FIXME b\n").through,
            lex_both("python", "# TODO: a\n# more\n\nx = 1\n# FIXME b\n").whole);
  const Both end_of_line = lex_both("c", "int a; // TODO: a\n// continued\nint b;\n// unrelated\n");
  EXPECT_EQ(end_of_line.through, end_of_line.whole);
  ASSERT_EQ(end_of_line.whole.size(), 1u);
}

// Random buffers made of the pieces the lexers of every language react to:
// the markers found when lexing stops early are those of the whole buffer,
// and a buffer without a candidate has no marker.
TEST(MarkersLexThrough, RandomBuffersInEveryLanguage) {
  static const std::vector<std::string_view> pieces = {
      "TODO",  "todo:", "FIXME(bob):", "BUG(a(b):", "HACK", " ",    "\n",   "\r\n", "\t",    "x",    "//",
      "/*",    "*/",    "#",           "--",        ";",    "\"",   "'",    "`",    "${",    "}",    "{",
      "(",     ")",     "\\",          "<<EOF",     "EOF",  "\"\"\"", "'''", "r\"",  "[[",    "]]",   "--[[",
      "=begin", "=end", "<!--",        "-->",       "%",    "q{",   "/",    ":",    "R\"(",  ")\"",  "@\"",
      "{-",    "-}",    "\n",   "\n",    "(*",          "*)",        "<script>", "</script>", "\n\t", "rem ", "!",  "=",   "a::b"};
  // Lines that open with a line comment make the continuations the lexer
  // must not cut off.
  static const std::vector<std::string_view> line_openers = {"// ", "# ", "-- ", ";; ", "% ", "' ", "rem "};
  std::mt19937 random(20261126);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<size_t> opener(0, 2 * line_openers.size() - 1);
  std::uniform_int_distribution<size_t> length(1, 60);
  size_t compared = 0;
  for (std::string_view language : known_languages()) {
    for (int round = 0; round < 100; ++round) {
      std::string source;
      for (size_t n = length(random); n > 0; --n) {
        const std::string_view next = pieces[piece(random)];
        source += next;
        if (next.ends_with('\n')) {
          const size_t o = opener(random);
          if (o < line_openers.size()) source += line_openers[o];
        }
      }
      const Both both = lex_both(language, source);
      if (both.last == std::string_view::npos) {
        EXPECT_TRUE(both.whole.empty()) << language << ": " << source;
        continue;
      }
      EXPECT_EQ(both.through, both.whole) << language << ": " << source;
      ++compared;
    }
  }
  EXPECT_GT(compared, 1000u);
}

}  // namespace
}  // namespace assay::markers::testing
