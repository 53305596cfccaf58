// The exec reporter: the hand-off of the next best item to whatever executes
// work (a ticket bot, an agent). The item's JSON goes to a configured
// command's standard input; the command's exit status, duration and output
// (up to a limit) are logged, written to exec-result.json in the output
// directory, and make the reporter's run result: a command that fails, or
// is killed at its timeout, fails the reporter.
#include <assay/plugin.hpp>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "atomic_file.h"
#include "child_process.h"
#include "exec_config.h"
#include "report_header.h"

namespace assay::reporters::exec {
namespace {

using nlohmann::ordered_json;

std::string first_line(const std::string& text) {
  const size_t end = text.find('\n');
  std::string line = text.substr(0, end);
  constexpr size_t kMaxLine = 200;
  if (line.size() > kMaxLine) line = line.substr(0, kMaxLine) + "…";
  return line;
}

std::string outcome_text(const ExecConfig& config, const ChildResult& r) {
  const std::string ms = std::to_string(r.duration.count()) + " ms";
  if (r.timed_out)
    return "was killed after its timeout of " + std::to_string(config.timeout.count()) + " ms (ran " + ms +
           ")";
  if (r.signal != 0) return "was ended by signal " + std::to_string(r.signal) + " after " + ms;
  return "exited with status " + std::to_string(r.exit_status) + " after " + ms;
}

ordered_json result_json(const ExecConfig& config, const std::string& key, const ChildResult& r) {
  return ordered_json{
      {"command", config.command},
      {"item", key},
      {"exit_status", r.exit_status >= 0 ? ordered_json(r.exit_status) : ordered_json(nullptr)},
      {"signal", r.signal != 0 ? ordered_json(r.signal) : ordered_json(nullptr)},
      {"timed_out", r.timed_out},
      {"duration_ms", r.duration.count()},
      {"input_complete", r.input_complete},
      {"stdout", r.out},
      {"stdout_dropped_bytes", r.out_dropped},
      {"stderr", r.err},
      {"stderr_dropped_bytes", r.err_dropped}};
}

class ExecReporter : public sdk::Reporter {
 public:
  ExecReporter(const sdk::Host& host, const std::string& config_json, const assay_report& report)
      : host_(host),
        config_(read_exec_config(config_json)),
        header_(parse_report_header(report)),
        result_path_(report_output_path(report, config_.result_file)),
        repository_(report.repository ? report.repository : ""),
        next_best_(report.next_best ? report.next_best : ""),
        expected_items_(report.item_count) {}

  void item(const assay_item& item) override {
    ++items_;
    if (!next_best_.empty() && item.key && next_best_ == item.key && item.json) item_json_ = item.json;
  }

  void end() override {
    if (items_ != expected_items_)
      throw std::runtime_error("the report announced " + std::to_string(expected_items_) + " items but " +
                               std::to_string(items_) + " arrived; the command was not run");
    if (next_best_.empty()) {
      host_.info("no next best item: " + config_.command[0] + " was not run");
      return;
    }
    if (item_json_.empty())
      throw std::runtime_error("the next best item " + next_best_ + " was not among the items");
    ChildRequest request;
    request.argv = config_.command;
    request.working_directory = config_.working_directory.empty() ? repository_ : config_.working_directory;
    request.extra_environment = {"ASSAY_ITEM_KEY=" + next_best_, "ASSAY_REPOSITORY=" + repository_,
                                 "ASSAY_SCAN_ID=" + scan_id()};
    request.input = item_json_ + "\n";
    request.timeout = config_.timeout;
    request.output_limit = config_.output_limit;
    const ChildResult result = run_child(request);
    write_result(result);
    const std::string what = config_.command[0] + " " + outcome_text(config_, result) + " for " + next_best_;
    const bool ok = !result.timed_out && result.signal == 0 && result.exit_status == 0;
    if (!ok) {
      const std::string detail = first_line(result.err);
      throw std::runtime_error(what + (detail.empty() ? "" : ": " + detail));
    }
    host_.info(what + " (stdout " + std::to_string(result.out.size() + result.out_dropped) + " bytes)");
  }

 private:
  std::string scan_id() const {
    const auto& scan = header_.at("scan");
    auto it = scan.find("id");
    return it != scan.end() && it->is_string() ? it->get<std::string>() : "";
  }

  void write_result(const ChildResult& result) {
    AtomicFile file(result_path_);
    file.write(
        result_json(config_, next_best_, result).dump(2, ' ', false, ordered_json::error_handler_t::replace));
    file.write("\n");
    if (auto warning = file.commit()) host_.warn(*warning);
  }

  sdk::Host host_;
  ExecConfig config_;
  ordered_json header_;
  std::filesystem::path result_path_;
  std::string repository_;
  std::string next_best_;
  size_t expected_items_;
  size_t items_ = 0;
  std::string item_json_;
};

}  // namespace
}  // namespace assay::reporters::exec

ASSAY_REPORTER_PLUGIN(assay::reporters::exec::ExecReporter, "exec", "1.0.0",
                      "Hands the next best item to a command (JSON on standard input)",
                      assay::reporters::exec::kConfigSchema)
