// Mermaid charts in BACKLOG.md, which GitHub renders in place: a bar chart of
// the maturity dimensions, a line of the maturity trend and a pie chart of
// the discovery sources.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace assay::reporters::markdown {

// A fenced mermaid xychart-beta block with one bar per (label, value); y from
// 0 to 100. "" when `bars` is empty.
std::string bar_chart(const std::string& title, const std::vector<std::pair<std::string, double>>& bars);

// The same block with one line through the points (label, value), in order:
// the maturity trend.
std::string line_chart(const std::string& title, const std::vector<std::pair<std::string, double>>& points);

// A fenced mermaid pie block with one slice per (label, count); slices of 0
// are left out. "" when nothing is left.
std::string pie_chart(const std::string& title, const std::vector<std::pair<std::string, double>>& slices);

// Text safe inside a double-quoted Mermaid string: one line, no double
// quotes, no characters Mermaid takes as markup.
std::string mermaid_text(const std::string& text);

}  // namespace assay::reporters::markdown
