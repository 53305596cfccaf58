// go.mod: the require directives (single or in blocks) name each module
// and the version the build selects (since Go 1.17 the file lists every
// module of the build). replace directives swap a module for another
// module and version, or for a local directory, which is not a release.
#include <algorithm>

#include "lockfile/parsers.h"
#include "lockfile/text_lines.h"

namespace assay::osv {
namespace {

struct Replacement {
  std::string old_path;
  std::string old_version;  // "" replaces every version
  std::string new_path;
  std::string new_version;  // "" for a local directory
  uint32_t line;
};

std::vector<std::string> tokens(std::string_view text) {
  text = text.substr(0, text.find("//"));
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    size_t end = i;
    if (text[i] == '"' || text[i] == '`') {
      end = text.find(text[i], i + 1);
      end = end == std::string_view::npos ? text.size() : end + 1;
      out.emplace_back(unquote(text.substr(i, end - i)));
    } else {
      while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
      out.emplace_back(text.substr(i, end - i));
    }
    i = end;
  }
  return out;
}

class GoModReader {
 public:
  LockfileContents read(std::string_view text) {
    for (const TextLine& line : split_lines(text)) read_line(line);
    apply_replacements();
    return std::move(out_);
  }

 private:
  LockfileContents out_;
  std::vector<Replacement> replacements_;
  std::string block_;  // the directive of an open "( ... )" block

  void read_line(const TextLine& line) {
    std::vector<std::string> words = tokens(line.text);
    if (words.empty()) return;
    if (!block_.empty()) {
      if (words.front() == ")") {
        block_.clear();
        return;
      }
      directive(block_, words, line.number);
      return;
    }
    const std::string verb = words.front();
    words.erase(words.begin());
    if (words.size() == 1 && words.front() == "(") {
      block_ = verb;
      return;
    }
    directive(verb, words, line.number);
  }

  void directive(const std::string& verb, const std::vector<std::string>& args, uint32_t line) {
    if (verb == "require") {
      if (args.size() < 2 || args[0].empty() || args[1].empty()) {
        out_.warnings.push_back("line " + std::to_string(line) +
                                ": require needs a module path and a version");
        return;
      }
      out_.dependencies.push_back({Ecosystem::go, args[0], args[1], line, true});
    } else if (verb == "replace") {
      replacement(args, line);
    }
  }

  // "old [v] => new [v]"
  void replacement(const std::vector<std::string>& args, uint32_t line) {
    const auto arrow = std::find(args.begin(), args.end(), "=>");
    const size_t left = static_cast<size_t>(arrow - args.begin());
    const size_t right = args.size() - left - (arrow == args.end() ? 0 : 1);
    if (arrow == args.end() || left < 1 || left > 2 || right < 1 || right > 2) {
      out_.warnings.push_back("line " + std::to_string(line) +
                              ": replace needs 'module [version] => target [version]'");
      return;
    }
    replacements_.push_back(
        {args[0], left == 2 ? args[1] : "", args[left + 1], right == 2 ? args[left + 2] : "", line});
  }

  void apply_replacements() {
    std::vector<Dependency> kept;
    for (Dependency& d : out_.dependencies) {
      const Replacement* r = nullptr;
      for (const Replacement& candidate : replacements_) {
        if (candidate.old_path == d.name &&
            (candidate.old_version.empty() || candidate.old_version == d.version))
          r = &candidate;
      }
      if (r == nullptr) {
        kept.push_back(std::move(d));
      } else if (r->new_version.empty()) {
        ++out_.unmatchable;  // a local directory
      } else {
        kept.push_back({Ecosystem::go, r->new_path, r->new_version, r->line, true});
      }
    }
    out_.dependencies = std::move(kept);
  }
};

}  // namespace

LockfileContents parse_go_mod(std::string_view text) { return GoModReader().read(text); }

}  // namespace assay::osv
