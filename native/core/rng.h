// xoshiro128** with splitmix32 seeding: the exact twin of packages/core/src/rng.ts.
//
// Only 32-bit unsigned arithmetic is used, so both languages produce the same stream bit for bit.
// Streams are keyed by (seed, a, b); the sampler uses (seed, sweep, worker).
#ifndef ATM_NATIVE_CORE_RNG_H_
#define ATM_NATIVE_CORE_RNG_H_

#include <cmath>
#include <cstdint>

namespace atm {

// 2^-32: scales a 32-bit word into [0, 1) exactly.
constexpr double kTwoPowMinus32 = 2.3283064365386963e-10;

// murmur3's 32-bit finalizer.
inline uint32_t fmix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  return h ^ (h >> 16);
}

// The 32-bit key of stream (seed, a, b).
inline uint32_t streamKey(uint32_t seed, uint32_t a, uint32_t b) {
  uint32_t h = fmix32(seed ^ 0x9e3779b9u);
  h = fmix32(h ^ a);
  return fmix32((h + 0x632be5abu) ^ b);
}

inline uint32_t rotl32(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

class Rng {
 public:
  // splitmix32 expands one word into the four state words.
  explicit Rng(uint32_t seed) {
    uint32_t x = seed;
    x += 0x9e3779b9u;
    s0_ = fmix32(x);
    x += 0x9e3779b9u;
    s1_ = fmix32(x);
    x += 0x9e3779b9u;
    s2_ = fmix32(x);
    x += 0x9e3779b9u;
    s3_ = fmix32(x);
    if ((s0_ | s1_ | s2_ | s3_) == 0) s0_ = 1;
  }

  static Rng forStream(uint32_t seed, uint32_t a, uint32_t b) { return Rng(streamKey(seed, a, b)); }

  // Next raw 32-bit output.
  uint32_t nextU32() {
    const uint32_t result = rotl32(s1_ * 5u, 7) * 9u;
    const uint32_t t = s1_ << 9;
    s2_ ^= s0_;
    s3_ ^= s1_;
    s1_ ^= s2_;
    s0_ ^= s3_;
    s2_ ^= t;
    s3_ = rotl32(s3_, 11);
    return result;
  }

  // Uniform double in [0, 1) with 32 bits of resolution.
  double uniform() { return static_cast<double>(nextU32()) * kTwoPowMinus32; }

  // Uniform integer in [0, n): floor(u32 * 2^-32 * n) in double, clamped below n.
  uint32_t below(uint32_t n) {
    const double r = std::floor(static_cast<double>(nextU32()) * kTwoPowMinus32 * static_cast<double>(n));
    return r < static_cast<double>(n) ? static_cast<uint32_t>(r) : n - 1;
  }

 private:
  uint32_t s0_, s1_, s2_, s3_;
};

}  // namespace atm

#endif  // ATM_NATIVE_CORE_RNG_H_
