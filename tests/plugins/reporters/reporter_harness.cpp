#include "reporter_harness.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace assay::test {
namespace {

using nlohmann::ordered_json;

void host_log(assay_host* host, assay_log_level level, const char* message) {
  host->logs.emplace_back(message);
  if (level == ASSAY_LOG_WARN) host->warnings.emplace_back(message);
}
void host_set_error(assay_host* host, const char* message) { host->error = message; }
assay_status host_deliver(assay_host* host, const assay_delivery* message, char* error, size_t error_size) {
  if (host->deliver_status != ASSAY_OK) {
    std::snprintf(error, error_size, "%s", "the outbox is full (test)");
    return host->deliver_status;
  }
  host->deliveries.push_back({std::string(message->body, message->body_size), message->endpoint,
                              message->summary, message->max_attempts});
  return ASSAY_OK;
}
void* host_alloc(size_t size) { return std::malloc(size); }
void host_free(void* ptr) { std::free(ptr); }

std::string last_error(const assay_plugin& plugin, assay_instance* instance) {
  const char* message = plugin.last_error(instance);
  return message ? message : "";
}

ordered_json breakdown_for(double composite, double value_usd) {
  return ordered_json{
      {"wsjf",
       {{"value", 6.5},
        {"formula",
         "(business value 6 + time criticality 3 + risk reduction 2 + opportunity 2) / max(0.5, effort 2 h)"},
        {"components",
         {{"business_value", 6}, {"time_criticality", 3}, {"risk_reduction", 2}, {"opportunity", 2}}}}},
      {"ice", {{"value", 288.0}, {"formula", "impact 8 x confidence 9 x ease 4"}}},
      {"technical_debt", {{"value", 40.0}, {"formula", "(debt impact 30 + debt interest 10) x hotspot 1.0"}}},
      {"security", {{"value", 0.0}, {"formula", "not a security finding"}}},
      {"composite", {{"value", composite}, {"formula", "0.5 x 13 + 0.2 x 28.8 + 0.2 x 40 + 0.1 x 0"}}},
      {"value_usd", {{"value", value_usd}, {"formula", "category rate x effort"}}},
      {"risk", {{"value", 0.31}, {"formula", "severity medium, confidence 0.9"}}}};
}

}  // namespace

assay_item ReportItem::view() {
  text = json_text_override.empty() ? json.dump() : json_text_override;
  const auto& location = json.at("location");
  const auto& scores = json.at("scores");
  assay_item item{};
  item.struct_size = sizeof(item);
  item.key = json.at("key").get_ref<const std::string&>().c_str();
  item.fingerprint = json.at("fingerprint").get_ref<const std::string&>().c_str();
  item.title = json.at("title").get_ref<const std::string&>().c_str();
  item.category = json.at("category").get_ref<const std::string&>().c_str();
  item.source = json.at("source").get_ref<const std::string&>().c_str();
  item.rule = json.at("rule").get_ref<const std::string&>().c_str();
  item.path = location.at("path").get_ref<const std::string&>().c_str();
  item.line_start = location.at("line_start").get<uint32_t>();
  item.line_end = location.at("line_end").get<uint32_t>();
  item.effort_hours = json.at("effort_hours").get<double>();
  item.wsjf = scores.at("wsjf").get<double>();
  item.ice = scores.at("ice").get<double>();
  item.technical_debt = scores.at("technical_debt").get<double>();
  item.security = scores.at("security").get<double>();
  item.composite = scores.at("composite").get<double>();
  item.value_usd = json.at("value_usd").get<double>();
  item.risk = json.at("risk").get<double>();
  item.rank = json.at("rank").get<uint32_t>();
  item.json = text.c_str();
  return item;
}

ReportItem make_item(const std::string& key, const std::string& title, const std::string& category,
                     const std::string& source, const std::string& path, uint32_t line_start,
                     uint32_t line_end, double effort_hours, double composite, double value_usd,
                     uint32_t rank) {
  ReportItem item;
  item.json = ordered_json{{"key", key},
                           {"fingerprint", "9f2c" + std::to_string(rank) + "e81a7d3b40c5"},
                           {"title", title},
                           {"category", category},
                           {"source", source},
                           {"rule", source == "markers" ? "marker-comment" : "missing-api-docs"},
                           {"location", {{"path", path}, {"line_start", line_start}, {"line_end", line_end}}},
                           {"evidence", title},
                           {"effort_hours", effort_hours},
                           {"confidence", 0.9},
                           {"severity", "medium"},
                           {"tags", {"marker", "debt"}},
                           {"scores",
                            {{"wsjf", 6.5},
                             {"ice", 288.0},
                             {"technical_debt", 40.0},
                             {"security", category == "security" ? 70.0 : 0.0},
                             {"composite", composite}}},
                           {"value_usd", value_usd},
                           {"risk", 0.31},
                           {"rank", rank},
                           {"details", nullptr},
                           {"breakdown", breakdown_for(composite, value_usd)}};
  return item;
}

LoadedReporter::LoadedReporter(const std::string& name) {
  const std::string path = std::string(ASSAY_PLUGIN_DIR) + "/assay-" + name + ".so";
  // Plugins stay loaded for the life of the process, like in the host.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) throw std::runtime_error(path + ": " + dlerror());
  auto init = reinterpret_cast<assay_plugin_init_fn>(dlsym(handle, ASSAY_PLUGIN_INIT_SYMBOL));
  if (!init) throw std::runtime_error(path + ": no " ASSAY_PLUGIN_INIT_SYMBOL);
  api_.struct_size = sizeof(api_);
  api_.api_major = ASSAY_API_MAJOR;
  api_.api_minor = ASSAY_API_MINOR;
  api_.host = &host_;
  api_.log = &host_log;
  api_.set_error = &host_set_error;
  api_.alloc = &host_alloc;
  api_.free = &host_free;
  api_.deliver = &host_deliver;
  plugin_.struct_size = sizeof(plugin_);
  if (init(&api_, &plugin_, sizeof(plugin_)) != ASSAY_OK) throw std::runtime_error(path + ": " + host_.error);
}

RunResult LoadedReporter::run(RunInput& input) {
  host_.error.clear();
  host_.warnings.clear();
  const std::string header_text = input.header.dump();
  const std::string output_dir = input.output_dir.string();
  const std::string repository = input.header.at("repository").at("path").get<std::string>();
  const auto& commit = input.header.at("repository").at("commit");
  const std::string commit_text = commit.is_string() ? commit.get<std::string>() : "";
  const auto& next_best = input.header.at("next_best");
  const std::string next_best_text = next_best.is_string() ? next_best.get<std::string>() : "";

  assay_report report{};
  report.struct_size = sizeof(report);
  report.output_dir = output_dir.c_str();
  report.repository = repository.c_str();
  report.commit = commit_text.c_str();
  report.next_best = next_best.is_string() ? next_best_text.c_str() : nullptr;
  report.item_count =
      input.announced_items >= 0 ? static_cast<size_t>(input.announced_items) : input.items.size();
  report.json = header_text.c_str();

  RunResult result;
  using Clock = std::chrono::steady_clock;
  // Times one call into the plugin.
  auto timed = [&result](auto&& call) {
    const auto start = Clock::now();
    assay_status status = call();
    result.plugin_time += Clock::now() - start;
    return status;
  };
  assay_instance* instance = nullptr;
  result.status =
      timed([&] { return plugin_.reporter_begin(&api_, input.config.c_str(), &report, &instance); });
  if (result.status != ASSAY_OK) return RunResult{"begin", result.status, host_.error, result.plugin_time};
  for (auto& item : input.items) {
    assay_item view = item.view();
    result.status = timed([&] { return plugin_.reporter_item(instance, &view); });
    if (result.status != ASSAY_OK) {
      result = RunResult{"item", result.status, last_error(plugin_, instance), result.plugin_time};
      plugin_.reporter_close(instance);
      return result;
    }
  }
  result.status = timed([&] { return plugin_.reporter_end(instance); });
  if (result.status != ASSAY_OK)
    result = RunResult{"end", result.status, last_error(plugin_, instance), result.plugin_time};
  plugin_.reporter_close(instance);
  return result;
}

ordered_json sample_header(size_t items, const std::string& next_best) {
  return ordered_json{
      {"schema", 1},
      {"repository",
       {{"path", "/srv/repos/parser-lib"},
        {"name", "parser-lib"},
        {"commit", "3f9a2c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"},
        {"branch", "main"},
        {"history", true},
        {"target", "commit"}}},
      {"scan",
       {{"id", "5c1e9a7f-2b3d-4c8e-9f10-a2b3c4d5e6f7"},
        {"started_at", "2026-11-25T17:00:00Z"},
        {"finished_at", "2026-11-25T17:00:04Z"},
        {"plugins",
         {{{"name", "markers"},
           {"kind", "scanner"},
           {"version", "1.0.0"},
           {"status", "ok"},
           {"findings", 4},
           {"duration_ms", 35},
           {"error", nullptr}},
          {{"name", "maturity"},
           {"kind", "scanner"},
           {"version", "1.0.0"},
           {"status", "ok"},
           {"findings", 1},
           {"duration_ms", 1250},
           {"error", nullptr}},
          {{"name", "secrets"},
           {"kind", "scanner"},
           {"version", "0.3.0"},
           {"status", "load-failed"},
           {"findings", 0},
           {"duration_ms", 0},
           {"error", "/usr/lib/assay/plugins/assay-secrets.so: file too short"}}}}}},
      {"maturity", {{"level", "developing"}, {"assessed", false}, {"source", "configuration"}}},
      {"next_best", next_best.empty() ? ordered_json(nullptr) : ordered_json(next_best)},
      {"summary", items == 0 ? ordered_json{{"items", 0},
                                            {"by_category", ordered_json::object()},
                                            {"by_source", ordered_json::object()},
                                            {"effort_hours", 0.0},
                                            {"value_usd", 0.0}}
                             : ordered_json{{"items", items},
                                            {"by_category",
                                             {{"technical-debt", 2},
                                              {"security", 1},
                                              {"code-quality", 1},
                                              {"documentation", 1}}},
                                            {"by_source", {{"markers", 4}, {"maturity", 1}}},
                                            {"effort_hours", 18.5},
                                            {"value_usd", 14579.9}}},
      {"generated_by", "assay 0.1.0"}};
}

std::vector<ReportItem> sample_items() {
  std::vector<ReportItem> items;
  items.push_back(make_item("TD-001", "Overflow in the expression parser", "technical-debt", "markers",
                            "src/parser.c", 10, 12, 4, 35.24, 550, 1));
  items.push_back(make_item("SEC-001", "Hard-coded | password\nin config loader", "security", "markers",
                            "config/app.yaml", 3, 3, 1.5, 30.06, 1234.4, 2));
  items.push_back(make_item("TD-002", "Split parse_expr into smaller functions", "technical-debt", "markers",
                            "src/parser.c", 88, 88, 2, 20, 300, 3));
  items.push_back(make_item("CQ-001", "Retry loop without backoff", "code-quality", "markers",
                            "src/net/retry.cc", 5, 9, 8, 12.5, 12345.6, 4));
  items.push_back(
      make_item("DOC-001", "Document the public API", "documentation", "maturity", "", 0, 0, 3, 8, 150, 5));
  return items;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> directory_entries(const std::filesystem::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace assay::test
