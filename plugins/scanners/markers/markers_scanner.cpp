// The markers scanner plugin: finds to-do style markers in the comments
// of every file the host lists, through the SDK only.
#include <assay/plugin.hpp>
#include <atomic>
#include <optional>
#include <string>

#include "lexer.h"
#include "marker.h"
#include "marker_format.h"
#include "markers_config.h"
#include "prefilter.h"
#include "syntax.h"
#include "tag_matcher.h"

namespace assay::markers {
namespace {

// What happened to the files of one scan, for the summary log lines.
struct ScanCounters {
  std::atomic<size_t> lexed{0};
  std::atomic<size_t> without_marker{0};
  std::atomic<size_t> unknown_language{0};
  std::atomic<size_t> too_large{0};
  std::atomic<size_t> binary{0};
  std::atomic<size_t> unreadable{0};
  std::atomic<size_t> markers{0};
  std::atomic<size_t> refused{0};         // findings the host did not accept (ASSAY_INVALID, or any error)
  std::atomic<size_t> without_origin{0};  // markers whose origin the host could not tell
  std::atomic<bool> cancelled{false};
};

class MarkersScanner : public sdk::Scanner {
 public:
  MarkersScanner(const sdk::Host& host, const std::string& config_json)
      : host_(host),
        config_(MarkersConfig::parse(config_json)),
        matcher_(config_.tag_names()),
        prefilter_(config_.tag_names()),
        classifier_(config_.keywords) {}

  void scan(sdk::Scan& scan) override {
    ScanCounters counters;
    const size_t files = scan.file_count();
    scan.parallel_for(files, [&](size_t index) { scan_file(scan, index, counters); });
    host_.debug("skipped " + std::to_string(counters.unknown_language) + " files of unknown language, " +
                std::to_string(counters.binary) + " binary, " + std::to_string(counters.too_large) +
                " larger than max_file_size (" + std::to_string(config_.max_file_size) + " bytes), " +
                std::to_string(counters.unreadable) + " unreadable");
    host_.info(std::to_string(counters.markers) + " markers in " + std::to_string(files) + " files (" +
               std::to_string(counters.lexed) + " lexed, " + std::to_string(counters.without_marker) +
               " without a tag, " +
               std::to_string(counters.unknown_language + counters.binary + counters.too_large +
                              counters.unreadable) +
               " skipped)");
    if (counters.without_origin > 0)
      host_.debug(std::to_string(counters.without_origin) + " markers without a known origin");
    if (counters.refused > 0)
      host_.warn("the host refused " + std::to_string(counters.refused) +
                 " marker findings (its log says why); the scan went on without them");
  }

 private:
  void scan_file(const sdk::Scan& scan, size_t index, ScanCounters& counters) const {
    if (counters.cancelled || scan.cancelled()) return;
    const sdk::FileInfo info = scan.file(index);
    const std::string_view language = config_.language_for(info.path, info.language);
    const Syntax* syntax = language.empty() ? nullptr : find_syntax(language);
    if (syntax == nullptr) {
      ++counters.unknown_language;
      return;
    }
    if (info.size > config_.max_file_size) {
      ++counters.too_large;
      return;
    }
    sdk::Blob blob(host_.api(), scan.raw());
    if (!scan.read(index, blob)) {
      ++counters.unreadable;
      return;
    }
    const std::string_view data = blob.view();
    if (data.size() > config_.max_file_size) {
      ++counters.too_large;
      return;
    }
    if (looks_binary(data)) {
      ++counters.binary;
      return;
    }
    const size_t last_candidate = prefilter_.last_candidate(data);
    if (last_candidate == std::string_view::npos) {
      ++counters.without_marker;
      return;
    }
    ++counters.lexed;
    const bool ask_origins = config_.origins && scan.has_history_api();
    for (const Marker& marker : find_markers(data, *syntax, matcher_, last_candidate)) {
      std::optional<MarkerOrigin> origin;
      if (ask_origins) {
        origin = origin_of(scan, index, marker.line_start);
        if (!origin) ++counters.without_origin;
      }
      const assay_status status = scan.emit(to_finding(marker, info.path, language, origin));
      if (status == ASSAY_CANCELLED) {
        counters.cancelled = true;
        return;
      }
      ++(status == ASSAY_OK ? counters.markers : counters.refused);
    }
  }

  // The origin of the marker's first line; nullopt when the host cannot
  // tell (no history, or a file whose versions cannot be diffed).
  static std::optional<MarkerOrigin> origin_of(const sdk::Scan& scan, size_t index, uint32_t line) {
    const std::optional<sdk::LineOrigin> origin = scan.line_origin(index, line);
    if (!origin) return std::nullopt;
    MarkerOrigin m;
    switch (origin->kind) {
      case ASSAY_ORIGIN_COMMITTED:
        m.state = "committed";
        break;
      case ASSAY_ORIGIN_AT_OR_BEFORE:
        m.state = "at_or_before";
        break;
      case ASSAY_ORIGIN_UNCOMMITTED:
        m.state = "uncommitted";
        return m;
      case ASSAY_ORIGIN_BEFORE_HISTORY:
      default:
        m.state = "before_history";
        return m;
    }
    m.commit = std::string(origin->commit);
    m.author = to_valid_utf8(origin->author);
    m.time = sdk::utc_iso8601(origin->time);
    return m;
  }

  sdk::Finding to_finding(const Marker& marker, std::string_view path, std::string_view language,
                          const std::optional<MarkerOrigin>& origin) const {
    const TagRule* rule = config_.rule_for(marker.tag);
    const Classification c = classifier_.classify(*rule, marker.text);
    sdk::Finding f;
    f.rule = marker.tag;
    f.title = to_valid_utf8(marker_title(marker, path));
    f.category = c.category;
    f.severity = c.severity;
    f.effort_hours = c.effort_hours;
    f.confidence = marker_confidence(marker);
    f.path = std::string(path);
    f.line_start = marker.line_start;
    f.line_end = marker.line_end;
    f.evidence = to_valid_utf8(marker.evidence);
    f.tags = {"marker", lower_case(marker.tag)};
    f.details_json = marker_details_json(marker, language, origin ? &*origin : nullptr);
    return f;
  }

  static std::string lower_case(std::string s) {
    for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return s;
  }

  sdk::Host host_;
  MarkersConfig config_;
  TagMatcher matcher_;
  TagPrefilter prefilter_;
  KeywordClassifier classifier_;
};

}  // namespace
}  // namespace assay::markers

ASSAY_FILE_LOCAL_SCANNER_PLUGIN(assay::markers::MarkersScanner, "markers", "1.1.0",
                     "Finds TODO, FIXME and other markers in the comments of 50+ languages",
                     assay::markers::markers_config_schema())
