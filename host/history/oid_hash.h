// Hashing libgit2 object ids for unordered containers. Internal to host/history.
#pragma once

#include <git2/oid.h>

#include <cstddef>
#include <cstring>
#include <unordered_set>

namespace assay::history {

struct OidHash {
  size_t operator()(const git_oid& id) const {
    // SHA-1 bytes are uniformly distributed: the first word is a good hash.
    size_t h;
    std::memcpy(&h, id.id, sizeof h);
    return h;
  }
};

struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b) != 0; }
};

using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

}  // namespace assay::history
