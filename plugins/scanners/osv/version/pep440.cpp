#include "version/pep440.h"

#include <algorithm>
#include <array>

#include "version/digits.h"

namespace assay::osv {
namespace {

// A cursor over the lower-cased version text.
class Scanner {
 public:
  explicit Scanner(std::string text) : text_(std::move(text)) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }

  bool take(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  bool take_word(std::string_view word) {
    if (std::string_view(text_).substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool take_separator() {
    const char c = peek();
    if (c != '.' && c != '-' && c != '_') return false;
    ++pos_;
    return true;
  }

  std::string digits() {
    const size_t start = pos_;
    while (!done() && is_ascii_digit(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  size_t position() const { return pos_; }
  void rewind(size_t position) { pos_ = position; }
  std::string rest() const { return text_.substr(std::min(pos_, text_.size())); }

 private:
  std::string text_;
  size_t pos_ = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool parse_release(Scanner& s, Pep440Version& v) {
  std::string first = s.digits();
  if (first.empty()) return false;
  if (s.take('!')) {
    v.epoch = first;
    first = s.digits();
    if (first.empty()) return false;
  }
  v.release.push_back(first);
  while (true) {
    const size_t mark = s.position();
    if (!s.take('.')) break;
    std::string next = s.digits();
    if (next.empty()) {
      s.rewind(mark);
      break;
    }
    v.release.push_back(next);
  }
  return true;
}

// Longer spellings first, so that "alpha" is not read as "a" + "lpha".
int read_pre_kind(Scanner& s) {
  static constexpr std::array<std::pair<std::string_view, int>, 8> kSpellings = {
      {{"preview", 2}, {"alpha", 0}, {"beta", 1}, {"pre", 2}, {"rc", 2}, {"a", 0}, {"b", 1}, {"c", 2}}};
  for (const auto& [word, kind] : kSpellings) {
    if (s.take_word(word)) return kind;
  }
  return -1;
}

void parse_pre(Scanner& s, Pep440Version& v) {
  const size_t mark = s.position();
  s.take_separator();
  const int kind = read_pre_kind(s);
  if (kind < 0) {
    s.rewind(mark);
    return;
  }
  v.pre_kind = kind;
  const size_t before_number = s.position();
  s.take_separator();
  std::string number = s.digits();
  if (number.empty()) s.rewind(before_number);
  v.pre_number = number.empty() ? "0" : number;
}

void parse_post(Scanner& s, Pep440Version& v) {
  const size_t mark = s.position();
  if (s.take('-')) {
    std::string number = s.digits();
    if (!number.empty()) {
      v.post = number;
      return;
    }
    s.rewind(mark);
  }
  s.take_separator();
  if (!(s.take_word("post") || s.take_word("rev") || s.take_word("r"))) {
    s.rewind(mark);
    return;
  }
  const size_t before_number = s.position();
  s.take_separator();
  std::string number = s.digits();
  if (number.empty()) s.rewind(before_number);
  v.post = number.empty() ? "0" : number;
}

void parse_dev(Scanner& s, Pep440Version& v) {
  const size_t mark = s.position();
  s.take_separator();
  if (!s.take_word("dev")) {
    s.rewind(mark);
    return;
  }
  const size_t before_number = s.position();
  s.take_separator();
  std::string number = s.digits();
  if (number.empty()) s.rewind(before_number);
  v.dev = number.empty() ? "0" : number;
}

bool parse_local(Scanner& s, Pep440Version& v) {
  if (!s.take('+')) return true;
  const std::string rest = s.rest();
  std::string segment;
  for (char c : rest) {
    if (c == '.' || c == '-' || c == '_') {
      if (segment.empty()) return false;
      v.local.push_back(std::move(segment));
      segment.clear();
    } else if (is_ascii_digit(c) || is_ascii_alpha(c)) {
      segment.push_back(c);
    } else {
      return false;
    }
  }
  if (segment.empty()) return false;
  v.local.push_back(std::move(segment));
  s.rewind(s.position() + rest.size());
  return true;
}

int compare_release(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t n = std::max(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string_view x = i < a.size() ? std::string_view(a[i]) : "0";
    const std::string_view y = i < b.size() ? std::string_view(b[i]) : "0";
    if (int c = compare_digit_strings(x, y)) return c;
  }
  return 0;
}

// The pre-release part of the order: a dev-only release (1.0.dev1) sorts
// before every pre-release of its release, a final release after them.
int pre_rank(const Pep440Version& v) {
  if (v.pre_kind < 0 && !v.post && v.dev) return -1;
  if (v.pre_kind < 0) return 1;
  return 0;
}

int compare_pre(const Pep440Version& a, const Pep440Version& b) {
  const int ra = pre_rank(a);
  const int rb = pre_rank(b);
  if (ra != rb || ra != 0) return three_way(ra, rb);
  if (a.pre_kind != b.pre_kind) return three_way(a.pre_kind, b.pre_kind);
  return compare_digit_strings(a.pre_number, b.pre_number);
}

// Absent post sorts first; absent dev sorts last.
int compare_optional(const std::optional<std::string>& a, const std::optional<std::string>& b,
                     bool absent_first) {
  if (!a || !b) {
    if (!a && !b) return 0;
    return (!a == absent_first) ? -1 : 1;
  }
  return compare_digit_strings(*a, *b);
}

int compare_local(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t common = std::min(a.size(), b.size());
  for (size_t i = 0; i < common; ++i) {
    const bool a_num = all_digits(a[i]);
    const bool b_num = all_digits(b[i]);
    if (a_num && b_num) {
      if (int c = compare_digit_strings(a[i], b[i])) return c;
    } else if (a_num != b_num) {
      return a_num ? 1 : -1;
    } else if (int c = a[i].compare(b[i])) {
      return c < 0 ? -1 : 1;
    }
  }
  return three_way(a.size(), b.size());
}

}  // namespace

std::optional<Pep440Version> parse_pep440(std::string_view text) {
  std::string lowered(trim(text));
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), ascii_lower);
  Scanner s(std::move(lowered));
  s.take('v');
  Pep440Version v;
  if (!parse_release(s, v)) return std::nullopt;
  parse_pre(s, v);
  parse_post(s, v);
  parse_dev(s, v);
  if (!parse_local(s, v) || !s.done()) return std::nullopt;
  return v;
}

int compare_pep440(const Pep440Version& a, const Pep440Version& b) {
  if (int c = compare_digit_strings(a.epoch, b.epoch)) return c;
  if (int c = compare_release(a.release, b.release)) return c;
  if (int c = compare_pre(a, b)) return c;
  if (int c = compare_optional(a.post, b.post, true)) return c;
  if (int c = compare_optional(a.dev, b.dev, false)) return c;
  if (a.local.empty() || b.local.empty()) return three_way(!a.local.empty(), !b.local.empty());
  return compare_local(a.local, b.local);
}

}  // namespace assay::osv
