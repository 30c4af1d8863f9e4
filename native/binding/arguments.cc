#include "arguments.h"

#include <cmath>

#include "../core/validate.h"

namespace atm_binding {

const char* typedArrayName(napi_typedarray_type type) {
  switch (type) {
    case napi_int8_array: return "Int8Array";
    case napi_uint8_array: return "Uint8Array";
    case napi_uint8_clamped_array: return "Uint8ClampedArray";
    case napi_int16_array: return "Int16Array";
    case napi_uint16_array: return "Uint16Array";
    case napi_int32_array: return "Int32Array";
    case napi_uint32_array: return "Uint32Array";
    case napi_float32_array: return "Float32Array";
    case napi_float64_array: return "Float64Array";
    case napi_bigint64_array: return "BigInt64Array";
    case napi_biguint64_array: return "BigUint64Array";
    default: return "TypedArray";
  }
}

std::string describe(const Napi::Value& value) {
  switch (value.Type()) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return value.As<Napi::Boolean>().Value() ? "true" : "false";
    case napi_number: return atm::formatNumber(value.As<Napi::Number>().DoubleValue());
    case napi_string: return "\"" + value.As<Napi::String>().Utf8Value() + "\"";
    case napi_function: return "function";
    case napi_object: {
      if (value.IsTypedArray()) return typedArrayName(value.As<Napi::TypedArray>().TypedArrayType());
      if (value.IsArray()) return "array(" + std::to_string(value.As<Napi::Array>().Length()) + ")";
      Napi::Value ctor = value.As<Napi::Object>().Get("constructor");
      if (ctor.IsFunction()) {
        Napi::Value name = ctor.As<Napi::Object>().Get("name");
        if (name.IsString()) return name.As<Napi::String>().Utf8Value();
      }
      return "object";
    }
    default: return "a value of another type";
  }
}

void throwType(const Napi::Env& env, const std::string& what, const std::string& name, const Napi::Value& value) {
  throw Napi::TypeError::New(env, atm::expected(what, name, describe(value)));
}

void throwRange(const Napi::Env& env, const std::string& message) { throw Napi::RangeError::New(env, message); }

bool isInteger(const Napi::Value& value) {
  if (!value.IsNumber()) return false;
  const double v = value.As<Napi::Number>().DoubleValue();
  return std::isfinite(v) && std::floor(v) == v;
}

double expectInteger(const Napi::Value& value, const std::string& name, double min, double max) {
  const std::string what = "an integer from " + atm::formatNumber(min) + " to " + atm::formatNumber(max);
  if (!value.IsNumber()) throwType(value.Env(), what, name, value);
  const double v = value.As<Napi::Number>().DoubleValue();
  if (!isInteger(value) || v < min || v > max) throwRange(value.Env(), atm::expected(what, name, describe(value)));
  return v;
}

Napi::Object expectObject(const Napi::Value& value, const std::string& name) {
  if (!value.IsObject() || value.IsArray() || value.IsFunction()) throwType(value.Env(), "an object", name, value);
  return value.As<Napi::Object>();
}

Napi::TypedArray expectTypedArray(const Napi::Value& value, napi_typedarray_type type, const std::string& name) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != type)
    throwType(value.Env(), atm::withArticle(typedArrayName(type)), name, value);
  return value.As<Napi::TypedArray>();
}

}  // namespace atm_binding
