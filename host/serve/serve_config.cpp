#include "serve/serve_config.h"

#include <yaml-cpp/yaml.h>
#include <zmq.h>

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <charconv>
#include <set>

#include "config/config.h"
#include "serve/duration.h"

namespace assay::serve {
namespace {

// yaml-cpp throws on the type of an absent key's node; these ask safely.
bool is_map(const YAML::Node& node) { return node.IsDefined() && node.IsMap(); }
bool is_sequence(const YAML::Node& node) { return node.IsDefined() && node.IsSequence(); }

// Collects problems located in the user's file.
class Problems {
 public:
  Problems(std::string file, std::vector<config::Diagnostic>& out) : file_(std::move(file)), out_(out) {}

  void add(const YAML::Node& node, const std::string& field, const std::string& message) {
    config::Diagnostic d;
    d.file = file_;
    if (node.IsDefined() && !node.Mark().is_null()) {
      d.line = node.Mark().line + 1;
      d.column = node.Mark().column + 1;
    }
    d.message = field + ": " + message;
    out_.push_back(std::move(d));
  }

 private:
  std::string file_;
  std::vector<config::Diagnostic>& out_;
};

std::optional<std::chrono::milliseconds> read_duration(const YAML::Node& node, const std::string& field,
                                                       Problems& problems) {
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  std::string error;
  auto value = parse_duration(node.Scalar(), error);
  if (!value) problems.add(node, field, error);
  return value;
}

std::optional<std::vector<std::string>> read_scanners(const YAML::Node& node, const std::string& field,
                                                      const std::vector<std::string>& known,
                                                      Problems& problems) {
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  if (node.IsScalar()) {
    if (node.Scalar() != "all") problems.add(node, field, "expected a list of scanner names or 'all'");
    return std::nullopt;
  }
  std::vector<std::string> names;
  for (size_t i = 0; i < node.size(); ++i) {
    const std::string name = node[i].Scalar();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      problems.add(node[i], field + "[" + std::to_string(i) + "]",
                   "no scanner plugin named '" + name + "' (known: " + list + ")");
      continue;
    }
    names.push_back(name);
  }
  if (names.empty() && node.size() == 0)
    problems.add(node, field, "an empty list runs nothing; name scanners or 'all'");
  return names;
}

void read_schedule_entry(const YAML::Node& node, const std::string& field,
                         const std::vector<std::string>& known, Problems& problems, RepositoryConfig& repo) {
  ScheduleEntry entry;
  const YAML::Node every = node["every"];
  const YAML::Node cron = node["cron"];
  if (every.IsDefined() == cron.IsDefined()) {
    problems.add(node, field, "give exactly one of 'every' or 'cron'");
    return;
  }
  if (every.IsDefined()) {
    entry.every = read_duration(every, field + ".every", problems);
    if (!entry.every) return;
    entry.text = "every " + every.Scalar();
  } else {
    try {
      entry.cron = CronExpression::parse(cron.Scalar());
    } catch (const CronError& e) {
      problems.add(cron, field + ".cron", e.what());
      return;
    }
    if (!entry.cron->next_after(0)) {
      problems.add(cron, field + ".cron", "'" + cron.Scalar() + "' never fires");
      return;
    }
    entry.text = "cron " + cron.Scalar();
  }
  entry.scanners = read_scanners(node["scanners"], field + ".scanners", known, problems);
  repo.schedule.push_back(std::move(entry));
}

void read_repository(const YAML::Node& node, const std::string& field, const std::filesystem::path& base,
                     const std::vector<std::string>& known, Problems& problems, ServeConfig& out) {
  RepositoryConfig repo;
  const YAML::Node path = node["path"];
  if (!path.IsDefined()) return;  // the schema reported it
  repo.path = std::filesystem::path(path.Scalar());
  if (repo.path.is_relative()) repo.path = base / repo.path;
  std::error_code ec;
  repo.path = std::filesystem::weakly_canonical(repo.path, ec);
  if (!std::filesystem::is_directory(repo.path, ec)) {
    problems.add(path, field + ".path", "'" + repo.path.string() + "' is not a directory");
    return;
  }
  for (const auto& other : out.repositories) {
    if (other.path == repo.path) {
      problems.add(path, field + ".path", "'" + repo.path.string() + "' is listed twice");
      return;
    }
  }
  if (node["watch"].IsDefined()) repo.watch = node["watch"].as<bool>(false);
  if (node["branch"].IsDefined()) repo.branch = node["branch"].Scalar();
  if (auto d = read_duration(node["debounce"], field + ".debounce", problems)) repo.debounce = *d;
  const YAML::Node schedule = node["schedule"];
  for (size_t i = 0; is_sequence(schedule) && i < schedule.size(); ++i)
    read_schedule_entry(schedule[i], field + ".schedule[" + std::to_string(i) + "]", known, problems, repo);
  out.repositories.push_back(std::move(repo));
}

void read_http(const YAML::Node& node, Problems& problems, ServiceSettings& service) {
  const std::string text = node.Scalar();
  if (text.empty()) return;
  size_t colon = text.rfind(':');
  std::string host = colon == std::string::npos ? "" : text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::string port_text = colon == std::string::npos ? "" : text.substr(colon + 1);
  unsigned port = 0;
  auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (host.empty() || port_text.empty() || error != std::errc() ||
      end != port_text.data() + port_text.size() || port > 65535) {
    problems.add(node, "service.http", "'" + text + "' is not host:port, e.g. 127.0.0.1:9464");
    return;
  }
  if (host == "localhost") host = "127.0.0.1";
  boost::system::error_code ec;
  boost::asio::ip::make_address(host, ec);
  if (ec) {
    problems.add(node, "service.http", "'" + host + "' is not an IP address");
    return;
  }
  service.http_host = host;
  service.http_port = static_cast<unsigned short>(port);
}

void read_service(const YAML::Node& node, Problems& problems, ServiceSettings& service) {
  if (!is_map(node)) return;
  if (node["http"].IsDefined()) read_http(node["http"], problems, service);
  if (node["max_concurrent_scans"].IsDefined())
    service.max_concurrent_scans = node["max_concurrent_scans"].as<int>(service.max_concurrent_scans);
  if (auto d = read_duration(node["stop_timeout"], "service.stop_timeout", problems))
    service.stop_timeout = *d;
  if (auto d = read_duration(node["watch_interval"], "service.watch_interval", problems))
    service.watch_interval = *d;
}

bool valid_endpoint(const std::string& endpoint) {
  return endpoint.rfind("ipc://", 0) == 0 || endpoint.rfind("tcp://", 0) == 0;
}

void read_bus(const YAML::Node& node, Problems& problems, BusSettings& bus) {
  if (!is_map(node)) return;
  if (node["send_hwm"].IsDefined()) bus.send_hwm = node["send_hwm"].as<int>(bus.send_hwm);
  const YAML::Node curve = node["curve"];
  if (is_map(curve)) {
    if (curve["public_key"].IsDefined()) bus.curve_public_key = curve["public_key"].Scalar();
    if (curve["secret_key"].IsDefined()) bus.curve_secret_key = curve["secret_key"].Scalar();
    if (bus.curve_public_key.empty() != bus.curve_secret_key.empty())
      problems.add(curve, "bus.curve", "give both public_key and secret_key");
    else if (!bus.curve_secret_key.empty() && !zmq_has("curve"))
      problems.add(curve, "bus.curve", "this libzmq was built without CURVE support");
  }
  const bool have_keys = !bus.curve_secret_key.empty() && !bus.curve_public_key.empty();
  for (const char* key : {"publish", "snapshot"}) {
    const YAML::Node value = node[key];
    if (!value.IsDefined() || value.Scalar().empty()) continue;
    const std::string endpoint = value.Scalar();
    const std::string field = std::string("bus.") + key;
    if (!valid_endpoint(endpoint)) {
      problems.add(value, field, "'" + endpoint + "' is not an ipc:// or tcp:// endpoint");
      continue;
    }
    if (!is_local_endpoint(endpoint) && !have_keys) {
      problems.add(
          value, field,
          "'" + endpoint +
              "' is reachable from other machines; binding it needs CURVE keys (bus.curve.public_key and "
              "bus.curve.secret_key), or use a loopback address or ipc://");
      continue;
    }
    (std::string(key) == "publish" ? bus.publish : bus.snapshot) = endpoint;
  }
  if (!bus.publish.empty() && bus.publish == bus.snapshot)
    problems.add(node["snapshot"], "bus.snapshot", "must differ from bus.publish");
}

// Several repositories writing one textfile would overwrite each other.
void check_metrics_textfile(const YAML::Node& root, const ServeConfig& out, Problems& problems) {
  const YAML::Node plugins = root["plugins"];
  if (out.repositories.size() < 2 || !is_map(plugins) || !is_map(plugins["metrics"])) return;
  const YAML::Node textfile = plugins["metrics"]["textfile"];
  if (!textfile.IsDefined() || !textfile.IsScalar() || textfile.Scalar().empty()) return;
  if (textfile.Scalar().find("{name}") == std::string::npos && textfile.Scalar().front() == '/')
    problems.add(textfile, "plugins.metrics.textfile",
                 "several repositories would write the one file '" + textfile.Scalar() +
                     "'; put {name} (the repository's name) in it");
}

}  // namespace

bool is_local_endpoint(const std::string& endpoint) {
  if (endpoint.rfind("ipc://", 0) == 0 || endpoint.rfind("inproc://", 0) == 0) return true;
  if (endpoint.rfind("tcp://", 0) != 0) return false;
  std::string rest = endpoint.substr(6);
  size_t colon = rest.rfind(':');
  std::string host = colon == std::string::npos ? rest : rest.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") return true;
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(host, ec);
  return !ec && address.is_loopback();
}

ServeConfig read_serve_config(const config::Config& config, const std::vector<std::string>& scanner_names,
                              std::vector<config::Diagnostic>& diagnostics) {
  Problems problems(config.user_file().empty() ? "built-in defaults" : config.user_file(), diagnostics);
  std::filesystem::path base =
      config.user_file().empty()
          ? std::filesystem::current_path()
          : std::filesystem::absolute(std::filesystem::path(config.user_file())).parent_path();
  const bool earlier_problems = !diagnostics.empty();
  ServeConfig out;
  const YAML::Node& root = config.root();
  const YAML::Node repositories = root["repositories"];
  for (size_t i = 0; is_sequence(repositories) && i < repositories.size(); ++i)
    read_repository(repositories[i], "repositories[" + std::to_string(i) + "]", base, scanner_names, problems,
                    out);
  read_service(root["service"], problems, out.service);
  read_bus(root["bus"], problems, out.bus);
  check_metrics_textfile(root, out, problems);
  // A repositories section the schema refused is absent here; its problems
  // are already reported, so "none configured" would only mislead.
  if (out.repositories.empty() && !repositories.IsDefined() && !earlier_problems)
    problems.add(root, "repositories", "the service needs at least one repository");
  return out;
}

}  // namespace assay::serve
