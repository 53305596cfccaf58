#include "lockfile/lockfile.h"

#include "lockfile/parsers.h"

namespace assay::osv {
namespace {

std::string_view base_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool under_node_modules(std::string_view path) {
  return path.rfind("node_modules/", 0) == 0 || path.find("/node_modules/") != std::string_view::npos;
}

// requirements.txt, requirements-dev.txt, dev-requirements.txt,
// requirements/base.txt's siblings are named by the user; the name must say
// "requirements" (or "constraints", pip's file of pins).
bool is_requirements_file(std::string_view name) {
  if (name.size() < 4 || name.substr(name.size() - 4) != ".txt") return false;
  return name.find("requirements") != std::string_view::npos || name.rfind("constraints", 0) == 0;
}

}  // namespace

std::optional<LockfileFormat> lockfile_format_for(std::string_view path) {
  if (under_node_modules(path)) return std::nullopt;
  const std::string_view name = base_name(path);
  struct Named {
    std::string_view name;
    LockfileFormat format;
  };
  static constexpr Named kNames[] = {
      {"poetry.lock", LockfileFormat::poetry_lock},
      {"Pipfile.lock", LockfileFormat::pipfile_lock},
      {"package-lock.json", LockfileFormat::package_lock},
      {"npm-shrinkwrap.json", LockfileFormat::package_lock},
      {"yarn.lock", LockfileFormat::yarn_lock},
      {"pnpm-lock.yaml", LockfileFormat::pnpm_lock},
      {"Cargo.lock", LockfileFormat::cargo_lock},
      {"go.mod", LockfileFormat::go_mod},
      {"go.sum", LockfileFormat::go_sum},
      {"Gemfile.lock", LockfileFormat::gemfile_lock},
      {"gems.locked", LockfileFormat::gemfile_lock},
      {"composer.lock", LockfileFormat::composer_lock},
      {"conanfile.txt", LockfileFormat::conanfile_txt},
      {"vcpkg.json", LockfileFormat::vcpkg_json},
      {"gradle.lockfile", LockfileFormat::gradle_lockfile},
  };
  for (const Named& n : kNames) {
    if (name == n.name) return n.format;
  }
  if (is_requirements_file(name)) return LockfileFormat::requirements_txt;
  return std::nullopt;
}

const char* format_name(LockfileFormat format) {
  switch (format) {
    case LockfileFormat::requirements_txt:
      return "requirements.txt";
    case LockfileFormat::poetry_lock:
      return "poetry.lock";
    case LockfileFormat::pipfile_lock:
      return "Pipfile.lock";
    case LockfileFormat::package_lock:
      return "package-lock.json";
    case LockfileFormat::yarn_lock:
      return "yarn.lock";
    case LockfileFormat::pnpm_lock:
      return "pnpm-lock.yaml";
    case LockfileFormat::cargo_lock:
      return "Cargo.lock";
    case LockfileFormat::go_mod:
      return "go.mod";
    case LockfileFormat::go_sum:
      return "go.sum";
    case LockfileFormat::gemfile_lock:
      return "Gemfile.lock";
    case LockfileFormat::composer_lock:
      return "composer.lock";
    case LockfileFormat::conanfile_txt:
      return "conanfile.txt";
    case LockfileFormat::vcpkg_json:
      return "vcpkg.json";
    case LockfileFormat::gradle_lockfile:
      return "gradle.lockfile";
  }
  return "lockfile";
}

namespace {

LockfileContents parse_format(LockfileFormat format, std::string_view text) {
  switch (format) {
    case LockfileFormat::requirements_txt:
      return parse_requirements_txt(text);
    case LockfileFormat::poetry_lock:
      return parse_poetry_lock(text);
    case LockfileFormat::pipfile_lock:
      return parse_pipfile_lock(text);
    case LockfileFormat::package_lock:
      return parse_package_lock(text);
    case LockfileFormat::yarn_lock:
      return parse_yarn_lock(text);
    case LockfileFormat::pnpm_lock:
      return parse_pnpm_lock(text);
    case LockfileFormat::cargo_lock:
      return parse_cargo_lock(text);
    case LockfileFormat::go_mod:
      return parse_go_mod(text);
    case LockfileFormat::go_sum:
      return parse_go_sum(text);
    case LockfileFormat::gemfile_lock:
      return parse_gemfile_lock(text);
    case LockfileFormat::composer_lock:
      return parse_composer_lock(text);
    case LockfileFormat::conanfile_txt:
      return parse_conanfile_txt(text);
    case LockfileFormat::vcpkg_json:
      return parse_vcpkg_json(text);
    case LockfileFormat::gradle_lockfile:
      return parse_gradle_lockfile(text);
  }
  return {};
}

}  // namespace

LockfileContents parse_lockfile(LockfileFormat format, std::string_view text) {
  LockfileContents contents = parse_format(format, text);
  // Whatever a format lets be empty ("" keys, quoted empty paths), a
  // dependency without a name or a version names nothing to match.
  std::erase_if(contents.dependencies, [&](const Dependency& d) {
    if (!d.name.empty() && !d.version.empty()) return false;
    contents.warnings.push_back("line " + std::to_string(d.line) +
                                ": an entry without a package name or version");
    return true;
  });
  return contents;
}

}  // namespace assay::osv
