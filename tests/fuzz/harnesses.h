// The fuzz harnesses: one function per parser family. Each takes arbitrary
// bytes, feeds them to the parsers, checks what the parsers promise (no
// exception other than the documented ones, results within the input) and
// aborts through ASSAY_FUZZ_CHECK when a promise is broken. The same
// functions back the libFuzzer binaries (fuzz_entry.cpp) and the corpus
// replay test of the normal test suite.
#pragma once

#include <string_view>

namespace assay::fuzz {

// What the parsers made of an input. The replay test holds seeds named
// "ok-*" to `accepted` and seeds named "bad-*" to `rejected`.
enum class Verdict { accepted, rejected };

// YAML configuration text: Config::parse with the host schema, then
// check_plugins, every accessor, the plugin sections as JSON, the markers
// section reader and the scoring model; also validate_yaml of the whole
// document against the markers plugin's schema. Accepted: the configuration
// passes every check.
Verdict run_config(std::string_view input);

// Source text: a first line naming a language id selects it ("cpp\n..."),
// otherwise the first byte picks one of known_languages() and the rest is
// the source. Lexes, extracts markers and checks positions, the prefilter
// and the JSON details. Accepted: at least one marker was found.
Verdict run_markers(std::string_view input);

// A findings-pipeline payload: decode_finding, decode_done, Finding::from_json
// and round trips through the encoders; normalize_evidence and fingerprint on
// the decoded finding and on the raw input. Accepted: one of the decoders
// took it.
Verdict run_finding(std::string_view input);

// JSON text for the reporters: parse_report_header, the markdown reporter's
// item breakdown reading (BacklogTally) and the reporter configuration
// section reader. Accepted: it is a valid report header.
Verdict run_report(std::string_view input);

// Source text, languages chosen as for run_markers (plus unknown ids):
// FileStructure::analyze, then positions, nesting, complexity bounds, body
// statements and comments of every unit. Accepted: a function was found.
Verdict run_structure(std::string_view input);
// OSV scanner input, the first byte picking the parser ('A' advisory, 'B'
// to 'O' lockfile formats, 'P' zip, 'Q' CVSS vector, 'R' version pair; see
// osv_harness.cpp). Accepted: the parser took it; a lockfile parser must
// also have found a dependency.
Verdict run_osv(std::string_view input);
// A SARIF log: read_sarif with a repository at /repo, a source root and a
// uriBaseId override; every finding is checked (known category and
// severity, path inside the repository, details a JSON object) and every
// result counted once. Accepted: the file is a readable SARIF 2.1.0 log.
Verdict run_sarif(std::string_view input);

// Google Benchmark JSON: read_benchmark_file, then the regression decision
// and the Mann-Whitney U test on the series it yields (U within 0..n1 n2,
// p within 0..1). Accepted: the file could be read.
Verdict run_google_benchmark(std::string_view input);

// pytest-benchmark JSON, checked like run_google_benchmark.
Verdict run_pytest_benchmark(std::string_view input);

// A maturity rule file (YAML): parse_rule_file, and the rules evaluated over
// a small in-memory repository with and without history facts; scores,
// statuses, percentages and levels checked against each other. Accepted:
// the rule file is valid.
Verdict run_maturity(std::string_view input);

// A maturity assessment as a scanner hands it to the host (JSON):
// parse_assessment, and the kept text read back. Accepted: it is valid.
Verdict run_assessment(std::string_view input);

// Markdown or reST text: markdown_links, rst_links, markdown_anchors,
// resolve_target, check_links, named_code_paths; then the text as source in
// five languages, every function through the placeholders classifier.
// Accepted: the text has a Markdown link.
Verdict run_docs(std::string_view input);

// Service-mode parsers, the first byte picking one: 'C' a cron expression
// (the next byte shifts the start time by days; the next fire time must be a
// later minute that matches, with no matching minute before it), 'D' a
// duration, anything else the HTTP request reader fed in chunks (the next
// byte sets their size). Accepted: the parser took it.
Verdict run_serve(std::string_view input);

// A git pack (history's pack reader): bytes 0-1 say where the second of two
// objects starts, the rest are the pack's objects. Both are read through a
// made-up index (object headers, zlib data, offset and reference delta
// chains, the base cache); each read gives an object or a HistoryError
// naming it. The same bytes are also parsed as a pack index and applied as
// a delta. Accepted: one of the two objects was read.
Verdict run_pack(std::string_view input);

struct Harness {
  std::string_view name;  // corpus folder tests/fuzz/corpus/<name>, binary fuzz_<name>
  Verdict (*run)(std::string_view input);
};

inline constexpr Harness kHarnesses[] = {{"config", run_config},
                                         {"pack", run_pack},
                                         {"markers", run_markers},
                                         {"finding", run_finding},
                                         {"report", run_report},
                                         {"structure", run_structure},
                                         {"osv", run_osv},
                                         {"sarif", run_sarif},
                                         {"google_benchmark", run_google_benchmark},
                                         {"pytest_benchmark", run_pytest_benchmark},
                                         {"maturity", run_maturity},
                                         {"assessment", run_assessment},
                                         {"docs", run_docs},
                                         {"serve", run_serve}};

}  // namespace assay::fuzz
