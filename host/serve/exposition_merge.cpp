#include "serve/exposition_merge.h"

#include <map>
#include <sstream>

namespace assay::serve {
namespace {

struct Family {
  std::string help;  // whole lines, "" until seen
  std::string type;
  std::vector<std::string> samples;
};

// The family a sample belongs to: its name, or for a histogram's or
// summary's series the name without _bucket, _sum or _count.
std::string family_of(const std::string& sample, const std::map<std::string, Family>& families) {
  if (families.count(sample)) return sample;
  for (const char* suffix : {"_bucket", "_sum", "_count"}) {
    std::string s(suffix);
    if (sample.size() > s.size() && sample.compare(sample.size() - s.size(), s.size(), s) == 0) {
      std::string base = sample.substr(0, sample.size() - s.size());
      if (families.count(base)) return base;
    }
  }
  return sample;
}

}  // namespace

std::string merge_expositions(const std::vector<std::string>& texts, const std::set<std::string>& skip) {
  std::map<std::string, Family> families;
  std::vector<std::string> order;
  auto family = [&](const std::string& name) -> Family& {
    auto [it, inserted] = families.try_emplace(name);
    if (inserted) order.push_back(name);
    return it->second;
  };
  for (const auto& text : texts) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) {
        std::string name = line.substr(7, line.find(' ', 7) - 7);
        Family& f = family(name);
        std::string& slot = line[2] == 'H' ? f.help : f.type;
        if (slot.empty()) slot = line;
        continue;
      }
      if (line[0] == '#') continue;
      std::string name = line.substr(0, line.find_first_of("{ "));
      family(family_of(name, families)).samples.push_back(line);
    }
  }
  std::string out;
  for (const auto& name : order) {
    if (skip.count(name)) continue;
    const Family& f = families[name];
    if (!f.help.empty()) out += f.help + "\n";
    if (!f.type.empty()) out += f.type + "\n";
    for (const auto& sample : f.samples) out += sample + "\n";
  }
  return out;
}

}  // namespace assay::serve
