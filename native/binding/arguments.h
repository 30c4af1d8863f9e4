// Argument checks for the binding: tiny named predicates and one message builder
// (atm::expected: `Expected <what> for <name> but received <value>`). Type mismatches throw a
// JS TypeError, bad values a RangeError.
#ifndef ATM_NATIVE_BINDING_ARGUMENTS_H_
#define ATM_NATIVE_BINDING_ARGUMENTS_H_

#include <napi.h>

#include <cstdint>
#include <string>

namespace atm_binding {

// How a value is shown in messages: strings quoted, typed arrays and objects by constructor name.
std::string describe(const Napi::Value& value);

const char* typedArrayName(napi_typedarray_type type);

[[noreturn]] void throwType(const Napi::Env& env, const std::string& what, const std::string& name,
                            const Napi::Value& value);
[[noreturn]] void throwRange(const Napi::Env& env, const std::string& message);

bool isInteger(const Napi::Value& value);

// A number that is an integer in [min, max].
double expectInteger(const Napi::Value& value, const std::string& name, double min, double max);

// An object (for setup and state).
Napi::Object expectObject(const Napi::Value& value, const std::string& name);

// A typed array of exactly the given element type.
Napi::TypedArray expectTypedArray(const Napi::Value& value, napi_typedarray_type type, const std::string& name);

}  // namespace atm_binding

#endif  // ATM_NATIVE_BINDING_ARGUMENTS_H_
