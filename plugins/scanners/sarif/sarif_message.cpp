#include "sarif_message.h"

#include <nlohmann/json.hpp>

#include "json_fields.h"

namespace assay::sarif {
namespace {

using input::FieldError;
using input::JsonPath;
using nlohmann::json;

std::vector<std::string> read_arguments(const json& message, const JsonPath& where) {
  std::vector<std::string> arguments;
  const json* list = input::array_field(message, "arguments", where);
  if (list == nullptr) return arguments;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& argument = (*list)[i];
    if (!argument.is_string()) throw FieldError(where.child("arguments").child(i), "must be a string");
    arguments.push_back(argument.get<std::string>());
  }
  return arguments;
}

// Replaces {n} by arguments[n] (a missing argument keeps the placeholder);
// {{ and }} are literal braces.
std::string fill_placeholders(std::string_view text, const std::vector<std::string>& arguments) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      size_t end = i + 1;
      size_t number = 0;
      while (end < text.size() && end - i <= 6 && text[end] >= '0' && text[end] <= '9')
        number = number * 10 + static_cast<size_t>(text[end++] - '0');
      if (end > i + 1 && end < text.size() && text[end] == '}' && number < arguments.size()) {
        out += arguments[number];
        i = end;
        continue;
      }
    }
    out += c;
  }
  return out;
}

// The index of the ')' closing the '(' at `open`, counting nested pairs
// (URLs hold parentheses); npos when unclosed.
size_t closing_parenthesis(std::string_view text, size_t open) {
  size_t depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// "[text](target)" -> "text"; "\[" -> "[", "\]" -> "]".
std::string reduce_links(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '[' || text[i + 1] == ']')) {
      out += text[++i];
      continue;
    }
    if (c == '[') {
      const size_t close = text.find(']', i + 1);
      if (close != std::string_view::npos && close + 1 < text.size() && text[close + 1] == '(') {
        const size_t end = closing_parenthesis(text, close + 1);
        const std::string_view inner = text.substr(i + 1, close - i - 1);
        if (end != std::string_view::npos && inner.find('[') == std::string_view::npos) {
          out += inner;
          i = end;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

std::string lookup(const std::map<std::string, std::string>& strings, const std::string& id) {
  const auto it = strings.find(id);
  return it == strings.end() ? std::string() : it->second;
}

}  // namespace

std::string format_message(const json& message, const RuleInfo* rule, const ToolComponent* component,
                           const JsonPath& where) {
  input::require_object(message, where);
  std::optional<std::string> text = input::string_field(message, "text", where);
  if (!text) text = input::string_field(message, "markdown", where);
  if (!text) {
    const std::string id = input::string_field(message, "id", where).value_or("");
    if (!id.empty() && rule != nullptr) text = lookup(rule->message_strings, id);
    if ((!text || text->empty()) && !id.empty() && component != nullptr)
      text = lookup(component->global_message_strings, id);
    if (!text || text->empty()) {
      if (id.empty()) throw FieldError(where, "has neither text, markdown nor id");
      throw FieldError(where.child("id"), "'" + id + "' names no message string of the rule or tool");
    }
  }
  return reduce_links(fill_placeholders(*text, read_arguments(message, where)));
}

std::string first_line(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\f\v";
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    const size_t first = line.find_first_not_of(kSpace);
    if (first != std::string_view::npos) {
      line = line.substr(first, line.find_last_not_of(kSpace) - first + 1);
      return std::string(line);
    }
    start = end + 1;
  }
  return "";
}

std::string shorten_utf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace assay::sarif
