// A reader of the JSON text the host writes itself, in the compact form of
// nlohmann::json's dump() (no whitespace, object keys sorted and unique),
// that reads values one at a time without building a document: the
// findings cache replays thousands of findings per scan, and building a
// nlohmann::json for each costs more than the rest of an unchanged rescan.
//
// It is a fast path, never the only one: every read returns false on
// anything it does not expect (whitespace, a float where it wants an
// integer, an escape dump() would not write, invalid UTF-8, ...), and the
// caller then reads the same text with nlohmann::json, which accepts all
// JSON and says what is wrong. So the reader only has to be right about
// what it accepts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace assay {

class CompactJsonReader {
 public:
  explicit CompactJsonReader(std::string_view text) : text_(text) {}

  // Consumes `c` when it is the next byte.
  bool consume(char c);
  // Whether the next byte is `c` (nothing consumed).
  bool next_is(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool at_end() const { return pos_ == text_.size(); }

  // A string, unescaped into `out`; false for invalid UTF-8 or a bad escape.
  bool read_string(std::string& out);
  // An object key and its ':'; false for a key with escapes (they would need
  // unescaping before keys can be compared).
  bool read_key(std::string_view& key);
  // `null`.
  bool read_null();
  // An integer without sign, fraction or exponent, at most UINT64_MAX.
  bool read_unsigned(uint64_t& out);
  // Any JSON number, as the double nlohmann::json's get<double>() gives.
  bool read_double(double& out);
  // One value of any type whose text is exactly what dump() writes for it
  // after parsing it (so it can be kept as text without a round trip):
  // compact, keys sorted and unique, integers only (a float's text is not
  // checked for being dump()'s shortest form), strings escaped as dump()
  // escapes them. `raw` is that text.
  bool read_canonical(std::string_view& raw);

 private:
  // The text of a string without its quotes, checked canonical (see
  // read_canonical); `escaped` tells whether it holds a backslash.
  bool canonical_string(std::string_view& inner, bool& escaped);
  bool canonical_value(int depth);
  bool canonical_integer();
  bool literal(std::string_view word);

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace assay
