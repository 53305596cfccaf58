// The [[package]] tables of a TOML lockfile (Cargo.lock, poetry.lock): the
// subset of TOML those files use, read line by line so that every key keeps
// its line.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace assay::osv {

struct TomlValue {
  std::string text;  // a string's contents, or the raw text of another value
  uint32_t line = 0;
};

struct TomlPackage {
  uint32_t line = 0;  // the [[package]] header
  // Keys of the table, and of its sub-tables as "sub.key" ([package.source]
  // type = "git" is "source.type").
  std::map<std::string, TomlValue, std::less<>> values;
};

// Reads every [[package]] table. Multi-line arrays, inline tables and
// multi-line strings are skipped over. Throws LockfileError "line N: ..."
// for a line that is neither a table header, a key/value pair, a comment
// nor blank, and for an unterminated multi-line value.
std::vector<TomlPackage> read_toml_packages(std::string_view text);

}  // namespace assay::osv
