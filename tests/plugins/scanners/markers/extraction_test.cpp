// Marker extraction: whole words, case rules, owners and references,
// continuation grouping, evidence.
#include <gtest/gtest.h>

#include "tag_matcher.h"
#include "test_support.h"

namespace assay::markers::testing {
namespace {

TEST(MarkersTagMatcher, WholeWordsOnly) {
  EXPECT_EQ(summary("c", "// TODOS TODO_LIST MYTODO todo_list TODO2 FIXMEs\n"), Lines{});
  std::vector<std::string> tags;
  for (const auto& m : markers_in("c", "// (TODO: a)\n// [FIXME] b\n// HACK, c\n// x XXX: d.\n"))
    tags.push_back(m.tag);
  EXPECT_EQ(tags, (Lines{"TODO", "FIXME", "HACK", "XXX"}));
}

TEST(MarkersTagMatcher, MentionsAreNotMarkers) {
  // Prose that names a tag, in quotes or mid-sentence, marks no work.
  EXPECT_EQ(summary("c", "// the same TODO text twice\n// e.g. \"FIXME\" or `HACK`\n// a 'XXX' marker\n"),
            Lines{});
  EXPECT_EQ(summary("python", "# rule id such as \"TODO:\" here\n"), Lines{});
  // Mid-sentence with a colon or an owner, or opening a line, it is a marker.
  EXPECT_EQ(summary("c", "// done; TODO(alice) retry\n// and FIXME: leak\n/*\n * BUG crash\n */\n"),
            (Lines{"TODO@1 retry", "FIXME@2 leak", "BUG@4 crash"}));
}

TEST(MarkersTagMatcher, UpperCaseOrAnyCaseBeforeColon) {
  EXPECT_EQ(summary("c", "// todo fix later\n// Fixme without colon\n"), Lines{});
  EXPECT_EQ(summary("c", "// todo: lower\n// Fixme: mixed\n// HACK upper\n\n// hAcK : space before colon\n"),
            (Lines{"TODO@1 lower", "FIXME@2 mixed", "HACK@3 upper"}));
  const auto markers = markers_in("c", "// todo: lower\n\n// TODO upper\n");
  ASSERT_EQ(markers.size(), 2u);
  EXPECT_FALSE(markers[0].upper_case);
  EXPECT_TRUE(markers[1].upper_case);
}

TEST(MarkersTagMatcher, ReportsPositionAndParentheses) {
  const TagMatcher matcher({"TODO", "FIXME"});
  auto hit = matcher.find("  x todo(bob): y");
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->begin, 4u);
  EXPECT_EQ(hit->end, 13u);
  EXPECT_EQ(hit->parenthesized, "bob");
  EXPECT_FALSE(hit->upper_case);
  EXPECT_FALSE(matcher.find("todo(bob) no colon").has_value());
  EXPECT_FALSE(matcher.find("").has_value());
}

TEST(MarkersExtraction, MarkerAtEndOfCodeLine) {
  const auto markers = markers_in("c", "x = 1; // FIXME: overflow\n");
  ASSERT_EQ(markers.size(), 1u);
  EXPECT_EQ(markers[0].tag, "FIXME");
  EXPECT_EQ(markers[0].line_start, 1u);
  EXPECT_EQ(markers[0].text, "overflow");
  EXPECT_EQ(markers[0].evidence, "FIXME: overflow");
}

TEST(MarkersExtraction, OwnerAndReferenceCapture) {
  const auto markers = markers_in("c",
                                  "// TODO(alice): owned\n"
                                  "// TODO(#123) referenced\n"
                                  "// todo(bob): lower owner\n"
                                  "// FIXME(alice, JIRA-42): both\n"
                                  "// HACK(@carol, https://x.test/i/9)\n");
  ASSERT_EQ(markers.size(), 5u);
  EXPECT_EQ(markers[0].owner, "alice");
  EXPECT_EQ(markers[0].reference, "");
  EXPECT_EQ(markers[0].text, "owned");
  EXPECT_EQ(markers[1].owner, "");
  EXPECT_EQ(markers[1].reference, "#123");
  EXPECT_EQ(markers[1].text, "referenced");
  EXPECT_EQ(markers[2].owner, "bob");
  EXPECT_EQ(markers[2].text, "lower owner");
  EXPECT_EQ(markers[3].owner, "alice");
  EXPECT_EQ(markers[3].reference, "JIRA-42");
  EXPECT_EQ(markers[4].owner, "carol");
  EXPECT_EQ(markers[4].reference, "https://x.test/i/9");
  EXPECT_EQ(markers[4].text, "");
  EXPECT_EQ(markers[0].evidence, "TODO(alice): owned");
}

TEST(MarkersContinuation, ConsecutiveLineCommentsJoin) {
  EXPECT_EQ(summary("c", "// TODO: first\n//   second\n// third\n\n// unrelated\n"),
            (Lines{"TODO@1-3 first second third"}));
  const auto markers = markers_in("python", "# TODO: first\n#   second\nx = 1\n");
  ASSERT_EQ(markers.size(), 1u);
  EXPECT_EQ(markers[0].evidence, "TODO: first second");
}

TEST(MarkersContinuation, StopsAtBlankCommentLineTagOrOtherKind) {
  EXPECT_EQ(summary("c", "// TODO: a\n//\n// b\n"), (Lines{"TODO@1 a"}));
  EXPECT_EQ(summary("c", "// TODO: a\n// FIXME: b\n// c\n"), (Lines{"TODO@1 a", "FIXME@2-3 b c"}));
  EXPECT_EQ(summary("c", "// TODO: a\n/// documentation\n"), (Lines{"TODO@1 a"}));
  EXPECT_EQ(summary("c", "// TODO: a\nx = 1; // trailing\n"), (Lines{"TODO@1 a"}));
  EXPECT_EQ(summary("c", "// TODO: a\n\n// after a gap\n"), (Lines{"TODO@1 a"}));
  EXPECT_EQ(summary("c", "// TODO: a\n/* block */\n"), (Lines{"TODO@1 a"}));
}

TEST(MarkersContinuation, BlockCommentLinesJoinUntilBlankLine) {
  EXPECT_EQ(summary("java", "/**\n * TODO: first\n * second\n *\n * unrelated\n */\n"),
            (Lines{"TODO@2-3 first second"}));
  EXPECT_EQ(summary("c", "/* FIXME: a\n   b */\n"), (Lines{"FIXME@1-2 a b"}));
  EXPECT_EQ(summary("c", "/* HACK: a\n   XXX: b\n   c */\n"), (Lines{"HACK@1 a", "XXX@2-3 b c"}));
}

TEST(MarkersContinuation, TwoTagsOnOneLineSplitTheText) {
  EXPECT_EQ(summary("c", "// TODO: a FIXME: b\n// more\n"), (Lines{"TODO@1 a", "FIXME@1-2 b more"}));
}

TEST(MarkersExtraction, EvidenceCollapsesWhitespaceAndDropsDelimiters) {
  const auto markers = markers_in("c", "x; /*   FIXME:\toverflow   here\n *    and   there */\n");
  ASSERT_EQ(markers.size(), 1u);
  EXPECT_EQ(markers[0].evidence, "FIXME: overflow here and there");
  EXPECT_EQ(markers[0].text, "overflow here and there");
  EXPECT_EQ(markers[0].first_line, "overflow   here");
}

TEST(MarkersExtraction, CommentKinds) {
  const auto markers = markers_in("java", "// TODO: a\n\n/* TODO: b */\n\n/** TODO: c */\n");
  ASSERT_EQ(markers.size(), 3u);
  EXPECT_EQ(markers[0].comment, CommentKind::line);
  EXPECT_EQ(markers[1].comment, CommentKind::block);
  EXPECT_EQ(markers[2].comment, CommentKind::doc);
}

TEST(MarkersExtraction, TextAfterDashSeparator) {
  EXPECT_EQ(summary("c", "// TODO - dashed\n\n// TODO -1 is negative\n"),
            (Lines{"TODO@1 dashed", "TODO@3 -1 is negative"}));
}

TEST(MarkersExtraction, ConfiguredTagsOnly) {
  const TagMatcher matcher({"NOTE"});
  const auto markers = find_markers("// TODO: no\n// NOTE: yes\n", *find_syntax("c"), matcher);
  ASSERT_EQ(markers.size(), 1u);
  EXPECT_EQ(markers[0].tag, "NOTE");
}

}  // namespace
}  // namespace assay::markers::testing
