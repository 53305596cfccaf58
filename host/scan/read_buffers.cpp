#include "scan/read_buffers.h"

#include <vector>

namespace assay::scan {
namespace {

// Per thread: a buffer is taken and given back on the scanner's threads, so
// no lock is needed, and a thread's spares go when the thread ends.
thread_local std::vector<std::unique_ptr<std::string>> spares;

}  // namespace

std::unique_ptr<std::string> take_read_buffer() {
  if (spares.empty()) return std::make_unique<std::string>();
  std::unique_ptr<std::string> buffer = std::move(spares.back());
  spares.pop_back();
  return buffer;
}

void give_back_read_buffer(std::unique_ptr<std::string> buffer) {
  if (!buffer || buffer->capacity() > kMaxKeptBufferBytes || spares.size() >= kMaxSpareBuffers) return;
  spares.push_back(std::move(buffer));
}

}  // namespace assay::scan
