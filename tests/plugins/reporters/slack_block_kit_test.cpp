// Slack's Block Kit limits, checked on the slack reporter's layout with
// numbers worked out by hand in the comments.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "block_kit.h"

namespace assay::reporters::slack {
namespace {

TEST(SlackBlockKit, CountsCharactersNotBytes) {
  EXPECT_EQ(char_count("héllo…"), 6u);  // é is 2 bytes, … is 3
  EXPECT_EQ(std::string("héllo…").size(), 9u);
}

TEST(SlackBlockKit, ClipsOnCodePointsWithAnEllipsis) {
  EXPECT_EQ(clip("abcdef", 4), "abc…");
  EXPECT_EQ(clip("héllo", 2), "h…");
  EXPECT_EQ(clip("abc", 3), "abc");
  EXPECT_EQ(clip("ééé", 2), "é…");  // never half an é
}

TEST(SlackBlockKit, FitsWholeLinesAndCountsTheRest) {
  const std::vector<std::string> lines{std::string(10, 'a'), std::string(10, 'b'), std::string(10, 'c'),
                                       std::string(10, 'd'), std::string(10, 'e')};
  const std::string a(10, 'a'), b(10, 'b'), c(10, 'c');
  // All five: 5 × 10 + 4 separators = 54 characters.
  EXPECT_EQ(char_count(fit_lines(lines, 54)), 54u);
  // "_…and N more_" is 13 characters for one digit. Three lines and the note
  // are 32 + 1 + 13 = 46; two lines and the note 21 + 1 + 13 = 35.
  EXPECT_EQ(fit_lines(lines, 46), a + "\n" + b + "\n" + c + "\n_…and 2 more_");
  EXPECT_EQ(fit_lines(lines, 45), a + "\n" + b + "\n_…and 3 more_");
  // One line and the note: 10 + 1 + 13 = 24.
  EXPECT_EQ(fit_lines(lines, 34), a + "\n_…and 4 more_");
  // Lines the caller left out already are counted in the note: all five and
  // the note would be 68; four and "_…and 6 more_" 57; three fit in 46.
  EXPECT_EQ(fit_lines(lines, 54, 5), a + "\n" + b + "\n" + c + "\n_…and 7 more_");
}

TEST(SlackBlockKit, SectionTextStopsAt3000CharactersByWholeLines) {
  // 100 lines of 29 characters: 100 × 29 + 99 separators = 2999, all fit.
  std::vector<std::string> lines(100, std::string(29, 'x'));
  EXPECT_EQ(char_count(fit_lines(lines, 3000)), 2999u);
  // 101 lines: 101 × 30 − 1 = 3029 > 3000. 100 lines and the note for one
  // more would be 2999 + 1 + 13 = 3013, so 99 lines: 99 × 30 − 1 + 1 + 13 =
  // 2983 characters, ending "_…and 2 more_".
  lines.push_back(std::string(29, 'x'));
  const std::string text = fit_lines(lines, 3000);
  EXPECT_EQ(char_count(text), 2983u);
  EXPECT_TRUE(text.ends_with("\n_…and 2 more_"));

  BlockKitMessage message;
  ASSERT_TRUE(message.add_line_section(lines));
  const auto parsed = nlohmann::json::parse(message.json());
  EXPECT_EQ(parsed["blocks"][0]["text"]["text"].get<std::string>(), text);
}

TEST(SlackBlockKit, NoMoreThan50Blocks) {
  BlockKitMessage message;
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(message.add_divider()) << i;
  EXPECT_FALSE(message.add_divider());
  EXPECT_FALSE(message.add_section("one more"));
  EXPECT_EQ(nlohmann::json::parse(message.json())["blocks"].size(), 50u);
}

TEST(SlackBlockKit, WholeMessageStaysWithinItsByteBudget) {
  // A section of 2900 'x' is 53 + 2900 = 2953 bytes of JSON; the envelope
  // {"text":"","blocks":[]} is 23 bytes, and n blocks need n − 1 commas:
  // 23 + 2953 n + (n − 1) <= 12000 holds for n = 4 (11838 bytes), not 5.
  BlockKitMessage message;
  const std::string text(2900, 'x');
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(message.add_section(text)) << i;
  EXPECT_FALSE(message.add_section(text));
  EXPECT_EQ(message.json().size(), 11838u);
}

TEST(SlackBlockKit, ByteBudgetCutsASectionByWholeLines) {
  // Room left after two 2953-byte sections: 12000 − 23 − 2 × 2953 − 2
  // commas = 6069 bytes, of which a section's JSON takes 53: 6016 characters
  // of ASCII text. 3 lines of 2000 'y' with separators need 6002 and fit;
  // a fourth line does not, and 3 lines plus "\n_…and 1 more_" (14
  // characters, but 16 bytes: … is 3 bytes) need 6018 bytes: 2 lines go in.
  // (The section limit is lifted here so that only the byte budget cuts.)
  const std::vector<std::string> lines(4, std::string(2000, 'y'));
  BlockKitMessage roomy(BlockKitLimits{50, 100000, 150, 2000, 1000, 12000});
  ASSERT_TRUE(roomy.add_section(std::string(2900, 'x')));
  ASSERT_TRUE(roomy.add_section(std::string(2900, 'x')));
  ASSERT_TRUE(roomy.add_line_section(lines));
  const auto parsed = nlohmann::json::parse(roomy.json());
  const std::string text = parsed["blocks"][2]["text"]["text"].get<std::string>();
  EXPECT_EQ(text, std::string(2000, 'y') + "\n" + std::string(2000, 'y') + "\n_…and 2 more_");
  EXPECT_LE(roomy.json().size(), 12000u);
}

TEST(SlackBlockKit, ReserveKeepsRoomForLaterBlocks) {
  BlockKitMessage message;
  message.reserve(2, 0);
  for (int i = 0; i < 48; ++i) ASSERT_TRUE(message.add_divider());
  EXPECT_FALSE(message.add_divider());  // the last two are kept
  message.release_reserve();
  EXPECT_TRUE(message.add_context("link"));
  EXPECT_TRUE(message.add_divider());
  EXPECT_EQ(message.block_count(), 50u);
}

TEST(SlackBlockKit, HeaderIsPlainTextOf150Characters) {
  BlockKitMessage message;
  ASSERT_TRUE(message.add_header(std::string(200, 'h')));
  const auto parsed = nlohmann::json::parse(message.json());
  const auto& header = parsed["blocks"][0];
  EXPECT_EQ(header["type"], "header");
  EXPECT_EQ(header["text"]["type"], "plain_text");
  EXPECT_EQ(char_count(header["text"]["text"].get<std::string>()), 150u);
}

TEST(SlackBlockKit, FallbackTextIsTopLevel) {
  BlockKitMessage message;
  message.set_fallback("assay · repo: 3 items");
  const auto parsed = nlohmann::json::parse(message.json());
  EXPECT_EQ(parsed["text"], "assay · repo: 3 items");
  EXPECT_TRUE(parsed["blocks"].is_array());
}

TEST(SlackBlockKit, EscapesMrkdwnControlCharacters) {
  EXPECT_EQ(mrkdwn_escape("a < b && c > d"), "a &lt; b &amp;&amp; c &gt; d");
}

}  // namespace
}  // namespace assay::reporters::slack
