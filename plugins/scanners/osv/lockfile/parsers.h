// One parser per lockfile format, each in its own file; parse_lockfile
// dispatches to them. Each throws LockfileError for a file it cannot read.
#pragma once

#include <string_view>

#include "lockfile/lockfile.h"

namespace assay::osv {

LockfileContents parse_requirements_txt(std::string_view text);
LockfileContents parse_poetry_lock(std::string_view text);
LockfileContents parse_pipfile_lock(std::string_view text);
LockfileContents parse_package_lock(std::string_view text);
LockfileContents parse_yarn_lock(std::string_view text);
LockfileContents parse_pnpm_lock(std::string_view text);
LockfileContents parse_cargo_lock(std::string_view text);
LockfileContents parse_go_mod(std::string_view text);
LockfileContents parse_go_sum(std::string_view text);
LockfileContents parse_gemfile_lock(std::string_view text);
LockfileContents parse_composer_lock(std::string_view text);
LockfileContents parse_conanfile_txt(std::string_view text);
LockfileContents parse_vcpkg_json(std::string_view text);
LockfileContents parse_gradle_lockfile(std::string_view text);

}  // namespace assay::osv
