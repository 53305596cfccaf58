#include "lexer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>

#include "byte_set.h"
#include "makefile_lines.h"

namespace assay::markers {
namespace {

// Interpolations inside strings inside interpolations...: beyond this depth
// the rest of a string is taken as string, so crafted input cannot exhaust
// the stack.
constexpr int kMaxNesting = 64;

// Comment styles: line comments use their index in the syntax's list, block
// comments 100 + index, special forms the values below.
constexpr uint16_t kBlockStyleBase = 100;
constexpr uint16_t kStyleLongBracket = 200;
constexpr uint16_t kStyleDocstring = 201;
constexpr uint16_t kStyleRst = 202;

// String syntaxes (per language, in table order) whose bodies are skipped
// with a ByteSet search; any further ones go byte by byte.
constexpr size_t kMaxFastStrings = 8;

// The letters that may prefix a Python string literal (r"", b'', f"", u'').
constexpr const char* kPythonPrefixes = "rRbBuUfF";

bool is_ident(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_' || u >= 0x80;
}

bool is_hspace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// `text` holds `s` at `p` (p <= text.size()). Openers and closers are a few
// bytes: compared in place, without a call to memcmp for each.
bool has_at(std::string_view text, size_t p, std::string_view s) {
  if (text.size() - p < s.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (text[p + i] != s[i]) return false;
  }
  return true;
}

bool one_of(char c, std::string_view set) { return c != 0 && set.find(c) != std::string_view::npos; }

char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (to_lower(text[i]) != to_lower(prefix[i])) return false;
  }
  return true;
}

size_t find_ci(std::string_view text, std::string_view needle, size_t from) {
  for (size_t p = from; p + needle.size() <= text.size(); ++p) {
    if (starts_with_ci(text.substr(p), needle)) return p;
  }
  return std::string_view::npos;
}

size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

char closing_bracket(char open) {
  switch (open) {
    case '(':
      return ')';
    case '[':
      return ']';
    case '{':
      return '}';
    case '<':
      return '>';
    default:
      return open;
  }
}

// Words after which a '/' starts a regular expression rather than a division.
bool is_regex_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "return",     "typeof", "case",  "do",    "else", "in", "of",     "new", "delete", "void", "throw",
      "instanceof", "yield",  "await", "split", "when", "if", "unless", "and", "or",     "not",  "grep"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// Newlines in [p, end), eight bytes at a time: advance() counts the lines of
// every string and comment the lexer steps over.
uint32_t count_newlines(const char* p, const char* end) {
  constexpr uint64_t kNewlines = 0x0A0A0A0A0A0A0A0Aull;
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  uint32_t count = 0;
  for (; end - p >= 8; p += 8) {
    uint64_t x = 0;
    std::memcpy(&x, p, sizeof x);
    x ^= kNewlines;  // a zero byte where a newline was
    // The top bit of each byte of `zero` is set exactly for the zero bytes of
    // x (no carry crosses a byte); their sum is the count.
    const uint64_t zero = ~(((x & kLow7) + kLow7) | x) & ~kLow7;
    count += static_cast<uint32_t>(((zero >> 7) * kOnes) >> 56);
  }
  for (; p < end; ++p) count += *p == '\n' ? 1 : 0;
  return count;
}

struct PendingHeredoc {
  std::string_view id;
  bool indented;  // the terminator may be indented
  bool php;       // the terminator may be followed by code (PHP's "EOT;")
};

class Lexer {
 public:
  // `starts_mid_line`: the source is a part of a buffer that begins after
  // other text on its first line, so nothing on that line stands on its own.
  Lexer(std::string_view source, const Syntax& syntax, CommentList& out, uint32_t first_line,
        bool starts_mid_line = false)
      : src_(source), syn_(syntax), out_(out), line_(first_line), starts_mid_line_(starts_mid_line) {
    mark_interesting();
  }

  // Records the non-code spans found from now on, at offsets shifted by
  // `base` (where this lexer's source begins in the whole buffer).
  void record_spans(std::vector<NonCodeSpan>* spans, size_t base) {
    spans_ = spans;
    base_ = base;
  }

  // Lets lex_code stop at the first line end after `offset` that closes a
  // line with no comment on it, in code outside any literal: from there on
  // no comment can hold a byte at or before `offset` or continue one that
  // does.
  void stop_after(size_t offset) { stop_after_ = offset; }

  void run() {
    if (syn_.markup != MarkupStyle::none) return lex_markup();
    if (syn_.rst_comments) return lex_rst();
    if (syn_.makefile_recipes) return lex_makefile();
    check_data_end();
    lex_code(0);
  }

 private:
  std::string_view rest() const { return src_.substr(pos_); }
  bool at(std::string_view s) const { return has_at(src_, pos_, s); }
  bool at_line_start(size_t p) const { return p == 0 || src_[p - 1] == '\n'; }
  char peek(size_t offset) const { return pos_ + offset < src_.size() ? src_[pos_ + offset] : '\0'; }
  char before(size_t p) const { return p == 0 ? '\0' : src_[p - 1]; }

  void advance(size_t n) {
    const size_t end = std::min(src_.size(), pos_ + n);
    line_ += count_newlines(src_.data() + pos_, src_.data() + end);
    pos_ = end;
  }
  void advance_to(size_t p) { advance(p > pos_ ? p - pos_ : 0); }

  bool blank_before(size_t p) const {
    while (p > 0 && src_[p - 1] != '\n') {
      if (!is_hspace(src_[p - 1])) return false;
      --p;
    }
    return p > 0 || !starts_mid_line_;
  }

  size_t line_end(size_t p) const {
    const size_t nl = src_.find('\n', p);
    return nl == std::string_view::npos ? src_.size() : nl;
  }

  bool placement_ok(Placement placement, size_t p) const {
    if (placement == Placement::anywhere || at_line_start(p)) return true;
    const char b = src_[p - 1];
    switch (placement) {
      case Placement::word_start:
        return is_hspace(b) || one_of(b, ";|&()");
      case Placement::token_start:
        return is_hspace(b) || one_of(b, ":-[{,=");
      case Placement::after_space:
        return is_hspace(b);
      case Placement::line_start:
        return blank_before(p);
      case Placement::anywhere:
        break;
    }
    return true;
  }

  // Bytes that may begin a comment or a string get the slow path; every
  // other byte is plain code. Comment and string openers are told apart so
  // that a quote does not try every comment form first.
  void mark_interesting() {
    auto mark = [](std::array<bool, 256>& table, std::string_view s, bool both_cases = false) {
      if (s.empty()) return;
      const auto first = static_cast<unsigned char>(s[0]);
      table[first] = true;
      if (both_cases) {
        table[static_cast<unsigned char>(std::tolower(first))] = true;
        table[static_cast<unsigned char>(std::toupper(first))] = true;
      }
    };
    for (const auto& l : syn_.line_comments) mark(comment_start_, l.prefix, l.case_insensitive);
    for (const auto& b : syn_.block_comments) mark(comment_start_, b.open);
    mark(comment_start_, syn_.long_bracket_comment);
    mark(comment_start_, syn_.char_prefix);
    mark(comment_start_, syn_.line_string_prefix);
    for (const auto& s : syn_.strings) mark(string_start_, s.open);
    std::string extra;
    if (syn_.cpp_raw_strings) extra += "R";
    if (syn_.rust_raw_strings) extra += "rb";
    if (syn_.swift_raw_strings) extra += "#";
    if (syn_.csharp_raw_strings) extra += "\"";
    if (syn_.long_bracket_strings) extra += "[";
    if (syn_.regex_literals) extra += "/";
    if (syn_.perl_quote_like) extra += "qmsty";
    if (syn_.ruby_percent_literals) extra += "%";
    if (syn_.elixir_sigils) extra += "~";
    if (syn_.heredoc != HeredocStyle::none) extra += "<";
    for (char c : extra) string_start_[static_cast<unsigned char>(c)] = true;
    for (size_t i = 0; i < 256; ++i) {
      if (comment_start_[i] || string_start_[i]) flat_interesting_.add(static_cast<unsigned char>(i));
    }
    // Python's string prefixes are letters, frequent in code: rather than
    // stopping at each, skip_plain_code looks back from the quote after them
    // (see string_prefix_before). They still start strings in try_string.
    if (syn_.python_strings) {
      for (char c : std::string_view(kPythonPrefixes)) string_start_[static_cast<unsigned char>(c)] = true;
    }
    for (const auto& s : syn_.strings) quote_start_[static_cast<unsigned char>(s.open[0])] = true;
    flat_interesting_.add('\n');
    interesting_ = flat_interesting_;
    for (char c : std::string_view("(){}[]")) interesting_.add(static_cast<unsigned char>(c));
    mark_string_stops();
  }

  // For the first kMaxFastStrings string syntaxes: the bytes at which a run
  // of plain string text ends (closer, escape, interpolation, and the newline
  // for single-line strings).
  void mark_string_stops() {
    for (size_t i = 0; i < syn_.strings.size() && i < kMaxFastStrings; ++i) {
      const StringSyntax& s = syn_.strings[i];
      auto stop_at = [&](char c) { string_stops_[i].add(static_cast<unsigned char>(c)); };
      stop_at(s.close[0]);
      if (s.escape != '\0') stop_at(s.escape);
      if (!s.interpolation.empty()) stop_at(s.interpolation[0]);
      if (!s.interpolation2.empty()) stop_at(s.interpolation2[0]);
      if (!s.multiline) stop_at('\n');
    }
  }

  // --- output ---

  // [start, pos_) was a comment or a literal: a comment when the lexer
  // emitted one for it. Inside an interpolation the enclosing literal's
  // span covers it already.
  void record(size_t start, size_t comments_before) {
    if (spans_ == nullptr || depth_ > 0 || pos_ <= start) return;
    spans_->push_back(NonCodeSpan{base_ + start, base_ + pos_, out_.comments.size() > comments_before});
  }

  // `spliced`: every line but the last ends in a backslash that joined it to
  // the next; the backslash is syntax, not text.
  void emit(CommentKind kind, uint16_t style, size_t start, uint32_t first_line, size_t body_begin,
            size_t body_end, bool spliced = false) {
    Comment c{
        kind, style, blank_before(start), style < kBlockStyleBase, static_cast<uint32_t>(out_.lines.size()),
        0};
    uint32_t line = first_line;
    size_t p = body_begin;
    while (true) {
      size_t nl = src_.find('\n', p);
      if (nl == std::string_view::npos || nl > body_end) nl = body_end;
      std::string_view text = src_.substr(p, nl - p);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (spliced && nl < body_end) text = without_splice(text);
      out_.lines.push_back(CommentLine{line, text});
      ++c.count;
      if (nl >= body_end) break;
      p = nl + 1;
      ++line;
    }
    out_.comments.push_back(c);
  }

  static std::string_view without_splice(std::string_view text) {
    while (!text.empty() && is_hspace(text.back())) text.remove_suffix(1);
    if (!text.empty() && text.back() == '\\') text.remove_suffix(1);
    return text;
  }

  // --- code ---

  void lex_code(char close) {
    const char open = close == '}' ? '{' : (close == ')' ? '(' : '\0');
    // Brackets matter only for finding the end of an interpolation and for
    // Python's statement tracking; elsewhere they are plain code.
    const ByteSet& stops = close != '\0' || syn_.python_strings ? interesting_ : flat_interesting_;
    int nesting = 0;
    while (pos_ < src_.size() && !stopped_) {
      const char c = src_[pos_];
      if (!stops.contains(c) && pos_ != prefix_at_) {
        skip_plain_code(stops);
        continue;
      }
      if (c == '\n') {
        if (pos_ > stop_after_ && depth_ == 0 && !comment_on_this_line()) {
          stopped_ = true;
          return;
        }
        newline();
        continue;
      }
      if (close != '\0') {
        if (c == open) {
          ++nesting;
        } else if (c == close) {
          if (nesting == 0) {
            ++pos_;
            prev_sig_ = ')';
            return;
          }
          --nesting;
        }
      }
      const auto u = static_cast<unsigned char>(c);
      if (comment_start_[u] || string_start_[u]) {
        const size_t start = pos_;
        const size_t comments_before = out_.comments.size();
        if ((comment_start_[u] && try_comment()) || (string_start_[u] && try_string())) {
          record(start, comments_before);
          continue;
        }
      }
      code_char(c);
    }
  }

  // A run of bytes that start nothing: only the last significant one matters.
  void skip_plain_code(const ByteSet& stops) {
    const char* data = src_.data();
    const size_t begin = pos_;
    size_t p = static_cast<size_t>(stops.find(data + pos_, data + src_.size()) - data);
    if (syn_.python_strings && p < src_.size() && quote_start_[static_cast<unsigned char>(data[p])]) {
      const size_t prefix = string_prefix_before(p);
      if (prefix > 0 && p - prefix >= begin) {
        p -= prefix;
        prefix_at_ = p;  // lex_code stops here although letters are no stops
      }
    }
    pos_ = p;
    for (; p > begin; --p) {
      if (!is_hspace(data[p - 1])) {
        prev_sig_ = data[p - 1];
        prev_sig_pos_ = p - 1;
        line_has_code_ = true;
        break;
      }
    }
  }

  // The length of the Python string prefix that ends at the quote at `quote`:
  // the whole identifier before the quote when it is one or two prefix
  // letters, as try_string reads it when it meets the identifier's first
  // letter; 0 otherwise.
  size_t string_prefix_before(size_t quote) const {
    size_t start = quote;
    while (start > 0 && quote - start < 3 && is_ident(src_[start - 1])) --start;
    const size_t length = quote - start;
    if (length == 0 || length > 2 || (start > 0 && is_ident(src_[start - 1]))) return 0;
    for (size_t i = start; i < quote; ++i) {
      if (std::string_view(kPythonPrefixes).find(src_[i]) == std::string_view::npos) return 0;
    }
    return length;
  }

  void code_char(char c) {
    if (!is_hspace(c)) {
      prev_sig_ = c;
      prev_sig_pos_ = pos_;
      line_has_code_ = true;
      if (syn_.python_strings) {
        if (one_of(c, "([{")) ++brackets_;
        if (one_of(c, ")]}") && brackets_ > 0) --brackets_;
      }
    }
    ++pos_;
  }

  bool comment_on_this_line() const { return !out_.lines.empty() && out_.lines.back().line >= line_; }

  void newline() {
    size_t p = pos_;
    while (p > 0 && src_[p - 1] == '\r') --p;
    const bool continued = p > 0 && src_[p - 1] == '\\';
    ++pos_;
    ++line_;
    if (!heredocs_.empty()) lex_heredoc_bodies();
    if (brackets_ == 0 && !continued) line_has_code_ = false;
    continued_line_ = continued;
    check_data_end();
  }

  void check_data_end() {
    if (!syn_.data_end || depth_ > 0 || pos_ >= src_.size() || src_[pos_] != '_') return;
    for (std::string_view word : {std::string_view("__END__"), std::string_view("__DATA__")}) {
      if (at(word) && line_end(pos_) - pos_ <= word.size() + 1 && at_line_start(pos_)) {
        const size_t data_begin = pos_;
        if (syn_.perl_quote_like) lex_pod_only();
        if (spans_ != nullptr) spans_->push_back(NonCodeSpan{base_ + data_begin, base_ + src_.size(), false});
        stopped_ = true;
        return;
      }
    }
  }

  // After Perl's __END__ only POD documentation is still meaningful.
  void lex_pod_only() {
    while (pos_ < src_.size()) {
      if (at_line_start(pos_) && try_block_comments()) continue;
      advance(1);
    }
  }

  // --- comments ---

  bool starts_here(std::string_view s) const { return !s.empty() && s[0] == src_[pos_] && at(s); }

  bool try_comment() {
    if (starts_here(syn_.char_prefix) && !is_ident(before(pos_))) {
      advance(syn_.char_prefix.size());
      const char c = peek(0);
      advance(c == '\\' ? 2 : utf8_length(static_cast<unsigned char>(c)));
      prev_sig_ = ')';
      return true;
    }
    if (starts_here(syn_.line_string_prefix)) {
      advance_to(line_end(pos_));
      prev_sig_ = ')';
      return true;
    }
    if (starts_here(syn_.long_bracket_comment)) {
      const size_t open_len = syn_.long_bracket_comment.size();
      if (int level = long_bracket_level(pos_ + open_len); level >= 0) {
        lex_long_bracket(open_len, level, true);
        return true;
      }
    }
    return try_block_comments() || try_line_comments();
  }

  bool try_block_comments() {
    for (size_t i = 0; i < syn_.block_comments.size(); ++i) {
      const auto& b = syn_.block_comments[i];
      if (b.open[0] != src_[pos_] || !at(b.open)) continue;
      const char next = peek(b.open.size());
      if (one_of(next, b.not_followed_by)) continue;
      if (b.line_start_only && (!at_line_start(pos_) || (next != '\0' && !is_hspace(next) && next != '\n')))
        continue;
      lex_block(b, static_cast<uint16_t>(kBlockStyleBase + i));
      return true;
    }
    return false;
  }

  // The opener that nests inside `b`: "/*" also inside "/**" documentation.
  std::string_view nesting_open(const BlockCommentSyntax& b) const {
    std::string_view open = b.open;
    for (const auto& other : syn_.block_comments) {
      if (other.close == b.close && other.open.size() < open.size() && b.open.starts_with(other.open))
        open = other.open;
    }
    return open;
  }

  void lex_block(const BlockCommentSyntax& b, uint16_t style) {
    const size_t start = pos_;
    const uint32_t first_line = line_;
    advance(b.open.size());
    const size_t body_begin = pos_;
    size_t body_end = src_.size();
    if (b.line_start_only) {
      while (pos_ < src_.size()) {
        const size_t eol = line_end(pos_);
        if (at_line_start(pos_) && at(b.close)) {
          body_end = pos_ > body_begin ? pos_ - 1 : pos_;
          advance_to(eol);
          break;
        }
        advance_to(eol < src_.size() ? eol + 1 : eol);
      }
    } else if (!b.nests) {
      const size_t end = src_.find(b.close, pos_);
      if (end != std::string_view::npos) body_end = end;
      advance_to(end == std::string_view::npos ? src_.size() : end + b.close.size());
    } else {
      body_end = skip_nested(nesting_open(b), b.close);
    }
    emit(b.kind, style, start, first_line, body_begin, std::max(body_begin, body_end));
  }

  // Skips a nested block comment's body; returns where its text ends.
  size_t skip_nested(std::string_view open, std::string_view close) {
    int level = 1;
    size_t p = pos_;
    while (p < src_.size()) {
      const char c = src_[p];
      if (c == close[0] && src_.substr(p).starts_with(close)) {
        p += close.size();
        if (--level == 0) {
          advance_to(p);
          return p - close.size();
        }
      } else if (c == open[0] && src_.substr(p).starts_with(open)) {
        ++level;
        p += open.size();
      } else {
        ++p;
      }
    }
    advance_to(src_.size());
    return src_.size();
  }

  bool try_line_comments() {
    for (size_t i = 0; i < syn_.line_comments.size(); ++i) {
      const auto& l = syn_.line_comments[i];
      if (to_lower(l.prefix[0]) != to_lower(src_[pos_])) continue;
      if (!(l.case_insensitive ? starts_with_ci(rest(), l.prefix) : at(l.prefix))) continue;
      if (!placement_ok(l.placement, pos_)) continue;
      if (one_of(before(pos_), l.not_preceded_by)) continue;
      if (l.escapable && before(pos_) == '\\') continue;
      if (l.case_insensitive && is_ident(before(pos_))) continue;
      size_t after = pos_ + l.prefix.size();
      if (l.needs_space_after && after < src_.size() && !is_hspace(src_[after]) && src_[after] != '\n')
        continue;
      if (!l.not_followed_by.empty()) {
        while (after < src_.size() && src_[after] == l.prefix.back()) ++after;
        if (after < src_.size() && one_of(src_[after], l.not_followed_by)) continue;
      }
      const size_t body_begin = pos_ + l.prefix.size();
      size_t eol = line_end(pos_);
      bool spliced = false;
      while (eol < src_.size() && ends_in_splice(l.splice, body_begin, eol)) {
        eol = line_end(eol + 1);
        spliced = true;
      }
      emit(l.kind, static_cast<uint16_t>(i), pos_, line_, body_begin, eol, spliced);
      advance_to(eol);
      return true;
    }
    return false;
  }

  // Whether the line ending at the newline `eol` continues onto the next,
  // looking back no further than `from`.
  bool ends_in_splice(LineSplice splice, size_t from, size_t eol) const {
    size_t p = eol;
    if (p > from && src_[p - 1] == '\r') --p;
    if (splice == LineSplice::backslash) {
      while (p > from && is_hspace(src_[p - 1])) --p;
      return p > from && src_[p - 1] == '\\';
    }
    if (splice == LineSplice::odd_backslashes) {
      size_t backslashes = 0;
      while (p > from && src_[p - 1] == '\\') --p, ++backslashes;
      return backslashes % 2 == 1;
    }
    return false;
  }

  // Level of a long bracket [=*[ at p, or -1.
  int long_bracket_level(size_t p) const {
    if (p >= src_.size() || src_[p] != '[') return -1;
    size_t q = p + 1;
    while (q < src_.size() && src_[q] == '=') ++q;
    if (q >= src_.size() || src_[q] != '[') return -1;
    return static_cast<int>(q - p - 1);
  }

  void lex_long_bracket(size_t prefix_len, int level, bool comment) {
    const size_t start = pos_;
    const uint32_t first_line = line_;
    advance(prefix_len + static_cast<size_t>(level) + 2);
    const size_t body_begin = pos_;
    const std::string close = "]" + std::string(static_cast<size_t>(level), '=') + "]";
    size_t end = src_.find(close, pos_);
    const size_t body_end = end == std::string_view::npos ? src_.size() : end;
    advance_to(end == std::string_view::npos ? src_.size() : end + close.size());
    if (comment) emit(CommentKind::block, kStyleLongBracket, start, first_line, body_begin, body_end);
    prev_sig_ = ')';
  }

  // --- strings ---

  bool try_string() {
    const char c = src_[pos_];
    if (try_special_string(c)) {
      prev_sig_ = ')';
      line_has_code_ = true;
      return true;
    }
    size_t prefix = 0;
    if (syn_.python_strings && !is_ident(before(pos_))) {
      while (prefix < 2 && one_of(peek(prefix), "rRbBuUfF")) ++prefix;
    }
    const std::string_view from = src_.substr(pos_ + prefix);
    for (const auto& s : syn_.strings) {
      if (from.empty() || s.open[0] != from[0] || !has_at(from, 0, s.open)) continue;
      if (!placement_ok(s.placement, pos_)) continue;
      if (s.char_literal) return try_char_literal();
      lex_string(s, prefix);
      return true;
    }
    return false;
  }

  bool try_char_literal() {
    size_t p = pos_ + 1;
    if (p >= src_.size() || src_[p] == '\n' || src_[p] == '\'') return false;
    size_t close = std::string_view::npos;
    if (src_[p] == '\\') {
      for (size_t q = p + 2; q < src_.size() && q < p + 12 && src_[q] != '\n'; ++q) {
        if (src_[q] == '\'') {
          close = q;
          break;
        }
      }
    } else {
      const size_t q = p + utf8_length(static_cast<unsigned char>(src_[p]));
      if (q < src_.size() && src_[q] == '\'') close = q;
    }
    if (close == std::string_view::npos) return false;
    pos_ = close + 1;
    prev_sig_ = ')';
    line_has_code_ = true;
    return true;
  }

  void lex_string(const StringSyntax& s, size_t prefix) {
    const size_t start = pos_;
    const uint32_t first_line = line_;
    const bool statement_start = syn_.python_strings && brackets_ == 0 && !line_has_code_ && !continued_line_;
    advance(prefix + s.open.size());
    const size_t body_begin = pos_;
    const size_t body_end = lex_string_body(s);
    prev_sig_ = ')';
    line_has_code_ = true;
    if (statement_start && ends_statement(pos_))
      emit(CommentKind::doc, kStyleDocstring, start, first_line, body_begin, body_end);
  }

  // Nothing but whitespace or a comment follows on this line: a string
  // standing alone as a statement, which Python treats as documentation.
  bool ends_statement(size_t p) const {
    while (p < src_.size() && is_hspace(src_[p])) ++p;
    return p >= src_.size() || one_of(src_[p], "\n#;");
  }

  size_t lex_string_body(const StringSyntax& s) {
    const char close = s.close[0];
    const char interpolation = s.interpolation.empty() ? '\0' : s.interpolation[0];
    const char interpolation2 = s.interpolation2.empty() ? '\0' : s.interpolation2[0];
    const auto index = static_cast<size_t>(&s - syn_.strings.data());
    const ByteSet* stops = index < kMaxFastStrings ? &string_stops_[index] : nullptr;
    size_t p = pos_;
    while (p < src_.size()) {
      if (stops != nullptr) {
        p = static_cast<size_t>(stops->find(src_.data() + p, src_.data() + src_.size()) - src_.data());
        if (p >= src_.size()) break;
      }
      const char c = src_[p];
      if (c == close && has_at(src_, p, s.close)) {
        if (s.doubled_close_escapes && has_at(src_, p + s.close.size(), s.close)) {
          p += 2 * s.close.size();
          continue;
        }
        advance_to(p);
        advance(s.close.size());
        return p;
      }
      if (c == '\n' && !s.multiline) {
        advance_to(p);
        return p;
      }
      if (c != '\0' && (c == interpolation || c == interpolation2)) {
        advance_to(p);
        if (try_interpolation(s.interpolation) || try_interpolation(s.interpolation2)) {
          p = pos_;
          continue;
        }
      }
      p += (s.escape != '\0' && c == s.escape) ? 2 : 1;
    }
    advance_to(src_.size());
    return src_.size();
  }

  bool try_interpolation(std::string_view opener) {
    if (opener.empty() || !at(opener) || depth_ >= kMaxNesting) return false;
    advance(opener.size());
    ++depth_;
    const bool saved_has_code = line_has_code_;
    const int saved_brackets = brackets_;
    lex_code(closing_bracket(opener.back()));
    line_has_code_ = saved_has_code;
    brackets_ = saved_brackets;
    --depth_;
    return true;
  }

  bool try_special_string(char c) {
    switch (c) {
      case 'R':
        return syn_.cpp_raw_strings && try_cpp_raw();
      case 'r':
      case 'b':
        return (syn_.rust_raw_strings && try_rust_raw()) || (syn_.perl_quote_like && try_perl_quote_like());
      case '#':
        return syn_.swift_raw_strings && try_swift_raw();
      case '"':
        return syn_.csharp_raw_strings && try_csharp_raw();
      case '[':
        return syn_.long_bracket_strings && try_long_bracket_string();
      case '<':
        return syn_.heredoc != HeredocStyle::none && try_heredoc();
      case '/':
        return syn_.regex_literals && try_regex();
      case '%':
        return syn_.ruby_percent_literals && try_ruby_percent();
      case '~':
        return syn_.elixir_sigils && try_sigil();
      case 'q':
      case 'm':
      case 's':
      case 't':
      case 'y':
        return syn_.perl_quote_like && try_perl_quote_like();
      default:
        return false;
    }
  }

  // Skips to just past `close` (or to the end); returns false when absent.
  bool skip_past(std::string_view close, size_t from, bool single_line = false) {
    const size_t end = src_.find(close, from);
    const size_t limit = single_line ? line_end(from) : src_.size();
    if (end == std::string_view::npos || end > limit) {
      advance_to(limit);
      return false;
    }
    advance_to(end + close.size());
    return true;
  }

  bool try_cpp_raw() {
    if (peek(1) != '"') return false;
    size_t ident = pos_;
    while (ident > 0 && is_ident(src_[ident - 1])) --ident;
    const std::string_view prefix = src_.substr(ident, pos_ - ident);
    if (!(prefix.empty() || prefix == "u8" || prefix == "u" || prefix == "U" || prefix == "L")) return false;
    const size_t delim_begin = pos_ + 2;
    size_t p = delim_begin;
    while (p < src_.size() && p - delim_begin <= 16 && !one_of(src_[p], "( )\\\t\n")) ++p;
    if (p >= src_.size() || src_[p] != '(') return false;
    const std::string close = ")" + std::string(src_.substr(delim_begin, p - delim_begin)) + "\"";
    skip_past(close, p + 1);
    return true;
  }

  bool try_rust_raw() {
    if (is_ident(before(pos_))) return false;
    size_t p = pos_;
    if (src_[p] == 'b') ++p;
    if (p >= src_.size() || src_[p] != 'r') return false;
    ++p;
    const size_t hashes_begin = p;
    while (p < src_.size() && src_[p] == '#') ++p;
    if (p >= src_.size() || src_[p] != '"') return false;
    const std::string close = "\"" + std::string(p - hashes_begin, '#');
    skip_past(close, p + 1);
    return true;
  }

  bool try_swift_raw() {
    size_t p = pos_;
    while (p < src_.size() && src_[p] == '#') ++p;
    const std::string hashes(p - pos_, '#');
    if (src_.substr(p).starts_with("\"\"\"")) {
      skip_past("\"\"\"" + hashes, p + 3);
      return true;
    }
    if (p >= src_.size() || src_[p] != '"') return false;
    skip_past("\"" + hashes, p + 1, true);
    return true;
  }

  bool try_csharp_raw() {
    size_t p = pos_;
    while (p < src_.size() && src_[p] == '"') ++p;
    const size_t quotes = p - pos_;
    if (quotes < 3) return false;
    skip_past(std::string(quotes, '"'), p);
    return true;
  }

  bool try_long_bracket_string() {
    const int level = long_bracket_level(pos_);
    if (level < 0) return false;
    lex_long_bracket(0, level, false);
    return true;
  }

  bool regex_allowed() const {
    if (prev_sig_ == '\0') return true;
    if (one_of(prev_sig_, "(,=:[!&|?{};+-*%<>~^")) return true;
    if (!is_ident(prev_sig_)) return false;
    size_t b = prev_sig_pos_ + 1;
    size_t a = b;
    while (a > 0 && is_ident(src_[a - 1])) --a;
    return is_regex_keyword(src_.substr(a, b - a));
  }

  bool try_regex() {
    if (!regex_allowed()) return false;
    bool in_class = false;
    for (size_t p = pos_ + 1; p < src_.size(); ++p) {
      const char c = src_[p];
      if (c == '\n') return false;
      if (c == '\\') {
        ++p;
      } else if (in_class) {
        in_class = c != ']';
      } else if (c == '[') {
        in_class = true;
      } else if (c == '/') {
        pos_ = p + 1;
        while (pos_ < src_.size() && std::isalpha(static_cast<unsigned char>(src_[pos_]))) ++pos_;
        return true;
      }
    }
    return false;
  }

  // Scans a quote-like body starting at the delimiter at `p`; returns the
  // position after its closing delimiter.
  size_t skip_delimited(size_t p) const {
    const char open = src_[p];
    const char close = closing_bracket(open);
    int level = 1;
    for (++p; p < src_.size(); ++p) {
      const char c = src_[p];
      if (c == '\\') {
        ++p;
      } else if (c == close) {
        if (--level == 0) return p + 1;
      } else if (c == open && open != close) {
        ++level;
      }
    }
    return src_.size();
  }

  bool try_perl_quote_like() {
    if (is_ident(before(pos_)) || one_of(before(pos_), "$@%&*->:{")) return false;
    size_t p = pos_;
    while (p < src_.size() && p - pos_ < 3 && std::islower(static_cast<unsigned char>(src_[p]))) ++p;
    const std::string_view word = src_.substr(pos_, p - pos_);
    static constexpr std::array<std::string_view, 8> kOps = {"q", "qq", "qw", "qr", "m", "s", "tr", "y"};
    if (std::find(kOps.begin(), kOps.end(), word) == kOps.end()) return false;
    if (p >= src_.size()) return false;
    const char delim = src_[p];
    if (is_ident(delim) || is_hspace(delim) || one_of(delim, "\n=,;)}>")) return false;
    size_t end = skip_delimited(p);
    if (word == "s" || word == "tr" || word == "y") {
      if (closing_bracket(delim) != delim) {
        while (end < src_.size() && (is_hspace(src_[end]) || src_[end] == '\n')) ++end;
        if (end < src_.size()) end = skip_delimited(end);
      } else if (end < src_.size()) {
        end = skip_delimited(end - 1);
      }
    }
    advance_to(end);
    while (pos_ < src_.size() && std::isalpha(static_cast<unsigned char>(src_[pos_]))) ++pos_;
    return true;
  }

  bool try_ruby_percent() {
    const char b = before(pos_);
    if (!(b == '\0' || is_hspace(b) || one_of(b, "\n(,[{=|&!;"))) return false;
    size_t p = pos_ + 1;
    const bool typed = p < src_.size() && one_of(src_[p], "qQwWiIrsx");
    if (typed) ++p;
    if (p >= src_.size()) return false;
    const char delim = src_[p];
    if (typed ? (is_ident(delim) || is_hspace(delim) || delim == '\n') : !one_of(delim, "([{<|!/"))
      return false;
    advance_to(skip_delimited(p));
    return true;
  }

  bool try_sigil() {
    const size_t p = pos_ + 1;
    if (p + 1 >= src_.size() || !std::isalpha(static_cast<unsigned char>(src_[p]))) return false;
    const char delim = src_[p + 1];
    if (!one_of(delim, "/|\"'([{<")) return false;
    const std::string triple(3, delim);
    if ((delim == '"' || delim == '\'') && src_.substr(p + 1).starts_with(triple)) {
      skip_past(triple, p + 4);
    } else {
      advance_to(skip_delimited(p + 1));
    }
    return true;
  }

  // --- heredocs ---

  // Reads a heredoc identifier at p: quoted, backslash-escaped or bare.
  std::string_view heredoc_id(size_t& p, bool upper_only) const {
    if (p < src_.size() && (src_[p] == '\'' || src_[p] == '"')) {
      const char q = src_[p];
      const size_t end = src_.find(q, p + 1);
      if (end == std::string_view::npos || end > line_end(p)) return {};
      const std::string_view id = src_.substr(p + 1, end - p - 1);
      p = end + 1;
      return id;
    }
    if (p < src_.size() && src_[p] == '\\') ++p;
    const size_t begin = p;
    if (p >= src_.size()) return {};
    const auto first = static_cast<unsigned char>(src_[p]);
    if (!(std::isalpha(first) || first == '_') || (upper_only && !(std::isupper(first) || first == '_')))
      return {};
    while (p < src_.size() && is_ident(src_[p])) ++p;
    return src_.substr(begin, p - begin);
  }

  bool try_heredoc() {
    if (!at("<<")) return false;
    size_t p = pos_ + 2;
    bool indented = false;
    const HeredocStyle style = syn_.heredoc;
    if (style == HeredocStyle::php) {
      if (!at("<<<")) return false;
      ++p;
      while (p < src_.size() && is_hspace(src_[p])) ++p;
      indented = true;
    } else {
      if (peek(2) == '<') return false;  // shell here-string
      if ((peek(2) == '-' && style != HeredocStyle::perl) ||
          (peek(2) == '~' && (style == HeredocStyle::ruby || style == HeredocStyle::perl))) {
        indented = true;
        ++p;
      }
      if (style == HeredocStyle::shell)
        while (p < src_.size() && is_hspace(src_[p])) ++p;
    }
    const bool upper_only = style == HeredocStyle::ruby && !indented;
    const std::string_view id = heredoc_id(p, upper_only);
    if (id.empty()) return false;
    heredocs_.push_back(PendingHeredoc{id, indented, style == HeredocStyle::php});
    pos_ = p;
    prev_sig_ = ')';
    return true;
  }

  bool is_terminator(const PendingHeredoc& h, size_t begin, size_t end) const {
    std::string_view text = src_.substr(begin, end - begin);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (h.indented)
      while (!text.empty() && is_hspace(text.front())) text.remove_prefix(1);
    if (!text.starts_with(h.id)) return false;
    text.remove_prefix(h.id.size());
    return h.php ? (text.empty() || !is_ident(text.front())) : text.empty();
  }

  void lex_heredoc_bodies() {
    const std::vector<PendingHeredoc> pending = std::move(heredocs_);
    heredocs_.clear();
    const size_t body_begin = pos_;
    for (size_t i = 0; i < pending.size() && pos_ < src_.size(); ++i) {
      if (i > 0 && src_[pos_] == '\n') advance(1);
      while (pos_ < src_.size()) {
        const size_t eol = line_end(pos_);
        if (is_terminator(pending[i], pos_, eol)) {
          advance_to(eol);
          break;
        }
        advance_to(eol < src_.size() ? eol + 1 : eol);
      }
    }
    if (spans_ != nullptr && depth_ == 0 && pos_ > body_begin)
      spans_->push_back(NonCodeSpan{base_ + body_begin, base_ + pos_, false});
    // The terminator's newline is still ahead: consume it as an ordinary line end.
    if (pos_ < src_.size() && src_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
  }

  // --- markup with embedded languages ---

  void lex_markup() {
    while (pos_ < src_.size()) {
      const size_t lt = src_.find('<', pos_);
      if (lt == std::string_view::npos) {
        advance_to(src_.size());
        break;
      }
      advance_to(lt);
      const size_t comments_before = out_.comments.size();
      if (try_block_comments()) {
        record(lt, comments_before);
        continue;
      }
      if (!try_embedded("<script", "</script", "javascript") && !try_embedded("<style", "</style", "css"))
        advance(1);
    }
  }

  bool try_embedded(std::string_view tag, std::string_view end_tag, std::string_view language) {
    if (!starts_with_ci(rest(), tag)) return false;
    const char after = peek(tag.size());
    if (!(is_hspace(after) || after == '\n' || after == '>')) return false;
    const size_t open_end = src_.find('>', pos_);
    if (open_end == std::string_view::npos) return false;
    const std::string_view attributes = src_.substr(pos_, open_end - pos_);
    if (language == "css" && attributes.find("scss") != std::string_view::npos) language = "scss";
    if (language == "javascript" && (attributes.find("\"ts\"") != std::string_view::npos ||
                                     attributes.find("'ts'") != std::string_view::npos))
      language = "typescript";
    advance_to(open_end + 1);
    size_t close = find_ci(src_, end_tag, pos_);
    if (close == std::string_view::npos) close = src_.size();
    if (const Syntax* inner = find_syntax(language)) {
      Lexer sub(src_.substr(pos_, close - pos_), *inner, out_, line_);
      sub.record_spans(spans_, base_ + pos_);
      sub.run();
    }
    advance_to(close);
    return true;
  }

  // --- makefiles ---

  // Line by line: make syntax, except recipes, which are shell commands.
  void lex_makefile() {
    const Syntax& shell = *find_syntax("shell");
    bool in_rule = false;
    while (pos_ < src_.size()) {
      const size_t end = logical_line_end(pos_);
      const std::string_view text = src_.substr(pos_, end - pos_);
      if (in_rule && text.starts_with('\t')) {
        lex_part(end, shell);
      } else {
        const MakeLine line = read_make_line(text);
        if (line.kind != MakeLineKind::keeps_recipe) in_rule = line.kind == MakeLineKind::rule;
        if (line.recipe_begin == std::string_view::npos) {
          lex_part(end, syn_);
        } else {
          lex_part(pos_ + line.recipe_begin - 1, syn_);
          advance(1);  // the ';'
          lex_part(end, shell, true);
        }
      }
      advance(1);  // the newline
    }
  }

  // End of the line at p, with every line its backslash continues.
  size_t logical_line_end(size_t p) const {
    size_t eol = line_end(p);
    while (eol < src_.size() && ends_in_splice(LineSplice::odd_backslashes, p, eol)) eol = line_end(eol + 1);
    return eol;
  }

  // Lexes [pos_, end) as code of `syntax` on its own, so that nothing left
  // open there (an unterminated quote) runs past `end`.
  void lex_part(size_t end, const Syntax& syntax, bool mid_line = false) {
    Lexer part(src_.substr(pos_, end - pos_), syntax, out_, line_, mid_line);
    part.record_spans(spans_, base_ + pos_);
    part.lex_code(0);
    advance_to(end);
  }

  // --- reStructuredText ---

  // ".. name::" directives, ".. _target:", ".. [1]" and ".. |sub|" are markup,
  // every other explicit markup block is a comment.
  static bool is_rst_directive(std::string_view text) {
    if (text.empty()) return false;
    if (one_of(text.front(), "_[|")) return true;
    const size_t colons = text.find("::");
    if (colons == std::string_view::npos || colons == 0) return false;
    return std::none_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colons),
                        [](char c) { return is_hspace(c); });
  }

  void lex_rst() {
    while (pos_ < src_.size()) {
      const size_t eol = line_end(pos_);
      const std::string_view text = src_.substr(pos_, eol - pos_);
      const bool marker = text.starts_with("..") && (text.size() == 2 || is_hspace(text[2]));
      if (marker && !is_rst_directive(text.size() > 3 ? text.substr(3) : std::string_view())) {
        lex_rst_comment(eol);
        continue;
      }
      advance_to(eol < src_.size() ? eol + 1 : eol);
    }
  }

  void lex_rst_comment(size_t first_eol) {
    const size_t start = pos_;
    const uint32_t first_line = line_;
    const size_t body_begin = std::min(pos_ + 3, first_eol);
    size_t body_end = first_eol;
    size_t p = first_eol < src_.size() ? first_eol + 1 : first_eol;
    while (p < src_.size()) {
      const size_t eol = line_end(p);
      const std::string_view text = src_.substr(p, eol - p);
      const bool blank = std::all_of(text.begin(), text.end(), is_hspace);
      if (!blank && !is_hspace(text.front())) break;
      if (!blank) body_end = eol;
      p = eol < src_.size() ? eol + 1 : eol;
    }
    emit(CommentKind::block, kStyleRst, start, first_line, body_begin, body_end);
    advance_to(body_end < src_.size() ? body_end + 1 : body_end);
    if (spans_ != nullptr) spans_->push_back(NonCodeSpan{base_ + start, base_ + body_end, true});
  }

  std::string_view src_;
  const Syntax& syn_;
  CommentList& out_;
  size_t pos_ = 0;
  uint32_t line_;
  bool starts_mid_line_ = false;
  std::array<bool, 256> comment_start_{};
  std::array<bool, 256> string_start_{};
  std::array<bool, 256> quote_start_{};  // first bytes of the string syntaxes' openers
  size_t prefix_at_ = std::string_view::npos;  // a string prefix skip_plain_code found
  ByteSet interesting_;       // what lex_code stops at
  ByteSet flat_interesting_;  // the same without brackets
  std::array<ByteSet, kMaxFastStrings> string_stops_;
  int depth_ = 0;
  bool stopped_ = false;
  char prev_sig_ = '\0';  // last code character that is not whitespace
  size_t prev_sig_pos_ = 0;
  // Python: a string at the start of a statement may be a docstring.
  int brackets_ = 0;
  bool line_has_code_ = false;
  bool continued_line_ = false;
  std::vector<PendingHeredoc> heredocs_;
  std::vector<NonCodeSpan>* spans_ = nullptr;
  size_t base_ = 0;
  size_t stop_after_ = std::string_view::npos;
};

}  // namespace

CommentList lex_comments(std::string_view source, const Syntax& syntax) {
  CommentList out;
  Lexer lexer(source, syntax, out, 1);
  lexer.run();
  return out;
}

CommentList lex_comments_through(std::string_view source, const Syntax& syntax, size_t offset) {
  CommentList out;
  Lexer lexer(source, syntax, out, 1);
  lexer.stop_after(offset);
  lexer.run();
  return out;
}

CommentList lex_comments(std::string_view source, const Syntax& syntax, std::vector<NonCodeSpan>& non_code) {
  CommentList out;
  Lexer lexer(source, syntax, out, 1);
  lexer.record_spans(&non_code, 0);
  lexer.run();
  return out;
}

}  // namespace assay::markers
