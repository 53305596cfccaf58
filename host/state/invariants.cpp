#include "state/invariants.h"

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace assay::state {
namespace {

// "TD-014" → ("TD", 14); false when the key has another form.
bool split_key(const std::string& key, std::string& prefix, int64_t& number) {
  const size_t dash = key.rfind('-');
  if (dash == std::string::npos || dash == 0 || key.size() - dash - 1 < 3) return false;
  for (size_t i = dash + 1; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') return false;
  }
  prefix = key.substr(0, dash);
  number = std::stoll(key.substr(dash + 1));
  return true;
}

class RepositoryCheck {
 public:
  RepositoryCheck(StateReader& reader, const RepositoryRecord& repository, std::vector<std::string>& problems)
      : reader_(reader), repository_(repository), problems_(problems) {}

  void run() {
    const std::vector<ItemRecord> items = reader_.items(repository_.id);
    check_keys(items);
    for (const auto& item : items) check_status_fields(item);
    check_last_events(items);
    check_scans(items);
  }

 private:
  void problem(const std::string& text) { problems_.push_back(repository_.path + ": " + text); }

  void check_keys(const std::vector<ItemRecord>& items) {
    std::map<std::string, int64_t> counters;
    for (const auto& c : reader_.key_counters(repository_.id)) counters[c.prefix] = c.last_number;
    std::set<std::string> keys;
    std::set<std::string> fingerprints;
    for (const auto& item : items) {
      if (!keys.insert(item.key).second) problem("key " + item.key + " is used by more than one item");
      if (!fingerprints.insert(item.fingerprint).second)
        problem("fingerprint " + item.fingerprint + " is used by more than one item");
      std::string prefix;
      int64_t number = 0;
      if (!split_key(item.key, prefix, number)) {
        problem("item " + item.key + ": key is not PREFIX-NNN");
      } else if (number > counters[prefix]) {
        problem("item " + item.key + ": key number is above the counter of " + prefix + " (" +
                std::to_string(counters[prefix]) + "), so it could be handed out again");
      }
    }
  }

  void check_status_fields(const ItemRecord& item) {
    const std::string who = "item " + item.key + " (" + item.status + "): ";
    if (item.status == kReserved) {
      if (item.first_seen_at != 0) problem(who + "reserved but has a first-seen time");
      return;
    }
    if (item.status != kOpen && item.status != kResolved) {
      problem(who + "unknown status");
      return;
    }
    if (item.first_seen_at <= 0 || item.first_seen_scan.empty()) problem(who + "no first-seen time or scan");
    if (item.last_seen_at < item.first_seen_at) problem(who + "last seen before it was first seen");
    const bool resolved = item.status == kResolved;
    if (resolved != (item.resolved_at != 0) || resolved != !item.resolved_scan.empty())
      problem(who + "resolved time and scan do not match the status");
    if (resolved && item.resolved_at < item.last_seen_at) problem(who + "resolved before it was last seen");
  }

  void check_last_events(const std::vector<ItemRecord>& items) {
    std::unordered_map<int64_t, std::string> last_event;
    for (const auto& e : reader_.events(repository_.id, std::numeric_limits<int64_t>::min(),
                                        std::numeric_limits<int64_t>::max()))
      last_event[e.item_id] = e.kind;
    for (const auto& item : items) {
      auto it = last_event.find(item.id);
      if (it == last_event.end()) continue;  // its events were pruned
      const bool should_be_open = it->second != kEventResolved;
      if (item.status == kReserved || should_be_open != (item.status == kOpen))
        problem("item " + item.key + " is " + item.status + " but its last event is '" + it->second + "'");
    }
  }

  void check_scans(const std::vector<ItemRecord>& items) {
    for (const auto& scan : reader_.scans(repository_.id)) {
      if (scan.finished_at < scan.started_at) problem("scan " + scan.id + " finished before it started");
    }
    const auto last = reader_.last_merged_scan(repository_.id, std::nullopt);
    if (!last) return;
    int64_t open = 0;
    double effort = 0;
    for (const auto& item : items) {
      if (item.status != kOpen) continue;
      ++open;
      effort += item.effort_hours;
    }
    if (open != last->open_items)
      problem(std::to_string(open) + " open items, but the last merged scan " + last->id + " left " +
              std::to_string(last->open_items));
    if (std::fabs(effort - last->open_effort_hours) > 1e-6 * std::max(1.0, effort))
      problem("open items total " + std::to_string(effort) + " effort hours, but the last merged scan " +
              last->id + " recorded " + std::to_string(last->open_effort_hours));
  }

  StateReader& reader_;
  const RepositoryRecord& repository_;
  std::vector<std::string>& problems_;
};

}  // namespace

std::vector<std::string> check_invariants(StateReader& reader) {
  std::vector<std::string> problems;
  for (const auto& repository : reader.repositories()) RepositoryCheck(reader, repository, problems).run();
  return problems;
}

}  // namespace assay::state
