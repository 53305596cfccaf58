#include <boost/program_options/value_semantic.hpp>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "bus/bus.h"
#include "bus/envelope.h"
#include "bus/event_publisher.h"
#include "cli/commands.h"
#include "cli/left_to_exit.h"
#include "cli/options.h"
#include "cli/summary.h"
#include "scan/scan_runner.h"
#include "scan/target_opening.h"

namespace po = boost::program_options;

namespace assay::cli {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void on_interrupt(int) { g_cancel.store(true); }

std::vector<std::string> split_formats(const std::string& text) {
  std::vector<std::string> formats;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) formats.push_back(item);
  }
  if (formats.empty()) throw UsageError("--format needs at least one format, e.g. md,json");
  return formats;
}

}  // namespace

int scan_command(const Args& args) {
  po::options_description options("assay scan [PATH] [options]");
  options.add_options()("path", po::value<std::string>()->default_value("."),
                        "repository or directory to scan")(
      "rev", po::value<std::string>(), "scan this commit's tree from the object database")(
      "out", po::value<std::string>(), "report directory (default PATH/.assay)")(
      "format", po::value<std::string>(), "reporters to run, comma separated (md,json)")(
      "full", "ignore the findings cache: every scanner reads every file (the cache is still written)");
  options.add(global_options());
  po::positional_options_description positional;
  positional.add("path", 1);
  auto parsed = parse_command("assay scan", args, options, positional);
  if (auto* code = std::get_if<int>(&parsed)) return *code;
  const po::variables_map& vm = std::get<po::variables_map>(parsed);
  scan::ScanOptions scan_options;
  scan_options.path = vm["path"].as<std::string>();
  if (vm.count("rev")) scan_options.rev = vm["rev"].as<std::string>();
  if (vm.count("out")) scan_options.out_dir = vm["out"].as<std::string>();
  scan_options.full = vm.count("full") > 0;
  // The target's files are listed while the plugins load: on a large work
  // tree the listing is the longest step before the scan.
  auto app = start(global_values(vm), [&](const config::Config& config) {
    scan_options.early_target = scan::EarlyTarget::start(scan_options, config);
  });
  if (!app) return kExitUsage;

  try {
    if (vm.count("format")) scan_options.formats = split_formats(vm["format"].as<std::string>());
  } catch (const UsageError& e) {
    std::cerr << "assay scan: " << e.what() << "\n";
    return kExitUsage;
  }
  scan_options.show_progress = true;

  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  bus::Bus bus;
  bus::EventPublisher events(bus.context(), {std::string(bus::kDefaultEventEndpoint)},
                             bus::default_producer_id());
  scan::ScanRunner runner(app->config, *app->loader, bus, events);
  try {
    auto outcome = std::make_unique<scan::ScanOutcome>(runner.run(scan_options, g_cancel));
    print_summary(std::cout, *outcome, app->config.report_top());
    bool any_report = outcome->reporter_runs.empty();
    for (const auto& run : outcome->reporter_runs) any_report |= run.status == "ok";
    if (!any_report)
      std::cerr << "assay scan: no report could be written to " << outcome->out_dir.string() << "\n";
    // The reports are committed, the state store is closed and the summary
    // is printed: the items are left to the exit (left_to_exit.h).
    leave_to_exit(std::move(outcome));
    if (!any_report) return kExitScanFailed;
  } catch (const scan::UsageError& e) {
    std::cerr << "assay scan: " << e.what() << "\n";
    return kExitUsage;
  } catch (const scan::ScanFailed& e) {
    std::cerr << "assay scan: " << e.what() << "\n";
    return kExitScanFailed;
  }
  return g_cancel.load() ? 130 : kExitOk;
}

}  // namespace assay::cli
