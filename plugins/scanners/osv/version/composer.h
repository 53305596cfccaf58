// Packagist versions: Composer's normalisation (v prefix, four numeric
// parts, stability suffixes alpha/beta/RC/patch, -dev) followed by PHP's
// version_compare, which is how Composer orders releases.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace assay::osv {

// The normalised form, e.g. "v1.2-beta.1" -> "1.2.0.0-beta1", "2.0.0-p1" ->
// "2.0.0.0-patch1", "1.0.0+build" -> "1.0.0.0". Returns nullopt for branch
// names ("dev-main", "1.x-dev") and text that is not a version.
std::optional<std::string> normalize_composer_version(std::string_view text);

// PHP's version_compare on two normalised versions: parts split at '.', '-',
// '_', '+' and between digits and letters; numbers compare as numbers;
// words rank dev < alpha = a < beta = b < RC = rc < (a number) < pl = p,
// any other word below dev.
int php_version_compare(std::string_view a, std::string_view b);

}  // namespace assay::osv
