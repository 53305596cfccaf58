// The host API functions the loader implements: log, set_error, alloc/free,
// and the answers for scan functions the host did not supply.
#include "loader/host_binding.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "loader/plugin_loader.h"
#include "loader/scanner_session.h"
#include "test_support.h"

using assay::loader::bounded_message;
using assay::loader::HostBinding;
using assay::loader::LogCallback;
using assay::loader::PluginLoader;
using assay::loader::ScannerSession;
using namespace assay::loader::testing;

namespace {

std::shared_ptr<const LogCallback> shared(LogCallback callback) {
  return std::make_shared<const LogCallback>(std::move(callback));
}

TEST(HostBinding, PluginLogReachesTheCallbackUnderThePluginsName) {
  LogRecorder log;
  PluginLoader loader(scan_functions(), log.callback());
  loader.load_file(fixture("good_scanner"));
  ASSERT_NE(loader.find("good_scanner"), nullptr);
  auto opened = ScannerSession::open(*loader.find("good_scanner"), R"({"x":1})");
  ASSERT_TRUE(opened) << opened.error;
  EXPECT_TRUE(log.contains(ASSAY_LOG_INFO, "good_scanner", R"(opened with config {"x":1})"));
}

TEST(HostBinding, SetErrorDuringInitIsLoggedUnderTheFileName) {
  LogRecorder log;
  PluginLoader loader(scan_functions(), log.callback());
  loader.load_file(fixture("init_fails"));
  EXPECT_TRUE(log.contains(ASSAY_LOG_DEBUG, "fixture-init_fails.so", "set_error: database missing"));
}

TEST(HostBinding, RenameChangesTheLabel) {
  LogRecorder log;
  HostBinding binding(scan_functions(), "plugin.so", shared(log.callback()));
  const assay_host_api* api = binding.api();
  api->log(api->host, ASSAY_LOG_WARN, "before");
  binding.rename("markers");
  api->log(api->host, ASSAY_LOG_ERROR, "after");
  api->log(api->host, ASSAY_LOG_INFO, nullptr);
  auto lines = log.lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].plugin, "plugin.so");
  EXPECT_EQ(lines[0].level, ASSAY_LOG_WARN);
  EXPECT_EQ(lines[0].message, "before");
  EXPECT_EQ(lines[1].plugin, "markers");
  EXPECT_EQ(lines[2].message, "");
  EXPECT_EQ(binding.label(), "markers");
}

TEST(HostBinding, TakeErrorReturnsTheLastMessageOnce) {
  HostBinding binding(scan_functions(), "p", shared(discard_log()));
  const assay_host_api* api = binding.api();
  api->set_error(api->host, "first");
  api->set_error(api->host, "second");
  EXPECT_EQ(binding.take_error(), "second");
  EXPECT_EQ(binding.take_error(), "");
  api->set_error(api->host, "third");
  binding.clear_error();
  EXPECT_EQ(binding.take_error(), "");
  api->set_error(api->host, nullptr);
  EXPECT_EQ(binding.take_error(), "");
}

TEST(HostBinding, SetErrorIsBoundedToMaxErrorMinusOne) {
  HostBinding binding(scan_functions(), "p", shared(discard_log()));
  const std::string long_message(3 * ASSAY_MAX_ERROR, 'x');
  binding.api()->set_error(binding.api()->host, long_message.c_str());
  EXPECT_EQ(binding.take_error(), std::string(ASSAY_MAX_ERROR - 1, 'x'));
  const std::string exact(ASSAY_MAX_ERROR - 1, 'y');
  binding.api()->set_error(binding.api()->host, exact.c_str());
  EXPECT_EQ(binding.take_error(), exact);
}

TEST(HostBinding, BoundingNeverSplitsAUtf8Character) {
  // "é" is two bytes; placed so the limit falls between them.
  const std::string message = std::string(ASSAY_MAX_ERROR - 2, 'a') + "\xc3\xa9" + "tail";
  EXPECT_EQ(bounded_message(message.c_str()), std::string(ASSAY_MAX_ERROR - 2, 'a'));
  EXPECT_EQ(bounded_message(nullptr), "");
  EXPECT_EQ(bounded_message("short"), "short");
}

TEST(HostBinding, AllocAndFreeHandOutUsableMemory) {
  HostBinding binding(scan_functions(), "p", shared(discard_log()));
  void* block = binding.api()->alloc(64);
  ASSERT_NE(block, nullptr);
  std::memset(block, 0xab, 64);
  binding.api()->free(block);
  binding.api()->free(nullptr);
}

TEST(HostBinding, MissingScanFunctionsAnswerUnsupported) {
  HostBinding binding(assay_host_api{}, "p", shared(discard_log()));
  const assay_host_api* api = binding.api();
  EXPECT_EQ(api->file_count(nullptr), 0u);
  assay_file_info info{};
  EXPECT_EQ(api->file_info(nullptr, 0, &info), ASSAY_UNSUPPORTED);
  assay_blob blob{};
  EXPECT_EQ(api->file_read(nullptr, 0, &blob), ASSAY_UNSUPPORTED);
  api->file_release(nullptr, &blob);
  assay_finding finding{};
  EXPECT_EQ(api->emit(nullptr, &finding), ASSAY_UNSUPPORTED);
  EXPECT_EQ(api->is_cancelled(nullptr), 0);
  EXPECT_EQ(api->parallel_for(
                nullptr, 3, [](void*, size_t) {}, nullptr),
            ASSAY_UNSUPPORTED);
  EXPECT_STREQ(api->scan_root(nullptr), "");
  EXPECT_STREQ(api->scan_commit(nullptr), "");
  assay_file_history history{};
  EXPECT_EQ(api->file_history(nullptr, 0, &history), ASSAY_UNSUPPORTED);
  assay_commit_info commit{};
  EXPECT_EQ(api->file_commit(nullptr, 0, 0, &commit), ASSAY_UNSUPPORTED);
  assay_line_origin origin{};
  EXPECT_EQ(api->line_origin(nullptr, 0, 1, &origin), ASSAY_UNSUPPORTED);
  EXPECT_EQ(api->report_assessment(nullptr, "{}"), ASSAY_UNSUPPORTED);
  uint64_t count = 0;
  EXPECT_EQ(api->commits_since(nullptr, 0, &count), ASSAY_UNSUPPORTED);
  const char* value = "stale";
  size_t size = 5;
  EXPECT_EQ(api->cache_get(nullptr, "k", 1, &value, &size), ASSAY_UNSUPPORTED);
  EXPECT_EQ(value, nullptr);  // a miss, for a plugin that ignores the status
  EXPECT_EQ(size, 0u);
  EXPECT_EQ(api->cache_put(nullptr, "k", 1, "v", 1), ASSAY_UNSUPPORTED);
}

TEST(HostBinding, ALogSinkThatThrowsDoesNotReachThePlugin) {
  HostBinding binding(scan_functions(), "p",
                      shared([](assay_log_level, const std::string&, const std::string&) {
                        throw std::runtime_error("sink closed");
                      }));
  const assay_host_api* api = binding.api();
  api->log(api->host, ASSAY_LOG_ERROR, "still fine");
  api->set_error(api->host, "kept");
  EXPECT_EQ(binding.take_error(), "kept");
}

TEST(HostBinding, LogAndSetErrorAreSafeFromManyThreads) {
  LogRecorder log;
  HostBinding binding(scan_functions(), "p", shared(log.callback()));
  const assay_host_api* api = binding.api();
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([api, t] {
      for (int i = 0; i < 100; ++i) {
        api->log(api->host, ASSAY_LOG_INFO, "line");
        api->set_error(api->host, ("thread " + std::to_string(t)).c_str());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(log.lines().size(), 8u * 100u * 2u);  // each set_error is also logged at debug
  EXPECT_EQ(binding.take_error().rfind("thread ", 0), 0u);
}

}  // namespace
