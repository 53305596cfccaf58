// Buffers for the file contents scanners read (assay_host_api.file_read).
// Each thread keeps a few released buffers and reuses them, so that reading
// tens of thousands of files allocates, clears and faults in memory only when
// a file is larger than the buffers it already has.
#pragma once

#include <memory>
#include <string>

namespace assay::scan {

// A buffer from this thread's spares, or a new empty one.
std::unique_ptr<std::string> take_read_buffer();

// Keeps `buffer` among this thread's spares for a later take_read_buffer(),
// unless the thread already keeps enough or the buffer is larger than worth
// keeping (kMaxKeptBufferBytes); then it is freed.
void give_back_read_buffer(std::unique_ptr<std::string> buffer);

inline constexpr size_t kMaxSpareBuffers = 4;
inline constexpr size_t kMaxKeptBufferBytes = size_t{1} << 20;

}  // namespace assay::scan
