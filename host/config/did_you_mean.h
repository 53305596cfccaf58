// Suggestions for misspelt keys and values ("did you mean 'level'?").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::config {

// Optimal-string-alignment distance (Damerau-Levenshtein with adjacent
// transpositions counted as one edit), ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate the user most likely meant: within two edits (and fewer edits
// than the word has characters, so short words do not match anything), or
// one being a prefix of the other when the word has at least three
// characters. Ties go to the earlier candidate. nullopt when nothing is close.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or, with no close candidate, " (expected one of: a,
// b, c)"; empty when there are no candidates.
std::string suggestion_suffix(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace assay::config
