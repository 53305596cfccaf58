#include "mermaid_chart.h"

#include "markdown_text.h"

namespace assay::reporters::markdown {

std::string mermaid_text(const std::string& text) {
  std::string out;
  for (char c : one_line(text)) {
    if (c == '"') {
      out += '\'';
    } else if (c == '`' || c == '#' || c == ';' || c == '<' || c == '>' || c == '{' || c == '}' ||
               c == '\\') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// An xychart-beta block of percentages drawn as `kind` (bar or line).
std::string percent_chart(const char* kind, const std::string& title,
                          const std::vector<std::pair<std::string, double>>& points) {
  if (points.empty()) return "";
  std::string labels;
  std::string values;
  for (const auto& [label, value] : points) {
    labels += (labels.empty() ? "" : ", ") + std::string("\"") + mermaid_text(label) + "\"";
    values += (values.empty() ? "" : ", ") + format_number(value, 1);
  }
  return "```mermaid\nxychart-beta\n    title \"" + mermaid_text(title) + "\"\n    x-axis [" + labels +
         "]\n    y-axis \"percent\" 0 --> 100\n    " + kind + " [" + values + "]\n```\n\n";
}

}  // namespace

std::string bar_chart(const std::string& title, const std::vector<std::pair<std::string, double>>& bars) {
  return percent_chart("bar", title, bars);
}

std::string line_chart(const std::string& title, const std::vector<std::pair<std::string, double>>& points) {
  return percent_chart("line", title, points);
}

std::string pie_chart(const std::string& title, const std::vector<std::pair<std::string, double>>& slices) {
  std::string body;
  for (const auto& [label, value] : slices) {
    if (value <= 0) continue;
    body += "    \"" + mermaid_text(label) + "\" : " + format_number(value, 2) + "\n";
  }
  if (body.empty()) return "";
  return "```mermaid\npie title " + mermaid_text(title) + "\n" + body + "```\n\n";
}

}  // namespace assay::reporters::markdown
