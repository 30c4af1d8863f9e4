// One trainer.run(): sweeps on a libuv pool thread, progress and the result on the JS thread.
// Execute() touches only the baton, a plain C++ struct; JS values live in the worker's references.
#ifndef ATM_NATIVE_BINDING_TRAIN_WORKER_H_
#define ATM_NATIVE_BINDING_TRAIN_WORKER_H_

#include <napi.h>

#include <cstdint>
#include <memory>

#include "../core/sampler.h"
#include "run-control.h"

namespace atm_binding {

class Trainer;

// Everything Execute() reads or writes.
struct RunBaton {
  atm::Sampler* sampler = nullptr;
  std::shared_ptr<RunControl> control;
  uint64_t firstSweep = 0;
  uint32_t sweeps = 0;
  atm::SweepParams params;
  // Report every sweep and wait for the JS thread to acknowledge it (there is an onSweep).
  bool reportProgress = false;
  uint32_t done = 0;
};

class TrainWorker : public Napi::AsyncProgressWorker<uint32_t> {
 public:
  // `callerError` is created on the caller's stack before the work is queued, so a native
  // failure surfaces with the caller's stack trace.
  TrainWorker(Napi::Env env, Trainer* trainer, Napi::Object trainerObject, const RunBaton& baton,
              Napi::Value onSweep, Napi::Error callerError);

  Napi::Promise promise() const { return deferred_.Promise(); }

 protected:
  void Execute(const ExecutionProgress& progress) override;
  void OnProgress(const uint32_t* data, size_t count) override;
  void OnOK() override;
  void OnError(const Napi::Error& error) override;

 private:
  Trainer* trainer_;
  Napi::ObjectReference trainerRef_;
  Napi::FunctionReference onSweep_;
  Napi::ObjectReference callerError_;
  // An exception thrown by onSweep (or a state the callback left invalid): the run stops and
  // the promise rejects with it, as the TypeScript backend's would.
  Napi::Error callbackError_;
  Napi::Promise::Deferred deferred_;
  RunBaton baton_;
  uint32_t reported_ = 0;
};

}  // namespace atm_binding

#endif  // ATM_NATIVE_BINDING_TRAIN_WORKER_H_
