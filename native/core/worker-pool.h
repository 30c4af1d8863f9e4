// A small persistent pool: `run(tasks, fn)` calls fn(task, thread) for every task in [0, tasks)
// on the calling thread plus the pool's background threads and returns when all are done.
// Tasks are claimed in order from a shared counter; `thread` indexes per-thread scratch space.
// The first exception thrown by a task is rethrown on the calling thread.
#ifndef ATM_NATIVE_CORE_WORKER_POOL_H_
#define ATM_NATIVE_CORE_WORKER_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace atm {

class WorkerPool {
 public:
  using Task = std::function<void(size_t task, unsigned thread)>;

  // `threads` counts the calling thread: threads - 1 background threads are started.
  explicit WorkerPool(unsigned threads) {
    for (unsigned t = 1; t < threads; t++) threads_.emplace_back([this, t] { loop(t); });
  }

  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
  }

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  unsigned size() const { return static_cast<unsigned>(threads_.size()) + 1; }

  void run(size_t tasks, const Task& fn) {
    if (tasks == 0) return;
    if (threads_.empty() || tasks == 1) {
      for (size_t i = 0; i < tasks; i++) fn(i, 0);
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      fn_ = &fn;
      tasks_ = tasks;
      next_.store(0, std::memory_order_relaxed);
      busy_ = static_cast<unsigned>(threads_.size());
      error_ = nullptr;
      generation_++;
    }
    wake_.notify_all();
    work(0);
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return busy_ == 0; });
    fn_ = nullptr;
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void loop(unsigned thread) {
    uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
        if (stopping_) return;
        seen = generation_;
      }
      work(thread);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        busy_--;
      }
      done_.notify_one();
    }
  }

  void work(unsigned thread) {
    for (;;) {
      const size_t task = next_.fetch_add(1, std::memory_order_relaxed);
      if (task >= tasks_) return;
      try {
        (*fn_)(task, thread);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!error_) error_ = std::current_exception();
      }
    }
  }

  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const Task* fn_ = nullptr;
  size_t tasks_ = 0;
  std::atomic<size_t> next_{0};
  unsigned busy_ = 0;
  uint64_t generation_ = 0;
  bool stopping_ = false;
  std::exception_ptr error_;
};

}  // namespace atm

#endif  // ATM_NATIVE_CORE_WORKER_POOL_H_
