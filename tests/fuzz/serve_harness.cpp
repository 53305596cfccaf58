#include <algorithm>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "harnesses.h"
#include "serve/cron_expression.h"
#include "serve/duration.h"
#include "serve/http_request.h"

namespace assay::fuzz {
namespace {

// 2024-01-01T00:00:00Z plus what the input's second byte adds, so that the
// search starts on different days of the week and month.
int64_t start_time(std::string_view input) {
  return 1704067200 + (input.empty() ? 0 : static_cast<unsigned char>(input[0]) * 86399);
}

Verdict run_cron(std::string_view input) {
  int64_t after = start_time(input);
  std::string_view text = input.empty() ? input : input.substr(1);
  try {
    auto cron = serve::CronExpression::parse(text);
    auto next = cron.next_after(after);
    if (next) {
      ASSAY_FUZZ_CHECK(*next > after && *next % 60 == 0, "next fire time is a later whole minute");
      ASSAY_FUZZ_CHECK(cron.matches(*next), "the expression matches its next fire time");
      ASSAY_FUZZ_CHECK(*next - after <= int64_t{3661} * 86400, "next fire time within the horizon");
      if (*next - after > 60) ASSAY_FUZZ_CHECK(!cron.matches(*next - 60), "no earlier minute matched");
    }
    return Verdict::accepted;
  } catch (const serve::CronError& e) {
    ASSAY_FUZZ_CHECK(std::string(e.what()).size() > 0, "cron errors say something");
    return Verdict::rejected;
  }
}

Verdict run_duration(std::string_view input) {
  std::string error;
  auto value = serve::parse_duration(input, error);
  if (!value) {
    ASSAY_FUZZ_CHECK(!error.empty(), "a refused duration has a reason");
    return Verdict::rejected;
  }
  ASSAY_FUZZ_CHECK(value->count() > 0 && value->count() <= int64_t{366} * 86400000, "duration within bounds");
  return Verdict::accepted;
}

// Feeds the bytes in chunks whose sizes come from the input itself, so that
// every split of a request head is tried.
Verdict run_http(std::string_view input) {
  serve::HttpLimits limits{256, 1024, 16};
  serve::HttpRequestReader reader(limits);
  size_t chunk = input.empty() ? 1 : 1 + static_cast<unsigned char>(input[0]) % 17;
  std::string_view rest = input.empty() ? input : input.substr(1);
  auto state = serve::HttpRequestReader::State::incomplete;
  // The reader ignores what comes after a complete or failed head, so only
  // the bytes fed until then count against the limit.
  size_t consumed = 0;
  for (; consumed < rest.size() && state == serve::HttpRequestReader::State::incomplete; consumed += chunk)
    state = reader.feed(rest.substr(consumed, chunk));
  consumed = std::min(consumed, rest.size());
  if (state == serve::HttpRequestReader::State::complete) {
    const auto& request = reader.request();
    ASSAY_FUZZ_CHECK(!request.method.empty() && request.target.front() == '/',
                     "complete request has a target");
    ASSAY_FUZZ_CHECK(request.fields.size() <= limits.max_fields, "fields within the limit");
    ASSAY_FUZZ_CHECK(consumed <= limits.max_head, "a complete head is within the limit");
    return Verdict::accepted;
  }
  if (state == serve::HttpRequestReader::State::failed) {
    int s = reader.error_status();
    ASSAY_FUZZ_CHECK(s == 400 || s == 414 || s == 431 || s == 501 || s == 505, "failure status is known");
  }
  return Verdict::rejected;
}

}  // namespace

Verdict run_serve(std::string_view input) {
  if (input.empty()) return Verdict::rejected;
  std::string_view rest = input.substr(1);
  switch (input[0]) {
    case 'C':
      return run_cron(rest);
    case 'D':
      return run_duration(rest);
    default:
      return run_http(rest);
  }
}

}  // namespace assay::fuzz
