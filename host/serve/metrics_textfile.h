// Where the metrics reporter writes a repository's textfile, computed the way
// the reporter computes it (plugins/reporters/metrics), so that the service
// can serve the textfiles of all its repositories on GET /metrics.
#pragma once

#include <filesystem>
#include <string>

namespace assay::config {
class Config;
}

namespace assay::serve {

// plugins.metrics.textfile with {name} replaced by the repository's
// directory name, relative paths taken from the report directory
// (PATH/.assay); PATH/.assay/metrics.prom when it is empty or absent.
std::filesystem::path metrics_textfile(const config::Config& config, const std::filesystem::path& repository);

}  // namespace assay::serve
