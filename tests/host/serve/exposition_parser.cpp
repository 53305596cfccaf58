#include "exposition_parser.h"

#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

namespace assay::test {
namespace {

const std::regex kName("[a-zA-Z_:][a-zA-Z0-9_:]*");
const std::regex kLabelName("[a-zA-Z_][a-zA-Z0-9_]*");

bool parse_value(const std::string& text, double& value) {
  if (text == "+Inf" || text == "-Inf" || text == "NaN") return true;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size();
}

// Reads {a="x",b="y"} starting at text[i] == '{'; returns false on a syntax error.
bool parse_labels(const std::string& text, size_t& i, std::map<std::string, std::string>& labels) {
  ++i;
  while (i < text.size() && text[i] != '}') {
    size_t eq = text.find('=', i);
    if (eq == std::string::npos) return false;
    std::string name = text.substr(i, eq - i);
    if (!std::regex_match(name, kLabelName) || text[eq + 1] != '"') return false;
    std::string value;
    size_t j = eq + 2;
    for (; j < text.size() && text[j] != '"'; ++j) {
      if (text[j] == '\\') {
        char next = j + 1 < text.size() ? text[j + 1] : '\0';
        if (next == 'n')
          value += '\n';
        else if (next == '\\' || next == '"')
          value += next;
        else
          return false;
        ++j;
      } else if (text[j] == '\n') {
        return false;
      } else {
        value += text[j];
      }
    }
    if (j >= text.size() || !labels.emplace(name, value).second) return false;
    i = j + 1;
    if (i < text.size() && text[i] == ',') ++i;
  }
  if (i >= text.size()) return false;
  ++i;
  return true;
}

}  // namespace

Exposition parse_exposition(const std::string& text) {
  Exposition out;
  std::map<std::string, int> helps;
  std::set<std::string> series;
  std::set<std::string> sampled_families;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  auto error = [&](const std::string& what) {
    out.errors.push_back("line " + std::to_string(number) + ": " + what);
  };
  if (!text.empty() && text.back() != '\n') out.errors.push_back("the last line does not end with a newline");
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) {
      std::string rest = line.substr(7);
      std::string name = rest.substr(0, rest.find(' '));
      if (!std::regex_match(name, kName)) error("bad metric name '" + name + "'");
      if (sampled_families.count(name)) error("HELP or TYPE of " + name + " after its samples");
      if (line[2] == 'H') {
        if (++helps[name] > 1) error("second HELP for " + name);
        continue;
      }
      std::string type = rest.size() > name.size() ? rest.substr(name.size() + 1) : "";
      static const std::set<std::string> kTypes = {"counter", "gauge", "histogram", "summary", "untyped"};
      if (!kTypes.count(type)) error("unknown type '" + type + "'");
      if (!out.types.emplace(name, type).second) error("second TYPE for " + name);
      if (type == "counter" && (name.size() < 6 || name.substr(name.size() - 6) != "_total"))
        error("counter " + name + " does not end in _total");
      continue;
    }
    if (line[0] == '#') continue;  // a comment
    Sample sample;
    size_t i = 0;
    while (i < line.size() && line[i] != '{' && line[i] != ' ') ++i;
    sample.name = line.substr(0, i);
    if (!std::regex_match(sample.name, kName)) error("bad metric name '" + sample.name + "'");
    if (i < line.size() && line[i] == '{' && !parse_labels(line, i, sample.labels)) {
      error("malformed labels");
      continue;
    }
    if (i >= line.size() || line[i] != ' ') {
      error("no value");
      continue;
    }
    std::string value = line.substr(i + 1);
    if (value.find(' ') != std::string::npos)
      value = value.substr(0, value.find(' '));  // a timestamp follows
    if (!parse_value(value, sample.value)) error("bad value '" + value + "'");
    if (!out.types.count(sample.name) || !helps.count(sample.name))
      error(sample.name + " has no HELP or TYPE");
    sampled_families.insert(sample.name);
    std::string key = sample.name;
    for (const auto& [k, v] : sample.labels) key += "," + k + "=" + v;
    if (!series.insert(key).second) error("series repeated: " + key);
    out.samples.push_back(std::move(sample));
  }
  return out;
}

}  // namespace assay::test
