#include "serve/http_request.h"

#include <algorithm>
#include <cctype>

namespace assay::serve {
namespace {

// RFC 9110 tchar.
bool is_token_char(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_token_char);
}

// Visible ASCII, no spaces: what a request target may hold.
bool is_target(std::string_view text) {
  if (text.empty() || text.front() != '/') return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

bool is_field_value(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
  });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string HttpRequest::field(std::string_view name) const {
  for (const auto& [n, v] : fields)
    if (n == name) return v;
  return "";
}

std::string HttpRequest::path() const { return target.substr(0, target.find('?')); }

HttpRequestReader::State HttpRequestReader::fail(int status, std::string why) {
  state_ = State::failed;
  error_status_ = status;
  error_ = std::move(why);
  return state_;
}

HttpRequestReader::State HttpRequestReader::feed(std::string_view bytes) {
  if (state_ != State::incomplete) return state_;
  buffer_.append(bytes);
  size_t end = buffer_.find("\r\n\r\n");
  size_t first_line = buffer_.find("\r\n");
  if ((first_line == std::string::npos ? buffer_.size() : first_line) > limits_.max_request_line)
    return fail(414, "request line longer than " + std::to_string(limits_.max_request_line) + " bytes");
  if (end == std::string::npos) {
    if (buffer_.size() > limits_.max_head)
      return fail(431, "request head longer than " + std::to_string(limits_.max_head) + " bytes");
    return state_;
  }
  if (end + 4 > limits_.max_head)
    return fail(431, "request head longer than " + std::to_string(limits_.max_head) + " bytes");
  if (end + 4 != buffer_.size()) return fail(400, "bytes after the request head (no body is accepted)");
  return parse_head(std::string_view(buffer_).substr(0, end + 2));
}

HttpRequestReader::State HttpRequestReader::parse_head(std::string_view head) {
  // A bare LF or CR anywhere means the client does not speak strict HTTP;
  // accepting it invites request smuggling through a proxy that reads it
  // differently.
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) return fail(400, "bare LF in the request head");
    if (head[i] == '\r' && (i + 1 >= head.size() || head[i + 1] != '\n'))
      return fail(400, "bare CR in the request head");
  }
  size_t line_end = head.find("\r\n");
  if (!parse_request_line(head.substr(0, line_end))) return state_;
  size_t start = line_end + 2;
  while (start < head.size()) {
    size_t end = head.find("\r\n", start);
    if (!parse_field(head.substr(start, end - start))) return state_;
    start = end + 2;
  }
  if (request_.version == "HTTP/1.1" && request_.field("host").empty())
    return fail(400, "HTTP/1.1 request without a Host field");
  if (!request_.field("transfer-encoding").empty()) return fail(501, "Transfer-Encoding is not supported");
  std::string length = request_.field("content-length");
  if (!length.empty() && length != "0") return fail(400, "a request body is not accepted");
  state_ = State::complete;
  return state_;
}

bool HttpRequestReader::parse_request_line(std::string_view line) {
  size_t first = line.find(' ');
  size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos) {
    fail(400, "request line is not 'METHOD TARGET VERSION'");
    return false;
  }
  std::string_view method = line.substr(0, first);
  std::string_view target = line.substr(first + 1, second - first - 1);
  std::string_view version = line.substr(second + 1);
  if (!is_token(method)) {
    fail(400, "method is not a token");
    return false;
  }
  if (!is_target(target)) {
    fail(400, "request target must be an absolute path");
    return false;
  }
  if (version.rfind("HTTP/", 0) != 0 || version.size() != 8 ||
      !std::isdigit(static_cast<unsigned char>(version[5])) || version[6] != '.' ||
      !std::isdigit(static_cast<unsigned char>(version[7]))) {
    fail(400, "malformed HTTP version");
    return false;
  }
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    fail(505, "HTTP version " + std::string(version) + " is not supported");
    return false;
  }
  request_.method = method;
  request_.target = target;
  request_.version = version;
  return true;
}

bool HttpRequestReader::parse_field(std::string_view line) {
  if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
    fail(400, "folded header line");
    return false;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
    fail(400, "malformed header field");
    return false;
  }
  std::string_view value = trim(line.substr(colon + 1));
  if (!is_field_value(value)) {
    fail(400, "control character in a header value");
    return false;
  }
  if (request_.fields.size() >= limits_.max_fields) {
    fail(431, "more than " + std::to_string(limits_.max_fields) + " header fields");
    return false;
  }
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  request_.fields.emplace_back(std::move(name), std::string(value));
  return true;
}

}  // namespace assay::serve
