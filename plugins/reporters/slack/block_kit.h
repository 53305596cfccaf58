// A Slack Block Kit message kept within Slack's limits while it is built:
// at most 50 blocks, at most 3000 characters of text per section, 150 per
// header, and the whole message (its JSON) under a byte budget (12,000 by
// default, so that a message of multi-byte characters still stays under
// Slack's ~12,000-character guidance). Text that does not fit is cut by whole
// lines and says how many lines were left out. Plugin-internal; no ABI.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace assay::reporters::slack {

struct BlockKitLimits {
  size_t max_blocks = 50;
  size_t section_chars = 3000;
  size_t header_chars = 150;
  size_t context_chars = 2000;
  size_t fallback_chars = 1000;
  size_t message_bytes = 12000;
};

// Unicode code points in UTF-8 `text` (what Slack counts as characters).
size_t char_count(std::string_view text);

// `text` cut to at most `max_chars` characters on a code-point boundary,
// ending in "…" when it was cut.
std::string clip(std::string_view text, size_t max_chars);

// The first lines of `lines` joined by '\n' within `max_chars` characters.
// When not all fit, or `hidden` > 0 (lines the caller left out already), the
// last line says "_…and N more_" (N the lines left out) and counts toward
// the limit. A first line longer than the limit is clipped. Empty `lines`
// give "" (or just the note).
std::string fit_lines(const std::vector<std::string>& lines, size_t max_chars, size_t hidden = 0);

// The Slack mrkdwn form of plain text: &, < and > escaped.
std::string mrkdwn_escape(std::string_view text);

class BlockKitMessage {
 public:
  explicit BlockKitMessage(BlockKitLimits limits = {});

  // The top-level "text": the notification and fallback text, clipped.
  void set_fallback(std::string_view text);

  // Keeps room for `blocks` blocks of at most `bytes` of JSON that will be
  // added after release_reserve(): content added meanwhile cannot use it.
  void reserve(size_t blocks, size_t bytes);
  void release_reserve();

  // Each adds one block when it fits in the block count and byte budget and
  // returns whether it did. Text is clipped to the block type's limit
  // (a section's by whole lines, see fit_lines).
  bool add_header(std::string_view plain_text);
  bool add_section(std::string_view mrkdwn);
  bool add_context(std::string_view mrkdwn);
  bool add_divider();

  // A section of `lines`, with as many whole lines as the section limit and
  // the remaining byte budget allow (at least `min_lines`, else nothing is
  // added and false returned), and the "…and N more" note of fit_lines.
  bool add_line_section(const std::vector<std::string>& lines, size_t min_lines = 1, size_t hidden = 0);

  // Bytes of JSON the block of this text would take (text clipped as the
  // add functions clip it), for reserve().
  size_t section_bytes(const std::vector<std::string>& lines, size_t hidden = 0) const;
  size_t context_bytes(std::string_view mrkdwn) const;

  size_t block_count() const { return blocks_.size(); }
  // Blocks still available, reserve excluded.
  size_t free_blocks() const;
  // The message as JSON text: {"text": …, "blocks": […]}.
  std::string json() const;
  const BlockKitLimits& limits() const { return limits_; }

 private:
  bool try_add(std::string block_json);
  std::string context_json(std::string_view mrkdwn) const;
  size_t size_with(const std::string& block_json) const;

  BlockKitLimits limits_;
  std::string fallback_;
  std::vector<std::string> blocks_;  // each block's JSON text
  size_t blocks_bytes_ = 0;          // sum of blocks_' sizes
  size_t reserved_blocks_ = 0;
  size_t reserved_bytes_ = 0;
};

}  // namespace assay::reporters::slack
