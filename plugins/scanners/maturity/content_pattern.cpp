#include "content_pattern.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdexcept>

#include "number_text.h"

namespace assay::maturity {
namespace {

// Bounds of one search: backtracking steps and nesting depth. A rule over a
// megabyte of text stays well below them; a catastrophic pattern stops.
constexpr uint32_t kMatchLimit = 2'000'000;
constexpr uint32_t kDepthLimit = 10'000;

// Lines shown in evidence are cut to this many bytes.
constexpr size_t kMaxEvidenceLine = 160;

std::string pcre2_message(int code) {
  PCRE2_UCHAR buffer[256];
  const int length = pcre2_get_error_message(code, buffer, sizeof buffer);
  return length < 0 ? "error " + std::to_string(code)
                    : std::string(reinterpret_cast<const char*>(buffer), length);
}

}  // namespace

struct ContentPattern::Code {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  ~Code() {
    pcre2_match_context_free(context);
    pcre2_code_free(code);
  }
};

ContentPattern::ContentPattern(std::string_view expression, bool case_sensitive)
    : expression_(expression), case_sensitive_(case_sensitive) {
  if (expression.empty()) throw std::invalid_argument("an empty pattern matches everything; give some text");
  int error = 0;
  PCRE2_SIZE offset = 0;
  const uint32_t options = PCRE2_MULTILINE | (case_sensitive ? 0u : PCRE2_CASELESS);
  auto code = std::make_shared<Code>();
  code->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(expression.data()), expression.size(), options,
                             &error, &offset, nullptr);
  if (code->code == nullptr)
    throw std::invalid_argument(pcre2_message(error) + " at offset " + std::to_string(offset));
  code->context = pcre2_match_context_create(nullptr);
  if (code->context == nullptr) throw std::bad_alloc();
  pcre2_set_match_limit(code->context, kMatchLimit);
  pcre2_set_depth_limit(code->context, kDepthLimit);
  // JIT is an optimisation; without it (unsupported platform) matching still works.
  pcre2_jit_compile(code->code, PCRE2_JIT_COMPLETE);
  code_ = std::move(code);
}

std::optional<PatternMatch> ContentPattern::find(std::string_view text, bool& gave_up) const {
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(code_->code, nullptr);
  if (data == nullptr) throw std::bad_alloc();
  const int rc = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0, data,
                             code_->context);
  std::optional<PatternMatch> match;
  if (rc >= 0) {
    size_t start = pcre2_get_ovector_pointer(data)[0];
    const size_t end = pcre2_get_ovector_pointer(data)[1];
    // A match that begins with line breaks (\s* at a line start) belongs to
    // the line where its text begins.
    while (start < end && start < text.size() && (text[start] == '\n' || text[start] == '\r')) ++start;
    PatternMatch m;
    m.line = 1;
    for (size_t i = 0; i < start && i < text.size(); ++i) m.line += text[i] == '\n' ? 1 : 0;
    const size_t line_start = text.rfind('\n', start == 0 ? 0 : start - 1);
    const size_t from = (start == 0 || line_start == std::string_view::npos) ? 0 : line_start + 1;
    size_t to = text.find('\n', start);
    if (to == std::string_view::npos) to = text.size();
    std::string line(text.substr(from, to - from));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    line = first == std::string::npos ? std::string() : line.substr(first);
    m.line_text = scanners::cut_utf8(line, kMaxEvidenceLine);
    match = std::move(m);
  } else if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT) {
    gave_up = true;
  }
  pcre2_match_data_free(data);
  return match;
}

}  // namespace assay::maturity
