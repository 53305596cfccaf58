// Command-line parsing shared by the subcommands: the global options every
// command accepts and a parser that turns Boost errors into usage errors.
#pragma once

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/positional_options.hpp>
#include <boost/program_options/variables_map.hpp>
#include <string>
#include <variant>
#include <vector>

#include "cli/app.h"

namespace assay::cli {

// Thrown for a command line that cannot be parsed; exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --config, --plugin, --log-level, --log-format, --help.
boost::program_options::options_description global_options();
GlobalOptions global_values(const boost::program_options::variables_map& vm);

boost::program_options::variables_map parse(
    const std::vector<std::string>& args, const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional);

// Parses a subcommand's command line. Holds the values to run with, or the
// exit code when the command is already done: kExitUsage after "COMMAND:
// why" and the options were printed to stderr, kExitOk after --help printed
// the options to stdout.
std::variant<boost::program_options::variables_map, int> parse_command(
    const char* command, const std::vector<std::string>& args,
    const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional = {});

}  // namespace assay::cli
