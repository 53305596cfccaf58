#include "scan/report_stage.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bus/event_publisher.h"
#include "config/config.h"
#include "loader/plugin_loader.h"
#include "loader/reporter_session.h"
#include "log/log.h"

#ifndef ASSAY_VERSION
#define ASSAY_VERSION "0.0.0"
#endif

namespace assay::scan {
namespace {

nlohmann::json run_json(const PluginRun& run) {
  return {{"name", run.name},
          {"kind", run.kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.kind)},
          {"version", run.version.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.version)},
          {"status", run.status},
          {"findings", run.findings},
          {"duration_ms", run.duration_ms},
          {"error", run.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.error)}};
}

nlohmann::json or_null(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

// Fills the C view of an item; the strings point into `item` and `json`.
assay_item item_view(const BacklogItem& item, const std::string& json) {
  assay_item v{};
  v.struct_size = sizeof(v);
  v.key = item.key.c_str();
  v.fingerprint = item.fingerprint.c_str();
  v.title = item.finding.title.c_str();
  v.category = item.scores.category.c_str();
  v.source = item.finding.source.c_str();
  v.rule = item.finding.rule.c_str();
  v.path = item.finding.path.c_str();
  v.line_start = item.finding.line_start;
  v.line_end = item.finding.line_end;
  v.effort_hours = item.scores.effort_hours;
  v.wsjf = item.scores.wsjf;
  v.ice = item.scores.ice;
  v.technical_debt = item.scores.technical_debt;
  v.security = item.scores.security;
  v.composite = item.scores.composite;
  v.value_usd = item.scores.value_usd;
  v.risk = item.scores.risk;
  v.rank = item.rank;
  v.json = json.c_str();
  return v;
}

PluginRun run_reporter(const ReportContext& context, const loader::LoadedPlugin& plugin,
                       const std::string& header, const std::vector<std::string>& item_texts) {
  const auto& outcome = context.outcome;
  PluginRun run{plugin.info().name, "reporter", plugin.info().version, "ok", 0, 0, ""};
  auto start = std::chrono::steady_clock::now();
  std::string out_dir = outcome.out_dir.string();
  assay_report report{};
  report.struct_size = sizeof(report);
  report.output_dir = out_dir.c_str();
  report.repository = outcome.repository.path.c_str();
  report.commit = outcome.repository.commit.c_str();
  report.next_best = outcome.next_best.empty() ? nullptr : outcome.next_best.c_str();
  report.item_count = outcome.items.size();
  report.json = header.c_str();

  auto opened = loader::ReporterSession::begin(
      plugin, context.config.plugin_config_json(run.name, plugin.info().schema_json), report);
  assay_status status = opened ? ASSAY_OK : ASSAY_ERROR;
  for (size_t i = 0; status == ASSAY_OK && i < outcome.items.size(); ++i) {
    assay_item view = item_view(outcome.items[i], item_texts[i]);
    status = opened.session->item(view);
  }
  if (status == ASSAY_OK) status = opened.session->end();
  run.duration_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  if (status != ASSAY_OK) {
    run.status = "failed";
    run.error = opened ? opened.session->error() : opened.error;
  }
  return run;
}

// The default report directory sits inside the repository; a .gitignore in
// it keeps the reports out of `git status` and out of commits.
void keep_out_of_git(const std::filesystem::path& out_dir) {
  if (out_dir.filename() != ".assay") return;
  const auto ignore = out_dir / ".gitignore";
  std::error_code ec;
  if (std::filesystem::exists(ignore, ec)) return;
  std::ofstream(ignore) << "# Written by assay: reports are not source.\n*\n";
}

}  // namespace

nlohmann::json report_header_json(const ReportContext& context) {
  const auto& o = context.outcome;
  nlohmann::json plugins = nlohmann::json::array();
  for (const auto& run : o.runs) plugins.push_back(run_json(run));
  return {{"schema", 1},
          {"repository",
           {{"path", o.repository.path},
            {"name", o.repository.name},
            {"commit", or_null(o.repository.commit)},
            {"branch", or_null(o.repository.branch)},
            {"history", o.repository.history},
            {"target", o.repository.target}}},
          {"scan",
           {{"id", o.scan_id},
            {"started_at", context.started_at},
            {"finished_at", context.finished_at},
            {"files", o.files},
            {"plugins", plugins}}},
          {"history", o.history_json.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(o.history_json)},
          {"maturity", {{"level", o.maturity_level}, {"assessed", false}, {"source", "configuration"}}},
          {"next_best", or_null(o.next_best)},
          {"summary", summary_json(o.items)},
          {"generated_by", std::string("assay ") + ASSAY_VERSION}};
}

std::vector<PluginRun> run_reporters(const ReportContext& context, const std::vector<std::string>& names) {
  std::vector<PluginRun> runs;
  std::error_code ec;
  std::filesystem::create_directories(context.outcome.out_dir, ec);
  if (ec)
    throw ScanFailed("cannot create output directory '" + context.outcome.out_dir.string() +
                     "': " + ec.message());
  keep_out_of_git(context.outcome.out_dir);
  const std::string header = report_header_json(context).dump();
  // Every reporter gets the same item texts: serialise each item once.
  std::vector<std::string> item_texts;
  item_texts.reserve(context.outcome.items.size());
  for (const auto& item : context.outcome.items) {
    item_texts.push_back(
        item_json(item).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  }
  for (const auto& name : names) {
    const auto* plugin = context.loader.find(name);
    if (!plugin || plugin->info().kind != ASSAY_KIND_REPORTER)
      continue;  // its load failure is already recorded
    if (!context.formats_given && !context.config.plugin_enabled(name)) continue;
    PluginRun run = run_reporter(context, *plugin, header, item_texts);
    nlohmann::json event = {{"scan_id", context.outcome.scan_id},
                            {"repository", context.outcome.repository.path},
                            {"reporter", run.name},
                            {"status", run.status},
                            {"error", or_null(run.error)}};
    context.events.publish("assay.report.delivered", event);
    if (run.status != "ok") {
      log::write(log::Level::error, run.name, "report failed: " + run.error);
      context.events.publish("assay.plugin.failed", {{"scan_id", context.outcome.scan_id},
                                                     {"repository", context.outcome.repository.path},
                                                     {"plugin", run.name},
                                                     {"kind", "reporter"},
                                                     {"stage", "report"},
                                                     {"error", run.error}});
    }
    runs.push_back(run);
  }
  return runs;
}

}  // namespace assay::scan
