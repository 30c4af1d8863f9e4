// The atm_native addon: exports the Trainer class (binding/trainer.h).
#include <napi.h>

#include "trainer.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("Trainer", atm_binding::Trainer::Define(env));
  return exports;
}

}  // namespace

NODE_API_MODULE(atm_native, Init)
