// Evaluates maturity checks against the files of a repository and its
// history facts.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "assessment.h"
#include "check.h"
#include "history_facts.h"

namespace assay::maturity {

using scanners::FileHistory;
using scanners::HistoryFacts;
using scanners::NoHistoryFacts;

struct RepositoryFile {
  std::string path;      // repository-relative, '/' separated
  std::string language;  // the host's guess ("python", "cpp"), may be empty
  uint64_t size = 0;
  std::string blob_id = {};  // the content's git blob id, "" when unknown
};

// What the evaluator sees of the repository: the file list and a reader.
// `read(i)` returns the contents of files[i], or nullopt when it cannot be
// read; it may be called from one thread only.
struct RepositorySnapshot {
  std::vector<RepositoryFile> files;
  std::function<std::optional<std::string>(size_t index)> read;
  // The host's cache across scans, when there is one (both set or neither):
  // the outcome of a content pattern in a file with a blob id is looked up
  // there before the file is read, and stored after it was searched
  // (pattern_outcome.h). Same thread as `read`.
  std::function<std::optional<std::string>(std::string_view key)> cache_get;
  std::function<void(std::string_view key, std::string_view value)> cache_put;
};

struct EvaluationLimits {
  uint64_t max_file_size = 1024 * 1024;  // content patterns skip larger files
  size_t evidence_lines = 5;             // evidence lines kept per rule
};

Assessment assess(const RuleSet& rules, const RepositorySnapshot& repository, const HistoryFacts& history,
                  const EvaluationLimits& limits = {});

}  // namespace assay::maturity
