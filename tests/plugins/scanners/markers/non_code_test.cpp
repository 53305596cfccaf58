// The lexer's non-code spans: every comment and literal of a buffer, in
// order, with their delimiters, so that a reader of the code can skip them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lexer.h"

namespace assay::markers::testing {
namespace {

// "c:text" for a comment span, "l:text" for a literal span.
std::vector<std::string> spans(std::string_view language, std::string_view source) {
  std::vector<NonCodeSpan> found;
  lex_comments(source, *find_syntax(language), found);
  std::vector<std::string> out;
  for (const NonCodeSpan& s : found)
    out.push_back(std::string(s.comment ? "c:" : "l:") +
                  std::string(source.substr(s.begin, s.end - s.begin)));
  return out;
}

using Spans = std::vector<std::string>;

TEST(MarkersNonCode, CommentsAndLiteralsWithTheirDelimiters) {
  EXPECT_EQ(spans("c", "int x = 1; // a {\nchar c = '}'; /* b */ f(\"{\");\n"),
            (Spans{"c:// a {", "l:'}'", "c:/* b */", "l:\"{\""}));
  EXPECT_EQ(spans("cpp", "auto s = R\"x(})x\"; int y;\n"), (Spans{"l:R\"x(})x\""}));
}

TEST(MarkersNonCode, InterpolationsBelongToTheirString) {
  EXPECT_EQ(spans("javascript", "const a = `x ${ f('}') } y` // c\n"),
            (Spans{"l:`x ${ f('}') } y`", "c:// c"}));
}

TEST(MarkersNonCode, DocstringsAreCommentsOtherStringsLiterals) {
  EXPECT_EQ(spans("python", "def f():\n    \"\"\"Doc.\"\"\"\n    return 'x'\n"),
            (Spans{"c:\"\"\"Doc.\"\"\"", "l:'x'"}));
}

TEST(MarkersNonCode, HeredocBodiesAndRegexes) {
  EXPECT_EQ(spans("shell", "cat <<EOF\n} fi\nEOF\necho done\n"), (Spans{"l:<<EOF", "l:} fi\nEOF"}));
  EXPECT_EQ(spans("javascript", "x = /[}]/g;\n"), (Spans{"l:/[}]/g"}));
}

TEST(MarkersNonCode, DataAfterEndMarkerIsNotCode) {
  EXPECT_EQ(spans("ruby", "x = 1\n__END__\ndef f; end\n"), (Spans{"l:__END__\ndef f; end\n"}));
}

TEST(MarkersNonCode, OffsetsOfEmbeddedLanguagesAreInTheWholeBuffer) {
  EXPECT_EQ(spans("html", "<!-- a --><script>var s = '}'; // b\n</script>\n"),
            (Spans{"c:<!-- a -->", "l:'}'", "c:// b"}));
}

TEST(MarkersNonCode, SpansAreOrderedAndDisjoint) {
  std::vector<NonCodeSpan> found;
  const std::string src = "a = \"x\" # c\nb = '''y\n''' + f\"{z}\" # d\n";
  lex_comments(src, *find_syntax("python"), found);
  ASSERT_EQ(found.size(), 5u);
  for (size_t i = 1; i < found.size(); ++i) EXPECT_LE(found[i - 1].end, found[i].begin);
}

}  // namespace
}  // namespace assay::markers::testing
