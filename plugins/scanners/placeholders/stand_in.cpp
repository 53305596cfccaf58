#include "stand_in.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace assay::placeholders {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

bool starts_with_word(std::string_view text, std::string_view word) {
  if (!text.starts_with(word)) return false;
  if (text.size() == word.size()) return true;
  const char next = text[word.size()];
  return !((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') ||
           next == '_');
}

// The lower-case words of a text ([a-z0-9] runs; '-' joins "no-op").
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : lower(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && !word.empty())) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  for (auto& w : words)
    while (!w.empty() && w.back() == '-') w.pop_back();
  return words;
}

// "stub" matches stub, stubs, stubbed; "simulate" matches simulated,
// simulates, simulating, simulation.
bool is_form_of(const std::string& word, const std::string& stem) {
  if (word == stem) return true;
  static constexpr std::array<std::string_view, 6> kSuffixes = {"s", "d", "ed", "bed", "es", "ing"};
  for (auto suffix : kSuffixes)
    if (word.size() == stem.size() + suffix.size() && word.starts_with(stem) && word.ends_with(suffix))
      return true;
  if (stem.ends_with('e')) {
    const std::string root = stem.substr(0, stem.size() - 1);
    for (std::string_view suffix : {"ing", "ion", "ions", "ed", "es"})
      if (word.size() == root.size() + suffix.size() && word.starts_with(root) && word.ends_with(suffix))
        return true;
  }
  return false;
}

// The first word of `words` that is a form of one of `stems`, or "".
std::string first_form(const std::vector<std::string>& words, const std::vector<std::string>& stems) {
  for (const auto& w : words)
    for (const auto& stem : stems)
      if (is_form_of(w, lower(stem))) return stem;
  return "";
}

// Comments that say an empty or trivial body is deliberate.
bool says_deliberate(const std::vector<std::string>& words) {
  static const std::vector<std::string> kDeliberate = {"no-op", "noop", "intentionally", "deliberately"};
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return std::find(kDeliberate.begin(), kDeliberate.end(), w) != kDeliberate.end();
  });
}

// Text of a message inside the statement's first string literal, lower case.
std::string first_string_literal(std::string_view statement) {
  const size_t open = statement.find_first_of("\"'`");
  if (open == std::string_view::npos) return "";
  const size_t close = statement.find(statement[open], open + 1);
  if (close == std::string_view::npos) return "";
  return lower(statement.substr(open + 1, close - open - 1));
}

bool says_not_implemented(const std::string& message) {
  static constexpr std::array<std::string_view, 8> kPhrases = {"not implemented",   "not yet implemented",
                                                               "unimplemented",     "implement me",
                                                               "to be implemented", "todo",
                                                               "not supported yet", "stub"};
  return std::any_of(kPhrases.begin(), kPhrases.end(),
                     [&](std::string_view p) { return message.find(p) != std::string::npos; });
}

// Decorators and modifiers that make a body-less look legitimate.
bool is_declaration_only(const structure::FileStructure& file, const structure::Function& f) {
  const std::string header = lower(file.lines_text(f.first_line, f.name_line));
  for (std::string_view marker : {"@abstractmethod", "@abc.abstractmethod", "@overload", "@typing.overload",
                                  "@abstractproperty", "abstract "})
    if (header.find(marker) != std::string::npos) return true;
  return false;
}

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A literal value: numbers, strings, true/false/null and friends, and
// lists, maps and tuples of them ("{'price': 42.0}", "[{ sku: 'a' }]",
// "0, nil", "Vec::new()"). Bare names count only as map keys (before ':').
bool is_literal(std::string_view expression) {
  static const std::vector<std::string> kValues = {"true",   "false", "null", "none", "nil",     "undefined",
                                                   "vec",    "new",   "list", "dict", "map",     "set",
                                                   "string", "ok",    "some", "self", "default", "f64",
                                                   "f32",    "i32",   "i64",  "u32",  "u64",     "usize"};
  bool any_value = false;
  for (size_t i = 0; i < expression.size();) {
    const char c = expression[i];
    if (c == '"' || c == '\'' || c == '`') {
      const size_t close = expression.find(c, i + 1);
      if (close == std::string_view::npos) return false;
      any_value = true;
      i = close + 1;
    } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < expression.size() && expression[i + 1] >= '0' &&
                                          expression[i + 1] <= '9')) {
      while (i < expression.size() && (is_identifier_char(expression[i]) || expression[i] == '.')) ++i;
      any_value = true;
    } else if (is_identifier_char(c)) {
      size_t end = i;
      while (end < expression.size() && is_identifier_char(expression[end])) ++end;
      const std::string word = lower(expression.substr(i, end - i));
      size_t next = end;
      while (next < expression.size() && expression[next] == ' ') ++next;
      const bool key = next < expression.size() && expression[next] == ':' &&
                       (next + 1 >= expression.size() || expression[next + 1] != ':');
      if (!key && std::find(kValues.begin(), kValues.end(), word) == kValues.end()) return false;
      any_value |= !key;
      i = end;
    } else if (std::string_view(" \t,:;+-[](){}<>!").find(c) != std::string_view::npos) {
      any_value |= c == '[' || c == '{' || c == '(';
      ++i;
    } else {
      return false;
    }
  }
  return any_value;
}

bool is_random(std::string_view expression) {
  const auto words = words_of(expression);
  return std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return w == "random" || w == "rand" || w == "randint" || w == "uniform" || w == "randn" || w == "uuid4" ||
           w == "randrange" || w == "choice";
  });
}

// The value a statement returns: "return X" -> X, or the statement itself
// (a tail expression, as Rust and Ruby return it).
std::string_view returned_value(std::string_view statement) {
  if (starts_with_word(statement, "return")) {
    std::string_view value = statement.substr(6);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    return value;
  }
  return statement;
}

bool has_control_flow(std::string_view statement) {
  for (std::string_view keyword : {"if", "for", "while", "switch", "match", "try", "loop", "select"})
    if (starts_with_word(statement, keyword)) return true;
  return false;
}

std::optional<StandIn> single_statement_stand_in(std::string_view s, bool declaration_only) {
  if (s == "pass" && !declaration_only) return StandIn{"pass-body", "is only `pass`", "pass", 0.9};
  if (s == "..." && !declaration_only) return StandIn{"ellipsis-body", "is only `...`", "...", 0.8};
  if (starts_with_word(s, "raise") && s.find("NotImplementedError") != std::string_view::npos &&
      !declaration_only)
    return StandIn{"not-implemented", "raises NotImplementedError", std::string(s), 0.8};
  if (starts_with_word(s, "throw")) {
    if (s.find("NotImplementedException") != std::string_view::npos ||
        s.find("NotImplementedError") != std::string_view::npos ||
        says_not_implemented(first_string_literal(s)))
      return StandIn{"not-implemented", "throws a \"not implemented\" error", std::string(s), 0.9};
    return std::nullopt;
  }
  if (s.starts_with("unimplemented!") || s.starts_with("todo!"))
    return StandIn{"unimplemented-macro", "is only `" + std::string(s.substr(0, s.find('!') + 1)) + "`",
                   std::string(s), 0.95};
  if (s.starts_with("TODO(") || s == "TODO()")
    return StandIn{"unimplemented-macro", "is only `TODO()`", std::string(s), 0.95};
  if (starts_with_word(s, "panic") && says_not_implemented(first_string_literal(s)))
    return StandIn{"panic-not-implemented", "panics as not implemented", std::string(s), 0.9};
  return std::nullopt;
}

}  // namespace

StandInWords default_words() {
  return {{"placeholder", "stub", "mock", "dummy", "fake", "simulate"}, {"TODO", "FIXME", "XXX", "HACK"}};
}

std::optional<StandIn> classify(const structure::FileStructure& file, const structure::Function& function,
                                const StandInWords& words) {
  const std::vector<structure::Statement> statements = file.body_statements(function);
  std::string comment_text;
  for (const auto& c : file.comments_above(function)) comment_text += std::string(c.text) + "\n";
  for (const auto& c : file.comments_in(function)) comment_text += std::string(c.text) + "\n";
  const std::vector<std::string> comment_words = words_of(comment_text);
  const bool deliberate = says_deliberate(comment_words);
  const bool declaration_only = is_declaration_only(file, function);

  if (statements.size() == 1) {
    if (auto s = single_statement_stand_in(statements[0].text, declaration_only || deliberate)) return s;
  }
  if (statements.empty()) {
    if (deliberate) return std::nullopt;
    std::vector<std::string> unfinished;
    for (const auto& w : words.unfinished) unfinished.push_back(lower(w));
    const std::string tag = first_form(comment_words, unfinished);
    if (tag.empty()) return std::nullopt;
    return StandIn{"empty-with-marker", "is empty next to a " + tag + " comment",
                   "empty body; comment: " + tag, 0.8};
  }
  // Constant or random data under a comment that calls it a stand-in.
  const std::string stand_in_word = first_form(comment_words, words.stand_in);
  if (stand_in_word.empty() || statements.size() > 3) return std::nullopt;
  if (std::any_of(statements.begin(), statements.end(),
                  [](const structure::Statement& s) { return has_control_flow(s.text); }))
    return std::nullopt;
  const std::string_view value = returned_value(statements.back().text);
  if (value.empty() || !(is_literal(value) || is_random(value))) return std::nullopt;
  return StandIn{"constant-stand-in",
                 std::string("returns ") + (is_random(value) ? "random" : "constant") + " data under a \"" +
                     stand_in_word + "\" comment",
                 statements.back().text, 0.7};
}

}  // namespace assay::placeholders
