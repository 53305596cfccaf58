// Functions of keyword-end languages: Ruby (def ... end), Lua (function ...
// end), Elixir (def name do ... end), Julia (function ... end). Every
// construct that is closed by `end` is tracked on one stack, so an `end`
// closes the innermost open construct; keywords inside brackets open only
// the constructs that appear inside expressions (Lua/Julia functions, Ruby
// and Julia do-blocks, Elixir fn).
#include <algorithm>
#include <string>

#include "finders.h"
#include "logical_lines.h"

namespace assay::structure {
namespace {

enum class Construct : uint8_t { function, type, other };

// An open construct, with what it inherits from the constructs around it.
struct Open {
  Construct construct = Construct::other;
  int depth = 0;                 // bracket depth where it opened
  int32_t index = -1;            // into the result, for functions
  bool closed_by_until = false;  // Lua repeat ... until
  int32_t function = -1;         // the innermost function, this one or an enclosing one
  uint32_t function_depth = 0;   // functions open, this one included
  std::string container;         // the innermost type's name, unless a function lies between
};

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

class EndFinder {
 public:
  EndFinder(const TokenList& tokens, const SourceLines& lines, const Language& language)
      : t_(tokens), lines_(lines), lang_(language.lang) {}

  std::vector<FoundUnit> run() {
    for (size_t i = 0; i < t_.size(); ++i) {
      if (t_.tokens[i].first_on_line) loop_line_ = 0;
      const Token& t = t_.tokens[i];
      if (t.kind == TokenKind::punct && t.size == 1) {
        const char c = t_.text[t.begin];
        if (c == '(' || c == '[' || c == '{') ++depth_;
        if ((c == ')' || c == ']' || c == '}') && depth_ > 0) --depth_;
        continue;
      }
      if (t.kind != TokenKind::word || !is_keyword_use(i)) continue;
      const std::string_view w = t_.text_of(i);
      if (w == "end" || (lang_ == Lang::lua && w == "until")) {
        close(i);
      } else {
        open(i, w);
      }
    }
    while (!open_.empty()) finish(open_.back(), t_.size()), open_.pop_back();
    return std::move(found_);
  }

 private:
  // Not a method call (".end"), a symbol (":end") or a keyword argument ("do:").
  bool is_keyword_use(size_t i) const {
    if (i > 0) {
      const std::string_view before = t_.text_of(i - 1);
      if (before == "." || (before == ":" && adjacent(i - 1, i)) || before == "::") return false;
    }
    if (i + 1 < t_.size() && t_.text_of(i + 1) == ":" && adjacent(i, i + 1)) return false;
    return true;
  }

  bool adjacent(size_t i, size_t j) const {
    return i < t_.size() && j < t_.size() && t_.tokens[i].begin + t_.tokens[i].size == t_.tokens[j].begin;
  }

  // Ruby's if/unless/while/until open a block only where a statement or an
  // expression begins; elsewhere they are modifiers ("return if done").
  bool at_statement_start(size_t i) const {
    if (t_.tokens[i].first_on_line || i == 0) return true;
    const std::string_view before = t_.text_of(i - 1);
    return one_of(before,
                  {";", "=", "(", ",", "[", "{", "||", "&&", "return", "then", "do", "else", "begin"});
  }

  void open(size_t i, std::string_view w) {
    switch (lang_) {
      case Lang::ruby:
        return open_ruby(i, w);
      case Lang::lua:
        return open_lua(i, w);
      case Lang::elixir:
        return open_elixir(i, w);
      case Lang::julia:
        return open_julia(i, w);
      default:
        return;
    }
  }

  void open_ruby(size_t i, std::string_view w) {
    if (depth_ > 0 && w != "do") return;
    if (w == "def") return open_ruby_def(i);
    if (w == "class" || w == "module") return push_type(i, name_after(i + 1));
    if (w == "do") {
      if (loop_line_ == t_.tokens[i].line) return;  // "while x do": the loop's own do
      return push_other();
    }
    if (one_of(w, {"begin", "case"})) return push_other();
    if (one_of(w, {"if", "unless", "while", "until", "for"}) && at_statement_start(i)) {
      if (w == "while" || w == "until" || w == "for") loop_line_ = t_.tokens[i].line;
      push_other();
    }
  }

  void open_ruby_def(size_t i) {
    size_t p = i + 1;
    if (t_.text_of(p) == "self" && t_.text_of(p + 1) == ".") p += 2;
    if (p >= t_.size()) return;
    // The name: a word with ? or ! glued on, a setter ("name=(v)"), or an
    // operator ("==", "[]").
    size_t last = p;
    while (last + 1 < t_.size() && adjacent(last, last + 1)) {
      const std::string_view next = t_.text_of(last + 1);
      const bool setter =
          next == "=" && last + 2 < t_.size() && t_.text_of(last + 2) == "(" && adjacent(last + 1, last + 2);
      if (next != "?" && next != "!" && !setter && !(next == "]" && t_.text_of(last) == "[")) break;
      ++last;
    }
    size_t after = last + 1;
    if (t_.text_of(after) == "(" && adjacent(last, after)) after = close_of(after) + 1;
    // An endless method ("def area = w * h") has no end.
    if (after < t_.size() && t_.text_of(after) == "=" && t_.tokens[after].line == t_.tokens[i].line) return;
    push_function(i, p, joined(p, last), {}, after - 1);
  }

  void open_lua(size_t i, std::string_view w) {
    if (w == "function") return open_lua_function(i);
    if (depth_ > 0) return;
    if (w == "if" || w == "do") return push_other();
    if (w == "repeat") {
      push_other();
      open_.back().closed_by_until = true;
    }
  }

  void open_lua_function(size_t i) {
    size_t p = i + 1;
    if (!t_.is_word(p)) {
      // function(...) bound to a name: "local f = function", "M.f = function", "f = function" in a table.
      if (i >= 2 && t_.text_of(i - 1) == "=" && t_.is_word(i - 2)) {
        size_t first = i - 2;
        while (first >= 2 && (t_.text_of(first - 1) == "." || t_.text_of(first - 1) == ":") &&
               t_.is_word(first - 2))
          first -= 2;
        const size_t params = p;
        const size_t header_end = params < t_.size() ? close_of(params) : i;
        return push_function(first, i - 2, joined(first, i - 2), {}, std::max(header_end, i));
      }
      return push_other();
    }
    size_t last = p;
    while (last + 2 < t_.size() && (t_.text_of(last + 1) == "." || t_.text_of(last + 1) == ":") &&
           t_.is_word(last + 2))
      last += 2;
    const size_t params = last + 1;
    const size_t header_end = t_.text_of(params) == "(" ? close_of(params) : last;
    const std::string container = last > p ? joined(p, last - 2) : std::string();
    push_function(i, last, std::string(t_.text_of(last)), container, header_end);
  }

  void open_elixir(size_t i, std::string_view w) {
    if (w == "fn") return push_other();
    if (w != "do") return;
    size_t s = i;
    while (s > 0 && !t_.tokens[s].first_on_line) --s;
    const std::string_view head = t_.text_of(s);
    if (one_of(head, {"def", "defp", "defmacro", "defmacrop"}) && t_.is_word(s + 1)) {
      std::string name(t_.text_of(s + 1));
      if (s + 2 < t_.size() && adjacent(s + 1, s + 2) &&
          (t_.text_of(s + 2) == "?" || t_.text_of(s + 2) == "!"))
        name += t_.text_of(s + 2);
      return push_function(s, s + 1, std::move(name), {}, i);
    }
    if (head == "defmodule" || head == "defimpl" || head == "defprotocol")
      return push_type(s, name_after(s + 1));
    push_other();
  }

  void open_julia(size_t i, std::string_view w) {
    if (w == "function" || w == "macro") {
      if (!t_.is_word(i + 1)) return push_other();
      size_t last = i + 1;
      while (last + 2 < t_.size() && t_.text_of(last + 1) == "." && t_.is_word(last + 2)) last += 2;
      const size_t params = last + 1;
      const size_t header_end = t_.text_of(params) == "(" ? close_of(params) : last;
      return push_function(i, last, joined(i + 1, last), {}, header_end);
    }
    if (depth_ > 0 && w != "do") return;
    if (w == "struct" || w == "module" || w == "baremodule") return push_type(i, name_after(i + 1));
    if (w == "type" && i > 0 && (t_.text_of(i - 1) == "abstract" || t_.text_of(i - 1) == "primitive"))
      return push_other();
    if (one_of(w, {"if", "for", "while", "begin", "let", "quote", "try", "do"})) push_other();
  }

  size_t close_of(size_t open) const {
    const int32_t m = t_.tokens[open].match;
    if (m <= static_cast<int32_t>(open) || static_cast<size_t>(m) >= t_.size()) return open;
    return static_cast<size_t>(m);
  }

  std::string name_after(size_t p) const {
    if (!t_.is_word(p)) return {};
    size_t last = p;
    while (last + 2 < t_.size() && (t_.text_of(last + 1) == "::" || t_.text_of(last + 1) == ".") &&
           t_.is_word(last + 2))
      last += 2;
    return joined(p, last);
  }

  std::string joined(size_t first, size_t last) const {
    std::string out;
    for (size_t i = first; i <= last && i < t_.size(); ++i) out += t_.text_of(i);
    return out;
  }

  Open inherited(Construct construct) const {
    Open o;
    o.construct = construct;
    o.depth = depth_;
    o.function = parent();
    o.function_depth = function_depth();
    o.container = container();
    return o;
  }

  void push_other() { open_.push_back(inherited(Construct::other)); }

  void push_type(size_t, std::string name) {
    Open o = inherited(Construct::type);
    if (!name.empty()) o.container = std::move(name);
    open_.push_back(std::move(o));
  }

  // `first`: the declaration's first token (the keyword, or the name a
  // function expression is bound to).
  void push_function(size_t first, size_t name_token, std::string name, std::string container_name,
                     size_t header_end) {
    if (function_depth() >= kMaxFunctionDepth || name.empty()) return push_other();
    FoundUnit u;
    Function& f = u.function;
    f.name = std::move(name);
    f.container = container_name.empty() ? container() : std::move(container_name);
    f.first_line = t_.tokens[first].line;
    f.name_line = t_.tokens[name_token].line;
    const Token& h = t_.tokens[std::min(header_end, t_.size() - 1)];
    f.body_begin = h.begin + h.size;
    f.depth = function_depth();
    f.parent = parent();
    u.begin = t_.tokens[first].begin;
    Open o = inherited(Construct::function);
    o.index = o.function = static_cast<int32_t>(found_.size());
    o.function_depth = function_depth() + 1;
    o.container.clear();
    open_.push_back(std::move(o));
    found_.push_back(std::move(u));
  }

  void close(size_t i) {
    if (open_.empty() || open_.back().depth != depth_) return;
    const bool until = t_.text_of(i) == "until";
    if (until != open_.back().closed_by_until) return;
    finish(open_.back(), i);
    open_.pop_back();
  }

  // Ends an open construct at token `end_token` (its `end`, or the end of
  // the file when it never closed).
  void finish(const Open& o, size_t end_token) {
    if (o.index < 0) return;
    FoundUnit& u = found_[static_cast<size_t>(o.index)];
    Function& f = u.function;
    if (end_token < t_.size()) {
      const Token& e = t_.tokens[end_token];
      f.body_end = e.begin;
      f.last_line = e.line;
      u.end = e.begin + e.size;
    } else {
      f.body_end = t_.text.size();
      f.last_line = static_cast<uint32_t>(lines_.size());
      u.end = t_.text.size();
    }
    f.body_end = std::max(f.body_end, f.body_begin);
    f.body_first_line = lines_.line_of(f.body_begin);
    f.body_last_line = lines_.line_of(f.body_end);
  }

  uint32_t function_depth() const { return open_.empty() ? 0 : open_.back().function_depth; }
  int32_t parent() const { return open_.empty() ? -1 : open_.back().function; }
  std::string container() const { return open_.empty() ? std::string() : open_.back().container; }

  const TokenList& t_;
  const SourceLines& lines_;
  Lang lang_;
  std::vector<Open> open_;
  std::vector<FoundUnit> found_;
  int depth_ = 0;
  uint32_t loop_line_ = 0;  // line of a Ruby while/until/for whose do is its own
};

}  // namespace

std::vector<FoundUnit> find_end_functions(const TokenList& tokens, const SourceLines& lines,
                                          const Language& language) {
  return EndFinder(tokens, lines, language).run();
}

}  // namespace assay::structure
