// Functions of brace languages. One pass over the tokens keeps the stack of
// open blocks; at each '{' the tokens before it (its header, back to the
// previous statement boundary) say what the block is: a function, an
// anonymous lambda, a type, a namespace, a control block or an expression.
// What encloses the '{' (a type body, a function body, an argument list, an
// object literal) decides which readings are possible.
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>

#include "finders.h"
#include "header_reader.h"

namespace assay::structure {
namespace {

enum class Kind : uint8_t { function, lambda, type, namespace_, control, expression, plain };

// An open block, with what it inherits from the blocks around it so that
// nothing has to look down the stack.
struct Block {
  Kind kind = Kind::plain;
  Scope inner = Scope::declarations;
  size_t close = 0;
  int32_t function = -1;        // the innermost reported function, this one or an enclosing one
  uint32_t function_depth = 0;  // reported functions open, this one included
  std::string container;        // the innermost type's name, unless a function lies between
};

struct Verdict {
  Kind kind = Kind::plain;
  std::string name;
  std::string container;
  bool has_container = false;  // the container comes from the declaration (Go receiver)
  size_t name_token = 0;
  size_t decl_begin = 0;
};

Scope scope_inside(Kind kind, Scope outer) {
  switch (kind) {
    case Kind::function:
    case Kind::lambda:
    case Kind::control:
      return Scope::code;
    case Kind::type:
      return Scope::type;
    case Kind::expression:
      return Scope::expression;
    case Kind::namespace_:
      return Scope::declarations;
    case Kind::plain:
      return outer;
  }
  return outer;
}

class BraceFinder {
 public:
  BraceFinder(const TokenList& tokens, const SourceLines& lines, const Language& language)
      : t_(tokens), lines_(lines), reader_(tokens, language), lang_(language.lang) {}

  std::vector<FoundUnit> run() {
    for (size_t i = 0; i < t_.size(); ++i) {
      while (!blocks_.empty() && blocks_.back().close < i) blocks_.pop_back();
      while (!brackets_.empty() && close_of(brackets_.back()) < i) brackets_.pop_back();
      const char c = reader_.punct(i);
      if (c == '{') open_block(i);
      if ((c == '(' || c == '[' || c == '{') && t_.tokens[i].match >= 0) brackets_.push_back(i);
    }
    return std::move(found_);
  }

 private:
  size_t close_of(size_t open) const {
    const int32_t m = t_.tokens[open].match;
    return m < 0 ? open : static_cast<size_t>(m);
  }

  void open_block(size_t open) {
    const Scope scope = blocks_.empty() ? Scope::declarations : blocks_.back().inner;
    const char enclosing = brackets_.empty() ? '\0' : reader_.punct(brackets_.back());
    const bool in_parens = enclosing == '(' || enclosing == '[';
    const bool in_list = in_parens || (enclosing == '{' && scope == Scope::expression);
    const Header header = reader_.header_before(open, in_list);
    Verdict v = lang_ == Lang::shell ? judge_shell(open) : judge(header, scope, in_parens);
    if (v.kind == Kind::function && v.name.empty()) v.kind = Kind::lambda;  // bound to "" or ''

    Block block;
    block.kind = v.kind;
    block.inner = scope_inside(v.kind, scope);
    block.close = close_of(open);
    block.function = innermost_function();
    block.function_depth = function_depth();
    block.container = innermost_container();
    if (v.kind == Kind::type && !v.name.empty()) block.container = v.name;
    if (v.kind == Kind::function && function_depth() < kMaxFunctionDepth) {
      block.function = static_cast<int32_t>(found_.size());
      block.function_depth = function_depth() + 1;
      block.container.clear();
      record(v, open, block.close);
    }
    blocks_.push_back(std::move(block));
  }

  uint32_t function_depth() const { return blocks_.empty() ? 0 : blocks_.back().function_depth; }
  const std::string& innermost_container() const {
    static const std::string kNone;
    return blocks_.empty() ? kNone : blocks_.back().container;
  }
  int32_t innermost_function() const { return blocks_.empty() ? -1 : blocks_.back().function; }

  void record(const Verdict& v, size_t open, size_t close) {
    const auto& tokens = t_.tokens;
    FoundUnit unit;
    Function& f = unit.function;
    f.kind = UnitKind::function;
    f.name = v.name;
    f.container = v.has_container ? v.container : innermost_container();
    f.parent = innermost_function();
    f.depth = function_depth();
    const Token& first = tokens[v.decl_begin];
    f.first_line = first.line;
    f.name_line = tokens[v.name_token].line;
    f.body_begin = tokens[open].begin + 1;
    if (close < tokens.size()) {
      f.body_end = tokens[close].begin;
      f.last_line = tokens[close].line;
      unit.end = tokens[close].begin + 1;
    } else {
      f.body_end = t_.text.size();
      f.last_line = static_cast<uint32_t>(lines_.size());
      unit.end = t_.text.size();
    }
    f.body_first_line = lines_.line_of(f.body_begin);
    f.body_last_line = lines_.line_of(f.body_end);
    unit.begin = first.begin;
    found_.push_back(std::move(unit));
  }

  Verdict make(Kind kind) const {
    Verdict v;
    v.kind = kind;
    return v;
  }

  Verdict judge(const Header& h, Scope scope, bool in_parens) const {
    const Span s = reader_.strip_prefixes(h.begin, h.end);
    if (auto v = knr_function(h, scope)) return *v;
    if (s.begin >= h.end) return make(fallback(scope, in_parens));
    const size_t a = s.begin;
    const size_t e = h.end;
    if (auto v = anonymous_class(a, e)) return *v;
    if (reader_.is_control_word(a)) return make(Kind::control);
    if (auto v = keyword_function(s, e, scope)) return *v;
    if (auto v = lambda(a, e, scope)) return *v;
    const bool c_like = lang_ == Lang::c || lang_ == Lang::cpp || lang_ == Lang::objc || lang_ == Lang::d;
    if (!c_like) {
      if (auto v = type_block(a, e)) return *v;
    }
    if (!in_parens) {
      if (auto v = c_like_function(s, e, scope)) return *v;
    }
    if (c_like) {
      if (auto v = type_block(a, e)) return *v;
    }
    if (reader_.is_expression_header(a, e)) return make(Kind::expression);
    return make(fallback(scope, in_parens));
  }

  static Kind fallback(Scope scope, bool in_parens) {
    if (in_parens || scope == Scope::expression) return Kind::expression;
    if (scope == Scope::declarations) return Kind::plain;
    return Kind::control;
  }

  Verdict function_verdict(const NameMatch& m) const {
    Verdict v;
    v.kind = Kind::function;
    v.name = m.name;
    v.container = m.container;
    v.has_container = m.has_container;
    v.name_token = m.name_token;
    v.decl_begin = m.decl_begin;
    return v;
  }

  std::optional<Verdict> anonymous_class(size_t a, size_t e) const {
    if (auto name = reader_.anonymous_class_name(a, e)) {
      Verdict v = make(Kind::type);
      v.name = *name;
      return v;
    }
    return std::nullopt;
  }

  std::optional<Verdict> keyword_function(const Span& s, size_t e, Scope scope) const {
    const std::optional<NameMatch> m = reader_.keyword_function(s, e, scope);
    if (!m) return std::nullopt;
    if (m->anonymous) return make(Kind::lambda);
    return function_verdict(*m);
  }

  std::optional<Verdict> lambda(size_t a, size_t e, Scope scope) const {
    const std::optional<NameMatch> m = reader_.lambda(a, e, scope);
    if (!m) return std::nullopt;
    if (m->anonymous) return make(Kind::lambda);
    return function_verdict(*m);
  }

  std::optional<Verdict> type_block(size_t a, size_t e) const {
    const std::optional<TypeMatch> m = reader_.type_header(a, e);
    if (!m) return std::nullopt;
    Verdict v = make(m->is_namespace ? Kind::namespace_ : Kind::type);
    v.name = m->name;
    return v;
  }

  std::optional<Verdict> c_like_function(const Span& s, size_t e, Scope scope) const {
    const std::optional<NameMatch> m = reader_.c_like_function(s, e, scope);
    if (!m) return std::nullopt;
    return function_verdict(*m);
  }

  std::optional<Verdict> knr_function(const Header& h, Scope scope) const {
    if (scope != Scope::declarations || h.begin != h.end || h.stop != ';') return std::nullopt;
    const std::optional<NameMatch> m = reader_.knr_function(h.end);
    if (!m) return std::nullopt;
    return function_verdict(*m);
  }

  Verdict judge_shell(size_t open) const {
    const std::optional<NameMatch> m = reader_.shell_function(open);
    if (!m) return make(Kind::control);
    return function_verdict(*m);
  }

  const TokenList& t_;
  const SourceLines& lines_;
  HeaderReader reader_;
  Lang lang_;
  std::vector<Block> blocks_;
  std::vector<size_t> brackets_;  // open ( [ { enclosing the current token
  std::vector<FoundUnit> found_;
};

}  // namespace

std::vector<FoundUnit> find_brace_functions(const TokenList& tokens, const SourceLines& lines,
                                            const Language& language) {
  return BraceFinder(tokens, lines, language).run();
}

}  // namespace assay::structure
