#include "lockfile/toml_packages.h"

#include "lockfile/lockfile.h"
#include "lockfile/text_lines.h"

namespace assay::osv {
namespace {

[[noreturn]] void fail(uint32_t line, const std::string& problem) {
  throw LockfileError("line " + std::to_string(line) + ": " + problem);
}

// Bracket depth change of one line of a value, ignoring brackets in strings.
int bracket_balance(std::string_view text) {
  int depth = 0;
  char quote = '\0';
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != '\0') {
      if (c == '\\' && quote == '"') {
        ++i;
      } else if (c == quote) {
        quote = '\0';
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      break;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return depth;
}

// A basic string's escapes that lockfiles use; anything else is kept.
std::string basic_string(std::string_view body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size()) {
      const char e = body[++i];
      out.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
    } else {
      out.push_back(body[i]);
    }
  }
  return out;
}

// A single-line string value without its quotes; other values raw.
std::string scalar_text(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"') {
    const size_t close = value.find('"', 1);
    if (close != std::string_view::npos) return basic_string(value.substr(1, close - 1));
  }
  if (value.size() >= 2 && value.front() == '\'') {
    const size_t close = value.find('\'', 1);
    if (close != std::string_view::npos) return std::string(value.substr(1, close - 1));
  }
  const size_t comment = value.find(" #");
  return std::string(trim(value.substr(0, comment)));
}

class TomlReader {
 public:
  explicit TomlReader(std::string_view text) : lines_(split_lines(text)) {}

  std::vector<TomlPackage> read() {
    for (index_ = 0; index_ < lines_.size(); ++index_) read_line(lines_[index_]);
    return std::move(packages_);
  }

 private:
  std::vector<TextLine> lines_;
  size_t index_ = 0;
  std::vector<TomlPackage> packages_;
  bool in_package_ = false;  // the current table is [[package]] or one of its sub-tables
  std::string prefix_;       // "source." inside [package.source]

  void read_line(const TextLine& line) {
    const std::string_view text = trim(line.text);
    if (text.empty() || text.front() == '#') return;
    if (text.front() == '[') return read_header(line.number, text);
    const size_t equals = text.find('=');
    if (equals == std::string_view::npos || equals == 0)
      fail(line.number, "expected 'key = value' or a [table] header");
    const std::string key(unquote(trim(text.substr(0, equals))));
    const std::string_view value = trim(text.substr(equals + 1));
    if (value.empty()) fail(line.number, "missing value after '='");
    skip_multiline(line.number, value);
    if (in_package_ && !packages_.empty())
      packages_.back().values[prefix_ + key] = {scalar_text(value), line.number};
  }

  void read_header(uint32_t number, std::string_view text) {
    const size_t close = text.find(']');
    if (close == std::string_view::npos) fail(number, "unclosed table header");
    if (text.rfind("[[", 0) == 0) {
      const std::string_view name =
          trim(text.substr(2, text.find("]]") == std::string_view::npos ? 0 : text.find("]]") - 2));
      in_package_ = name == "package";
      prefix_.clear();
      if (in_package_) packages_.push_back({number, {}});
      return;
    }
    const std::string_view name = trim(text.substr(1, close - 1));
    in_package_ = name.rfind("package.", 0) == 0 && !packages_.empty();
    prefix_ = in_package_ ? std::string(name.substr(8)) + "." : std::string();
  }

  // Advances past the continuation lines of a multi-line array, inline
  // table or string that starts with `value`.
  void skip_multiline(uint32_t number, std::string_view value) {
    for (std::string_view quotes : {std::string_view("\"\"\""), std::string_view("'''")}) {
      if (value.rfind(quotes, 0) != 0) continue;
      if (value.find(quotes, 3) != std::string_view::npos) return;
      while (++index_ < lines_.size()) {
        if (lines_[index_].text.find(quotes) != std::string_view::npos) return;
      }
      fail(number, "unterminated multi-line string");
    }
    int depth = bracket_balance(value);
    while (depth > 0) {
      if (++index_ >= lines_.size()) fail(number, "unterminated array or inline table");
      depth += bracket_balance(lines_[index_].text);
    }
  }
};

}  // namespace

std::vector<TomlPackage> read_toml_packages(std::string_view text) { return TomlReader(text).read(); }

}  // namespace assay::osv
