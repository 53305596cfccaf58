// Builds advisories for the tests from compact JSON pieces, through the
// real parser.
#pragma once

#include <string>

#include "advisory_parser.h"

namespace assay::osv::testing {

// An advisory `id` with one affected package; `ranges` and `versions` are
// JSON arrays, `extra` more top-level members (",\"aliases\": [...]").
inline Advisory advisory(const std::string& ecosystem, const std::string& name, const std::string& ranges,
                         const std::string& versions = "[]", const std::string& id = "TEST-1",
                         const std::string& extra = "") {
  return parse_advisory(R"({"id": ")" + id +
                        R"(", "modified": "2024-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": ")" +
                        ecosystem + R"(", "name": ")" + name + R"("}, "ranges": )" + ranges +
                        R"(, "versions": )" + versions + "}]" + extra + "}");
}

// A single range of `type` with the given events (a JSON array).
inline std::string range(const std::string& type, const std::string& events) {
  return R"([{"type": ")" + type + R"(", "events": )" + events + "}]";
}

}  // namespace assay::osv::testing
