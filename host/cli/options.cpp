#include "cli/options.h"

#include <boost/program_options/parsers.hpp>
#include <boost/program_options/value_semantic.hpp>
#include <iostream>

namespace po = boost::program_options;

namespace assay::cli {

po::options_description global_options() {
  po::options_description options("Global options");
  options.add_options()("config", po::value<std::string>(),
                        "configuration file merged over the built-in defaults")(
      "plugin", po::value<std::vector<std::string>>()->composing(), "load this plugin file too (repeatable)")(
      "log-level", po::value<std::string>(), "trace, debug, info, warn, error, off")(
      "log-format", po::value<std::string>(), "text or json")("help,h", "show this command's help");
  return options;
}

GlobalOptions global_values(const po::variables_map& vm) {
  GlobalOptions g;
  if (vm.count("config")) g.config_file = vm["config"].as<std::string>();
  if (vm.count("plugin")) {
    for (const auto& p : vm["plugin"].as<std::vector<std::string>>()) g.plugin_files.emplace_back(p);
  }
  if (vm.count("log-level")) g.log_level = vm["log-level"].as<std::string>();
  if (vm.count("log-format")) g.log_format = vm["log-format"].as<std::string>();
  return g;
}

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& options,
                        const po::positional_options_description& positional) {
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  return vm;
}

std::variant<po::variables_map, int> parse_command(const char* command, const std::vector<std::string>& args,
                                                   const po::options_description& options,
                                                   const po::positional_options_description& positional) {
  po::variables_map vm;
  try {
    vm = parse(args, options, positional);
  } catch (const UsageError& e) {
    std::cerr << command << ": " << e.what() << "\n" << options;
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << options;
    return kExitOk;
  }
  return vm;
}

}  // namespace assay::cli
