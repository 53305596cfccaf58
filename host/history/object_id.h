// A git object id (SHA-1) without libgit2's headers, so that the history
// index can be used by parts of the host that never see libgit2.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace assay::history {

struct ObjectId {
  static constexpr std::size_t kSize = 20;
  std::array<unsigned char, kSize> bytes{};

  // The all-zero id stands for "no object" (e.g. the content before a file
  // was added).
  bool is_zero() const;
  // 40 lower-case hex digits.
  std::string hex() const;
  // Parses 40 hex digits (either case); nullopt for anything else.
  static std::optional<ObjectId> from_hex(std::string_view text);

  auto operator<=>(const ObjectId&) const = default;
};

struct ObjectIdHash {
  std::size_t operator()(const ObjectId& id) const;
};

}  // namespace assay::history
