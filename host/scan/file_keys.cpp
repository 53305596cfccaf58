#include "scan/file_keys.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "history/history_service.h"
#include "repo/repo_view.h"

namespace assay::scan {
namespace {

// Bumped whenever what a cached row means or how its digests are taken
// changes; part of every configuration digest, so an older cache is never
// read as a newer one. 2: the history context digests raw commit ids.
constexpr std::string_view kCacheFormat = "assay findings cache 2";

// Two 64-bit lanes (128 bits), each word multiplied and folded: the cache
// needs a stable digest that different inputs practically never share, not
// a cryptographic one. Texts are taken a byte at a time, raw ids 8 bytes at
// a time (a file's history context covers every commit that changed it).
class Digest {
 public:
  void add(std::string_view text) {
    for (unsigned char c : text) step(c);
    step(0x1f);  // keeps ("ab", "c") and ("a", "bc") apart
  }
  // One commit of a file's history: its raw id and whether it is a shallow
  // boundary, as three words (fixed length: nothing to separate).
  void add_commit(const history::ObjectId& id, bool boundary) {
    static_assert(history::ObjectId::kSize == 20);
    uint64_t words[3] = {0, 0, boundary ? 1u : 0u};
    std::memcpy(words, id.bytes.data(), 16);
    uint32_t tail;
    std::memcpy(&tail, id.bytes.data() + 16, 4);
    words[2] = (words[2] << 32) | tail;
    for (uint64_t word : words) step(word);
  }
  std::string hex() const {
    char buf[33];
    std::snprintf(buf, sizeof(buf), "%016llx%016llx", static_cast<unsigned long long>(a_),
                  static_cast<unsigned long long>(b_));
    return buf;
  }

 private:
  void step(uint64_t word) {
    a_ = (a_ ^ word) * 0x9e3779b97f4a7c15ULL;
    a_ ^= a_ >> 32;
    b_ = (b_ ^ word ^ a_) * 0xbf58476d1ce4e5b9ULL;
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

// `shared` holds the digest of shared_history_text(), taken once.
std::string context_of(const history::HistoryService& history, size_t file, const Digest& shared) {
  const history::FileFacts* facts = history.facts(file);
  if (facts == nullptr) return "";
  const std::vector<history::Commit>& commits = history.index().commits();
  Digest digest = shared;
  for (uint32_t commit : facts->commit_list) digest.add_commit(commits[commit].id, commits[commit].boundary);
  return digest.hex();
}

}  // namespace

std::vector<FileKey> file_keys(const repo::RepoView& repo, const history::HistoryService* history) {
  const bool with_history = history != nullptr && history->available();
  Digest shared;
  if (with_history) shared.add(shared_history_text(*history));
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
