#include "train-worker.h"

#include <exception>
#include <string>

#include "trainer.h"

namespace atm_binding {

TrainWorker::TrainWorker(Napi::Env env, Trainer* trainer, Napi::Object trainerObject, const RunBaton& baton,
                         Napi::Value onSweep, Napi::Error callerError)
    : Napi::AsyncProgressWorker<uint32_t>(env, "atm-native:train"),
      trainer_(trainer),
      trainerRef_(Napi::Persistent(trainerObject)),
      callerError_(Napi::Persistent(callerError.Value())),
      deferred_(Napi::Promise::Deferred::New(env)),
      baton_(baton) {
  if (onSweep.IsFunction()) onSweep_ = Napi::Persistent(onSweep.As<Napi::Function>());
}

void TrainWorker::Execute(const ExecutionProgress& progress) {
  RunBaton& b = baton_;
  try {
    for (uint32_t s = 0; s < b.sweeps; s++) {
      if (b.control->cancelled()) break;
      b.params.sweepIndex = static_cast<uint32_t>(b.firstSweep + s);
      b.sampler->sweep(b.params);
      b.done++;
      if (b.reportProgress) {
        progress.Send(&b.done, 1);
        b.control->waitForAck(b.done);
      }
    }
  } catch (const std::exception& e) {
    SetError(std::string("Native training failed: ") + e.what());
  } catch (...) {
    SetError("Native training failed with an unknown C++ exception");
  }
}

void TrainWorker::OnProgress(const uint32_t* data, size_t count) {
  if (data == nullptr || count == 0) return;
  const uint32_t done = data[0];
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  if (!onSweep_.IsEmpty() && callbackError_.IsEmpty()) {
    trainer_->setInCallback(true);
    try {
      for (uint32_t v = reported_ + 1; v <= done; v++) onSweep_.Call({Napi::Number::New(env, v)});
    } catch (const Napi::Error& e) {
      callbackError_ = e;
      baton_.control->cancel();
    }
    trainer_->setInCallback(false);
  }
  reported_ = done;
  // The callback ran with the state quiescent and may have written to it: re-read the arrays and
  // re-check the ranges the sampler indexes with before the next sweep.
  if (callbackError_.IsEmpty()) {
    const std::string problem = trainer_->rebind();
    if (!problem.empty()) {
      callbackError_ = Napi::RangeError::New(env, problem);
      baton_.control->cancel();
    }
  }
  baton_.control->ack(done);
}

void TrainWorker::OnOK() {
  Napi::Env env = Env();
  trainer_->endRun();
  if (!callbackError_.IsEmpty()) deferred_.Reject(callbackError_.Value());
  else deferred_.Resolve(Napi::Number::New(env, baton_.done));
}

void TrainWorker::OnError(const Napi::Error& error) {
  trainer_->endRun();
  // Keep the caller's frames, under the real message.
  Napi::Object e = callerError_.Value();
  const std::string message = error.Message();
  e.Set("message", message);
  Napi::Value stack = e.Get("stack");
  if (stack.IsString()) {
    const std::string text = stack.As<Napi::String>().Utf8Value();
    const size_t frames = text.find('\n');
    e.Set("stack", "Error: " + message + (frames == std::string::npos ? "" : text.substr(frames)));
  }
  deferred_.Reject(e);
}

}  // namespace atm_binding
