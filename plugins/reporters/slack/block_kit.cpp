#include "block_kit.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace assay::reporters::slack {
namespace {

using Json = nlohmann::json;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Bytes of the first `chars` code points of `text`.
size_t prefix_bytes(std::string_view text, size_t chars) {
  size_t i = 0;
  size_t seen = 0;
  while (i < text.size()) {
    if (!is_continuation(static_cast<unsigned char>(text[i]))) {
      if (seen == chars) return i;
      ++seen;
    }
    ++i;
  }
  return i;
}

std::string dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json text_object(const char* type, std::string_view text) {
  return Json{{"type", type}, {"text", std::string(text)}};
}

std::string section_json(const std::string& mrkdwn) {
  return dump(Json{{"type", "section"}, {"text", text_object("mrkdwn", mrkdwn)}});
}

std::string more_line(size_t left_out) { return "_…and " + std::to_string(left_out) + " more_"; }

// The lines [0, count) joined, plus the note for the rest and for the
// `hidden` lines the caller left out before.
std::string joined(const std::vector<std::string>& lines, size_t count, size_t hidden) {
  std::string text;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) text += '\n';
    text += lines[i];
  }
  if (count < lines.size() || hidden > 0) {
    if (count > 0) text += '\n';
    text += more_line(lines.size() - count + hidden);
  }
  return text;
}

// How many whole lines fit in `max_chars` together with the note for the
// lines left out (none needed when all fit).
size_t whole_lines_fitting(const std::vector<std::string>& lines, size_t max_chars, size_t hidden) {
  size_t used = 0;  // characters of lines [0, count) with their separators
  size_t count = 0;
  for (; count < lines.size(); ++count) {
    const size_t next = used + (count > 0 ? 1 : 0) + char_count(lines[count]);
    if (next > max_chars) break;
    used = next;
  }
  while (count > 0 && char_count(joined(lines, count, hidden)) > max_chars) --count;
  return count;
}

// Prefix for the JSON of the whole message: {"text":…,"blocks":[ … ]}.
constexpr size_t kEnvelopeBytes = sizeof("{\"text\":,\"blocks\":[]}") - 1;

}  // namespace

size_t char_count(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += is_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return count;
}

std::string clip(std::string_view text, size_t max_chars) {
  if (char_count(text) <= max_chars) return std::string(text);
  if (max_chars == 0) return "";
  return std::string(text.substr(0, prefix_bytes(text, max_chars - 1))) + "…";
}

std::string fit_lines(const std::vector<std::string>& lines, size_t max_chars, size_t hidden) {
  if (lines.empty()) return hidden > 0 ? clip(more_line(hidden), max_chars) : "";
  const size_t count = whole_lines_fitting(lines, max_chars, hidden);
  if (count > 0) return joined(lines, count, hidden);
  // Not even the first line fits with the note: clip it instead.
  const std::string note = "\n" + more_line(lines.size() - 1 + hidden);
  const size_t note_chars = char_count(note);
  if ((lines.size() == 1 && hidden == 0) || note_chars >= max_chars) return clip(lines[0], max_chars);
  return clip(lines[0], max_chars - note_chars) + note;
}

std::string mrkdwn_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

BlockKitMessage::BlockKitMessage(BlockKitLimits limits) : limits_(limits) { fallback_ = dump(Json("")); }

void BlockKitMessage::set_fallback(std::string_view text) {
  fallback_ = dump(Json(clip(text, limits_.fallback_chars)));
}

void BlockKitMessage::reserve(size_t blocks, size_t bytes) {
  reserved_blocks_ = blocks;
  reserved_bytes_ = bytes;
}

void BlockKitMessage::release_reserve() {
  reserved_blocks_ = 0;
  reserved_bytes_ = 0;
}

size_t BlockKitMessage::free_blocks() const {
  const size_t used = blocks_.size() + reserved_blocks_;
  return used >= limits_.max_blocks ? 0 : limits_.max_blocks - used;
}

size_t BlockKitMessage::size_with(const std::string& block_json) const {
  const size_t n = blocks_.size() + 1;
  return kEnvelopeBytes + fallback_.size() + blocks_bytes_ + block_json.size() + (n - 1);
}

bool BlockKitMessage::try_add(std::string block_json) {
  if (free_blocks() == 0) return false;
  // A reserve of bytes also stands for the commas of its blocks.
  if (size_with(block_json) + reserved_bytes_ + reserved_blocks_ > limits_.message_bytes) return false;
  blocks_bytes_ += block_json.size();
  blocks_.push_back(std::move(block_json));
  return true;
}

bool BlockKitMessage::add_header(std::string_view plain_text) {
  Json block{{"type", "header"}, {"text", text_object("plain_text", clip(plain_text, limits_.header_chars))}};
  block["text"]["emoji"] = true;
  return try_add(dump(block));
}

bool BlockKitMessage::add_section(std::string_view mrkdwn) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (;;) {
    const size_t end = mrkdwn.find('\n', start);
    lines.emplace_back(mrkdwn.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return add_line_section(lines, 1, 0);
}

bool BlockKitMessage::add_context(std::string_view mrkdwn) { return try_add(context_json(mrkdwn)); }

std::string BlockKitMessage::context_json(std::string_view mrkdwn) const {
  return dump(Json{{"type", "context"},
                   {"elements", Json::array({text_object("mrkdwn", clip(mrkdwn, limits_.context_chars))})}});
}

size_t BlockKitMessage::section_bytes(const std::vector<std::string>& lines, size_t hidden) const {
  return section_json(fit_lines(lines, limits_.section_chars, hidden)).size();
}

size_t BlockKitMessage::context_bytes(std::string_view mrkdwn) const { return context_json(mrkdwn).size(); }

bool BlockKitMessage::add_divider() { return try_add(dump(Json{{"type", "divider"}})); }

bool BlockKitMessage::add_line_section(const std::vector<std::string>& lines, size_t min_lines,
                                       size_t hidden) {
  if (lines.empty()) return false;
  size_t count = whole_lines_fitting(lines, limits_.section_chars, hidden);
  if (count == 0)  // the first line alone is too long: it goes in clipped
    return min_lines <= 1 && try_add(section_json(fit_lines(lines, limits_.section_chars, hidden)));
  // Fewer whole lines until the block fits the message's byte budget.
  for (; count >= std::max<size_t>(min_lines, 1); --count) {
    if (try_add(section_json(joined(lines, count, hidden)))) return true;
  }
  return false;
}

std::string BlockKitMessage::json() const {
  std::string out = "{\"text\":" + fallback_ + ",\"blocks\":[";
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (i > 0) out += ',';
    out += blocks_[i];
  }
  out += "]}";
  return out;
}

}  // namespace assay::reporters::slack
