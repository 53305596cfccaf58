#include "scan/parallel.h"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace assay::scan {
namespace {

// Shared by the caller and the helpers it posted. The caller never waits for
// a helper that has not started (all pool threads may be callers waiting in
// this function); it closes the job and waits only for running helpers.
struct Job {
  const std::function<void(size_t)>* fn;
  const std::atomic<bool>* cancelled;
  size_t count;
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::condition_variable idle;
  size_t running = 0;
  bool closed = false;

  void work() {
    for (;;) {
      if (cancelled->load(std::memory_order_relaxed)) return;
      size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= count) return;
      (*fn)(i);
    }
  }
};

}  // namespace

bool parallel_for(boost::asio::thread_pool& pool, size_t workers, size_t count,
                  const std::function<void(size_t)>& fn, const std::atomic<bool>& cancelled) {
  auto job = std::make_shared<Job>();
  job->fn = &fn;
  job->cancelled = &cancelled;
  job->count = count;
  size_t helpers = count > 1 ? std::min(workers, count - 1) : 0;
  for (size_t h = 0; h < helpers; ++h) {
    boost::asio::post(pool, [job] {
      {
        std::lock_guard<std::mutex> lock(job->mutex);
        if (job->closed) return;
        ++job->running;
      }
      job->work();
      std::lock_guard<std::mutex> lock(job->mutex);
      if (--job->running == 0) job->idle.notify_all();
    });
  }
  job->work();
  // fn and cancelled live on the caller's stack: close the job and wait
  // until no running helper can touch them any more.
  std::unique_lock<std::mutex> lock(job->mutex);
  job->closed = true;
  job->idle.wait(lock, [&] { return job->running == 0; });
  return !cancelled.load();
}

}  // namespace assay::scan
