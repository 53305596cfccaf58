#include "cli/summary.h"

#include <cstdio>
#include <string>

namespace assay::cli {
namespace {

std::string location(const scan::BacklogItem& item) {
  if (item.finding.path.empty()) return "-";
  std::string loc = item.finding.path;
  if (item.finding.line_start > 0) loc += ":" + std::to_string(item.finding.line_start);
  return loc;
}

std::string clip(const std::string& s, size_t width) {
  if (s.size() <= width) return s;
  return s.substr(0, width - 3) + "...";
}

}  // namespace

void print_summary(std::ostream& out, const scan::ScanOutcome& outcome, size_t top) {
  const auto& repo = outcome.repository;
  std::string target = repo.target == "directory"
                           ? "plain directory, history unavailable"
                           : repo.target + (repo.commit.empty() ? "" : " @ " + repo.commit.substr(0, 12));
  out << "assay: " << repo.path << " (" << target << "): " << outcome.files << " files, "
      << outcome.items.size() << " items\n";
  if (outcome.assessment) {
    char percent[32];
    std::snprintf(percent, sizeof(percent), "%.1f", outcome.assessment->percent);
    out << "maturity: " << outcome.maturity_level << " (" << percent << "%, assessed by "
        << outcome.assessment->source << "; its weights ranked the backlog)\n";
  }
  if (outcome.state.enabled) {
    const auto& s = outcome.state;
    out << "state: " << s.new_items << " new, " << s.reopened_items << " reopened, " << s.resolved_items
        << " resolved" << (s.merged ? "" : " (look-back at an older commit: store unchanged)") << "; "
        << s.stats.backlog_size << " open in " << s.store << "\n";
  }
  for (const auto& run : outcome.runs) {
    if (run.status != "ok")
      out << "  plugin " << run.name << ": " << run.status << " — " << run.error << "\n";
  }
  for (const auto& run : outcome.reporter_runs) {
    if (run.status != "ok")
      out << "  reporter " << run.name << ": " << run.status << " — " << run.error << "\n";
  }
  if (!outcome.next_best.empty()) {
    for (const auto& item : outcome.items) {
      if (item.key != outcome.next_best) continue;
      char score[32];
      std::snprintf(score, sizeof(score), "%.1f", item.scores.composite);
      out << "next best: " << item.key << "  " << item.finding.title << "  (score " << score << ", "
          << location(item) << ")\n";
    }
  }
  size_t shown = std::min(top, outcome.items.size());
  if (shown > 0) {
    char line[512];
    std::snprintf(line, sizeof(line), "%4s  %-9s %7s  %-15s %-32s %s\n", "rank", "key", "score", "category",
                  "location", "title");
    out << line;
    for (size_t i = 0; i < shown; ++i) {
      const auto& item = outcome.items[i];
      std::snprintf(line, sizeof(line), "%4u  %-9s %7.1f  %-15s %-32s %s\n", item.rank, item.key.c_str(),
                    item.scores.composite, item.scores.category.c_str(), clip(location(item), 32).c_str(),
                    clip(item.finding.title, 70).c_str());
      out << line;
    }
  }
  for (const auto& run : outcome.reporter_runs) {
    if (run.status == "ok") out << "report (" << run.name << "): " << outcome.out_dir.string() << "\n";
  }
}

}  // namespace assay::cli
