// The secrets no log line may show (log.h, add_secret and redact).
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "log/log.h"

namespace assay::log {
namespace {

// Shorter strings would redact ordinary words; a webhook URL is far longer.
constexpr size_t kShortestSecret = 8;
constexpr std::string_view kRedacted = "<redacted>";

struct Secrets {
  std::mutex mutex;
  std::vector<std::string> values;
  std::atomic<bool> any{false};  // lets redact() skip the lock in the common case
};

Secrets& secrets() {
  static Secrets instance;  // outlives every logging thread
  return instance;
}

void replace_all(std::string& text, const std::string& secret) {
  for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kRedacted.size()))
    text.replace(at, secret.size(), kRedacted);
}

}  // namespace

void add_secret(std::string_view secret) {
  if (secret.size() < kShortestSecret) return;
  Secrets& s = secrets();
  std::lock_guard lock(s.mutex);
  for (const auto& known : s.values) {
    if (known == secret) return;
  }
  s.values.emplace_back(secret);
  s.any.store(true);
}

std::string redact(std::string_view text) {
  std::string out(text);
  Secrets& s = secrets();
  if (!s.any.load()) return out;
  std::lock_guard lock(s.mutex);
  for (const auto& secret : s.values) replace_all(out, secret);
  return out;
}

}  // namespace assay::log
