// The slack reporter: a digest of each scan for a Slack incoming webhook, in
// Block Kit within Slack's limits (digest.h, block_kit.h). The message is
// handed to the host's durable delivery service (plugin.h, deliver, ABI 1.2),
// which owns the outbox, the pacing and the retries: a plugin cannot keep
// anything across runs, and must not link host libraries.
#include <assay/plugin.hpp>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "digest.h"
#include "report_header.h"
#include "slack_config.h"

namespace assay::reporters::slack {
namespace {

// The first ABI minor whose host table has deliver.
constexpr uint16_t kDeliveryMinor = 2;

std::string report_link(const SlackConfig& config, const assay_report& report) {
  if (!config.report_link.empty()) return config.report_link;
  return report_output_path(report, config.report_file).string();
}

bool host_offers_delivery(const assay_host_api* api) {
  return api->api_minor >= kDeliveryMinor &&
         api->struct_size >= offsetof(assay_host_api, deliver) + sizeof(api->deliver) && api->deliver;
}

class SlackReporter : public sdk::Reporter {
 public:
  SlackReporter(const sdk::Host& host, const std::string& config_json, const assay_report& report)
      : host_(host),
        config_(read_slack_config(config_json)),
        expected_items_(report.item_count),
        digest_(parse_report_header(report), config_.top, config_.list_lines, report_link(config_, report)) {
    if (!host_offers_delivery(host_.api()))
      throw std::runtime_error(
          "this host offers no delivery service (plugin ABI 1.2, deliver); the slack "
          "reporter needs it to queue its messages");
  }

  void item(const assay_item& item) override { digest_.add(item); }

  void end() override {
    if (digest_.item_count() != expected_items_)
      throw std::runtime_error("the report announced " + std::to_string(expected_items_) + " items but " +
                               std::to_string(digest_.item_count()) + " arrived; no message was queued");
    const std::string body = digest_.message_json();
    const std::string summary = digest_.summary();
    assay_delivery message{};
    message.struct_size = sizeof(message);
    message.endpoint = config_.endpoint.c_str();
    message.content_type = "application/json";
    message.body = body.data();
    message.body_size = body.size();
    message.summary = summary.c_str();
    message.max_attempts = config_.delivery.max_attempts;
    message.backoff_initial_ms = config_.delivery.backoff_initial_ms;
    message.backoff_max_ms = config_.delivery.backoff_max_ms;
    message.timeout_ms = config_.delivery.timeout_ms;
    char error[ASSAY_MAX_ERROR] = {0};
    const assay_host_api* api = host_.api();
    const assay_status status = api->deliver(api->host, &message, error, sizeof error);
    if (status != ASSAY_OK)
      throw std::runtime_error(std::string("the host did not queue the message: ") +
                               (error[0] ? error : "no reason given"));
    host_.info("queued the digest (" + std::to_string(body.size()) + " bytes): " + summary);
  }

 private:
  sdk::Host host_;
  SlackConfig config_;
  size_t expected_items_;
  Digest digest_;
};

}  // namespace
}  // namespace assay::reporters::slack

ASSAY_REPORTER_PLUGIN(assay::reporters::slack::SlackReporter, "slack", "1.0.0",
                      "Posts a digest of each scan to a Slack incoming webhook",
                      assay::reporters::slack::kConfigSchema)
