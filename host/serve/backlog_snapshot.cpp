#include "serve/backlog_snapshot.h"

#include <algorithm>

#include "bus/topics.h"
#include "state/sqlite_store.h"
#include "state/timestamps.h"

namespace assay::serve {
namespace {

nlohmann::json item_json(const state::ItemRecord& item) {
  return {{"key", item.key},
          {"fingerprint", item.fingerprint},
          {"title", item.title},
          {"category", item.category},
          {"source", item.source},
          {"location", {{"path", item.path}, {"line_start", item.line_start}, {"line_end", item.line_end}}},
          {"composite", item.composite},
          {"value_usd", item.value_usd},
          {"first_seen", state::iso8601(item.first_seen_at)}};
}

}  // namespace

nlohmann::json backlog_snapshot(const std::filesystem::path& repository,
                                const std::filesystem::path& store_file) {
  nlohmann::json out = {{"schema", bus::kSchemaVersion}, {"repository", repository.string()}};
  std::error_code ec;
  if (!std::filesystem::exists(store_file, ec)) {
    out["error"] = "no state store at " + store_file.string() + " (no scan has finished yet)";
    return out;
  }
  try {
    auto store = state::open_sqlite_store(store_file.string(), {1000, false});
    store->read([&](state::StateReader& reader) {
      auto record = reader.find_repository(repository.string());
      if (!record) {
        out["error"] = "the state store has no scan of " + repository.string();
        return;
      }
      auto scan = reader.last_merged_scan(record->id);
      out["scan_id"] = scan ? nlohmann::json(scan->id) : nlohmann::json(nullptr);
      out["commit"] = scan && !scan->commit.empty() ? nlohmann::json(scan->commit) : nlohmann::json(nullptr);
      out["finished_at"] = scan ? nlohmann::json(state::iso8601(scan->finished_at)) : nlohmann::json(nullptr);
      std::vector<state::ItemRecord> open;
      for (auto& item : reader.items(record->id))
        if (item.status == state::kOpen) open.push_back(std::move(item));
      std::stable_sort(open.begin(), open.end(),
                       [](const auto& a, const auto& b) { return a.composite > b.composite; });
      nlohmann::json items = nlohmann::json::array();
      for (const auto& item : open) items.push_back(item_json(item));
      out["items"] = std::move(items);
    });
  } catch (const std::exception& e) {
    out["error"] = e.what();
  }
  return out;
}

}  // namespace assay::serve
