// The JS class `Trainer`: one (setup, state) pair bound to a native sampler.
//
//   new Trainer(setup, state, threads)
//   trainer.run(firstSweep, sweeps, seed, sampler, mhSteps, onSweep?) -> Promise<number>
//   trainer.cancel()
//   trainer.logLikelihood() -> number
//   trainer.busy, trainer.threads
//
// The constructor checks every typed array (type, length, id ranges, counts) and keeps a
// reference to each for as long as the trainer lives; runs use the arrays in place.
#ifndef ATM_NATIVE_BINDING_TRAINER_H_
#define ATM_NATIVE_BINDING_TRAINER_H_

#include <napi.h>

#include <array>
#include <memory>
#include <string>

#include "../core/sampler.h"
#include "../core/views.h"
#include "run-control.h"

namespace atm_binding {

class Trainer : public Napi::ObjectWrap<Trainer> {
 public:
  static Napi::Function Define(Napi::Env env);

  explicit Trainer(const Napi::CallbackInfo& info);
  ~Trainer() override;

  // For the run worker, on the JS thread.
  atm::Sampler& sampler() { return *sampler_; }
  const std::shared_ptr<RunControl>& control() const { return control_; }
  void setInCallback(bool inCallback) { inCallback_ = inCallback; }
  // Re-reads every array (pointer and length) and re-checks the state's ranges; returns the
  // problem, if any, as a message (empty when all is well).
  std::string rebind();
  void endRun() { busy_ = false; }

  enum ArrayId {
    kDocOffsets,
    kTokens,
    kDocAuthorOffsets,
    kDocAuthors,
    kDocOrder,
    kWorkerOffsets,
    kAuthorTokenOffsets,
    kAuthorTokens,
    kAlpha,
    kBeta,
    kZ,
    kY,
    kNwk,
    kNk,
    kNak,
    kNa,
    kArrayCount
  };

 private:
  struct HeldArray {
    Napi::ObjectReference ref;
    size_t length = 0;
    void* data = nullptr;
  };

  Napi::Value Run(const Napi::CallbackInfo& info);
  Napi::Value Cancel(const Napi::CallbackInfo& info);
  Napi::Value LogLikelihood(const Napi::CallbackInfo& info);
  Napi::Value GetBusy(const Napi::CallbackInfo& info);
  Napi::Value GetThreads(const Napi::CallbackInfo& info);

  void holdArrays(const Napi::Object& setup, const Napi::Object& state);
  void checkNoOverlap(const Napi::Env& env) const;
  std::string refreshViews();
  void buildViews();
  static void onEnvCleanup(void* self);

  napi_env env_;
  uint32_t numTopics_ = 0, numTerms_ = 0, numAuthors_ = 0;
  std::array<HeldArray, kArrayCount> arrays_;
  atm::CorpusView corpus_;
  atm::StateView state_;
  std::unique_ptr<atm::Sampler> sampler_;
  std::shared_ptr<RunControl> control_;
  bool busy_ = false;
  bool inCallback_ = false;
};

}  // namespace atm_binding

#endif  // ATM_NATIVE_BINDING_TRAINER_H_
