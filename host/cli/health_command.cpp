#include <curl/curl.h>
#include <yaml-cpp/yaml.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "config/host_schema.h"
#include "serve/serve_config.h"

namespace po = boost::program_options;

namespace assay::cli {
namespace {

size_t append(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// The /healthz URL of the service configured in `file`, or "" with the reason
// printed.
std::string url_from_config(const std::filesystem::path& file) {
  std::vector<config::Diagnostic> diagnostics;
  try {
    auto config = config::Config::load(file, host_schema(), diagnostics);
    const YAML::Node service = config.root()["service"];
    const YAML::Node http = service.IsDefined() && service.IsMap() ? service["http"] : YAML::Node();
    if (!diagnostics.empty() || !http.IsDefined() || !http.IsScalar() || http.Scalar().empty()) {
      for (const auto& d : diagnostics) std::cerr << d.to_string() << "\n";
      if (diagnostics.empty()) std::cerr << "assay health: " << file.string() << " sets no service.http\n";
      return "";
    }
    std::string address = http.Scalar();
    if (address.rfind("0.0.0.0:", 0) == 0) address = "127.0.0.1:" + address.substr(8);
    return "http://" + address + "/healthz";
  } catch (const config::ConfigError& e) {
    for (const auto& d : e.diagnostics) std::cerr << d.to_string() << "\n";
    return "";
  }
}

}  // namespace

int health_command(const Args& args) {
  po::options_description options("assay health [--config FILE | --url URL]");
  options.add_options()("url", po::value<std::string>(), "the service's /healthz URL");
  options.add(global_options());
  auto parsed = parse_command("assay health", args, options);
  if (auto* code = std::get_if<int>(&parsed)) return *code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);
  GlobalOptions global = global_values(vm);
  if (vm.count("url") == (global.config_file ? 1u : 0u)) {
    std::cerr << "assay health: give exactly one of --config FILE or --url URL\n";
    return kExitUsage;
  }
  std::string url = vm.count("url") ? vm["url"].as<std::string>() : url_from_config(*global.config_file);
  if (url.empty()) return kExitUsage;
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  std::string body;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  CURLcode result = curl_easy_perform(curl.get());
  if (result != CURLE_OK) {
    std::cerr << "assay health: " << url << ": " << curl_easy_strerror(result) << "\n";
    return 1;
  }
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  std::cout << body;
  if (!body.empty() && body.back() != '\n') std::cout << "\n";
  return status == 200 ? kExitOk : 1;
}

}  // namespace assay::cli
