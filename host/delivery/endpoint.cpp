#include "delivery/endpoint.h"

#include <cstdlib>
#include <fstream>

#include "log/log.h"

namespace assay::delivery {
namespace {

constexpr std::string_view kEnvPrefix = "env:";
constexpr std::string_view kFilePrefix = "file:";

bool valid_variable_name(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

std::string trimmed(std::string text) {
  const char* space = " \t\r\n";
  const size_t first = text.find_first_not_of(space);
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(space) - first + 1);
}

std::string read_variable(const std::string& reference, const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (!value || trimmed(value).empty())
    throw EndpointError("endpoint " + reference + ": the environment variable " + name + " is not set");
  return trimmed(value);
}

std::string read_first_line(const std::string& reference, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw EndpointError("endpoint " + reference + ": cannot read the file " + path);
  std::string line;
  std::getline(in, line);
  line = trimmed(line);
  if (line.empty()) throw EndpointError("endpoint " + reference + ": the file " + path + " holds no URL");
  return line;
}

// The message never quotes the value: it is the secret.
void check_url(const std::string& reference, const std::string& url) {
  const bool http = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  bool clean = true;
  for (unsigned char c : url) clean &= c > 0x20 && c != 0x7f;
  if (!http || !clean)
    throw EndpointError(
        "endpoint " + reference +
        ": the value is not an http:// or https:// URL without spaces (not shown: it is a secret)");
}

}  // namespace

void check_endpoint_reference(const std::string& reference) {
  if (reference.rfind(kEnvPrefix, 0) == 0) {
    if (!valid_variable_name(std::string_view(reference).substr(kEnvPrefix.size())))
      throw EndpointError("endpoint '" + reference +
                          "': expected env:NAME with NAME like [A-Za-z_][A-Za-z0-9_]*");
    return;
  }
  if (reference.rfind(kFilePrefix, 0) == 0 && reference.size() > kFilePrefix.size()) return;
  throw EndpointError("endpoint '" + reference +
                      "': expected env:NAME (an environment variable) or file:PATH (a file holding the URL)");
}

std::string resolve_endpoint(const std::string& reference) {
  check_endpoint_reference(reference);
  const bool from_env = reference.rfind(kEnvPrefix, 0) == 0;
  const std::string target = reference.substr(from_env ? kEnvPrefix.size() : kFilePrefix.size());
  std::string url = from_env ? read_variable(reference, target) : read_first_line(reference, target);
  log::add_secret(url);
  check_url(reference, url);
  return url;
}

}  // namespace assay::delivery
