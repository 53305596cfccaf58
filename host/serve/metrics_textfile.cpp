#include "serve/metrics_textfile.h"

#include <yaml-cpp/yaml.h>

#include "config/config.h"

namespace assay::serve {

std::filesystem::path metrics_textfile(const config::Config& config,
                                       const std::filesystem::path& repository) {
  const std::filesystem::path out_dir = repository / ".assay";
  const YAML::Node& root = config.root();
  std::string configured;
  const YAML::Node plugins = root["plugins"];
  if (plugins.IsDefined() && plugins.IsMap()) {
    const YAML::Node section = plugins["metrics"];
    if (section.IsDefined() && section.IsMap() && section["textfile"].IsDefined() &&
        section["textfile"].IsScalar())
      configured = section["textfile"].Scalar();
  }
  if (configured.empty()) return out_dir / "metrics.prom";
  const std::string name = repository.filename().string();
  for (size_t at = configured.find("{name}"); at != std::string::npos; at = configured.find("{name}", at))
    configured.replace(at, 6, name);
  std::filesystem::path path(configured);
  return path.is_relative() ? out_dir / path : path;
}

}  // namespace assay::serve
