// State shared between a Trainer (JS thread) and its in-flight run (a libuv pool thread): the
// cancel flag and the per-sweep progress handshake. After reporting a sweep, the run waits until
// the JS thread has called onSweep and acknowledged it, so onSweep sees a quiescent state, just
// as with the TypeScript backend, whose onSweep runs synchronously between sweeps.
#ifndef ATM_NATIVE_BINDING_RUN_CONTROL_H_
#define ATM_NATIVE_BINDING_RUN_CONTROL_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace atm_binding {

class RunControl {
 public:
  // Before a run starts (no run in flight).
  void reset() {
    cancel_.store(false);
    std::lock_guard<std::mutex> lock(mutex_);
    acked_ = 0;
    released_ = false;
  }

  void cancel() { cancel_.store(true); }
  bool cancelled() const { return cancel_.load(); }

  // JS thread: sweep `done` has been reported.
  void ack(uint32_t done) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      acked_ = done;
    }
    wake_.notify_all();
  }

  // Stops every wait for good (the environment is shutting down).
  void release() {
    cancel_.store(true);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      released_ = true;
    }
    wake_.notify_all();
  }

  // Worker thread: blocks until sweep `done` is acknowledged or the control is released.
  void waitForAck(uint32_t done) {
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait(lock, [&] { return acked_ >= done || released_; });
  }

 private:
  std::atomic<bool> cancel_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  uint32_t acked_ = 0;
  bool released_ = false;
};

}  // namespace atm_binding

#endif  // ATM_NATIVE_BINDING_RUN_CONTROL_H_
