#include "version/maven.h"

#include <algorithm>
#include <array>

#include "version/digits.h"

namespace assay::osv {
namespace {

using ItemPtr = std::shared_ptr<MavenItem>;

constexpr std::array<std::string_view, 7> kQualifiers = {"alpha",    "beta", "milestone", "rc",
                                                         "snapshot", "",     "sp"};
constexpr size_t kReleaseIndex = 5;

// The sortable form of a qualifier: its index among the known ones, or
// "7-word" so that unknown words follow them alphabetically.
std::string comparable_qualifier(std::string word) {
  if (word == "ga" || word == "final" || word == "release") word.clear();
  if (word == "cr") word = "rc";
  for (size_t i = 0; i < kQualifiers.size(); ++i) {
    if (kQualifiers[i] == word) return std::to_string(i);
  }
  return std::to_string(kQualifiers.size()) + "-" + word;
}

const std::string& release_qualifier() {
  static const std::string release = std::to_string(kReleaseIndex);
  return release;
}

ItemPtr number_item(std::string_view digits) {
  auto item = std::make_shared<MavenItem>();
  item->kind = MavenItem::Kind::number;
  std::string value(digits);
  while (value.size() > 1 && value.front() == '0') value.erase(0, 1);
  item->value = value;
  return item;
}

// A single letter directly before a digit is an abbreviation: a1 = alpha-1.
ItemPtr word_item(std::string word, bool followed_by_digit) {
  if (followed_by_digit && word.size() == 1) {
    if (word == "a") word = "alpha";
    if (word == "b") word = "beta";
    if (word == "m") word = "milestone";
  }
  auto item = std::make_shared<MavenItem>();
  item->kind = MavenItem::Kind::word;
  item->value = comparable_qualifier(std::move(word));
  return item;
}

ItemPtr list_item() {
  auto item = std::make_shared<MavenItem>();
  item->kind = MavenItem::Kind::list;
  return item;
}

ItemPtr parse_item(bool digit, std::string_view text) {
  return digit ? number_item(text) : word_item(std::string(text), false);
}

bool is_null(const MavenItem& item) {
  switch (item.kind) {
    case MavenItem::Kind::number:
      return item.value == "0";
    case MavenItem::Kind::word:
      return item.value == release_qualifier();
    case MavenItem::Kind::list:
      return item.items.empty();
  }
  return false;
}

// Drops trailing null items (0, "", ga, final) up to the last sub-list.
void normalize(MavenItem& list) {
  for (size_t i = list.items.size(); i-- > 0;) {
    if (is_null(*list.items[i])) {
      list.items.erase(list.items.begin() + static_cast<std::ptrdiff_t>(i));
    } else if (list.items[i]->kind != MavenItem::Kind::list) {
      break;
    }
  }
}

int compare_item(const MavenItem* a, const MavenItem* b);

// How an item compares with a missing one (a shorter version).
int compare_with_missing(const MavenItem& a) {
  switch (a.kind) {
    case MavenItem::Kind::number:
      return a.value == "0" ? 0 : 1;
    case MavenItem::Kind::word:
      return three_way(a.value, release_qualifier());
    case MavenItem::Kind::list:
      for (const auto& item : a.items) {
        if (int c = compare_with_missing(*item)) return c;
      }
      return 0;
  }
  return 0;
}

int compare_lists(const MavenItem& a, const MavenItem& b) {
  const size_t n = std::max(a.items.size(), b.items.size());
  for (size_t i = 0; i < n; ++i) {
    const MavenItem* x = i < a.items.size() ? a.items[i].get() : nullptr;
    const MavenItem* y = i < b.items.size() ? b.items[i].get() : nullptr;
    if (int c = compare_item(x, y)) return c;
  }
  return 0;
}

int kind_rank(MavenItem::Kind kind) {
  // Across kinds: word < list < number.
  switch (kind) {
    case MavenItem::Kind::word:
      return 0;
    case MavenItem::Kind::list:
      return 1;
    case MavenItem::Kind::number:
      return 2;
  }
  return 0;
}

int compare_item(const MavenItem* a, const MavenItem* b) {
  if (a == nullptr && b == nullptr) return 0;
  if (a == nullptr) return -compare_with_missing(*b);
  if (b == nullptr) return compare_with_missing(*a);
  if (a->kind != b->kind) return three_way(kind_rank(a->kind), kind_rank(b->kind));
  switch (a->kind) {
    case MavenItem::Kind::number:
      return compare_digit_strings(a->value, b->value);
    case MavenItem::Kind::word:
      return three_way(a->value, b->value);
    case MavenItem::Kind::list:
      return compare_lists(*a, *b);
  }
  return 0;
}

}  // namespace

MavenItem parse_maven_version(std::string_view text) {
  std::string version(text);
  std::transform(version.begin(), version.end(), version.begin(), ascii_lower);
  auto root = list_item();
  std::vector<ItemPtr> stack{root};
  ItemPtr list = root;
  bool digit = false;
  size_t start = 0;
  auto open_sublist = [&] {
    auto sub = list_item();
    list->items.push_back(sub);
    list = sub;
    stack.push_back(sub);
  };
  for (size_t i = 0; i < version.size(); ++i) {
    const char c = version[i];
    const std::string_view pending = std::string_view(version).substr(start, i - start);
    if (c == '.') {
      list->items.push_back(i == start ? number_item("0") : parse_item(digit, pending));
      start = i + 1;
    } else if (c == '-') {
      list->items.push_back(i == start ? number_item("0") : parse_item(digit, pending));
      start = i + 1;
      open_sublist();
    } else if (is_ascii_digit(c)) {
      if (!digit && i > start) {
        list->items.push_back(word_item(std::string(pending), true));
        start = i;
        open_sublist();
      }
      digit = true;
    } else {
      if (digit && i > start) {
        list->items.push_back(parse_item(true, pending));
        start = i;
        open_sublist();
      }
      digit = false;
    }
  }
  if (version.size() > start)
    list->items.push_back(parse_item(digit, std::string_view(version).substr(start)));
  while (!stack.empty()) {
    normalize(*stack.back());
    stack.pop_back();
  }
  return std::move(*root);
}

int compare_maven_versions(const MavenItem& a, const MavenItem& b) { return compare_lists(a, b); }

}  // namespace assay::osv
