#include "scan/file_keys.h"

#include <cstdint>
#include <cstdio>
#include <string_view>

#include "history/history_service.h"
#include "repo/repo_view.h"

namespace assay::scan {
namespace {

// Bumped whenever what a cached row means changes; part of every
// configuration digest, so an older cache is never read as a newer one.
constexpr std::string_view kCacheFormat = "assay findings cache 1";

// FNV-1a over two offset bases (128 bits): the cache needs a stable digest
// that different inputs practically never share, not a cryptographic one.
class Digest {
 public:
  void add(std::string_view text) {
    for (unsigned char c : text) step(c);
    step(0x1f);  // keeps ("ab", "c") and ("a", "bc") apart
  }
  std::string hex() const {
    char buf[33];
    std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(a_),
                  static_cast<unsigned long long>(b_));
    return buf;
  }

 private:
  void step(unsigned char c) {
    a_ = (a_ ^ c) * 0x100000001b3ULL;
    b_ = (b_ ^ c) * 0x100000001b3ULL;
    b_ ^= b_ >> 29;
  }
  uint64_t a_ = 0xcbf29ce484222325ULL;
  uint64_t b_ = 0x84222325cbf29ce4ULL;
};

// What every file's history answers share: the settings that shape line
// origins and whether the walk was cut (file_history's ASSAY_HISTORY_CUT).
std::string shared_history_text(const history::HistoryService& history) {
  const history::HistoryOptions& options = history.options();
  const history::BuildReport& report = history.build_report();
  return "first_parent=" + std::to_string(options.first_parent) +
         ";max_blob_bytes=" + std::to_string(options.max_blob_bytes) +
         ";cut=" + std::to_string(report.shallow || report.stopped_at_since);
}

std::string context_of(const history::HistoryService& history, size_t file, const std::string& shared) {
  const history::FileFacts* facts = history.facts(file);
  if (facts == nullptr) return "";
  Digest digest;
  digest.add(shared);
  for (uint32_t commit : facts->commit_list) {
    digest.add(history.commit_text(commit));
    digest.add(history.index().commits()[commit].boundary ? "boundary" : "");
  }
  return digest.hex();
}

}  // namespace

std::vector<FileKey> file_keys(const repo::RepoView& repo, const history::HistoryService* history) {
  const bool with_history = history != nullptr && history->available();
  const std::string shared = with_history ? shared_history_text(*history) : std::string();
  std::vector<FileKey> keys(repo.files().size());
  for (size_t i = 0; i < keys.size(); ++i) {
    keys[i].content = repo.files()[i].blob_id;
    if (with_history && keys[i].cacheable()) keys[i].context = context_of(*history, i, shared);
  }
  return keys;
}

std::string config_digest(const std::string& config_json) {
  Digest digest;
  digest.add(kCacheFormat);
  digest.add(config_json);
  return digest.hex();
}

}  // namespace assay::scan
