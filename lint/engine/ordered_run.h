// Runs per-file work on a pool of threads and hands each result over in
// input order, as soon as it and every result before it are done. Workers
// stay at most a window of items ahead of the output, so a run holds a few
// files' results, not all of them.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace claimlint {

// `work(i)` runs on the pool (jobs threads, at least 1) and returns a value;
// `take(i, value)` runs under a lock, one call at a time, in order of i.
template <typename Work, typename Take>
void RunInOrder(std::size_t count, int jobs, Work work, Take take) {
  using Value = decltype(work(std::size_t{0}));
  int n = jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  n = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(n), std::max<std::size_t>(count, 1)));
  const std::size_t window = 16 * static_cast<std::size_t>(n);
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::optional<Value>> done(count);
  std::size_t next_job = 0, next_out = 0;
  auto loop = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return next_job >= count || next_job < next_out + window; });
        if (next_job >= count) return;
        i = next_job++;
      }
      Value result = work(i);
      std::unique_lock lock(mu);
      done[i] = std::move(result);
      bool advanced = false;
      while (next_out < count && done[next_out]) {
        Value ready = std::move(*done[next_out]);
        done[next_out].reset();
        take(next_out++, std::move(ready));
        advanced = true;
      }
      if (advanced) cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t) pool.emplace_back(loop);
  loop();
  for (auto& t : pool) t.join();
}

}  // namespace claimlint
