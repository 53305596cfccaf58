#include "marker_format.h"

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

namespace assay::markers {
namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offset just past the first `n` code points of `text`.
size_t offset_of_char(std::string_view text, size_t n) {
  size_t p = 0;
  for (size_t count = 0; p < text.size() && count < n; ++count) {
    ++p;
    while (p < text.size() && is_continuation_byte(text[p])) ++p;
  }
  return p;
}

size_t char_count(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += is_continuation_byte(c) ? 0 : 1;
  return n;
}

const char* comment_name(CommentKind kind) {
  switch (kind) {
    case CommentKind::line:
      return "line";
    case CommentKind::block:
      return "block";
    case CommentKind::doc:
      return "doc";
  }
  return "line";
}

// Length of the valid UTF-8 sequence at the start of `text`, or 0.
size_t valid_sequence_length(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  size_t length = 0;
  uint32_t min_value = 0;
  uint32_t value = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, min_value = 0x80, value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min_value = 0x800, value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min_value = 0x10000, value = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if (!is_continuation_byte(text[i])) return 0;
    value = (value << 6) | (static_cast<unsigned char>(text[i]) & 0x3F);
  }
  const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  return (value < min_value || value > 0x10FFFF || surrogate) ? 0 : length;
}

// Length of the leading run of ASCII bytes of `text`, eight at a time:
// most marker text is ASCII and needs no per-sequence check.
size_t ascii_prefix(std::string_view text) {
  size_t p = 0;
  for (; p + 8 <= text.size(); p += 8) {
    uint64_t word = 0;
    std::memcpy(&word, text.data() + p, sizeof word);
    if ((word & 0x8080808080808080ull) != 0) break;
  }
  while (p < text.size() && static_cast<unsigned char>(text[p]) < 0x80) ++p;
  return p;
}

}  // namespace

std::string to_valid_utf8(std::string_view text) {
  if (ascii_prefix(text) == text.size()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t n = valid_sequence_length(text);
    if (n == 0) {
      out += "\uFFFD";
      text.remove_prefix(1);
    } else {
      out.append(text.substr(0, n));
      text.remove_prefix(n);
    }
  }
  return out;
}

std::string shorten(std::string_view text, size_t max_chars) {
  if (char_count(text) <= max_chars) return std::string(text);
  if (max_chars == 0) return {};
  std::string_view head = text.substr(0, offset_of_char(text, max_chars - 1));
  // Cut at the last space when it keeps at least half of the room: a word
  // boundary is worth a shorter title, a mangled one is not.
  const size_t space = head.rfind(' ');
  if (space != std::string_view::npos && char_count(head.substr(0, space)) >= max_chars / 2)
    head = head.substr(0, space);
  while (!head.empty() &&
         (head.back() == ' ' || head.back() == ',' || head.back() == ';' || head.back() == ':'))
    head.remove_suffix(1);
  return std::string(head) + "\u2026";
}

std::string marker_title(const Marker& marker, std::string_view path) {
  if (marker.first_line.empty() && marker.text.empty()) return marker.tag + " in " + std::string(path);
  const std::string& text = marker.first_line.empty() ? marker.text : marker.first_line;
  std::string title = marker.tag + ": ";
  bool in_space = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t';
    if (space && in_space) continue;
    title += space ? ' ' : c;
    in_space = space;
  }
  return shorten(title, kMaxTitleChars);
}

double marker_confidence(const Marker& marker) {
  const bool has_text = !marker.text.empty();
  if (marker.upper_case) return has_text ? 0.9 : 0.6;
  return has_text ? 0.7 : 0.4;
}

namespace {

bool is_valid_utf8(std::string_view text) {
  text.remove_prefix(ascii_prefix(text));
  while (!text.empty()) {
    const size_t n = valid_sequence_length(text);
    if (n == 0) return false;
    text.remove_prefix(n);
  }
  return true;
}

// `text` (valid UTF-8) as a JSON string, escaped exactly where
// nlohmann::json's dump escapes: the quote, the backslash and the control
// characters, those without a short form as \u00xx in lower-case hex.
void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t plain_from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
    // Runs of bytes written as they are go out in one append.
    out.append(text.data() + plain_from, i - plain_from);
    plain_from = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[(c >> 4) & 0xF];
        out += kHex[c & 0xF];
    }
  }
  out.append(text.data() + plain_from, text.size() - plain_from);
  out += '"';
}

void append_member(std::string& out, std::string_view key, std::string_view value) {
  out += '"';
  out += key;
  out += "\":";
  append_json_string(out, value);
}

void append_text_or_null(std::string& out, std::string_view key, std::string_view value) {
  out += '"';
  out += key;
  out += "\":";
  if (value.empty()) {
    out += "null";
  } else {
    append_json_string(out, value);
  }
}

// The library's writer: the reference form, and what replaces invalid UTF-8.
std::string details_json_by_library(const Marker& marker, std::string_view language, const MarkerOrigin* origin) {
  nlohmann::json j = {{"tag", marker.tag},
                      {"text", marker.text},
                      {"owner", marker.owner},
                      {"reference", marker.reference},
                      {"language", std::string(language)},
                      {"comment", comment_name(marker.comment)}};
  if (origin != nullptr) {
    auto text_or_null = [](const std::string& s) {
      return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
    };
    j["origin"] = {{"state", origin->state},
                   {"commit", text_or_null(origin->commit)},
                   {"author", text_or_null(origin->author)},
                   {"time", text_or_null(origin->time)}};
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string marker_details_json(const Marker& marker, std::string_view language, const MarkerOrigin* origin) {
  bool valid = is_valid_utf8(marker.tag) && is_valid_utf8(marker.text) && is_valid_utf8(marker.owner) &&
               is_valid_utf8(marker.reference) && is_valid_utf8(language);
  if (origin != nullptr) {
    valid = valid && is_valid_utf8(origin->state) && is_valid_utf8(origin->commit) &&
            is_valid_utf8(origin->author) && is_valid_utf8(origin->time);
  }
  if (!valid) return details_json_by_library(marker, language, origin);
  // Written directly, one marker at a time on the scan's hot path: the same
  // bytes as the library's compact dump, keys in its (sorted) order.
  std::string out;
  out.reserve(160 + marker.text.size() + (origin ? 120 : 0));
  out += '{';
  append_member(out, "comment", comment_name(marker.comment));
  out += ',';
  append_member(out, "language", language);
  if (origin != nullptr) {
    out += ",\"origin\":{";
    append_text_or_null(out, "author", origin->author);
    out += ',';
    append_text_or_null(out, "commit", origin->commit);
    out += ',';
    append_member(out, "state", origin->state);
    out += ',';
    append_text_or_null(out, "time", origin->time);
    out += '}';
  }
  out += ',';
  append_member(out, "owner", marker.owner);
  out += ',';
  append_member(out, "reference", marker.reference);
  out += ',';
  append_member(out, "tag", marker.tag);
  out += ',';
  append_member(out, "text", marker.text);
  out += '}';
  return out;
}

}  // namespace assay::markers
