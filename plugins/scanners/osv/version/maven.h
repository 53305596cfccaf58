// Maven versions, ordered like maven-artifact's ComparableVersion: items
// split at '.', '-' and digit/letter changes; a '-' or a change opens a
// sub-list; qualifiers rank alpha < beta < milestone < rc = cr < snapshot <
// (release: "", ga, final, release) < sp < any other word (alphabetical);
// a number is newer than any word.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace assay::osv {

// One item of a parsed Maven version.
struct MavenItem {
  enum class Kind { number, word, list };
  Kind kind = Kind::number;
  std::string value;                              // digits (number) or comparable qualifier (word)
  std::vector<std::shared_ptr<MavenItem>> items;  // Kind::list
};

// Every string is a Maven version; parsing cannot fail.
MavenItem parse_maven_version(std::string_view text);

int compare_maven_versions(const MavenItem& a, const MavenItem& b);

}  // namespace assay::osv
