// The content of one scan's Slack digest, collected from the report header
// and the items as they stream past, and laid out as a Block Kit message:
// header, scan context, the next best item, the top N items as sections, the
// items new since the last report, those resolved since, and a link (or
// path) to the full report.
#pragma once

#include <assay/plugin.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "block_kit.h"

namespace assay::reporters::slack {

struct DigestItem {
  std::string key;
  std::string title;
  std::string category;
  std::string path;
  uint32_t line_start = 0;
  double composite = 0;
  double effort_hours = 0;
  double value_usd = 0;
};

class Digest {
 public:
  // `header` is the parsed report header; `top` and `list_lines` as in
  // SlackConfig; `report_link` the full report's URL or path.
  Digest(nlohmann::ordered_json header, size_t top, size_t list_lines, std::string report_link);

  // One item, in rank order. Its JSON's "status" (new, reopened) puts it on
  // the new list.
  void add(const assay_item& item);

  // The message as JSON text for the webhook.
  std::string message_json(const BlockKitLimits& limits = {}) const;
  // One line for logs and the outbox: repository, items, new, resolved.
  std::string summary() const;

  size_t item_count() const { return item_count_; }
  bool saw_next_best() const { return next_best_.has_value(); }

 private:
  std::string fallback_text() const;
  std::string context_line() const;
  std::vector<std::string> resolved_lines() const;

  nlohmann::ordered_json header_;
  size_t top_;
  size_t list_lines_;
  std::string report_link_;
  std::string next_best_key_;
  std::optional<DigestItem> next_best_;
  std::vector<DigestItem> top_items_;
  std::vector<std::string> new_lines_;  // at most list_lines_
  size_t new_count_ = 0;
  size_t item_count_ = 0;
};

}  // namespace assay::reporters::slack
