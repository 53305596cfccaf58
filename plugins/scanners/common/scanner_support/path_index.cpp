#include "path_index.h"

#include <algorithm>
#include <numeric>
#include <type_traits>

namespace assay::scanners {
namespace {

// Orders texts by their reversed bytes; a text that ends with `suffix`
// compares equal to it, so that equal_range finds every such text.
struct EndingOrder {
  static bool less(std::string_view a, std::string_view b) {
    return std::lexicographical_compare(a.rbegin(), a.rend(), b.rbegin(), b.rend());
  }
};

// The last `n` bytes of `text` (all of it when shorter).
std::string_view last(std::string_view text, size_t n) {
  return text.substr(text.size() - std::min(n, text.size()));
}

// The first `n` bytes of `text` (all of it when shorter).
std::string_view first(std::string_view text, size_t n) { return text.substr(0, n); }

std::vector<uint32_t> positions(size_t count) {
  std::vector<uint32_t> out(count);
  std::iota(out.begin(), out.end(), 0u);
  return out;
}

}  // namespace

PathIndex::PathIndex(std::vector<std::string> folded_paths)
    : paths_(std::move(folded_paths)),
      by_ending_(positions(paths_.size())),
      by_path_(positions(paths_.size())),
      by_name_(positions(paths_.size())) {
  names_.reserve(paths_.size());
  for (const std::string& path : paths_) {
    const size_t slash = path.rfind('/');
    names_.push_back(slash == std::string::npos ? std::string_view(path)
                                                : std::string_view(path).substr(slash + 1));
  }
  std::sort(by_ending_.begin(), by_ending_.end(),
            [&](uint32_t a, uint32_t b) { return EndingOrder::less(paths_[a], paths_[b]); });
  std::sort(by_path_.begin(), by_path_.end(), [&](uint32_t a, uint32_t b) { return paths_[a] < paths_[b]; });
  std::sort(by_name_.begin(), by_name_.end(), [&](uint32_t a, uint32_t b) { return names_[a] < names_[b]; });
}

bool PathIndex::add_candidates(const PathGlob::Anchor& anchor, std::vector<uint32_t>& out) const {
  using Kind = PathGlob::Anchor::Kind;
  const std::string_view key = anchor.text;
  const size_t n = key.size();
  switch (anchor.kind) {
    case Kind::suffix: {
      // Compared on their last n bytes only, the paths ending with `key` are
      // one run of by_ending_.
      auto range =
          std::equal_range(by_ending_.begin(), by_ending_.end(), key, [&](const auto& x, const auto& y) {
            if constexpr (std::is_same_v<std::decay_t<decltype(x)>, uint32_t>)
              return EndingOrder::less(last(paths_[x], n), y);
            else
              return EndingOrder::less(x, last(paths_[y], n));
          });
      out.insert(out.end(), range.first, range.second);
      return true;
    }
    case Kind::path_prefix:
    case Kind::name_prefix: {
      const bool names = anchor.kind == Kind::name_prefix;
      const std::vector<uint32_t>& order = names ? by_name_ : by_path_;
      auto text = [&](uint32_t p) { return first(names ? names_[p] : std::string_view(paths_[p]), n); };
      auto range = std::equal_range(order.begin(), order.end(), key, [&](const auto& x, const auto& y) {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, uint32_t>)
          return text(x) < y;
        else
          return x < text(y);
      });
      out.insert(out.end(), range.first, range.second);
      return true;
    }
    case Kind::none:
      break;
  }
  return false;
}

std::vector<size_t> PathIndex::matching(const GlobList& globs) const {
  std::vector<uint32_t> candidates;
  bool narrowed = true;
  for (const PathGlob& glob : globs.globs()) {
    for (const PathGlob::Anchor& anchor : glob.anchors())
      narrowed = narrowed && add_candidates(anchor, candidates);
    if (!narrowed) break;
  }
  if (!narrowed) {
    candidates = positions(paths_.size());
  } else {
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }
  std::vector<size_t> matched;
  for (uint32_t p : candidates) {
    if (globs.matches_folded(paths_[p])) matched.push_back(p);
  }
  return matched;
}

}  // namespace assay::scanners
