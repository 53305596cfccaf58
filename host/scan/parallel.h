// Runs index-parallel work on a Boost.Asio thread pool without deadlocking
// when the caller itself is a pool thread: the caller works through the
// indices too, so progress never depends on a free pool thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace boost::asio {
class thread_pool;
}

namespace assay::scan {

// Calls fn(i) for every i in [0, count) unless `cancelled` becomes true, in
// which case the remaining indices are skipped. Returns false if cancelled.
// fn must not throw.
bool parallel_for(boost::asio::thread_pool& pool, size_t workers, size_t count,
                  const std::function<void(size_t)>& fn, const std::atomic<bool>& cancelled);

}  // namespace assay::scan
