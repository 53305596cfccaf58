// BackgroundSync and AtomicFile's pieces flushed while the file grows. The
// test binary defines fdatasync (the objects under test are linked into it),
// so that the tests count the flushes and can make them fail.
#include "background_sync.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

#include "atomic_file.h"
#include "scratch_dir.h"

namespace {

std::atomic<int> fdatasync_calls{0};
std::atomic<bool> fdatasync_fails{false};

}  // namespace

extern "C" int fdatasync(int fd) {
  ++fdatasync_calls;
  if (fdatasync_fails.load()) {
    errno = EIO;
    return -1;
  }
  return static_cast<int>(::syscall(SYS_fdatasync, fd));
}

namespace assay::test {
namespace {

using reporters::AtomicFile;
using reporters::BackgroundSync;

// Counts and fails the flushes for one test.
class FlushFaults {
 public:
  explicit FlushFaults(bool fail) {
    fdatasync_calls = 0;
    fdatasync_fails = fail;
  }
  ~FlushFaults() { fdatasync_fails = false; }
  FlushFaults(const FlushFaults&) = delete;
  FlushFaults& operator=(const FlushFaults&) = delete;

  int calls() const { return fdatasync_calls.load(); }
  // Waits (up to 10 s) until the background thread has flushed once.
  bool wait_for_a_flush() const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (calls() == 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return calls() > 0;
  }
};

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Text of `size` bytes that differs from piece to piece.
std::string text_of(size_t size) {
  std::string text(size, ' ');
  for (size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + (i / 4093) % 26);
  return text;
}

TEST(BackgroundSyncTest, LessThanAPieceIsNeverFlushedInTheBackground) {
  FlushFaults faults(false);
  ScratchDir scratch;
  const auto target = scratch.path() / "BACKLOG.md";
  {
    AtomicFile file(target);
    file.write(text_of(static_cast<size_t>(BackgroundSync::kPiece) - 1));
    EXPECT_FALSE(file.commit().has_value());
  }
  EXPECT_EQ(faults.calls(), 0);
  EXPECT_EQ(read_all(target).size(), static_cast<size_t>(BackgroundSync::kPiece) - 1);
}

TEST(BackgroundSyncTest, AFileOfSeveralPiecesIsFlushedWhileItGrowsAndCommittedWhole) {
  FlushFaults faults(false);
  ScratchDir scratch;
  const auto target = scratch.path() / "backlog.json";
  const std::string text = text_of(3 * static_cast<size_t>(BackgroundSync::kPiece) + 100);
  {
    AtomicFile file(target);
    // In reporter-sized writes, as the json reporter writes its items.
    for (size_t at = 0; at < text.size(); at += 1000) file.write(std::string_view(text).substr(at, 1000));
    EXPECT_TRUE(faults.wait_for_a_flush());
    EXPECT_FALSE(file.commit().has_value());
  }
  EXPECT_EQ(read_all(target), text);
}

TEST(BackgroundSyncTest, AFailedBackgroundFlushFailsTheCommitAndKeepsTheOldFile) {
  FlushFaults faults(true);
  ScratchDir scratch;
  const auto target = scratch.path() / "backlog.json";
  std::ofstream(target) << "old";
  {
    AtomicFile file(target);
    file.write(text_of(2 * static_cast<size_t>(BackgroundSync::kPiece)));
    // The commit's own fsync succeeds: only the background flush saw the
    // error, which the kernel reports once.
    ASSERT_TRUE(faults.wait_for_a_flush());
    try {
      (void)file.commit();
      ADD_FAILURE() << "the commit succeeded";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("cannot flush '" + scratch.path().string() + "/.backlog.json.tmp-"),
                std::string::npos)
          << e.what();
      EXPECT_NE(std::string(e.what()).find("Input/output error"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(read_all(target), "old");
  // The temporary file is removed.
  size_t names = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(scratch.path())) ++names;
  EXPECT_EQ(names, 1u);
}

TEST(BackgroundSyncTest, FinishReturnsTheFirstFailedFlush) {
  FlushFaults faults(true);
  ScratchDir scratch;
  const auto path = scratch.path() / "data";
  std::ofstream(path) << "x";
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  BackgroundSync sync(fd);
  sync.wrote(BackgroundSync::kPiece - 1);  // not yet a piece
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(faults.calls(), 0);
  sync.wrote(BackgroundSync::kPiece);
  ASSERT_TRUE(faults.wait_for_a_flush());
  EXPECT_EQ(sync.finish(), EIO);
  EXPECT_EQ(sync.finish(), EIO);  // finishing twice is harmless
  ::close(fd);
}

}  // namespace
}  // namespace assay::test
