// A plain HTTP/1.1 GET over a loopback socket, for the end-to-end tests of
// assay serve's listener.
#pragma once

#include <string>

namespace assay::test {

// GET `path` from 127.0.0.1:`port`; the whole response (status line,
// headers, body), or "" when nothing answered.
std::string http_get(int port, const std::string& path);

// The body of a whole response: what follows the blank line.
std::string http_body(const std::string& response);

}  // namespace assay::test
