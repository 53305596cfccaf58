// Stale documentation: a document whose last change lags the last change of
// the code it names by more than a threshold. The code a document names is
// what named_code_paths finds (files, and directories standing for the
// modules under them); the history facts give the last changes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "history_facts.h"

namespace assay::docs {

// Code a stale document names, changed after the document.
struct ChangedCode {
  std::string path;         // as named: a file, or a directory ending in '/'
  std::string changed;      // the file whose change counts (the newest under a directory)
  int64_t last_change = 0;  // its last change, Unix seconds
};

struct StaleDoc {
  int64_t doc_change = 0;         // the document's last change
  uint32_t lag_days = 0;          // whole days from it to the newest change in `code`
  std::vector<ChangedCode> code;  // newest change first (ties: path)
};

// The newest change of the code a name stands for: the file itself, or the
// non-document files under a directory (a name ending in '/'). Remembers
// each name's answer, so a module many documents name is looked up once.
// Not thread-safe.
class CodeChanges {
 public:
  // `files`: the scan target's paths; `history` must outlive this.
  CodeChanges(std::vector<std::string> files, const scanners::HistoryFacts& history);

  std::optional<ChangedCode> newest(const std::string& name) const;

 private:
  std::optional<ChangedCode> look_up(const std::string& name) const;

  std::vector<std::string> files_;  // sorted, so a directory's files are one range
  const scanners::HistoryFacts& history_;
  mutable std::map<std::string, std::optional<ChangedCode>> known_;
};

// Whether the document at `doc_path`, naming `named` (files, and directories
// ending in '/'), is stale: some named code changed more than
// `threshold_days` days after the document last changed. nullopt when it is
// not stale, and when the history does not know the document (not
// committed, or unchanged in the history window: its last change is
// unknown, so no lag can be measured).
std::optional<StaleDoc> stale_doc(const std::string& doc_path, const std::set<std::string>& named,
                                  const CodeChanges& code, const scanners::HistoryFacts& history,
                                  uint32_t threshold_days);

}  // namespace assay::docs
