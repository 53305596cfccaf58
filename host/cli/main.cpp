#include <assay/plugin.h>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/commands.h"

#ifndef ASSAY_VERSION
#define ASSAY_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
  using namespace assay::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << usage();
    return kExitUsage;
  }
  const std::string command = args.front();
  Args rest(args.begin() + 1, args.end());
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << usage();
      return kExitOk;
    }
    if (command == "--version" || command == "-V") {
      std::cout << "assay " << ASSAY_VERSION << " (plugin API " << ASSAY_API_MAJOR << "." << ASSAY_API_MINOR
                << ")\n";
      return kExitOk;
    }
    if (command == "scan") return scan_command(rest);
    if (command == "plugins") return plugins_command(rest);
    if (command == "config") return config_command(rest);
    if (command == "explain") return explain_command(rest);
    if (command == "stats") return stats_command(rest);
    if (command == "state") return state_command(rest);
    if (command == "serve") return serve_command(rest);
    if (command == "health") return health_command(rest);
    std::cerr << "assay: unknown command '" << command << "'\n\n" << usage();
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "assay: " << e.what() << "\n";
    return kExitScanFailed;
  }
}
