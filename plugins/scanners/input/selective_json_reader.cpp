#include "selective_json_reader.h"

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "text_position.h"

namespace assay::input {
namespace {

using nlohmann::json;

enum class Mode { descend, capture, skip };

// One open object or array.
struct Frame {
  ValueKind kind;
  Mode mode;
  size_t next_index = 0;  // arrays: index of the next element
};

// Builds one captured value from events (what nlohmann's own DOM parser does,
// for a part of the text).
class DomBuilder {
 public:
  // Starts a captured object or array.
  void start(json&& container) {
    value_ = std::move(container);
    open_.assign(1, &value_);
  }
  // Places a scalar or a new container; returns where it was placed.
  json* place(json&& value) {
    if (open_.empty()) return &value_;
    json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    json& slot = parent[pending_key_];
    slot = std::move(value);
    return &slot;
  }
  void open(json&& container) { open_.push_back(place(std::move(container))); }
  void close() { open_.pop_back(); }
  void key(std::string key) { pending_key_ = std::move(key); }
  json take() { return std::move(value_); }

 private:
  json value_;
  std::vector<json*> open_;  // the containers being filled; pointers stay valid, see place()
  std::string pending_key_;
};

// The first byte offset at which brackets nest deeper than `max_depth`,
// outside strings; the text length when they never do.
size_t offset_beyond_depth(std::string_view text, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return text.size();
}

// nlohmann's message without its "[json.exception.parse_error.101] parse
// error at line 1, column 2: " prefix: the reader states the position itself.
std::string plain_parse_message(const std::string& what) {
  std::string message = what;
  if (message.starts_with("[json.exception.")) {
    const size_t end = message.find("] ");
    if (end != std::string::npos) message.erase(0, end + 2);
  }
  if (message.starts_with("parse error")) {
    const size_t colon = message.find(": ");
    if (colon != std::string::npos) message.erase(0, colon + 2);
  }
  return message;
}

class SelectiveSax {
 public:
  SelectiveSax(std::string_view text, const JsonSelector& select, const JsonSink& sink,
               const JsonReadOptions& options)
      : text_(text), select_(select), sink_(sink), options_(options) {}

  bool null() { return scalar(json(nullptr)); }
  bool boolean(bool value) { return scalar(json(value)); }
  bool number_integer(json::number_integer_t value) { return scalar(json(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return scalar(json(value)); }
  bool number_float(json::number_float_t value, const std::string&) { return scalar(json(value)); }
  bool string(std::string& value) { return scalar(json(std::move(value))); }
  bool binary(json::binary_t& value) { return scalar(json::binary(std::move(value))); }
  bool start_object(size_t) { return open(ValueKind::object); }
  bool start_array(size_t) { return open(ValueKind::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& key) {
    path_.push_key(key);
    if (mode() == Mode::capture) dom_.key(key);
    return true;
  }

  bool parse_error(size_t position, const std::string&, const nlohmann::detail::exception& error) {
    // nlohmann counts the byte it failed on as read.
    fail(position > 0 ? position - 1 : 0, plain_parse_message(error.what()));
    return false;
  }

  JsonReadResult result() && {
    JsonReadResult result;
    result.error = std::move(error_);
    result.stopped = stopped_;
    return result;
  }

 private:
  Mode mode() const { return frames_.empty() ? Mode::descend : frames_.back().mode; }

  // The path of the value that starts now: arrays number their elements
  // here; objects named it in key().
  void begin_value() {
    if (!frames_.empty() && frames_.back().kind == ValueKind::array)
      path_.push_index(frames_.back().next_index++);
  }
  void end_value() {
    if (!frames_.empty()) path_.pop();
  }

  Mode choose(ValueKind kind) {
    switch (select_(path_, kind)) {
      case Selection::descend:
        return kind == ValueKind::scalar ? Mode::skip : Mode::descend;
      case Selection::capture:
        return Mode::capture;
      case Selection::skip:
        break;
    }
    return Mode::skip;
  }

  bool open(ValueKind kind) {
    begin_value();
    if (frames_.size() >= options_.max_depth) {
      fail(offset_beyond_depth(text_, options_.max_depth),
           "values nest deeper than " + std::to_string(options_.max_depth) + " levels");
      return false;
    }
    Mode mode = this->mode();
    json container = kind == ValueKind::object ? json::object() : json::array();
    if (mode == Mode::descend) {
      mode = choose(kind);
      if (mode == Mode::capture) {
        capture_base_ = frames_.size();
        dom_.start(std::move(container));
      }
    } else if (mode == Mode::capture) {
      dom_.open(std::move(container));
    }
    frames_.push_back(Frame{kind, mode});
    return true;
  }

  bool close() {
    const Mode mode = frames_.back().mode;
    frames_.pop_back();
    bool keep_going = true;
    if (mode == Mode::capture) {
      dom_.close();
      if (frames_.size() == capture_base_) keep_going = deliver(dom_.take());
    }
    end_value();
    return keep_going;
  }

  bool scalar(json&& value) {
    begin_value();
    bool keep_going = true;
    const Mode mode = this->mode();
    if (mode == Mode::capture) {
      dom_.place(std::move(value));
    } else if (mode == Mode::descend && choose(ValueKind::scalar) == Mode::capture) {
      keep_going = deliver(std::move(value));
    }
    end_value();
    return keep_going;
  }

  bool deliver(json&& value) {
    if (sink_(path_, std::move(value))) return true;
    stopped_ = true;
    return false;
  }

  void fail(size_t offset, std::string message) {
    const TextPosition position = position_of(text_, offset);
    error_ = JsonReadError{offset, position.line, position.column, path_.str(), std::move(message)};
  }

  std::string_view text_;
  const JsonSelector& select_;
  const JsonSink& sink_;
  const JsonReadOptions& options_;
  JsonPath path_;
  std::vector<Frame> frames_;
  DomBuilder dom_;
  size_t capture_base_ = 0;
  std::optional<JsonReadError> error_;
  bool stopped_ = false;
};

}  // namespace

JsonReadResult read_json_selectively(std::string_view text, const JsonSelector& select, const JsonSink& sink,
                                     const JsonReadOptions& options) {
  SelectiveSax sax(text, select, sink, options);
  json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, /*strict=*/true);
  return std::move(sax).result();
}

std::optional<json> read_json_document(std::string_view text, JsonReadError& error,
                                       const JsonReadOptions& options) {
  std::optional<json> document;
  const JsonSelector everything = [](const JsonPath&, ValueKind) { return Selection::capture; };
  const JsonSink keep = [&](const JsonPath&, json&& value) {
    document = std::move(value);
    return true;
  };
  JsonReadResult result = read_json_selectively(text, everything, keep, options);
  if (result.error) {
    error = std::move(*result.error);
    return std::nullopt;
  }
  return document;
}

std::string describe_json_type(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "a number";
    default:
      break;
  }
  return "a value of another type";
}

}  // namespace assay::input
