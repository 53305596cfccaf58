#include "scan/report_stage.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "bus/event_publisher.h"
#include "common/keep_out_of_git.h"
#include "config/config.h"
#include "loader/plugin_loader.h"
#include "loader/reporter_session.h"
#include "log/log.h"
#include "scan/breakdown_texts_ahead.h"
#include "scan/item_text_feed.h"
#include "scan/maturity_stage.h"
#include "scan/state_header.h"

#ifndef ASSAY_VERSION
#define ASSAY_VERSION "0.0.0"
#endif

namespace assay::scan {
namespace {

nlohmann::json cache_json(const CacheUse& cache) {
  return {{"mode", cache.incremental ? "incremental" : "full"},
          {"reason", cache.reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(cache.reason)},
          {"files_scanned", cache.files_scanned},
          {"files_replayed", cache.files_replayed},
          {"findings_replayed", cache.findings_replayed}};
}

nlohmann::json run_json(const PluginRun& run) {
  nlohmann::json j = {
      {"name", run.name},
      {"kind", run.kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.kind)},
      {"version", run.version.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.version)},
      {"status", run.status},
      {"findings", run.findings},
      {"duration_ms", run.duration_ms},
      {"error", run.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(run.error)}};
  // Only file-local scanners with the state store on have a findings cache.
  if (run.cache) j["cache"] = cache_json(*run.cache);
  return j;
}

nlohmann::json or_null(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

// Fills the C view of an item; the strings point into `item` and `json`,
// which is NUL-terminated.
assay_item item_view(const BacklogItem& item, const char* json) {
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
  v.json = json;
  v.json_flags = ASSAY_ITEM_JSON_COMPACT_DUMP;  // append_item_json writes that dump's bytes
  return v;
}

using Clock = std::chrono::steady_clock;

// One reporter while the items stream past it. A reporter whose begin or
// item call failed receives nothing more; the others carry on.
struct ActiveReport {
  PluginRun run;
  std::unique_ptr<loader::ReporterSession> session;
  std::string error;  // why begin failed
  assay_status status = ASSAY_OK;
  Clock::duration time{};  // spent in the plugin's calls
};

std::unique_ptr<ActiveReport> begin_report(const ReportContext& context, const loader::LoadedPlugin& plugin,
                                           const assay_report& report) {
  auto active = std::make_unique<ActiveReport>();
  active->run =
      PluginRun{plugin.info().name, "reporter", plugin.info().version, "ok", 0, 0, "", std::nullopt};
  const std::string config_json =
      context.config.plugin_config_json(active->run.name, plugin.info().schema_json);
  const auto start = Clock::now();
  auto opened = loader::ReporterSession::begin(plugin, config_json, report);
  active->time += Clock::now() - start;
  if (opened) {
    active->session = std::move(opened.session);
  } else {
    active->status = ASSAY_ERROR;
    active->error = opened.error;
  }
  return active;
}

// Hands every item to every reporter still running, in rank order. Each
// item's text is written once, by the feed's thread, ahead of the reporters;
// no reporter may keep it past its call (plugin.h), so only a few batches of
// texts exist at a time.
void stream_items(const std::vector<BacklogItem>& items, const scoring::Model* model,
                  BreakdownTextsAhead* breakdowns_ahead, std::vector<std::unique_ptr<ActiveReport>>& reports) {
  const auto anyone_running = [&] {
    for (const auto& r : reports)
      if (r->status == ASSAY_OK) return true;
    return false;
  };
  if (!anyone_running()) return;
  ItemTextFeed texts(items, breakdowns_ahead ? breakdowns_ahead->take() : BreakdownTexts(model));
  for (const auto& item : items) {
    if (!anyone_running()) return;
    const assay_item view = item_view(item, texts.next().data());
    for (auto& r : reports) {
      if (r->status != ASSAY_OK) continue;
      const auto start = Clock::now();
      r->status = r->session->item(view);
      r->time += Clock::now() - start;
    }
  }
}

void end_report(ActiveReport& active, EndedReports* ended) {
  const auto start = Clock::now();
  if (active.status == ASSAY_OK) active.status = active.session->end();
  if (active.status != ASSAY_OK) {
    active.run.status = "failed";
    active.run.error = active.session ? active.session->error() : active.error;
  }
  if (ended != nullptr && active.session)
    ended->add(std::move(active.session));
  else
    active.session.reset();  // reporter_close
  active.time += Clock::now() - start;
  active.run.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(active.time).count();
}

// What a reporter learns before the items; the strings point into the
// arguments.
assay_report report_view(const ScanOutcome& outcome, const std::string& header, const std::string& out_dir) {
  assay_report report{};
  report.struct_size = sizeof(report);
  report.output_dir = out_dir.c_str();
  report.repository = outcome.repository.path.c_str();
  report.commit = outcome.repository.commit.c_str();
  report.next_best = outcome.next_best.empty() ? nullptr : outcome.next_best.c_str();
  report.item_count = outcome.items.size();
  report.json = header.c_str();
  return report;
}

void publish_delivery(const ReportContext& context, const PluginRun& run) {
  const auto& outcome = context.outcome;
  context.events.publish("assay.report.delivered", {{"scan_id", outcome.scan_id},
                                                    {"repository", outcome.repository.path},
                                                    {"reporter", run.name},
                                                    {"status", run.status},
                                                    {"error", or_null(run.error)}});
  if (run.status == "ok") return;
  log::write(log::Level::error, run.name, "report failed: " + run.error);
  context.events.publish("assay.plugin.failed", {{"scan_id", outcome.scan_id},
                                                 {"repository", outcome.repository.path},
                                                 {"plugin", run.name},
                                                 {"kind", "reporter"},
                                                 {"stage", "report"},
                                                 {"error", run.error}});
}

}  // namespace

// The header without the state store's fields.
static nlohmann::json base_header_json(const ReportContext& context) {
  const auto& o = context.outcome;
  nlohmann::json plugins = nlohmann::json::array();
  for (const auto& run : o.runs) plugins.push_back(run_json(run));
  return {
      {"schema", 1},
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
        {"duration_ms", context.duration_ms},
        {"files", o.files},
        {"plugins", plugins}}},
      {"history", o.history_json.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(o.history_json)},
      {"maturity", maturity_header_json(o)},
      {"next_best", or_null(o.next_best)},
      {"summary", summary_json(o.items)},
      {"generated_by", std::string("assay ") + ASSAY_VERSION}};
}

nlohmann::json report_header_json(const ReportContext& context) {
  nlohmann::json header = base_header_json(context);
  add_state_fields(header, context.outcome.state);
  if (!context.service_json.empty()) {
    // Beside the store's outbox fields: the service host's own (its bus).
    auto service = nlohmann::json::parse(context.service_json, nullptr, false);
    if (service.is_object())
      for (auto& [key, value] : service.items()) header["service"][key] = std::move(value);
  }
  return header;
}

EndedReports::EndedReports() = default;

EndedReports::~EndedReports() { close(); }

void EndedReports::add(std::unique_ptr<loader::ReporterSession> session) {
  sessions_.push_back(std::move(session));
}

void EndedReports::close() {
  for (auto& session : sessions_) session.reset();  // reporter_close, in order
  sessions_.clear();
}

std::vector<PluginRun> run_reporters(const ReportContext& context, const std::vector<std::string>& names,
                                     EndedReports* ended) {
  std::vector<PluginRun> runs;
  std::error_code ec;
  std::filesystem::create_directories(context.outcome.out_dir, ec);
  if (ec)
    throw ScanFailed("cannot create output directory '" + context.outcome.out_dir.string() +
                     "': " + ec.message());
  keep_out_of_git(context.outcome.out_dir);
  const std::string header = report_header_json(context).dump();
  const std::string out_dir = context.outcome.out_dir.string();
  const assay_report report = report_view(context.outcome, header, out_dir);
  std::vector<std::unique_ptr<ActiveReport>> reports;
  for (const auto& name : names) {
    const auto* plugin = context.loader.find(name);
    if (!plugin || plugin->info().kind != ASSAY_KIND_REPORTER)
      continue;  // its load failure is already recorded
    if (!context.formats_given && !context.config.plugin_enabled(name)) continue;
    reports.push_back(begin_report(context, *plugin, report));
  }
  stream_items(context.outcome.items, context.outcome.model.get(), context.breakdowns_ahead, reports);
  for (auto& active : reports) {
    end_report(*active, ended);
    publish_delivery(context, active->run);
    runs.push_back(active->run);
  }
  return runs;
}

}  // namespace assay::scan
