#include "trainer.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <thread>

#include "../core/validate.h"
#include "arguments.h"
#include "train-worker.h"

namespace atm_binding {

namespace {

struct ArraySpec {
  const char* name;
  const char* key;
  bool inState;
  napi_typedarray_type type;
  bool written;
};

// Every typed array of TrainingSetup and SamplerState (packages/core/src/backend.ts), in
// Trainer::ArrayId order.
const ArraySpec kSpecs[Trainer::kArrayCount] = {
    {"setup.docOffsets", "docOffsets", false, napi_uint32_array, false},
    {"setup.tokens", "tokens", false, napi_uint32_array, false},
    {"setup.docAuthorOffsets", "docAuthorOffsets", false, napi_uint32_array, false},
    {"setup.docAuthors", "docAuthors", false, napi_uint32_array, false},
    {"setup.docOrder", "docOrder", false, napi_uint32_array, false},
    {"setup.workerOffsets", "workerOffsets", false, napi_uint32_array, false},
    {"setup.authorTokenOffsets", "authorTokenOffsets", false, napi_uint32_array, false},
    {"setup.authorTokens", "authorTokens", false, napi_uint32_array, false},
    {"state.alpha", "alpha", true, napi_float64_array, false},
    {"state.beta", "beta", true, napi_float64_array, false},
    {"state.z", "z", true, napi_uint32_array, true},
    {"state.y", "y", true, napi_uint32_array, true},
    {"state.nwk", "nwk", true, napi_int32_array, true},
    {"state.nk", "nk", true, napi_int32_array, true},
    {"state.nak", "nak", true, napi_int32_array, true},
    {"state.na", "na", true, napi_int32_array, true},
};

constexpr double kMaxUint32 = 4294967295.0;
constexpr double kMaxSafeInteger = 9007199254740991.0;

// ECMAScript ToUint32 of an integer-valued double, as `seed >>> 0` in rng.ts.
uint32_t toUint32(double v) {
  double m = std::fmod(std::trunc(v), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return static_cast<uint32_t>(m);
}

template <typename T>
atm::Span<T> span(void* data, size_t length) {
  return atm::Span<T>{static_cast<T*>(data), length};
}

}  // namespace

Napi::Function Trainer::Define(Napi::Env env) {
  return DefineClass(env, "Trainer",
                     {
                         InstanceMethod<&Trainer::Run>("run"),
                         InstanceMethod<&Trainer::Cancel>("cancel"),
                         InstanceMethod<&Trainer::LogLikelihood>("logLikelihood"),
                         InstanceAccessor<&Trainer::GetBusy>("busy"),
                         InstanceAccessor<&Trainer::GetThreads>("threads"),
                     });
}

Trainer::Trainer(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Trainer>(info), env_(info.Env()) {
  Napi::Env env = info.Env();
  const Napi::Object setup = expectObject(info[0], "setup");
  const Napi::Object state = expectObject(info[1], "state");
  numTopics_ = static_cast<uint32_t>(expectInteger(setup.Get("numTopics"), "setup.numTopics", 1, kMaxUint32));
  numTerms_ = static_cast<uint32_t>(expectInteger(setup.Get("numTerms"), "setup.numTerms", 1, kMaxUint32));
  numAuthors_ = static_cast<uint32_t>(expectInteger(setup.Get("numAuthors"), "setup.numAuthors", 1, kMaxUint32));
  holdArrays(setup, state);
  const double threads = expectInteger(info[2], "threads", 1, 4096);
  buildViews();
  if (threads != static_cast<double>(corpus_.workerOffsets.size) - 1)
    throwRange(env, atm::expected(std::to_string(corpus_.workerOffsets.size) + " - 1 (setup.workerOffsets.length - 1)",
                                  "threads", atm::formatNumber(threads)));
  checkNoOverlap(env);
  std::string problem = atm::checkCorpus(corpus_);
  if (problem.empty()) problem = atm::checkState(corpus_, state_);
  if (problem.empty()) problem = atm::checkCounts(corpus_, state_);
  if (!problem.empty()) throwRange(env, problem);
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  sampler_ = std::make_unique<atm::Sampler>(corpus_, hardware);
  sampler_->bind(corpus_, state_);
  control_ = std::make_shared<RunControl>();
  napi_add_env_cleanup_hook(env_, &Trainer::onEnvCleanup, this);
}

Trainer::~Trainer() { napi_remove_env_cleanup_hook(env_, &Trainer::onEnvCleanup, this); }

// The environment is going away: stop a run after its current sweep and never wait for the JS
// thread again.
void Trainer::onEnvCleanup(void* self) {
  Trainer* trainer = static_cast<Trainer*>(self);
  if (trainer->control_) trainer->control_->release();
}

void Trainer::holdArrays(const Napi::Object& setup, const Napi::Object& state) {
  for (int id = 0; id < kArrayCount; id++) {
    const ArraySpec& spec = kSpecs[id];
    const Napi::Object& owner = spec.inState ? state : setup;
    Napi::TypedArray array = expectTypedArray(owner.Get(spec.key), spec.type, spec.name);
    HeldArray& held = arrays_[id];
    held.ref = Napi::Persistent(static_cast<Napi::Object>(array));
    held.length = array.ElementLength();
    napi_typedarray_type type;
    size_t length;
    napi_value buffer;
    size_t offset;
    NAPI_THROW_IF_FAILED_VOID(Env(), napi_get_typedarray_info(Env(), array, &type, &length, &held.data, &buffer, &offset));
  }
}

// Views that the sampler writes must not share memory with any other view.
void Trainer::checkNoOverlap(const Napi::Env& env) const {
  for (int a = 0; a < kArrayCount; a++)
    for (int b = a + 1; b < kArrayCount; b++) {
      if (!kSpecs[a].written && !kSpecs[b].written) continue;
      const size_t bytesA = arrays_[a].length * (kSpecs[a].type == napi_float64_array ? 8 : 4);
      const size_t bytesB = arrays_[b].length * (kSpecs[b].type == napi_float64_array ? 8 : 4);
      const char* pa = static_cast<const char*>(arrays_[a].data);
      const char* pb = static_cast<const char*>(arrays_[b].data);
      if (bytesA == 0 || bytesB == 0) continue;
      if (pa < pb + bytesB && pb < pa + bytesA)
        throwRange(env, atm::expected(std::string("memory not shared with ") + kSpecs[b].name, kSpecs[a].name,
                                      "an overlapping view"));
    }
}

// Re-reads every array's pointer and length: a detached or resized buffer is an error, never a crash.
std::string Trainer::refreshViews() {
  Napi::Env env(env_);
  Napi::HandleScope scope(env);
  for (int id = 0; id < kArrayCount; id++) {
    HeldArray& held = arrays_[id];
    Napi::Value value = held.ref.Value();
    napi_typedarray_type type;
    size_t length = 0;
    void* data = nullptr;
    napi_value buffer;
    size_t offset;
    if (napi_get_typedarray_info(env_, value, &type, &length, &data, &buffer, &offset) != napi_ok)
      return atm::expected("a readable typed array", kSpecs[id].name, "an unreadable value");
    bool detached = false;
    napi_is_detached_arraybuffer(env_, buffer, &detached);
    if (detached || length != held.length)
      return atm::expected(atm::withArticle(typedArrayName(kSpecs[id].type)) + " of length " +
                               std::to_string(held.length) + " (as when the trainer was created)",
                           kSpecs[id].name, detached ? "a detached buffer" : "length " + std::to_string(length));
    held.data = data;
  }
  return {};
}

void Trainer::buildViews() {
  auto u32 = [&](ArrayId id) { return span<const uint32_t>(arrays_[id].data, arrays_[id].length); };
  corpus_.numTopics = numTopics_;
  corpus_.numTerms = numTerms_;
  corpus_.numAuthors = numAuthors_;
  corpus_.docOffsets = u32(kDocOffsets);
  corpus_.tokens = u32(kTokens);
  corpus_.docAuthorOffsets = u32(kDocAuthorOffsets);
  corpus_.docAuthors = u32(kDocAuthors);
  corpus_.docOrder = u32(kDocOrder);
  corpus_.workerOffsets = u32(kWorkerOffsets);
  corpus_.authorTokenOffsets = u32(kAuthorTokenOffsets);
  corpus_.authorTokens = u32(kAuthorTokens);
  state_.alpha = span<const double>(arrays_[kAlpha].data, arrays_[kAlpha].length);
  state_.beta = span<const double>(arrays_[kBeta].data, arrays_[kBeta].length);
  state_.z = span<uint32_t>(arrays_[kZ].data, arrays_[kZ].length);
  state_.y = span<uint32_t>(arrays_[kY].data, arrays_[kY].length);
  state_.nwk = span<int32_t>(arrays_[kNwk].data, arrays_[kNwk].length);
  state_.nk = span<int32_t>(arrays_[kNk].data, arrays_[kNk].length);
  state_.nak = span<int32_t>(arrays_[kNak].data, arrays_[kNak].length);
  state_.na = span<int32_t>(arrays_[kNa].data, arrays_[kNa].length);
}

std::string Trainer::rebind() {
  std::string problem = refreshViews();
  if (!problem.empty()) return problem;
  buildViews();
  sampler_->bind(corpus_, state_);
  return atm::checkState(corpus_, state_);
}

Napi::Value Trainer::Run(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (busy_)
    throw Napi::Error::New(env, "This trainer is already training: await the pending run() (or cancel() it) first");
  const double firstSweep = expectInteger(info[0], "firstSweep", 0, kMaxSafeInteger);
  const double sweeps = expectInteger(info[1], "sweeps", 0, kMaxUint32);
  const double seed = expectInteger(info[2], "seed", -kMaxSafeInteger, kMaxSafeInteger);
  if (!info[3].IsString()) throwType(env, "'dense' or 'mh'", "sampler", info[3]);
  const std::string kind = info[3].As<Napi::String>().Utf8Value();
  if (kind != "dense" && kind != "mh") throwRange(env, atm::expected("'dense' or 'mh'", "sampler", describe(info[3])));
  const bool mh = kind == "mh";
  double mhSteps = 0;
  if (mh || !info[4].IsUndefined()) mhSteps = expectInteger(info[4], "mhSteps", 0, kMaxUint32);
  const Napi::Value onSweep = info[5];
  if (!onSweep.IsUndefined() && !onSweep.IsNull() && !onSweep.IsFunction())
    throwType(env, "a function", "onSweep", onSweep);

  const std::string problem = rebind();
  if (!problem.empty()) throwRange(env, problem);
  Napi::Error callerError = Napi::Error::New(env, "Native training failed");
  if (sweeps == 0) {
    Napi::Promise::Deferred none = Napi::Promise::Deferred::New(env);
    none.Resolve(Napi::Number::New(env, 0));
    return none.Promise();
  }

  RunBaton baton;
  baton.sampler = sampler_.get();
  baton.control = control_;
  baton.firstSweep = static_cast<uint64_t>(firstSweep);
  baton.sweeps = static_cast<uint32_t>(sweeps);
  baton.params.seed = toUint32(seed);
  baton.params.kind = mh ? atm::SamplerKind::Mh : atm::SamplerKind::Dense;
  baton.params.mhSteps = static_cast<uint32_t>(mhSteps);
  baton.reportProgress = onSweep.IsFunction();

  control_->reset();
  sampler_->beginRun();
  auto* worker = new TrainWorker(env, this, info.This().As<Napi::Object>(), baton, onSweep, callerError);
  Napi::Promise promise = worker->promise();
  busy_ = true;
  worker->Queue();
  return promise;
}

Napi::Value Trainer::Cancel(const Napi::CallbackInfo& info) {
  if (busy_) control_->cancel();
  return info.Env().Undefined();
}

Napi::Value Trainer::LogLikelihood(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (busy_ && !inCallback_)
    throw Napi::Error::New(env, "This trainer is training: logLikelihood() is available between runs and inside onSweep");
  const std::string problem = refreshViews();
  if (!problem.empty()) throwRange(env, problem);
  buildViews();
  sampler_->bind(corpus_, state_);
  return Napi::Number::New(env, sampler_->logLikelihood());
}

Napi::Value Trainer::GetBusy(const Napi::CallbackInfo& info) { return Napi::Boolean::New(info.Env(), busy_); }

Napi::Value Trainer::GetThreads(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), corpus_.numWorkers());
}

}  // namespace atm_binding
