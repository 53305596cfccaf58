#include "serve/serve_config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "config/config.h"
#include "config/host_schema.h"
#include "serve/serve_schema.h"

namespace assay::serve {
namespace {

namespace fs = std::filesystem;

class ServeConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-serve-config-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "app");
    fs::create_directories(dir_ / "lib");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Loads `yaml` as the user's file; every problem, schema and service, as text.
  std::vector<std::string> problems(const std::string& yaml, ServeConfig* out = nullptr) {
    fs::path file = dir_ / "serve.yaml";
    std::ofstream(file) << yaml;
    nlohmann::json schema = config::base_host_schema();
    add_serve_schema(schema);
    std::vector<config::Diagnostic> diagnostics;
    auto config = config::Config::load(file, schema, diagnostics);
    ServeConfig serve = read_serve_config(config, {"markers", "osv"}, diagnostics);
    if (out) *out = serve;
    std::vector<std::string> text;
    for (const auto& d : diagnostics) {
      std::string line = d.to_string();
      text.push_back(line.substr(line.find("serve.yaml")));
    }
    return text;
  }

  fs::path dir_;
};

TEST_F(ServeConfigTest, ReadsAFullConfiguration) {
  ServeConfig serve;
  auto found = problems(R"(repositories:
  - path: app
    watch: true
    branch: main
    debounce: 500ms
    schedule:
      - every: 1h
        scanners: [osv]
      - cron: "0 2 * * *"
        scanners: all
  - path: lib
service:
  http: 127.0.0.1:9464
  max_concurrent_scans: 3
  stop_timeout: 5s
bus:
  publish: tcp://127.0.0.1:5560
  snapshot: ipc:///tmp/assay-snapshot
)",
                        &serve);
  EXPECT_TRUE(found.empty()) << found.front();
  ASSERT_EQ(serve.repositories.size(), 2u);
  const RepositoryConfig& app = serve.repositories[0];
  EXPECT_EQ(app.path, fs::weakly_canonical(dir_ / "app"));
  EXPECT_TRUE(app.watch);
  EXPECT_EQ(app.branch, "main");
  EXPECT_EQ(app.debounce.count(), 500);
  ASSERT_EQ(app.schedule.size(), 2u);
  EXPECT_EQ(app.schedule[0].every->count(), 3600000);
  EXPECT_EQ(app.schedule[0].scanners, (std::vector<std::string>{"osv"}));
  EXPECT_EQ(app.schedule[0].text, "every 1h");
  EXPECT_TRUE(app.schedule[1].cron.has_value());
  EXPECT_FALSE(app.schedule[1].scanners.has_value());
  EXPECT_FALSE(serve.repositories[1].watch);
  EXPECT_EQ(serve.service.http_host, "127.0.0.1");
  EXPECT_EQ(serve.service.http_port, 9464);
  EXPECT_EQ(serve.service.max_concurrent_scans, 3);
  EXPECT_EQ(serve.service.stop_timeout.count(), 5000);
  EXPECT_EQ(serve.bus.publish, "tcp://127.0.0.1:5560");
  EXPECT_EQ(serve.bus.snapshot, "ipc:///tmp/assay-snapshot");
}

TEST_F(ServeConfigTest, ProblemsNameLineAndField) {
  auto found = problems(R"(repositories:
  - path: app
    schedule:
      - cron: "61 * * * *"
      - every: 2x
      - every: 1h
        cron: "* * * * *"
      - every: 1m
        scanners: [markers, nosuch]
  - path: missing
  - path: app
service:
  http: "localhost"
)");
  std::vector<std::string> expected = {
      "serve.yaml:4:15: repositories[0].schedule[0].cron: minute field '61': 61 is outside 0-59",
      "serve.yaml:5:16: repositories[0].schedule[1].every: '2x' needs a unit after 2 (ms, s, m, h, d)",
      "serve.yaml:6:9: repositories[0].schedule[2]: give exactly one of 'every' or 'cron'",
      "serve.yaml:9:29: repositories[0].schedule[3].scanners[1]: no scanner plugin named 'nosuch' (known: "
      "markers, "
      "osv)",
      "serve.yaml:10:11: repositories[1].path: '" + (dir_ / "missing").string() + "' is not a directory",
      "serve.yaml:11:11: repositories[2].path: '" + fs::weakly_canonical(dir_ / "app").string() +
          "' is listed twice",
      "serve.yaml:13:9: service.http: 'localhost' is not host:port, e.g. 127.0.0.1:9464",
  };
  EXPECT_EQ(found, expected);
}

TEST_F(ServeConfigTest, OpenTcpEndpointNeedsCurveKeys) {
  auto found = problems("repositories:\n  - path: app\nbus:\n  publish: tcp://0.0.0.0:5560\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(
      found[0],
      "serve.yaml:4:12: bus.publish: 'tcp://0.0.0.0:5560' is reachable from other machines; binding it needs "
      "CURVE keys (bus.curve.public_key and bus.curve.secret_key), or use a loopback address or ipc://");
}

TEST_F(ServeConfigTest, SchemaRefusesUnknownKeys) {
  auto found = problems("repositories:\n  - path: app\n    wach: true\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("serve.yaml:3:5:"), std::string::npos) << found[0];
  EXPECT_NE(found[0].find("wach"), std::string::npos) << found[0];
}

TEST_F(ServeConfigTest, NoRepositoriesIsAnError) {
  auto found = problems("service:\n  max_concurrent_scans: 1\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], "serve.yaml: repositories: the service needs at least one repository");
}

TEST(LocalEndpoint, OnlyLoopbackAndIpcAreLocal) {
  EXPECT_TRUE(is_local_endpoint("ipc:///run/assay/events"));
  EXPECT_TRUE(is_local_endpoint("tcp://127.0.0.1:5560"));
  EXPECT_TRUE(is_local_endpoint("tcp://127.8.9.10:5560"));
  EXPECT_TRUE(is_local_endpoint("tcp://[::1]:5560"));
  EXPECT_TRUE(is_local_endpoint("tcp://localhost:5560"));
  EXPECT_FALSE(is_local_endpoint("tcp://*:5560"));
  EXPECT_FALSE(is_local_endpoint("tcp://0.0.0.0:5560"));
  EXPECT_FALSE(is_local_endpoint("tcp://10.0.0.1:5560"));
  EXPECT_FALSE(is_local_endpoint("tcp://eth0:5560"));
}

}  // namespace
}  // namespace assay::serve
