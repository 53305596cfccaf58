// Three repositories built here — bare, mid and mature — assessed by the
// maturity plugin with the built-in rules (config/maturity.yaml), through the
// C ABI. Every expected number is worked out by hand below from the rules:
// a check scores 0-10, weighs by risk (critical 10, high 7.5, medium 5,
// low 2.5), and a percentage is Σ weight × score / Σ weight × 10 over the
// conclusive checks. There is no history (a plain directory), so the four
// history checks (tests-maintained, changelog-maintained,
// dependencies-fresh, maintained) are inconclusive in all three.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "memory_host.h"

namespace {

using assay::test::MemoryFile;
using assay::test::MemoryHost;
using nlohmann::json;

struct Outcome {
  json assessment;
  std::map<std::string, std::string> status;  // check id -> status
  std::set<std::string> finding_rules;
};

Outcome assess(std::vector<MemoryFile> files) {
  MemoryHost host("maturity");
  host.files = std::move(files);
  EXPECT_EQ(host.run(), ASSAY_OK) << host.open_error << host.scan_error;
  Outcome o;
  o.assessment = json::parse(host.assessments.at(0));
  for (const auto& c : o.assessment["checks"]) o.status[c["id"]] = c["status"];
  for (const auto& f : host.findings) o.finding_rules.insert(f.rule);
  return o;
}

std::set<std::string> with_status(const Outcome& o, const std::string& status) {
  std::set<std::string> ids;
  for (const auto& [id, s] : o.status)
    if (s == status) ids.insert(id);
  return ids;
}

const std::set<std::string> kHistoryChecks = {"tests-maintained", "changelog-maintained",
                                              "dependencies-fresh", "maintained"};

// ------------------------------------------------------------------- bare
// A script and a one-line README.
//
// Passes: readme (documentation, high 7.5), no-committed-secrets (security,
// critical 10). Inconclusive (18): the 4 history checks; ci-on-pull-requests
// and workflow-permissions (no GitHub/GitLab workflow); alerting-deployed,
// dashboards-deployed, health-checks, load-tests (not a service); the six
// container checks behind container-image; dependency-updates and
// dependency-audit (no package manifest a bot could update or an auditor
// could check). Everything else fails (38).
//
// Conclusive weight per dimension: ci-cd 7.5+7.5+5+2.5 = 22.5; security
// 5+5+7.5+10+5+2.5 = 35; testing 7.5+5+5+5+2.5+5 = 30; documentation
// 7.5+5+5+2.5+2.5+5+2.5+5+2.5 = 37.5; observability 5+5+2.5 = 12.5;
// performance 5+2.5+2.5 = 10; dependency 5+7.5 = 12.5;
// containerisation 5; code quality 5+5+5+2.5+2.5+2.5 = 22.5. Sum 187.5.
//
// security 10 × 10 / 350 = 28.6 %, documentation 7.5 × 10 / 375 = 20 %,
// every other dimension 0 %; overall (100 + 75) / 1875 = 9.3 %: nascent.
TEST(FixtureRepositories, Bare) {
  const Outcome o =
      assess({{"main.py", "python", "print('hello')\n"}, {"README.md", "markdown", "# tool\nA tool.\n"}});
  const json& a = o.assessment;
  EXPECT_EQ(a["level"], "nascent");
  EXPECT_DOUBLE_EQ(a["percent"].get<double>(), 9.3);
  EXPECT_EQ(a["dimensions"], json::parse(R"({"ci-cd": 0, "security": 28.6, "testing": 0, "documentation": 20,
      "observability": 0, "performance": 0, "dependency-management": 0, "containerisation": 0, "code-quality": 0})"));
  EXPECT_EQ(with_status(o, "pass"), (std::set<std::string>{"readme", "no-committed-secrets"}));
  EXPECT_TRUE(with_status(o, "partial").empty());
  std::set<std::string> inconclusive = kHistoryChecks;
  inconclusive.insert({"ci-on-pull-requests", "workflow-permissions", "alerting-deployed",
                       "dashboards-deployed", "health-checks", "load-tests", "dockerignore",
                       "container-non-root", "container-base-pinned", "container-scanned",
                       "container-multi-stage", "deployment-manifests", "dependency-updates",
                       "dependency-audit"});
  EXPECT_EQ(with_status(o, "inconclusive"), inconclusive);
  const std::set<std::string> failed = {"ci-configured",
                                        "ci-runs-tests",
                                        "build-definition",
                                        "release-automation",
                                        "security-policy",
                                        "sast-in-ci",
                                        "secret-scanning",
                                        "sbom",
                                        "signed-releases",
                                        "tests-exist",
                                        "test-ratio",
                                        "test-framework",
                                        "coverage",
                                        "integration-tests",
                                        "fuzzing",
                                        "readme-install",
                                        "readme-usage",
                                        "changelog",
                                        "contributing",
                                        "docs-present",
                                        "api-docs",
                                        "license",
                                        "code-of-conduct",
                                        "logging-library",
                                        "metrics",
                                        "tracing",
                                        "benchmarks",
                                        "benchmarks-in-ci",
                                        "performance-documented",
                                        "dependency-manifest",
                                        "lockfiles",
                                        "container-image",
                                        "linter",
                                        "formatter",
                                        "strict-checks",
                                        "pre-commit",
                                        "editorconfig",
                                        "code-owners"};
  EXPECT_EQ(with_status(o, "fail"), failed);
  EXPECT_EQ(o.finding_rules, failed);  // every failed check is a backlog finding
}

// -------------------------------------------------------------------- mid
// A Go service: CI that runs the tests and a linter on pull requests, a
// Dockerfile (multi-stage, no USER, one unpinned base), Dependabot, README
// with installation and usage, SECURITY.md, CHANGELOG, LICENSE.
//
// ci-cd: ci-configured 7.5, ci-runs-tests 7.5, ci-on-pull-requests 5,
//   build-definition (go.mod) 5 pass; release-automation 2.5 fails:
//   250 / 275 = 90.9 %.
// security: security-policy 5, no-committed-secrets 10 pass; sast-in-ci 5,
//   secret-scanning 7.5, sbom 5, signed-releases 2.5, workflow-permissions
//   7.5 (ci.yml has no permissions:) fail: 150 / 425 = 35.3 %.
// testing: tests-exist 7.5, test-ratio 5 (1 test file per 2 sources = 0.5,
//   full), test-framework 5 (go: *_test.go) pass; coverage 5,
//   integration-tests 2.5, fuzzing 5 fail: 175 / 300 = 58.3 %.
// documentation: readme 7.5, readme-install 5, readme-usage 5, changelog
//   2.5, license 5 pass; contributing 2.5, docs-present 5, api-docs 2.5,
//   code-of-conduct 2.5 fail: 250 / 375 = 66.7 %.
// observability (a service: the Dockerfile): logging-library 5 (log/slog)
//   passes; metrics 5, tracing 2.5, alerting-deployed 5,
//   dashboards-deployed 2.5, health-checks 2.5 fail: 50 / 225 = 22.2 %.
// performance: benchmarks 5, benchmarks-in-ci 2.5, load-tests 2.5,
//   performance-documented 2.5 fail: 0 %.
// dependency management: dependency-manifest 5, lockfiles 7.5 (go.sum),
//   dependency-updates 7.5 pass; dependency-audit 7.5 fails: 200 / 275 = 72.7 %.
// containerisation: container-image 5, container-multi-stage 2.5 pass;
//   dockerignore 2.5, container-non-root 7.5, container-base-pinned 5
//   (FROM gcr.io/distroless/static), container-scanned 7.5,
//   deployment-manifests 2.5 fail: 75 / 325 = 23.1 %.
// code quality: linter 5 (.golangci.yml), formatter 5 and strict-checks 5
//   (golangci-lint in CI) pass; pre-commit, editorconfig, code-owners
//   (2.5 each) fail: 150 / 225 = 66.7 %.
// overall: 1300 / 2550 = 51.0 %: maturing.
TEST(FixtureRepositories, Mid) {
  const Outcome o = assess({
      {"go.mod", "", "module example.com/shop\n\ngo 1.22\n"},
      {"go.sum", "", ""},
      {"cmd/server/main.go", "go",
       "package main\n\nimport \"log/slog\"\n\nfunc main() { slog.Info(\"up\") }\n"},
      {"internal/store/store.go", "go", "package store\n\nfunc Put(k, v string) {}\n"},
      {"internal/store/store_test.go", "go",
       "package store\n\nimport \"testing\"\n\nfunc TestPut(t *testing.T) { Put(\"a\", \"b\") }\n"},
      {"README.md", "markdown",
       "# shop\n\n## Installation\n\n    go install example.com/shop/cmd/server@latest\n\n## Usage\n\nRun "
       "`server --port 8080`.\n"},
      {"SECURITY.md", "markdown", "Report vulnerabilities to security@example.com.\n"},
      {"CHANGELOG.md", "markdown", "# 1.0.0\n- first release\n"},
      {"LICENSE", "", "MIT License\n"},
      {".github/workflows/ci.yml", "yaml",
       "on:\n  push:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
       "      - uses: actions/checkout@v4\n      - run: go test ./...\n      - run: golangci-lint run\n"},
      {".github/dependabot.yml", "yaml",
       "version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n"},
      {".golangci.yml", "yaml", "linters:\n  enable: [govet, errcheck]\n"},
      {"Dockerfile", "dockerfile",
       "FROM golang:1.22 AS build\nCOPY . /src\nRUN go build -o /app ./cmd/server\n"
       "FROM gcr.io/distroless/static\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n"},
  });
  const json& a = o.assessment;
  EXPECT_EQ(a["level"], "maturing");
  EXPECT_DOUBLE_EQ(a["percent"].get<double>(), 51.0);
  EXPECT_EQ(a["dimensions"], json::parse(R"({"ci-cd": 90.9, "security": 35.3, "testing": 58.3,
      "documentation": 66.7, "observability": 22.2, "performance": 0, "dependency-management": 72.7,
      "containerisation": 23.1, "code-quality": 66.7})"));
  EXPECT_EQ(with_status(o, "inconclusive"), kHistoryChecks);
  EXPECT_TRUE(with_status(o, "partial").empty());
  const std::set<std::string> failed = {"release-automation",
                                        "sast-in-ci",
                                        "secret-scanning",
                                        "sbom",
                                        "signed-releases",
                                        "workflow-permissions",
                                        "coverage",
                                        "integration-tests",
                                        "fuzzing",
                                        "contributing",
                                        "docs-present",
                                        "api-docs",
                                        "code-of-conduct",
                                        "metrics",
                                        "tracing",
                                        "alerting-deployed",
                                        "dashboards-deployed",
                                        "health-checks",
                                        "benchmarks",
                                        "benchmarks-in-ci",
                                        "load-tests",
                                        "performance-documented",
                                        "dependency-audit",
                                        "dockerignore",
                                        "container-non-root",
                                        "container-base-pinned",
                                        "container-scanned",
                                        "deployment-manifests",
                                        "pre-commit",
                                        "editorconfig",
                                        "code-owners"};
  EXPECT_EQ(with_status(o, "fail"), failed);
  EXPECT_EQ(with_status(o, "pass").size(), 23u);
  EXPECT_EQ(o.finding_rules, failed);
  for (const auto& c : a["checks"]) {
    if (c["id"] == "container-base-pinned") {
      EXPECT_EQ(c["evidence"],
                json::parse(R"(["found in 1 file:", "Dockerfile:4: FROM gcr.io/distroless/static"])"));
    }
  }
}

// ----------------------------------------------------------------- mature
// A Python service with nearly everything. Two gaps: no CODE_OF_CONDUCT
// (documentation, low 2.5) and release.yml without permissions:
// (workflow-permissions, high 7.5, 1 of 2 workflows: score 5, partial).
//
// Every conclusive check passes otherwise; all 54 non-history checks are
// conclusive (Σ weight 255). security: (425 - 7.5 × 5) / 425 = 91.2 %;
// documentation: (375 - 25) / 375 = 93.3 %; the other seven 100 %.
// overall: (2550 - 37.5 - 25) / 2550 = 97.5 %: advanced.
TEST(FixtureRepositories, Mature) {
  const std::string digest = "@sha256:" + std::string(64, 'a');
  const Outcome o = assess({
      {"pyproject.toml", "toml",
       "[project]\nname = \"shop\"\ndependencies = [\"structlog>=24\", \"prometheus-client>=0.20\", "
       "\"opentelemetry-api>=1.25\"]\n\n[tool.pytest.ini_options]\naddopts = \"--cov=shop\"\n\n"
       "[tool.coverage.run]\nbranch = true\n\n[tool.ruff]\nline-length = 100\n\n[tool.ruff.format]\n"
       "quote-style = \"double\"\n\n[tool.mypy]\nstrict = true\n"},
      {"uv.lock", "", "version = 1\n"},
      {"src/shop/__init__.py", "python", ""},
      {"src/shop/cart.py", "python", "import structlog\n\nlog = structlog.get_logger()\n"},
      {"src/shop/api.py", "python", "def health():\n    return 'ok'\n"},
      {"tests/test_cart.py", "python", "def test_cart():\n    assert True\n"},
      {"tests/test_api.py", "python", "def test_api():\n    assert True\n"},
      {"tests/fuzz_cart.py", "python", "import atheris\n"},
      {"tests/integration/test_checkout.py", "python", "def test_checkout():\n    assert True\n"},
      {"benchmarks/bench_cart.py", "python", "def bench_add(benchmark):\n    benchmark(lambda: 1)\n"},
      {"loadtest/locustfile.py", "python", "from locust import HttpUser\n"},
      {"README.md", "markdown",
       "# shop\n\n## Installation\n\n    pip install shop\n\n## Usage\n\n    shop serve\n"},
      {"CHANGELOG.md", "markdown", "# 2.0.0\n"},
      {"CONTRIBUTING.md", "markdown", "Run the tests with pytest.\n"},
      {"LICENSE", "", "Apache License 2.0\n"},
      {"SECURITY.md", "markdown", "Report to security@example.com.\n"},
      {"docs/index.md", "markdown", "# shop\n"},
      {"docs/api.md", "markdown", "# API\n"},
      {"docs/performance.md", "markdown", "# Performance\n"},
      {"mkdocs.yml", "yaml", "site_name: shop\n"},
      {".github/workflows/ci.yml", "yaml",
       "name: ci\non:\n  push:\n  pull_request:\npermissions:\n  contents: read\njobs:\n  test:\n"
       "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
       "      - run: pip install -e . && pytest --cov=shop\n      - run: ruff check . && mypy src\n"
       "      - run: bandit -r src\n      - run: pip-audit\n      - uses: gitleaks/gitleaks-action@v2\n"
       "      - run: pytest benchmarks --benchmark-only\n      - run: mkdocs build --strict\n"
       "  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t shop .\n"
       "      - run: trivy image shop\n      - run: syft shop -o cyclonedx-json > sbom.json\n"},
      {".github/workflows/release.yml", "yaml",
       "name: release\non:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n    runs-on: ubuntu-latest\n"
       "    steps:\n      - run: python -m build && twine upload dist/*\n"
       "      - run: cosign sign-blob dist/shop.tar.gz\n"},
      {".github/dependabot.yml", "yaml", "version: 2\n"},
      {".github/CODEOWNERS", "", "* @shop-team\n"},
      {".pre-commit-config.yaml", "yaml", "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n"},
      {".editorconfig", "ini", "root = true\n"},
      {".dockerignore", "", ".git\n"},
      {"Dockerfile", "dockerfile",
       "FROM python:3.12-slim" + digest +
           " AS build\nCOPY . /src\nRUN pip wheel --wheel-dir /wheels /src\n"
           "FROM python:3.12-slim" +
           digest +
           "\nCOPY --from=build /wheels /wheels\n"
           "RUN pip install /wheels/*.whl && useradd app\nUSER app\n"
           "HEALTHCHECK CMD python -c \"import urllib.request; "
           "urllib.request.urlopen('http://localhost:8000/healthz')\"\n"
           "CMD [\"shop\"]\n"},
      {"deploy/compose.yaml", "yaml", "services:\n  shop:\n    image: shop\n"},
      {"monitoring/alerts.yml", "yaml",
       "groups:\n  - name: shop\n    rules:\n      - alert: HighErrorRate\n        expr: rate(errors[5m]) > "
       "0.1\n"},
      {"monitoring/dashboard.json", "json", "{\"panels\": []}\n"},
  });
  const json& a = o.assessment;
  EXPECT_EQ(a["level"], "advanced");
  EXPECT_DOUBLE_EQ(a["percent"].get<double>(), 97.5);
  EXPECT_EQ(a["dimensions"], json::parse(R"({"ci-cd": 100, "security": 91.2, "testing": 100,
      "documentation": 93.3, "observability": 100, "performance": 100, "dependency-management": 100,
      "containerisation": 100, "code-quality": 100})"));
  EXPECT_EQ(with_status(o, "inconclusive"), kHistoryChecks);
  EXPECT_EQ(with_status(o, "fail"), std::set<std::string>{"code-of-conduct"});
  EXPECT_EQ(with_status(o, "partial"), std::set<std::string>{"workflow-permissions"});
  EXPECT_EQ(with_status(o, "pass").size(), 52u);
  EXPECT_EQ(o.finding_rules, (std::set<std::string>{"code-of-conduct", "workflow-permissions"}));
}

}  // namespace
