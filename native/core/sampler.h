// The collapsed Gibbs sampler of the author-topic model: the C++ twin of SweepKernel in
// packages/core/src/ts-backend.ts. Plain C++17: no binding types, no globals, no I/O.
//
// Bit-identity with the reference rests on three rules: the RNG stream of sweep s, worker t is
// Rng::forStream(seed, s, t) and draws happen in the same order; every floating-point expression is
// evaluated in the same order (compile with -ffp-contract=off, never -ffast-math); and no
// log/exp/pow appears in the sampled path. Values that the reference caches (1/(n_k+Vβ), the MH
// target of the current topic) are pure functions of the counts, so caching them differently
// changes no result.
#ifndef ATM_NATIVE_CORE_SAMPLER_H_
#define ATM_NATIVE_CORE_SAMPLER_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "alias.h"
#include "rng.h"
#include "views.h"
#include "worker-pool.h"

namespace atm {

// Exact collapsed Gibbs over all K topics, or Metropolis-Hastings with alias proposals.
enum class SamplerKind { Dense, Mh };

// What one sweep needs besides the corpus and the state.
struct SweepParams {
  uint32_t seed = 0;
  // Global sweep index: worker t draws from Rng::forStream(seed, sweepIndex, t).
  uint32_t sweepIndex = 0;
  SamplerKind kind = SamplerKind::Dense;
  // Metropolis-Hastings cycles (word proposal + author proposal) per token.
  uint32_t mhSteps = 0;
};

// Sums the reference computes once per run (TsBackend builds a new SweepKernel in every run()):
// Vβ and Σα. The priors themselves are read live at every sweep, as in the reference.
struct RunConstants {
  double vBeta = 0;
  double alphaSum = 0;
};

class Sampler {
 public:
  // Sizes the scratch space for `corpus` (which must have passed checkCorpus) and starts
  // min(workers, maxThreads) - 1 background threads when the corpus has several workers.
  Sampler(const CorpusView& corpus, unsigned maxThreads);

  // Points the sampler at the caller's buffers; they may move between runs, not their sizes (nor
  // the corpus contents, which are read-only for the sampler's lifetime).
  void bind(const CorpusView& corpus, const StateView& state);

  // Recomputes the per-run constants from the bound state. Call before the first sweep of a run.
  void beginRun();

  // One sweep over every document, in docOrder, by every worker.
  void sweep(const SweepParams& params);

  // Joint log p(w, z | y, α, β) of the bound state.
  double logLikelihood() const;

  unsigned threads() const { return pool_.size(); }

 private:
  // Per-thread work space.
  struct Scratch {
    // 1/(n_k + Vβ) of the worker's counts, and the same for n_k − 1 and n_k + 1, so moving a token
    // between topics needs no division on the critical path (the new neighbours are computed
    // while the next token samples). K each.
    std::vector<double> invDen, invDenBelow, invDenAbove;
    std::vector<double> authorWeight;  // n_ak + α_k of the current single author, K
    std::vector<double> phiTerm;       // (n_wk + β) / (n_k + Vβ) of the current token, K
    std::vector<double> cdf;           // running sums, maxAuthors * K
    AliasScratch alias;                // building alias rows
  };

  // The counts one worker samples against: the state's own, or a private copy.
  struct Counts {
    int32_t* nwk;
    int32_t* nk;
  };

  void buildAliasTables();
  void gatherAuthorTopics();
  void sampleRange(uint32_t worker, Rng& rng, Counts counts, Scratch& scratch, const SweepParams& params);
  void sampleDenseDoc(uint32_t d, Rng& rng, Counts counts, Scratch& scratch);
  // nextDoc: the document sampled next (for prefetching), or 0xffffffff.
  void sampleMhDoc(uint32_t d, uint32_t nextDoc, Rng& rng, Counts counts, uint32_t mhSteps);
  void sampleJointDoc(uint32_t d, Rng& rng, Counts counts, Scratch& scratch);

  CorpusView corpus_;
  StateView state_;
  uint32_t K_;
  RunConstants run_;
  WorkerPool pool_;
  std::vector<Scratch> scratch_;
  // Parallel sweeps: the counts at the sweep start, and one private copy per worker t >= 1
  // (worker 0 samples against the state's own arrays).
  std::vector<int32_t> snapshotNwk_, snapshotNk_;
  std::vector<std::vector<int32_t>> localNwk_, localNk_;
  // MH word proposal, rebuilt from the global counts at the start of every MH sweep: per term an
  // alias row over q_w(k) = (n_wk+β)/(n_k+Vβ) whose cells carry the stale n_wk, and the stale
  // denominators n_k+Vβ, so q is recomputed with the reference's own expression.
  std::vector<AliasCell> wordAlias_;
  std::vector<double> staleDen_;
  // MH α proposal: one row over α.
  std::vector<AliasCell> alphaAlias_;
  // MH author proposal: authorTopics_[j] = z[authorTokens[j]], kept current during MH sweeps (the
  // reference reads z[authorTokens[j]] directly; this copy turns that gather into a read of the
  // author's own contiguous slice), and authorTokenPos_[i] = j (or kNoPosition) to update it.
  std::vector<uint32_t> authorTopics_;
  std::vector<uint32_t> authorTokenPos_;
  bool authorTopicsCurrent_ = false;
};

}  // namespace atm

#endif  // ATM_NATIVE_CORE_SAMPLER_H_
