// Vose alias tables over K outcomes: the twin of AliasTables in packages/core/src/ts-backend.ts.
//
// buildAliasRow follows the reference step by step (same sums, same stack discipline), so both
// languages derive identical probabilities from identical weights. The stored cell is compact:
// the reference's test `uniform() < prob` with uniform() = u32 · 2^-32 is exactly
// `u32 < ceil(prob · 2^32)` (scaling by 2^32 is exact), so a cell keeps that integer threshold.
// When the threshold would be 2^32 or more (prob >= 1, or prob within 2^-32 of 1) the draw always
// keeps column i: the cell then stores threshold 0 with alias = i, which gives i either way. The
// same two RNG draws are consumed as in the reference.
#ifndef ATM_NATIVE_CORE_ALIAS_H_
#define ATM_NATIVE_CORE_ALIAS_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "rng.h"

namespace atm {

// One column of one row, 16 bytes. `count` and `aliasCount` are a payload for the caller: the MH
// word proposal keeps the stale n_wk of the column and of its alias there, from which it
// recomputes the proposal weight q exactly, so a proposal touches a single cache line.
struct AliasCell {
  uint32_t threshold;
  uint32_t alias;
  int32_t count;
  int32_t aliasCount;
};

// Work space for building one row; one per thread.
struct AliasScratch {
  std::vector<double> weight;
  std::vector<double> prob;
  std::vector<uint32_t> alias;
  std::vector<uint32_t> small;
  std::vector<uint32_t> large;
  explicit AliasScratch(size_t K = 0) : weight(K), prob(K), alias(K), small(K), large(K) {}
};

// Builds scratch.prob and scratch.alias from scratch.weight[0..K), exactly as the reference.
inline void buildAliasRow(uint32_t K, AliasScratch& s) {
  const double* weight = s.weight.data();
  double* prob = s.prob.data();
  uint32_t* alias = s.alias.data();
  uint32_t* small = s.small.data();
  uint32_t* large = s.large.data();
  double sum = 0;
  for (uint32_t k = 0; k < K; k++) sum += weight[k];
  const double scale = static_cast<double>(K) / sum;
  uint32_t ns = 0;
  uint32_t nl = 0;
  for (uint32_t k = 0; k < K; k++) {
    const double p = weight[k] * scale;
    prob[k] = p;
    alias[k] = k;
    if (p < 1) small[ns++] = k;
    else large[nl++] = k;
  }
  while (ns > 0 && nl > 0) {
    const uint32_t l = small[--ns];
    const uint32_t g = large[--nl];
    alias[l] = g;
    const double rest = prob[g] + prob[l] - 1;
    prob[g] = rest;
    if (rest < 1) small[ns++] = g;
    else large[nl++] = g;
  }
  while (nl > 0) prob[large[--nl]] = 1;
  while (ns > 0) prob[small[--ns]] = 1;
}

// Encodes column k of the row just built into a cell (payload left to the caller).
inline AliasCell encodeAliasCell(uint32_t k, const AliasScratch& s) {
  const double threshold = std::ceil(s.prob[k] * 4294967296.0);
  if (!(threshold < 4294967296.0)) return AliasCell{0, k, 0, 0};
  return AliasCell{static_cast<uint32_t>(threshold), s.alias[k], 0, 0};
}

// One draw from a row: a uniform column (`below`), then its threshold (one more word). `count`
// receives the payload of the outcome drawn.
inline uint32_t sampleAliasRow(const AliasCell* row, uint32_t K, Rng& rng, int32_t& count) {
  const uint32_t i = rng.below(K);
  const AliasCell& cell = row[i];
  if (rng.nextU32() < cell.threshold) {
    count = cell.count;
    return i;
  }
  count = cell.aliasCount;
  return cell.alias;
}

}  // namespace atm

#endif  // ATM_NATIVE_CORE_ALIAS_H_
