// A strict reader of the Prometheus text exposition format 0.0.4, for tests:
// every line is a HELP, a TYPE or a sample; names and label names follow the
// format's grammar; label values are escaped; values are floats; each family
// has exactly one HELP and one TYPE, both before its samples; counters end
// in _total; no series appears twice.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace assay::test {

struct Sample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

struct Exposition {
  std::map<std::string, std::string> types;  // family → counter|gauge|…
  std::vector<Sample> samples;
  std::vector<std::string> errors;  // "line N: what"; empty when valid
};

Exposition parse_exposition(const std::string& text);

}  // namespace assay::test
