#include "doc_links.h"

#include <cstdint>
#include <map>

namespace assay::docs {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A fence line opens or closes a fenced code block: ``` or ~~~ (3 or more),
// indented at most 3 spaces.
bool is_fence(std::string_view line, std::string_view& fence) {
  size_t indent = 0;
  while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
  if (indent > 3 || indent >= line.size() || (line[indent] != '`' && line[indent] != '~')) return false;
  size_t n = indent;
  while (n < line.size() && line[n] == line[indent]) ++n;
  if (n - indent < 3) return false;
  fence = line.substr(indent, n - indent);
  return true;
}

// The line with inline code spans blanked, so links inside them are not read.
std::string without_code_spans(std::string_view line) {
  std::string out(line);
  size_t i = 0;
  while ((i = out.find('`', i)) != std::string::npos) {
    size_t run = i;
    while (run < out.size() && out[run] == '`') ++run;
    const std::string ticks = out.substr(i, run - i);
    const size_t close = out.find(ticks, run);
    if (close == std::string::npos) break;
    for (size_t k = i; k < close + ticks.size(); ++k) out[k] = ' ';
    i = close + ticks.size();
  }
  return out;
}

// The target of "(target "title")": angle brackets and the title dropped.
std::string link_target(std::string_view inside) {
  inside = trim(inside);
  if (inside.starts_with('<')) {
    const size_t close = inside.find('>');
    return std::string(close == std::string_view::npos ? inside.substr(1) : inside.substr(1, close - 1));
  }
  const size_t space = inside.find_first_of(" \t");
  return std::string(space == std::string_view::npos ? inside : inside.substr(0, space));
}

// Inline links of one line (code spans already blanked).
void inline_links(const std::string& line, uint32_t number, std::vector<DocLink>& out) {
  size_t i = 0;
  while ((i = line.find("](", i)) != std::string::npos) {
    // Find the '[' that opens the text, allowing one level of nested brackets (images in links).
    int depth = 0;
    size_t open = std::string::npos;
    for (size_t k = i; k-- > 0;) {
      if (line[k] == ']') ++depth;
      if (line[k] == '[') {
        if (depth == 0) {
          open = k;
          break;
        }
        --depth;
      }
    }
    // The target runs to the matching ')', counting parentheses inside it.
    size_t close = i + 2;
    int parens = 1;
    for (; close < line.size(); ++close) {
      if (line[close] == '(') ++parens;
      if (line[close] == ')' && --parens == 0) break;
    }
    if (open != std::string::npos && close < line.size()) {
      const std::string target = link_target(std::string_view(line).substr(i + 2, close - i - 2));
      if (!target.empty()) out.push_back({number, line.substr(open + 1, i - open - 1), target});
    }
    i += 2;
  }
}

// [label]: target, indented at most 3 spaces.
void reference_definition(std::string_view line, uint32_t number, std::vector<DocLink>& out) {
  size_t indent = 0;
  while (indent < line.size() && line[indent] == ' ') ++indent;
  if (indent > 3 || indent >= line.size() || line[indent] != '[') return;
  const size_t close = line.find("]:", indent);
  if (close == std::string_view::npos || close == indent + 1) return;
  const std::string label(line.substr(indent + 1, close - indent - 1));
  if (label.starts_with('^')) return;  // a footnote
  const std::string target = link_target(line.substr(close + 2));
  if (!target.empty()) out.push_back({number, label, target});
}

// The code point at text[i] (U+FFFD for a broken sequence) and its length.
uint32_t decode_utf8(std::string_view text, size_t i, size_t& length) {
  const unsigned char lead = static_cast<unsigned char>(text[i]);
  const size_t size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  length = 1;
  if (size == 1 || i + size > text.size()) return 0xFFFD;
  uint32_t code = lead & (0xFF >> (size + 1));
  for (size_t k = 1; k < size; ++k) {
    const unsigned char next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return 0xFFFD;
    code = (code << 6) | (next & 0x3F);
  }
  length = size;
  return code;
}

void append_utf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Punctuation and symbols GitHub drops from anchors, by block: Latin-1
// punctuation and signs, general punctuation (dashes, quotes), arrows,
// mathematical and technical symbols, box drawing, dingbats, CJK
// punctuation, full-width ASCII punctuation, emoji.
bool is_punctuation_or_symbol(uint32_t code) {
  return (code >= 0xA0 && code <= 0xBF) || code == 0xD7 || code == 0xF7 ||
         (code >= 0x2000 && code <= 0x206F) || (code >= 0x20A0 && code <= 0x20CF) ||
         (code >= 0x2100 && code <= 0x2BFF) || (code >= 0x3000 && code <= 0x303F) ||
         (code >= 0xFF01 && code <= 0xFF0F) || (code >= 0xFE00 && code <= 0xFE0F) ||
         (code >= 0x1F000 && code <= 0x1FAFF) || code == 0xFFFD;
}

// Lower case of the Latin-1, Latin Extended-A, Greek and Cyrillic capitals.
uint32_t lower_case(uint32_t code) {
  if ((code >= 0xC0 && code <= 0xDE && code != 0xD7) || (code >= 0x391 && code <= 0x3A9) ||
      (code >= 0x410 && code <= 0x42F))
    return code + 0x20;
  if (code >= 0x400 && code <= 0x40F) return code + 0x50;
  if (code >= 0x100 && code <= 0x17F && code % 2 == 0 && code != 0x130 && code != 0x138) return code + 1;
  return code;
}

// The text a heading renders: links keep their text, images their alt text,
// inline HTML tags and trailing #s are dropped.
std::string heading_text(std::string_view heading) {
  std::string out;
  for (size_t i = 0; i < heading.size(); ++i) {
    const char c = heading[i];
    if (c == '<') {  // an HTML tag
      const size_t close = heading.find('>', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    if (c == ']' && i + 1 < heading.size() && heading[i + 1] == '(') {
      const size_t close = heading.find(')', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

void tag_anchors(std::string_view tag, std::set<std::string>& anchors) {
  for (std::string_view attribute : {"id=\"", "name=\""}) {
    size_t i = 0;
    while ((i = tag.find(attribute, i)) != std::string_view::npos) {
      const size_t start = i + attribute.size();
      const size_t end = tag.find('"', start);
      if (end == std::string_view::npos) break;
      // A whole attribute name (not the end of `cname="` or `data-id="`), and
      // a value HTML accepts as an id: not empty, no whitespace.
      const bool whole_name = i > 0 && (tag[i - 1] == ' ' || tag[i - 1] == '\t');
      const std::string_view value = tag.substr(start, end - start);
      if (whole_name && !value.empty() && value.find_first_of(" \t") == std::string_view::npos)
        anchors.emplace(value);
      i = end;
    }
  }
}

// The id and name attributes of the HTML tags on `line` (`<a name="x">`,
// `<h2 id="x">`); the same words outside a tag are text.
void html_anchors(std::string_view line, std::set<std::string>& anchors) {
  size_t open = 0;
  while ((open = line.find('<', open)) != std::string_view::npos) {
    const size_t close = line.find('>', open);
    tag_anchors(line.substr(open, close == std::string_view::npos ? std::string_view::npos : close - open),
                anchors);
    if (close == std::string_view::npos) break;
    open = close + 1;
  }
}

}  // namespace

std::vector<DocLink> markdown_links(std::string_view text) {
  std::vector<DocLink> links;
  const auto lines = lines_of(text);
  std::string_view fence;
  bool in_fence = false;
  bool in_comment = false;
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    std::string_view this_fence;
    if (is_fence(line, this_fence)) {
      if (!in_fence) {
        in_fence = true;
        fence = this_fence;
      } else if (this_fence.size() >= fence.size() && this_fence[0] == fence[0] &&
                 trim(line).size() == this_fence.size()) {
        in_fence = false;
      }
      continue;
    }
    if (in_fence) continue;
    std::string visible = without_code_spans(line);
    // HTML comments, possibly across lines.
    std::string kept;
    for (size_t i = 0; i < visible.size();) {
      if (in_comment) {
        const size_t end = visible.find("-->", i);
        if (end == std::string::npos) break;
        in_comment = false;
        i = end + 3;
      } else {
        const size_t start = visible.find("<!--", i);
        kept += visible.substr(i, start == std::string::npos ? std::string::npos : start - i);
        if (start == std::string::npos) break;
        in_comment = true;
        i = start + 4;
      }
    }
    const uint32_t number = static_cast<uint32_t>(n + 1);
    inline_links(kept, number, links);
    reference_definition(kept, number, links);
  }
  return links;
}

std::vector<DocLink> rst_links(std::string_view text) {
  std::vector<DocLink> links;
  const auto lines = lines_of(text);
  for (size_t n = 0; n < lines.size(); ++n) {
    const std::string_view line = lines[n];
    const uint32_t number = static_cast<uint32_t>(n + 1);
    // `text <target>`_ and `text <target>`__
    size_t i = 0;
    while ((i = line.find(">`_", i)) != std::string_view::npos) {
      const size_t open = line.rfind('<', i);
      const size_t tick = open == std::string_view::npos ? std::string_view::npos : line.rfind('`', open);
      if (open != std::string_view::npos && tick != std::string_view::npos)
        links.push_back({number, std::string(trim(line.substr(tick + 1, open - tick - 1))),
                         std::string(line.substr(open + 1, i - open - 1))});
      i += 3;
    }
    // :doc:`target` or :doc:`text <target>`
    i = 0;
    while ((i = line.find(":doc:`", i)) != std::string_view::npos) {
      const size_t start = i + 6;
      const size_t end = line.find('`', start);
      if (end == std::string_view::npos) break;
      std::string_view inside = line.substr(start, end - start);
      const size_t lt = inside.find('<');
      std::string target(lt == std::string_view::npos ? inside
                                                      : inside.substr(lt + 1, inside.find('>', lt) - lt - 1));
      links.push_back({number, std::string(inside), target + (target.ends_with(".rst") ? "" : ".rst")});
      i = end;
    }
    const std::string_view t = trim(line);
    // .. _label: target (an external target; internal labels end with ':')
    if (t.starts_with(".. _") && t.find(": ") != std::string_view::npos) {
      const size_t colon = t.find(": ");
      const std::string target(trim(t.substr(colon + 2)));
      if (!target.empty()) links.push_back({number, std::string(t.substr(4, colon - 4)), target});
    }
    for (std::string_view directive : {".. include::", ".. literalinclude::", ".. image::", ".. figure::"}) {
      if (t.starts_with(directive)) {
        const std::string target(trim(t.substr(directive.size())));
        if (!target.empty()) links.push_back({number, std::string(directive.substr(3)), target});
      }
    }
  }
  return links;
}

std::string github_slug(std::string_view heading) {
  const std::string text = heading_text(heading);
  std::string slug;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        slug += static_cast<char>(c - 'A' + 'a');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        slug += static_cast<char>(c);
      } else if (c == ' ') {
        slug += '-';
      }
      ++i;
      continue;
    }
    size_t length = 0;
    const uint32_t code = decode_utf8(text, i, length);
    if (!is_punctuation_or_symbol(code)) append_utf8(slug, lower_case(code));
    i += length;
  }
  return slug;
}

std::set<std::string> markdown_anchors(std::string_view text) {
  std::set<std::string> anchors;
  std::map<std::string, int> seen;
  auto add = [&](std::string_view heading) {
    const std::string slug = github_slug(trim(heading));
    const int count = seen[slug]++;
    anchors.insert(count == 0 ? slug : slug + "-" + std::to_string(count));
  };
  const auto lines = lines_of(text);
  std::string_view fence;
  bool in_fence = false;
  for (size_t n = 0; n < lines.size(); ++n) {
    const std::string_view line = lines[n];
    std::string_view this_fence;
    if (is_fence(line, this_fence)) {
      if (!in_fence) {
        in_fence = true;
        fence = this_fence;
      } else if (this_fence.size() >= fence.size() && this_fence[0] == fence[0]) {
        in_fence = false;
      }
      continue;
    }
    if (in_fence) continue;
    html_anchors(line, anchors);
    size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
    std::string_view rest = line.substr(indent);
    if (indent <= 3 && rest.starts_with('#')) {
      size_t level = 0;
      while (level < rest.size() && rest[level] == '#') ++level;
      if (level <= 6 && (level == rest.size() || rest[level] == ' ' || rest[level] == '\t')) {
        std::string_view title = trim(rest.substr(level));
        while (!title.empty() && title.back() == '#') title.remove_suffix(1);  // closing sequence
        add(trim(title));
        continue;
      }
    }
    // Setext: a text line underlined with === or ---.
    if (n + 1 < lines.size() && !trim(line).empty()) {
      const std::string_view under = trim(lines[n + 1]);
      if (!under.empty() &&
          (under.find_first_not_of('=') == std::string_view::npos ||
           (under.find_first_not_of('-') == std::string_view::npos && under.size() >= 2)) &&
          !rest.starts_with('-') && !rest.starts_with('*') && !rest.starts_with('|'))
        add(trim(line));
    }
  }
  return anchors;
}

}  // namespace assay::docs
