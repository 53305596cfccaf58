// The scan functions of the host API as a plugin sees them: file listing and
// reading, struct-size handling, emit's validation and cancellation.
#include "scan/scan_target.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

#include "bus/bus.h"
#include "bus/finding_receiver.h"
#include "bus/finding_sender.h"
#include "repo/repo_view.h"
#include "scan/read_buffers.h"

namespace fs = std::filesystem;

namespace assay::scan {
namespace {

class ScanTarget : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("assay-scan-target-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "src");
    std::ofstream(dir_ / "src/a.py") << "print('hello')\n";
    std::ofstream(dir_ / "README.md") << "# readme\n";
    repo::RepoOptions options;
    options.output_dir = dir_ / ".assay";
    repo_ = repo::RepoView::open(dir_, options);
    endpoint_ = bus_.unique_endpoint("scan-target-test");
    receiver_ = std::make_unique<bus::FindingReceiver>(bus_.context(), endpoint_);
    sender_ = std::make_unique<bus::FindingSender>(bus_.context(), endpoint_, "tester", &cancelled_);
    target_.repo = repo_.get();
    target_.pool = &pool_;
    target_.workers = 2;
    target_.cancelled = &cancelled_;
    target_.sender = sender_.get();
    target_.plugin = "tester";
    target_.root = repo_->root();
    api_ = scan_functions();
  }
  void TearDown() override {
    sender_.reset();
    receiver_.reset();
    pool_.join();
    fs::remove_all(dir_);
  }

  // Collects what reached the scoring side after the sender is done.
  std::vector<Finding> drain() {
    sender_->done("ok");
    std::vector<Finding> got;
    std::atomic<bool> stop{false};
    receiver_->run({"tester"}, [&](Finding&& f) { got.push_back(std::move(f)); }, [](const auto&) {}, stop);
    return got;
  }

  fs::path dir_;
  std::unique_ptr<repo::RepoView> repo_;
  bus::Bus bus_;
  std::string endpoint_;
  std::unique_ptr<bus::FindingReceiver> receiver_;
  std::unique_ptr<bus::FindingSender> sender_;
  boost::asio::thread_pool pool_{2};
  std::atomic<bool> cancelled_{false};
  assay_scan target_;
  assay_host_api api_{};
};

TEST_F(ScanTarget, ListsAndReadsFiles) {
  ASSERT_EQ(api_.file_count(&target_), 2u);
  bool saw_python = false;
  for (size_t i = 0; i < 2; ++i) {
    assay_file_info info{};
    info.struct_size = sizeof(info);
    ASSERT_EQ(api_.file_info(&target_, i, &info), ASSAY_OK);
    if (std::string(info.path) != "src/a.py") continue;
    saw_python = true;
    EXPECT_EQ(std::string(info.language), "python");
    EXPECT_EQ(info.size, 15u);
    assay_blob blob{};
    blob.struct_size = sizeof(blob);
    ASSERT_EQ(api_.file_read(&target_, i, &blob), ASSAY_OK);
    EXPECT_EQ(std::string(blob.data, blob.size), "print('hello')\n");
    api_.file_release(&target_, &blob);
    EXPECT_EQ(blob.data, nullptr);
  }
  EXPECT_TRUE(saw_python);
  assay_file_info info{};
  info.struct_size = sizeof(info);
  EXPECT_EQ(api_.file_info(&target_, 2, &info), ASSAY_INVALID);
}

TEST_F(ScanTarget, BlobsHeldAtOnceKeepTheirOwnContents) {
  // Read buffers are reused after release, never while a blob holds one.
  std::vector<std::string> expected;
  for (size_t i = 0; i < 2; ++i) expected.push_back(target_.repo->read(i));
  for (int round = 0; round < 3; ++round) {
    assay_blob first{};
    assay_blob second{};
    first.struct_size = second.struct_size = sizeof(assay_blob);
    ASSERT_EQ(api_.file_read(&target_, 0, &first), ASSAY_OK);
    ASSERT_EQ(api_.file_read(&target_, 1, &second), ASSAY_OK);
    EXPECT_NE(first.data, second.data);
    EXPECT_EQ(std::string(first.data, first.size), expected[0]);
    EXPECT_EQ(std::string(second.data, second.size), expected[1]);
    api_.file_release(&target_, &second);
    api_.file_release(&target_, &first);
  }
}

TEST(ReadBuffers, ReusesReleasedBuffersUpToALimit) {
  for (size_t i = 0; i < kMaxSpareBuffers; ++i) take_read_buffer();  // whatever earlier tests left
  auto buffer = take_read_buffer();
  buffer->assign(1000, 'x');
  give_back_read_buffer(std::move(buffer));
  EXPECT_EQ(*take_read_buffer(), std::string(1000, 'x')) << "the spare is handed out again, as it was";
  auto huge = take_read_buffer();
  huge->assign(kMaxKeptBufferBytes + 1, 'h');
  give_back_read_buffer(std::move(huge));
  EXPECT_TRUE(take_read_buffer()->empty()) << "a buffer beyond the size limit is not kept";
  // Of more buffers than a thread keeps, only kMaxSpareBuffers come back
  // (recognised by their contents: a new buffer is empty).
  std::vector<std::unique_ptr<std::string>> many;
  for (size_t i = 0; i < kMaxSpareBuffers + 2; ++i) {
    many.push_back(take_read_buffer());
    *many.back() = "buffer " + std::to_string(i);
  }
  for (auto& b : many) give_back_read_buffer(std::move(b));
  std::vector<std::unique_ptr<std::string>> again;
  size_t reused = 0;
  for (size_t i = 0; i < kMaxSpareBuffers + 2; ++i) {
    again.push_back(take_read_buffer());
    reused += again.back()->starts_with("buffer ") ? 1 : 0;
  }
  EXPECT_EQ(reused, kMaxSpareBuffers);
}

TEST_F(ScanTarget, FileInfoFillsOnlyWhatAnOlderPluginKnows) {
  // A plugin built when assay_file_info ended after `size`.
  struct OldInfo {
    size_t struct_size;
    const char* path;
    uint64_t size;
  };
  union {
    OldInfo old;
    assay_file_info full;
  } u{};
  u.old.struct_size = sizeof(OldInfo);
  u.full.blob_id = reinterpret_cast<const char*>(0x1);  // beyond the old struct: must stay untouched
  ASSERT_EQ(api_.file_info(&target_, 0, &u.full), ASSAY_OK);
  EXPECT_EQ(u.old.struct_size, sizeof(OldInfo));
  EXPECT_NE(u.old.path, nullptr);
  EXPECT_EQ(u.full.blob_id, reinterpret_cast<const char*>(0x1));
}

TEST_F(ScanTarget, EmitCopiesValidFindingsAndRefusesMalformedOnes) {
  assay_finding f{};
  f.struct_size = sizeof(f);
  f.rule = "R1";
  f.title = "a title";
  f.category = "testing";
  f.path = "src/a.py";
  f.line_start = 1;
  f.line_end = 1;
  f.effort_hours = -1;
  f.confidence = -1;
  f.cvss = -1;
  EXPECT_EQ(api_.emit(&target_, &f), ASSAY_OK);

  assay_finding bad = f;
  bad.category = "astrology";
  EXPECT_EQ(api_.emit(&target_, &bad), ASSAY_INVALID);
  bad = f;
  bad.title = nullptr;
  EXPECT_EQ(api_.emit(&target_, &bad), ASSAY_INVALID);
  bad = f;
  bad.confidence = 1.5;
  EXPECT_EQ(api_.emit(&target_, &bad), ASSAY_INVALID);
  bad = f;
  bad.details_json = "[1,2]";
  EXPECT_EQ(api_.emit(&target_, &bad), ASSAY_INVALID);
  EXPECT_EQ(target_.rejected.load(), 4u);

  auto got = drain();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].source, "tester");
  EXPECT_EQ(got[0].category, "testing");
  EXPECT_FALSE(got[0].confidence.has_value());
}

TEST_F(ScanTarget, EmitAndParallelForStopWhenCancelled) {
  cancelled_.store(true);
  assay_finding f{};
  f.struct_size = sizeof(f);
  f.rule = "R";
  f.title = "t";
  EXPECT_EQ(api_.emit(&target_, &f), ASSAY_CANCELLED);
  EXPECT_NE(api_.is_cancelled(&target_), 0);
  int calls = 0;
  auto count = [](void* user, size_t) { ++*static_cast<int*>(user); };
  EXPECT_EQ(api_.parallel_for(&target_, 10, count, &calls), ASSAY_CANCELLED);
  EXPECT_EQ(calls, 0);
}

TEST_F(ScanTarget, ParallelForRunsEveryIndex) {
  std::atomic<int> calls{0};
  auto count = [](void* user, size_t) { static_cast<std::atomic<int>*>(user)->fetch_add(1); };
  EXPECT_EQ(api_.parallel_for(&target_, 1000, count, &calls), ASSAY_OK);
  EXPECT_EQ(calls.load(), 1000);
}

}  // namespace
}  // namespace assay::scan
