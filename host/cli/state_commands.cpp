// assay stats, assay state check, assay state export: reading the state store
// a scan of PATH uses (docs/state.md).
#include <boost/program_options/value_semantic.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/stats_text.h"
#include "scan/state_settings.h"
#include "state/export.h"
#include "state/invariants.h"
#include "state/sqlite_store.h"
#include "state/statistics.h"
#include "state/statistics_json.h"
#include "state/timestamps.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace assay::cli {
namespace {

// Exit code of `assay state check` when the store has problems.
constexpr int kExitProblems = 1;

struct StoreCommand {
  scan::StateSettings settings;
  fs::path scan_path;
  std::unique_ptr<state::StateStore> store;
};

fs::path absolute_path(const std::string& given) {
  std::error_code ec;
  fs::path path = fs::absolute(given, ec).lexically_normal();
  if (path.has_relative_path() && !path.has_filename()) path = path.parent_path();
  return path;
}

// Loads the configuration and opens the store a scan of `path` would use.
// Prints the reason and returns the exit code when that is impossible.
std::variant<StoreCommand, int> open_store(const char* command, const po::variables_map& vm) {
  auto app = start(global_values(vm));
  if (!app) return kExitUsage;
  StoreCommand c;
  c.settings = scan::state_settings(app->config);
  if (!c.settings.enabled) {
    std::cerr << command << ": the state store is turned off (state.enabled: false)\n";
    return kExitUsage;
  }
  c.scan_path = absolute_path(vm["path"].as<std::string>());
  const std::string file = scan::store_path(c.settings, c.scan_path).string();
  try {
    c.store = state::open_sqlite_store(file, {c.settings.busy_timeout_ms, false});
  } catch (const state::StoreError& e) {
    std::cerr << command << ": " << e.what() << "\n";
    return kExitScanFailed;
  }
  return c;
}

// The stored repository that `path` is, or lies inside: the longest match.
std::optional<state::RepositoryRecord> repository_of(state::StateReader& reader, const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  if (ec) canonical = path;
  std::optional<state::RepositoryRecord> best;
  for (const auto& repo : reader.repositories()) {
    const fs::path relative = canonical.lexically_relative(repo.path);
    if (relative.empty() || *relative.begin() == "..") continue;
    if (!best || repo.path.size() > best->path.size()) best = repo;
  }
  return best;
}

po::options_description path_options(const char* title) {
  po::options_description options(title);
  options.add_options()("path", po::value<std::string>()->default_value("."), "the scanned repository");
  return options;
}

}  // namespace

int stats_command(const Args& args) {
  po::options_description options = path_options("assay stats [PATH] [--since DAYS] [--json] [options]");
  options.add_options()("since", po::value<int>(),
                        "the period: this many days up to now (default state.period_days)")(
      "json", "print the statistics as JSON");
  options.add(global_options());
  po::positional_options_description positional;
  positional.add("path", 1);
  auto parsed = parse_command("assay stats", args, options, positional);
  if (auto* code = std::get_if<int>(&parsed)) return *code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);
  auto opened = open_store("assay stats", vm);
  if (auto* code = std::get_if<int>(&opened)) return *code;
  StoreCommand& c = std::get<StoreCommand>(opened);
  const int days = vm.count("since") ? vm["since"].as<int>() : c.settings.period_days;
  if (days < 1 || days > 36500) {
    std::cerr << "assay stats: --since must be between 1 and 36500 days, got " << days << "\n";
    return kExitUsage;
  }
  std::optional<state::RepositoryRecord> repo;
  state::Statistics stats;
  try {
    c.store->read([&](state::StateReader& reader) {
      repo = repository_of(reader, c.scan_path);
      if (repo) stats = state::compute_statistics(reader, repo->id, state::now_seconds(), days);
    });
  } catch (const state::StoreError& e) {
    std::cerr << "assay stats: " << e.what() << "\n";
    return kExitScanFailed;
  }
  if (!repo) {
    std::cerr << "assay stats: " << c.store->location() << " holds no scan of " << c.scan_path.string()
              << "\n";
    return kExitScanFailed;
  }
  if (days > c.settings.retention.detail_days)
    std::cerr << "assay stats: note: events older than " << c.settings.retention.detail_days
              << " days (state.retention.detail_days) are pruned; older counts are incomplete\n";
  if (vm.count("json")) {
    nlohmann::ordered_json out = {{"repository", repo->path},
                                  {"store", c.store->location()},
                                  {"stats", state::statistics_json(stats)},
                                  {"completed", state::completed_json(stats)}};
    std::cout << out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else {
    print_stats(std::cout, repo->path, c.store->location(), stats);
  }
  return kExitOk;
}

namespace {

int state_check(StoreCommand& c) {
  std::vector<std::string> problems = c.store->integrity_problems();
  size_t repositories = 0;
  int schema = 0;
  try {
    c.store->read([&](state::StateReader& reader) {
      schema = reader.schema_version();
      repositories = reader.repositories().size();
      for (auto& problem : state::check_invariants(reader)) problems.push_back(std::move(problem));
    });
  } catch (const state::StoreError& e) {
    problems.push_back(std::string("cannot read the store: ") + e.what());
  }
  for (const auto& problem : problems) std::cout << c.store->location() << ": " << problem << "\n";
  if (!problems.empty()) {
    std::cerr << "assay state check: " << problems.size() << " problem(s) in " << c.store->location() << "\n";
    return kExitProblems;
  }
  std::cout << c.store->location() << ": ok (schema " << schema << ", " << repositories << " repositor"
            << (repositories == 1 ? "y" : "ies") << ")\n";
  return kExitOk;
}

int state_export(StoreCommand& c, const po::variables_map& vm) {
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (vm.count("out")) {
    file.open(vm["out"].as<std::string>(), std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "assay state export: cannot write " << vm["out"].as<std::string>() << "\n";
      return kExitScanFailed;
    }
    out = &file;
  }
  c.store->read([&](state::StateReader& reader) { state::export_json_lines(reader, *out); });
  out->flush();
  if (!*out) {
    std::cerr << "assay state export: writing the export failed\n";
    return kExitScanFailed;
  }
  return kExitOk;
}

}  // namespace

int state_command(const Args& args) {
  po::options_description options = path_options("assay state check|export [PATH] [options]");
  options.add_options()("verb", po::value<std::string>(), "check or export")(
      "out", po::value<std::string>(), "export: write to this file instead of standard output");
  options.add(global_options());
  po::positional_options_description positional;
  positional.add("verb", 1).add("path", 1);
  auto parsed = parse_command("assay state", args, options, positional);
  if (auto* code = std::get_if<int>(&parsed)) return *code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);
  const std::string verb = vm.count("verb") ? vm["verb"].as<std::string>() : "";
  if (verb != "check" && verb != "export") {
    std::cerr << "assay state: expected 'check' or 'export'\n";
    return kExitUsage;
  }
  auto opened = open_store(verb == "check" ? "assay state check" : "assay state export", vm);
  if (auto* code = std::get_if<int>(&opened)) return *code;
  StoreCommand& c = std::get<StoreCommand>(opened);
  try {
    return verb == "check" ? state_check(c) : state_export(c, vm);
  } catch (const state::StoreError& e) {
    std::cerr << "assay state " << verb << ": " << e.what() << "\n";
    return kExitScanFailed;
  }
}

}  // namespace assay::cli
