// The docs scanner plugin: broken links and anchors in Markdown and
// reStructuredText documents, documents left stale while the code they name
// changed (with history facts), and public modules no document mentions.
#include <algorithm>
#include <assay/plugin.hpp>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "doc_check.h"
#include "doc_links.h"
#include "docs_config.h"
#include "host_history_facts.h"
#include "number_text.h"
#include "public_modules.h"

namespace assay::docs {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// Text the module check reads as documentation besides Markdown and reST.
bool is_prose(std::string_view path) {
  const std::string p = lower(path);
  const size_t slash = p.rfind('/');
  const std::string name = slash == std::string::npos ? p : p.substr(slash + 1);
  return name.starts_with("readme") || p.ends_with(".txt") || p.ends_with(".adoc");
}

// What the documents of one scan hold, read once.
struct Documents {
  std::map<std::string, std::string> text;               // document path -> contents
  std::map<std::string, std::set<std::string>> anchors;  // Markdown path -> anchors
  std::string all_lower;                                 // every document and README, lower case
};

class DocsScanner : public sdk::Scanner {
 public:
  DocsScanner(const sdk::Host& host, const std::string& config_json)
      : host_(host), config_(DocsConfig::parse(config_json)) {}

  void scan(sdk::Scan& scan) override {
    std::vector<std::string> paths;
    for (size_t i = 0; i < scan.file_count(); ++i) paths.emplace_back(scan.file(i).path);
    const RepoPaths repo(paths);
    const Documents docs = read_documents(scan, paths);
    size_t emitted = check_documents(scan, docs, repo);
    emitted += check_staleness(scan, docs, repo);
    if (config_.modules) emitted += check_modules(scan, docs, paths);
    host_.info(std::to_string(emitted) + " documentation findings in " + std::to_string(docs.text.size()) +
               " documents");
  }

 private:
  Documents read_documents(const sdk::Scan& scan, const std::vector<std::string>& paths) const {
    Documents docs;
    std::mutex mutex;
    scan.parallel_for(paths.size(), [&](size_t i) {
      const std::string& path = paths[i];
      const bool document = is_document(path) && !config_.exclude.matches(path);
      if (!document && !is_prose(path)) return;
      sdk::Blob blob(host_.api(), scan.raw());
      if (!scan.read(i, blob) || blob.view().size() > config_.max_file_size) return;
      std::string text(blob.view());
      std::set<std::string> anchors;
      if (is_markdown(path)) anchors = markdown_anchors(text);
      std::lock_guard lock(mutex);
      docs.all_lower += lower(text) + "\n";
      if (!document) return;
      if (is_markdown(path)) docs.anchors.emplace(path, std::move(anchors));
      docs.text.emplace(path, std::move(text));
    });
    return docs;
  }

  size_t check_documents(const sdk::Scan& scan, const Documents& docs, const RepoPaths& repo) const {
    auto anchors_of = [&](const std::string& path) -> const std::set<std::string>* {
      auto it = docs.anchors.find(path);
      return it == docs.anchors.end() ? nullptr : &it->second;
    };
    size_t emitted = 0;
    for (const auto& [path, text] : docs.text) {
      for (const auto& p : check_links(path, text, repo, anchors_of, config_.check_anchors)) {
        sdk::Finding f;
        f.rule = p.rule;
        f.title = scanners::to_valid_utf8(
            (p.rule == "broken-link" ? "Broken link in " : "Broken anchor in ") + path + ": " + p.target);
        f.category = "documentation";
        f.severity = "low";
        f.effort_hours = 0.25;
        f.confidence = 0.95;
        f.path = path;
        f.line_start = f.line_end = p.line;
        f.evidence = scanners::to_valid_utf8("[" + p.text + "](" + p.target + "): " + p.problem);
        f.tags = {"docs", p.rule};
        emitted += scan.emit(f) == ASSAY_OK ? 1 : 0;
      }
    }
    return emitted;
  }

  size_t check_staleness(const sdk::Scan& scan, const Documents& docs, const RepoPaths& repo) const {
    const auto history = scanners::history_facts_for(scan);
    if (auto reason = history->unavailable_reason()) {
      host_.info("stale documentation not checked: " + *reason);
      return 0;
    }
    const int64_t now = history->now();
    size_t emitted = 0;
    for (const auto& [path, text] : docs.text) {
      const auto doc = history->file(path);
      if (!doc || now - doc->last_change < static_cast<int64_t>(config_.stale_days) * kSecondsPerDay)
        continue;
      std::vector<std::string> changed;
      for (const auto& code : named_code_paths(path, text, repo)) {
        const auto facts = history->file(code);
        if (facts && facts->last_change > doc->last_change) changed.push_back(code);
      }
      if (changed.empty()) continue;
      const int64_t days = (now - doc->last_change) / kSecondsPerDay;
      std::string list;
      for (size_t k = 0; k < changed.size() && k < 3; ++k) list += (k ? ", " : "") + changed[k];
      if (changed.size() > 3) list += " and " + std::to_string(changed.size() - 3) + " more";
      sdk::Finding f;
      f.rule = "stale-doc";
      f.title = scanners::to_valid_utf8(path + " not updated for " + std::to_string(days) + " days while " +
                                        list + " changed");
      f.category = "documentation";
      f.severity = "low";
      f.effort_hours = 1;
      f.confidence = 0.7;
      f.path = path;
      f.evidence = scanners::to_valid_utf8(path + " names " + list + ", changed after it");
      f.tags = {"docs", "stale-doc"};
      emitted += scan.emit(f) == ASSAY_OK ? 1 : 0;
    }
    return emitted;
  }

  size_t check_modules(const sdk::Scan& scan, const Documents& docs,
                       const std::vector<std::string>& paths) const {
    size_t emitted = 0;
    for (const auto& module : public_modules(paths, config_.exclude)) {
      if (is_mentioned(docs.all_lower, module)) continue;
      sdk::Finding f;
      f.rule = "undocumented-module";
      f.title = scanners::to_valid_utf8("Public " + module.language + " module " + module.name + " (" +
                                        module.path + ") is not mentioned in the documentation");
      f.category = "documentation";
      f.severity = "low";
      f.effort_hours = 2;
      f.confidence = 0.6;
      f.path = module.path;
      f.evidence = scanners::to_valid_utf8("no document mentions " + module.name + " or " + module.path);
      f.tags = {"docs", "undocumented-module"};
      emitted += scan.emit(f) == ASSAY_OK ? 1 : 0;
    }
    return emitted;
  }

  sdk::Host host_;
  DocsConfig config_;
};

}  // namespace
}  // namespace assay::docs

ASSAY_SCANNER_PLUGIN(assay::docs::DocsScanner, "docs", "1.0.0",
                     "Finds broken links and anchors, stale documents and undocumented public modules",
                     assay::docs::docs_config_schema())
