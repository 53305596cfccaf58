// The outcome of opening a session on a plugin.
#pragma once

#include <memory>
#include <string>

namespace assay::loader {

template <class Session>
struct OpenResult {
  std::unique_ptr<Session> session;  // null when opening failed
  std::string error;                 // why, when session is null

  explicit operator bool() const { return session != nullptr; }
};

}  // namespace assay::loader
