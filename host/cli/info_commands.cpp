// assay plugins list, assay config check, assay explain, and the usage text.
#include <boost/program_options/value_semantic.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"

namespace po = boost::program_options;

namespace assay::cli {

std::string usage() {
  return "usage:\n"
         "  assay scan [PATH] [--config FILE] [--rev REV] [--out DIR] [--format md,json] [--plugin SO]...\n"
         "  assay plugins list [--config FILE] [--plugin SO]...\n"
         "  assay config check FILE\n"
         "  assay explain KEY [--out DIR]\n"
         "  assay stats [PATH] [--since DAYS] [--json]\n"
         "  assay state check|export [PATH] [--out FILE]\n"
         "  assay serve --config FILE       # service mode: schedules, watches, events\n"
         "  assay health [--config FILE | --url URL]   # exit 0 when the service is healthy\n"
         "  assay --help | --version\n"
         "\n"
         "exit codes: 0 success, 1 state check found problems, 2 usage or configuration error,\n"
         "            3 the scan could not run (also: the state store is busy or unusable)\n"
         "each command accepts --help; the manual is README.md and docs/.\n";
}

int plugins_command(const Args& args) {
  po::options_description options("assay plugins list [options]");
  options.add_options()("verb", po::value<std::string>(), "list");
  options.add(global_options());
  po::positional_options_description positional;
  positional.add("verb", 1);
  auto parsed = parse_command("assay plugins", args, options, positional);
  if (auto* code = std::get_if<int>(&parsed)) return *code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);
  if (!vm.count("verb") || vm["verb"].as<std::string>() != "list") {
    std::cerr << "assay plugins: expected 'list'\n";
    return kExitUsage;
  }
  auto app = start(global_values(vm));
  if (!app) return kExitUsage;
  std::printf("%-16s %-9s %-9s %-5s %-8s %s\n", "name", "kind", "version", "api", "enabled", "file");
  for (const auto& plugin : app->loader->plugins()) {
    const auto& info = plugin->info();
    std::string api = std::to_string(info.api_major) + "." + std::to_string(info.api_minor);
    std::printf("%-16s %-9s %-9s %-5s %-8s %s\n", info.name.c_str(),
                info.kind == ASSAY_KIND_SCANNER ? "scanner" : "reporter", info.version.c_str(), api.c_str(),
                app->config.plugin_enabled(info.name) ? "yes" : "no", info.path.string().c_str());
  }
  for (const auto& error : app->loader->errors()) std::printf("failed to load: %s\n", error.message.c_str());
  return kExitOk;
}

int config_command(const Args& args) {
  po::options_description options("assay config check FILE [options]");
  options.add_options()("verb", po::value<std::string>(), "check")("file", po::value<std::string>(), "file");
  options.add(global_options());
  po::positional_options_description positional;
  positional.add("verb", 1).add("file", 1);
  auto parsed = parse_command("assay config", args, options, positional);
  if (auto* code = std::get_if<int>(&parsed)) return *code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);
  if (!vm.count("verb") || vm["verb"].as<std::string>() != "check" || !vm.count("file")) {
    std::cerr << "assay config: usage: assay config check FILE\n";
    return kExitUsage;
  }
  GlobalOptions global = global_values(vm);
  global.config_file = vm["file"].as<std::string>();
  auto app = start(global);
  if (!app) return kExitUsage;
  auto service_problems = check_service_sections(*app);
  if (!service_problems.empty()) {
    for (const auto& d : service_problems) std::cerr << d.to_string() << "\n";
    return kExitUsage;
  }
  std::cout << vm["file"].as<std::string>() << ": ok\n";
  return kExitOk;
}

namespace {

void print_score(const nlohmann::json& breakdown, const char* name, const char* label) {
  if (!breakdown.contains(name)) return;
  const auto& entry = breakdown.at(name);
  std::cout << "  " << label << ": " << entry.value("formula", std::string()) << "\n";
  if (entry.contains("components") && entry.at("components").is_object()) {
    for (const auto& [k, v] : entry.at("components").items())
      std::cout << "      " << k << " = " << v.dump() << "\n";
  }
}

// "  origin: committed in 8c1d2e3f… by Alice <…> at 2025-08-14T09:12:00Z".
void print_history(const nlohmann::json& item) {
  const auto origin = item.value("origin", nlohmann::json());
  if (origin.is_object()) {
    std::cout << "  origin: " << origin.value("state", "");
    if (origin.value("commit", nlohmann::json()).is_string())
      std::cout << " " << origin.at("commit").get<std::string>() << " by " << origin.value("author", "")
                << " at " << origin.value("time", "");
    std::cout << "\n";
  }
  const auto file = item.value("file_history", nlohmann::json());
  if (file.is_object()) {
    std::cout << "  file history (" << file.value("window", "") << "): " << file.value("commits", 0)
              << " commits by " << file.value("authors", 0) << " authors, median file "
              << file.value("median_commits", 0.0) << " commits -> hotspot multiplier "
              << file.value("hotspot_multiplier", 1.0) << "\n";
  }
}

}  // namespace

int explain_command(const Args& args) {
  po::options_description options("assay explain KEY [--out DIR]");
  options.add_options()("key", po::value<std::string>(), "backlog key, e.g. TD-001")(
      "out", po::value<std::string>()->default_value(".assay"), "report directory holding backlog.json");
  options.add(global_options());
  po::positional_options_description positional;
  positional.add("key", 1);
  auto parsed = parse_command("assay explain", args, options, positional);
  if (auto* code = std::get_if<int>(&parsed)) return *code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);
  if (!vm.count("key")) {
    std::cerr << "assay explain: usage: assay explain KEY [--out DIR]\n";
    return kExitUsage;
  }
  std::string path = vm["out"].as<std::string>() + "/backlog.json";
  std::ifstream in(path);
  if (!in) {
    std::cerr << "assay explain: cannot read " << path << " (run assay scan first, or pass --out DIR)\n";
    return kExitUsage;
  }
  nlohmann::json backlog = nlohmann::json::parse(in, nullptr, false);
  if (backlog.is_discarded() || !backlog.contains("items")) {
    std::cerr << "assay explain: " << path << " is not a backlog.json written by assay\n";
    return kExitUsage;
  }
  std::string key = vm["key"].as<std::string>();
  for (const auto& item : backlog.at("items")) {
    if (item.value("key", "") != key) continue;
    const auto& loc = item.at("location");
    std::cout << item.value("key", "") << "  " << item.value("title", "") << "\n";
    std::cout << "  source " << item.value("source", "") << ", rule " << item.value("rule", "")
              << ", category " << item.value("category", "") << ", rank " << item.value("rank", 0) << "\n";
    if (!loc.value("path", "").empty()) {
      std::cout << "  at " << loc.value("path", "") << ":" << loc.value("line_start", 0) << "-"
                << loc.value("line_end", 0) << "\n";
    }
    std::cout << "  evidence: " << item.value("evidence", "") << "\n";
    print_history(item);
    const auto& breakdown = item.value("breakdown", nlohmann::json::object());
    print_score(breakdown, "composite", "composite");
    print_score(breakdown, "wsjf", "WSJF");
    print_score(breakdown, "ice", "ICE");
    print_score(breakdown, "technical_debt", "technical debt");
    print_score(breakdown, "security", "security");
    print_score(breakdown, "value_usd", "value (USD)");
    print_score(breakdown, "risk", "risk");
    bool next = backlog.value("next_best", nlohmann::json()).is_string() && backlog.at("next_best") == key;
    if (next) std::cout << "  this is the next best item\n";
    return kExitOk;
  }
  std::cerr << "assay explain: no item '" << key << "' in " << path << "\n";
  return kExitUsage;
}

}  // namespace assay::cli
