// The assay subcommands. Each takes the arguments after its name and returns
// the process exit code (see ExitCode in app.h).
#pragma once

#include <string>
#include <vector>

namespace assay::cli {

using Args = std::vector<std::string>;

int scan_command(const Args& args);
int plugins_command(const Args& args);
int config_command(const Args& args);
int explain_command(const Args& args);
int stats_command(const Args& args);
int state_command(const Args& args);
int serve_command(const Args& args);
int health_command(const Args& args);

// Text of `assay --help`.
std::string usage();

}  // namespace assay::cli
