// The exec reporter through its shared object: the next best item on a real
// command's standard input, exit status, timeout, output limit, and the
// configuration's errors.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "reporter_harness.h"
#include "scratch_dir.h"

namespace assay::test {
namespace {

using nlohmann::json;

class ExecReporterTest : public ::testing::Test {
 protected:
  RunResult run(const json& config, const std::string& next_best = "TD-001") {
    input_ = RunInput{};
    input_.config = config.dump();
    input_.header = sample_header(5, next_best);
    input_.header["repository"]["path"] = dir_.path().string();
    input_.items = sample_items();
    input_.output_dir = dir_.path() / "out";
    return reporter_.run(input_);
  }
  json result_file() { return json::parse(read_file(dir_.path() / "out" / "exec-result.json")); }

  ScratchDir dir_;
  LoadedReporter reporter_{"exec"};
  RunInput input_;
};

TEST_F(ExecReporterTest, HandsTheNextBestItemToTheCommand) {
  const auto received = dir_.path() / "received.json";
  RunResult result =
      run({{"command",
            {"/bin/sh", "-c", "cat > \"$1\"; echo \"$ASSAY_ITEM_KEY in $PWD\"", "sh", received.string()}}});
  ASSERT_TRUE(result.ok()) << result.error;
  const json item = json::parse(read_file(received));
  EXPECT_EQ(item["key"], "TD-001");
  EXPECT_EQ(item["title"], "Overflow in the expression parser");
  const json r = result_file();
  EXPECT_EQ(r["item"], "TD-001");
  EXPECT_EQ(r["exit_status"], 0);
  EXPECT_EQ(r["timed_out"], false);
  EXPECT_EQ(r["input_complete"], true);
  EXPECT_EQ(r["stdout"], "TD-001 in " + dir_.path().string() + "\n");  // runs in the repository root
  EXPECT_GE(r["duration_ms"].get<int64_t>(), 0);
}

TEST_F(ExecReporterTest, NonZeroExitFailsTheReporterWithItsStderr) {
  RunResult result =
      run({{"command", {"/bin/sh", "-c", "cat >/dev/null; echo 'queue is closed' >&2; exit 3"}}});
  EXPECT_EQ(result.failed_stage, "end");
  EXPECT_NE(result.error.find("/bin/sh exited with status 3 after "), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("for TD-001: queue is closed"), std::string::npos) << result.error;
  EXPECT_EQ(result_file()["exit_status"], 3);
}

TEST_F(ExecReporterTest, KillsTheProcessGroupAtTheTimeout) {
  const auto start = std::chrono::steady_clock::now();
  // The shell's child sleeps too: the whole group must go.
  RunResult result = run({{"command", {"/bin/sh", "-c", "sleep 30 & sleep 30"}}, {"timeout_ms", 300}});
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(result.failed_stage, "end");
  EXPECT_NE(result.error.find("was killed after its timeout of 300 ms"), std::string::npos) << result.error;
  EXPECT_LT(took, std::chrono::seconds(5));
  const json r = result_file();
  EXPECT_EQ(r["timed_out"], true);
  EXPECT_EQ(r["signal"], 9);
  EXPECT_TRUE(r["exit_status"].is_null());
}

TEST_F(ExecReporterTest, KeepsOutputUpToTheLimit) {
  // 100000 bytes of output, 1000 kept, 99000 counted.
  RunResult result = run({{"command", {"/bin/sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x"}},
                          {"output_limit_bytes", 1000}});
  ASSERT_TRUE(result.ok()) << result.error;
  const json r = result_file();
  EXPECT_EQ(r["stdout"], std::string(1000, 'x'));
  EXPECT_EQ(r["stdout_dropped_bytes"], 99000);
  // It never read its input: the host is not hurt by the closed pipe.
  EXPECT_EQ(r["exit_status"], 0);
}

TEST_F(ExecReporterTest, NoNextBestItemRunsNothing) {
  const auto marker = dir_.path() / "ran";
  RunResult result = run({{"command", {"/bin/touch", marker.string()}}}, "");
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_FALSE(std::filesystem::exists(marker));
}

TEST_F(ExecReporterTest, CommandThatCannotStartIsNamed) {
  RunResult result = run({{"command", {"/nonexistent/ticket-bot", "--queue"}}});
  EXPECT_EQ(result.failed_stage, "end");
  EXPECT_EQ(result.error, "cannot run '/nonexistent/ticket-bot' in " + dir_.path().string() +
                              ": No such file or directory");
}

TEST_F(ExecReporterTest, ConfigurationErrorsNameTheField) {
  EXPECT_NE(run(json::object()).error.find("plugins.exec.command is required"), std::string::npos);
  EXPECT_NE(run({{"command", json::array()}}).error.find("plugins.exec.command must be a non-empty list"),
            std::string::npos);
  EXPECT_NE(run({{"command", {"/bin/true", 3}}}).error.find("plugins.exec.command[1] must be a string"),
            std::string::npos);
  EXPECT_NE(run({{"command", {"/bin/true"}}, {"timeout_ms", 5}}).error.find("plugins.exec.timeout_ms"),
            std::string::npos);
  EXPECT_NE(
      run({{"command", {"/bin/true"}}, {"shell", true}}).error.find("plugins.exec.shell is not a known"),
      std::string::npos);
}

}  // namespace
}  // namespace assay::test
