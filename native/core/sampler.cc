#include "sampler.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__GNUC__) || defined(__clang__) || defined(_MSC_VER)
#define ATM_RESTRICT __restrict
#else
#define ATM_RESTRICT
#endif

#if defined(__GNUC__) || defined(__clang__)
#define ATM_ALWAYS_INLINE __attribute__((always_inline))
#else
#define ATM_ALWAYS_INLINE
#endif

// An AVX2 build of the dense kernel beside the baseline one, picked at run time (x86-64, GCC/Clang).
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#define ATM_HAVE_AVX2_CLONE 1
#else
#define ATM_HAVE_AVX2_CLONE 0
#endif

namespace atm {

namespace {

constexpr uint32_t kNoPosition = 0xffffffffu;

unsigned poolSize(const CorpusView& corpus, unsigned maxThreads) {
  const unsigned workers = std::max(1u, corpus.numWorkers());
  return std::max(1u, std::min(workers, maxThreads));
}

// Chunks for splitting `n` items over the pool (a few per thread so uneven chunks even out).
size_t chunkCount(size_t n, unsigned threads) { return std::min<size_t>(n, threads == 1 ? 1 : threads * 4u); }

// The reference's 1 / (n_k + Vβ), for any count n.
inline double inverseDenominator(int32_t n, double vBeta) { return 1 / (n + vBeta); }

// 1/(n_k + Vβ) for the current counts and their neighbours n_k ± 1 (see Sampler::Scratch). Every
// value is the reference's expression for some integer count, so it is exactly what the reference
// computes when that count is current.
struct Denominators {
  double* ATM_RESTRICT current;
  double* ATM_RESTRICT below;
  double* ATM_RESTRICT above;
  double vBeta;

  void reset(const int32_t* nk, uint32_t K) const {
    for (uint32_t k = 0; k < K; k++) {
      below[k] = inverseDenominator(nk[k] - 1, vBeta);
      current[k] = inverseDenominator(nk[k], vBeta);
      above[k] = inverseDenominator(nk[k] + 1, vBeta);
    }
  }
  // n_k has just become `count` (one less).
  void removed(uint32_t k, int32_t count) const {
    above[k] = current[k];
    current[k] = below[k];
    below[k] = inverseDenominator(count - 1, vBeta);
  }
  // n_k has just become `count` (one more).
  void added(uint32_t k, int32_t count) const {
    below[k] = current[k];
    current[k] = above[k];
    above[k] = inverseDenominator(count + 1, vBeta);
  }
};

// Asks for the cache lines of [p, p + bytes) ahead of use (a hint; no effect on results).
inline void prefetch(const void* p, size_t bytes) {
#if defined(__GNUC__) || defined(__clang__)
  const char* c = static_cast<const char*>(p);
  for (size_t off = 0; off < bytes; off += 64) __builtin_prefetch(c + off, 1, 3);
#else
  (void)p;
  (void)bytes;
#endif
}

}  // namespace

Sampler::Sampler(const CorpusView& corpus, unsigned maxThreads)
    : corpus_(corpus), K_(corpus.numTopics), pool_(poolSize(corpus, maxThreads)) {
  const uint32_t K = K_;
  size_t maxAuthors = 1;
  for (size_t d = 0; d < corpus.numDocs(); d++)
    maxAuthors = std::max<size_t>(maxAuthors, corpus.docAuthorOffsets[d + 1] - corpus.docAuthorOffsets[d]);
  scratch_.resize(pool_.size());
  for (Scratch& s : scratch_) {
    s.invDen.assign(K, 0.0);
    s.invDenBelow.assign(K, 0.0);
    s.invDenAbove.assign(K, 0.0);
    s.authorWeight.assign(K, 0.0);
    s.phiTerm.assign(K, 0.0);
    s.cdf.assign(maxAuthors * K, 0.0);
    s.alias = AliasScratch(K);
  }
  if (corpus.hasAuthorTokens()) {
    authorTokenPos_.assign(corpus.numTokens(), kNoPosition);
    for (size_t j = 0; j < corpus.authorTokens.size; j++) authorTokenPos_[corpus.authorTokens[j]] = static_cast<uint32_t>(j);
    authorTopics_.assign(corpus.authorTokens.size, 0);
  }
  const uint32_t T = corpus.numWorkers();
  if (T > 1) {
    const size_t VK = static_cast<size_t>(corpus.numTerms) * K;
    snapshotNwk_.assign(VK, 0);
    snapshotNk_.assign(K, 0);
    localNwk_.assign(T - 1, std::vector<int32_t>(VK, 0));
    localNk_.assign(T - 1, std::vector<int32_t>(K, 0));
  }
}

void Sampler::bind(const CorpusView& corpus, const StateView& state) {
  corpus_ = corpus;
  state_ = state;
  // The caller may have written z since the last sweep.
  authorTopicsCurrent_ = false;
}

void Sampler::beginRun() {
  run_.vBeta = static_cast<double>(corpus_.numTerms) * state_.beta[0];
  double alphaSum = 0;
  for (uint32_t k = 0; k < K_; k++) alphaSum += state_.alpha[k];
  run_.alphaSum = alphaSum;
}

void Sampler::sweep(const SweepParams& params) {
  if (params.kind == SamplerKind::Mh) {
    buildAliasTables();
    if (!authorTopicsCurrent_) gatherAuthorTopics();
  } else {
    // Dense sweeps move single-author tokens without updating the author-proposal copy.
    authorTopicsCurrent_ = false;
  }
  const uint32_t T = corpus_.numWorkers();
  if (T == 1) {
    Rng rng = Rng::forStream(params.seed, params.sweepIndex, 0);
    sampleRange(0, rng, Counts{state_.nwk.data, state_.nk.data}, scratch_[0], params);
    return;
  }
  // AD-LDA: every worker samples against a private copy of the term-topic counts taken at the
  // sweep start; the copies are merged afterwards. Author counts need no copy: workers own
  // disjoint authors.
  const size_t VK = state_.nwk.size;
  const uint32_t K = K_;
  std::memcpy(snapshotNwk_.data(), state_.nwk.data, VK * sizeof(int32_t));
  std::memcpy(snapshotNk_.data(), state_.nk.data, K * sizeof(int32_t));
  pool_.run(T, [&](size_t t, unsigned thread) {
    Counts counts{state_.nwk.data, state_.nk.data};
    if (t > 0) {
      std::memcpy(localNwk_[t - 1].data(), snapshotNwk_.data(), VK * sizeof(int32_t));
      std::memcpy(localNk_[t - 1].data(), snapshotNk_.data(), K * sizeof(int32_t));
      counts = Counts{localNwk_[t - 1].data(), localNk_[t - 1].data()};
    }
    Rng rng = Rng::forStream(params.seed, params.sweepIndex, static_cast<uint32_t>(t));
    sampleRange(static_cast<uint32_t>(t), rng, counts, scratch_[thread], params);
  });
  // merged = snapshot + Σ_t (local_t − snapshot), with worker 0's local being the state itself.
  // Unsigned arithmetic wraps exactly like the reference's Int32Array stores.
  auto merge = [&](int32_t* merged, const int32_t* snapshot, const std::vector<std::vector<int32_t>>& locals,
                   size_t begin, size_t end) {
    for (const auto& local : locals) {
      const int32_t* l = local.data();
      for (size_t i = begin; i < end; i++)
        merged[i] = static_cast<int32_t>(static_cast<uint32_t>(merged[i]) + static_cast<uint32_t>(l[i]) -
                                         static_cast<uint32_t>(snapshot[i]));
    }
  };
  const size_t chunks = chunkCount(VK, pool_.size());
  pool_.run(chunks, [&](size_t c, unsigned) {
    merge(state_.nwk.data, snapshotNwk_.data(), localNwk_, VK * c / chunks, VK * (c + 1) / chunks);
  });
  merge(state_.nk.data, snapshotNk_.data(), localNk_, 0, K);
}

// Stale proposal tables for one MH sweep: per term q_w(k) = (n_wk+β)/(n_k+Vβ), and one over α.
void Sampler::buildAliasTables() {
  const uint32_t K = K_;
  const size_t V = corpus_.numTerms;
  wordAlias_.resize(V * K);
  alphaAlias_.resize(K);
  staleDen_.resize(K);
  const double beta = state_.beta[0];
  const double vBeta = run_.vBeta;
  const int32_t* nwk = state_.nwk.data;
  const int32_t* nk = state_.nk.data;
  for (uint32_t k = 0; k < K; k++) staleDen_[k] = nk[k] + vBeta;
  const size_t chunks = chunkCount(V, pool_.size());
  pool_.run(chunks, [&](size_t c, unsigned thread) {
    AliasScratch& scratch = scratch_[thread].alias;
    for (size_t w = V * c / chunks; w < V * (c + 1) / chunks; w++) {
      const int32_t* nw = nwk + w * K;
      for (uint32_t k = 0; k < K; k++) scratch.weight[k] = (nw[k] + beta) / (nk[k] + vBeta);
      buildAliasRow(K, scratch);
      AliasCell* row = wordAlias_.data() + w * K;
      for (uint32_t k = 0; k < K; k++) {
        AliasCell cell = encodeAliasCell(k, scratch);
        cell.count = nw[k];
        cell.aliasCount = nw[cell.alias];
        row[k] = cell;
      }
    }
  });
  AliasScratch& scratch = scratch_[0].alias;
  for (uint32_t k = 0; k < K; k++) scratch.weight[k] = state_.alpha[k];
  buildAliasRow(K, scratch);
  for (uint32_t k = 0; k < K; k++) alphaAlias_[k] = encodeAliasCell(k, scratch);
}

// authorTopics_[j] = z[authorTokens[j]].
void Sampler::gatherAuthorTopics() {
  const size_t n = authorTopics_.size();
  const uint32_t* tokens = corpus_.authorTokens.data;
  const uint32_t* z = state_.z.data;
  const size_t chunks = chunkCount(n, pool_.size());
  pool_.run(chunks, [&](size_t c, unsigned) {
    for (size_t j = n * c / chunks; j < n * (c + 1) / chunks; j++) authorTopics_[j] = z[tokens[j]];
  });
  authorTopicsCurrent_ = true;
}

void Sampler::sampleRange(uint32_t worker, Rng& rng, Counts counts, Scratch& scratch, const SweepParams& params) {
  // MH tokens do not maintain the denominators; a dense or joint document after them resets them.
  bool denominatorsStale = true;
  const uint32_t end = corpus_.workerOffsets[worker + 1];
  for (uint32_t p = corpus_.workerOffsets[worker]; p < end; p++) {
    const uint32_t d = corpus_.docOrder[p];
    const uint32_t numAuthors = corpus_.docAuthorOffsets[d + 1] - corpus_.docAuthorOffsets[d];
    if (numAuthors == 1 && params.kind == SamplerKind::Mh) {
      // The MH kernel prefetches ahead, across the document boundary too.
      const uint32_t nextDoc = p + 1 < end ? corpus_.docOrder[p + 1] : kNoPosition;
      sampleMhDoc(d, nextDoc, rng, counts, params.mhSteps);
      denominatorsStale = true;
      continue;
    }
    if (denominatorsStale) {
      Denominators{scratch.invDen.data(), scratch.invDenBelow.data(), scratch.invDenAbove.data(), run_.vBeta}.reset(counts.nk, K_);
      denominatorsStale = false;
    }
    if (numAuthors == 1) sampleDenseDoc(d, rng, counts, scratch);
    else sampleJointDoc(d, rng, counts, scratch);
  }
}

namespace {

// Everything the dense kernel touches for one document.
struct DenseDoc {
  uint32_t K;
  uint32_t begin, end;
  const uint32_t* tokens;
  uint32_t* z;
  int32_t* nwk;
  int32_t* nk;
  int32_t* nakA;
  const double* alpha;
  double beta;
  Denominators den;
  double* authorWeight;
  double* cdf;
};

// The single-author fast path: the exact conditional over all K topics,
//   p(k) ∝ (n_wk + β) · 1/(n_k + Vβ) · (n_ak + α_k),
// accumulated left to right into a cdf and searched with one uniform. The author's token count
// n_a is unchanged by a single-author token, so it is not touched, and y stays 0. KC > 0 fixes K
// at compile time (fully unrolled loops) for common topic counts; KC = 0 reads it at run time.
template <uint32_t KC>
ATM_ALWAYS_INLINE inline void sampleDenseKernel(const DenseDoc& a, Rng& rngRef) {
  const uint32_t K = KC ? KC : a.K;
  const uint32_t* ATM_RESTRICT tokens = a.tokens;
  uint32_t* ATM_RESTRICT z = a.z;
  int32_t* ATM_RESTRICT nk = a.nk;
  int32_t* ATM_RESTRICT nakA = a.nakA;
  const double* ATM_RESTRICT alpha = a.alpha;
  const double beta = a.beta;
  const Denominators den = a.den;
  const double* ATM_RESTRICT invDen = den.current;
  double* ATM_RESTRICT aw = a.authorWeight;
  double* ATM_RESTRICT cdf = a.cdf;
  for (uint32_t k = 0; k < K; k++) aw[k] = nakA[k] + alpha[k];
  Rng rng = rngRef;
  for (uint32_t i = a.begin; i < a.end; i++) {
    int32_t* ATM_RESTRICT nw = a.nwk + static_cast<size_t>(tokens[i]) * K;
    const uint32_t old = z[i];
    nw[old]--;
    den.removed(old, --nk[old]);
    aw[old] = --nakA[old] + alpha[old];

    // The terms are independent (and vectorise); only the running sum is sequential.
    for (uint32_t k = 0; k < K; k++) cdf[k] = (nw[k] + beta) * invDen[k] * aw[k];
    double sum = 0;
    for (uint32_t k = 0; k < K; k++) {
      sum += cdf[k];
      cdf[k] = sum;
    }
    const double u = rng.uniform() * sum;
    // The reference scans `while (k < K-1 && u >= cdf[k]) k++`. Every term is positive (the
    // counts are consistent, α and β positive), so cdf is non-decreasing and the k it stops at
    // is exactly the number of cdf[0..K-2] that are <= u: a branch-free count.
    uint32_t topic = 0;
    for (uint32_t k = 0; k + 1 < K; k++) topic += cdf[k] <= u;

    z[i] = topic;
    nw[topic]++;
    den.added(topic, ++nk[topic]);
    aw[topic] = ++nakA[topic] + alpha[topic];
  }
  rngRef = rng;
}

// The kernel for every K, with compile-time K for the common ones (fully unrolled loops).
#define ATM_DENSE_SWITCH(doc, rng)                                                                       \
  switch ((doc).K) {                                                                                      \
    ATM_DENSE_CASE(2) ATM_DENSE_CASE(3) ATM_DENSE_CASE(4) ATM_DENSE_CASE(5) ATM_DENSE_CASE(6)             \
    ATM_DENSE_CASE(8) ATM_DENSE_CASE(10) ATM_DENSE_CASE(12) ATM_DENSE_CASE(15) ATM_DENSE_CASE(16)         \
    ATM_DENSE_CASE(20) ATM_DENSE_CASE(25) ATM_DENSE_CASE(30) ATM_DENSE_CASE(32) ATM_DENSE_CASE(40)        \
    ATM_DENSE_CASE(50)                                                                                    \
    default:                                                                                              \
      return sampleDenseKernel<0>(doc, rng);                                                              \
  }
#define ATM_DENSE_CASE(KC) \
  case KC:                 \
    return sampleDenseKernel<KC>(doc, rng);

void sampleDenseBaseline(const DenseDoc& doc, Rng& rng) { ATM_DENSE_SWITCH(doc, rng) }

#if ATM_HAVE_AVX2_CLONE
// The same code compiled for AVX2 (4 doubles per instruction in the conditional's products and in
// the topic count), chosen at run time when the CPU has it. Results are bit-identical: only
// separate IEEE multiplies, adds and compares, no FMA (-ffp-contract=off) and the same order.
__attribute__((target("avx2"))) void sampleDenseAvx2(const DenseDoc& doc, Rng& rng) { ATM_DENSE_SWITCH(doc, rng) }
#endif
#undef ATM_DENSE_CASE
#undef ATM_DENSE_SWITCH

}  // namespace

void Sampler::sampleDenseDoc(uint32_t d, Rng& rng, Counts counts, Scratch& scratch) {
  const uint32_t K = K_;
  const DenseDoc doc{
      K,
      corpus_.docOffsets[d],
      corpus_.docOffsets[d + 1],
      corpus_.tokens.data,
      state_.z.data,
      counts.nwk,
      counts.nk,
      state_.nak.data + static_cast<size_t>(corpus_.docAuthors[corpus_.docAuthorOffsets[d]]) * K,
      state_.alpha.data,
      state_.beta[0],
      Denominators{scratch.invDen.data(), scratch.invDenBelow.data(), scratch.invDenAbove.data(), run_.vBeta},
      scratch.authorWeight.data(),
      scratch.cdf.data(),
  };
#if ATM_HAVE_AVX2_CLONE
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return sampleDenseAvx2(doc, rng);
#endif
  sampleDenseBaseline(doc, rng);
}

// Multi-author documents: the joint draw of (author, topic) ∝ (n_wk+β)/(n_k+Vβ) · (n_ak+α_k)/(n_a+Σα).
void Sampler::sampleJointDoc(uint32_t d, Rng& rngRef, Counts counts, Scratch& scratch) {
  const uint32_t K = K_;
  const double beta = state_.beta[0];
  const double alphaSum = run_.alphaSum;
  const double* ATM_RESTRICT alpha = state_.alpha.data;
  const uint32_t* ATM_RESTRICT authors = corpus_.docAuthors.data + corpus_.docAuthorOffsets[d];
  const uint32_t numAuthors = corpus_.docAuthorOffsets[d + 1] - corpus_.docAuthorOffsets[d];
  uint32_t* ATM_RESTRICT z = state_.z.data;
  uint32_t* ATM_RESTRICT y = state_.y.data;
  int32_t* ATM_RESTRICT nk = counts.nk;
  int32_t* ATM_RESTRICT nak = state_.nak.data;
  int32_t* ATM_RESTRICT na = state_.na.data;
  const Denominators den{scratch.invDen.data(), scratch.invDenBelow.data(), scratch.invDenAbove.data(), run_.vBeta};
  const double* ATM_RESTRICT invDen = den.current;
  double* ATM_RESTRICT phi = scratch.phiTerm.data();
  double* ATM_RESTRICT cdf = scratch.cdf.data();
  Rng rng = rngRef;
  const uint32_t end = corpus_.docOffsets[d + 1];
  for (uint32_t i = corpus_.docOffsets[d]; i < end; i++) {
    int32_t* ATM_RESTRICT nw = counts.nwk + static_cast<size_t>(corpus_.tokens[i]) * K;
    const uint32_t old = z[i];
    const uint32_t oldAuthor = authors[y[i]];
    nw[old]--;
    den.removed(old, --nk[old]);
    nak[static_cast<size_t>(oldAuthor) * K + old]--;
    na[oldAuthor]--;

    for (uint32_t k = 0; k < K; k++) phi[k] = (nw[k] + beta) * invDen[k];
    double sum = 0;
    for (uint32_t j = 0; j < numAuthors; j++) {
      const uint32_t a = authors[j];
      const int32_t* ATM_RESTRICT nakA = nak + static_cast<size_t>(a) * K;
      const double inv = 1 / (na[a] + alphaSum);
      double* ATM_RESTRICT c = cdf + static_cast<size_t>(j) * K;
      for (uint32_t k = 0; k < K; k++) {
        sum += phi[k] * (nakA[k] + alpha[k]) * inv;
        c[k] = sum;
      }
    }
    const double u = rng.uniform() * sum;
    const uint32_t last = numAuthors * K - 1;
    uint32_t idx = 0;
    while (idx < last && u >= cdf[idx]) idx++;
    const uint32_t authorPos = idx / K;
    const uint32_t topic = idx - authorPos * K;

    const uint32_t newAuthor = authors[authorPos];
    z[i] = topic;
    y[i] = authorPos;
    nw[topic]++;
    den.added(topic, ++nk[topic]);
    nak[static_cast<size_t>(newAuthor) * K + topic]++;
    na[newAuthor]++;
  }
  rngRef = rng;
}

// Metropolis-Hastings with a stale word proposal (alias table) and an author proposal that copies
// the topic of a random token of the same author (or draws from α), as in LightLDA. The target is
// the exact conditional; only ratios of it are needed. Within one token the counts do not change,
// so the target and the word-proposal weight of the current topic are cached across steps:
// recomputing them would give the same values.
void Sampler::sampleMhDoc(uint32_t d, uint32_t nextDoc, Rng& rngRef, Counts counts, uint32_t mhSteps) {
  const uint32_t K = K_;
  const double beta = state_.beta[0];
  const double vBeta = run_.vBeta;
  const double* ATM_RESTRICT alpha = state_.alpha.data;
  const double* ATM_RESTRICT staleDen = staleDen_.data();
  const uint32_t author = corpus_.docAuthors[corpus_.docAuthorOffsets[d]];
  int32_t* ATM_RESTRICT nakA = state_.nak.data + static_cast<size_t>(author) * K;
  int32_t* ATM_RESTRICT nk = counts.nk;
  uint32_t* ATM_RESTRICT z = state_.z.data;
  const uint32_t* ATM_RESTRICT tokens = corpus_.tokens.data;
  const AliasCell* ATM_RESTRICT alphaRow = alphaAlias_.data();
  const AliasCell* wordAlias = wordAlias_.data();

  // Without authorTokenOffsets the reference computes u from NaN (undefined offsets), so
  // `u < tokCount` is false and the α proposal is always taken; one uniform is still drawn.
  const bool haveTokens = corpus_.hasAuthorTokens();
  const uint32_t tokBegin = haveTokens ? corpus_.authorTokenOffsets[author] : 0;
  const uint32_t tokCount = haveTokens ? corpus_.authorTokenOffsets[author + 1] - tokBegin : 0;
  const double authorMass = tokCount + run_.alphaSum;
  uint32_t* ATM_RESTRICT authorTopics = haveTokens ? authorTopics_.data() : nullptr;
  const uint32_t* ATM_RESTRICT tokenPos = haveTokens ? authorTokenPos_.data() : nullptr;

  // The author proposal reads this author's topics at random: fetch (the start of) the slice.
  if (haveTokens) prefetch(authorTopics + tokBegin, std::min<size_t>(tokCount, 256) * sizeof(uint32_t));
  // The token after this document's last one: the next document's first, if it has tokens.
  const uint32_t end = corpus_.docOffsets[d + 1];
  uint32_t after = kNoPosition;
  if (nextDoc != kNoPosition) {
    if (corpus_.docOffsets[nextDoc + 1] > corpus_.docOffsets[nextDoc]) after = corpus_.docOffsets[nextDoc];
    const uint32_t nextAuthor = corpus_.docAuthors[corpus_.docAuthorOffsets[nextDoc]];
    prefetch(state_.nak.data + static_cast<size_t>(nextAuthor) * K, K * sizeof(int32_t));
  }
  Rng rng = rngRef;
  for (uint32_t i = corpus_.docOffsets[d]; i < end; i++) {
    const uint32_t w = tokens[i];
    const uint32_t nextToken = i + 1 < end ? i + 1 : after;
    int32_t* ATM_RESTRICT nw = counts.nwk + static_cast<size_t>(w) * K;
    const AliasCell* ATM_RESTRICT row = wordAlias + static_cast<size_t>(w) * K;
    // The next token reads its term-topic row at random columns and the alias cell of its current
    // topic (for the word proposal's q): fetch both while this token samples.
    if (nextToken != kNoPosition) {
      const size_t next = static_cast<size_t>(tokens[nextToken]) * K;
      prefetch(counts.nwk + next, K * sizeof(int32_t));
      prefetch(wordAlias + next + z[nextToken], sizeof(AliasCell));
    }
    const uint32_t old = z[i];
    nw[old]--;
    nk[old]--;
    nakA[old]--;

    auto target = [&](uint32_t k) { return ((nw[k] + beta) / (nk[k] + vBeta)) * (nakA[k] + alpha[k]); };
    const uint32_t pos = haveTokens ? tokenPos[i] : kNoPosition;
    uint32_t s = old;
    double piS = 0;
    bool havePiS = false;
    double qWordS = 0;
    bool haveQWordS = false;
    for (uint32_t step = 0; step < mhSteps; step++) {
      // Word proposal: q(k) ∝ stale (n_wk+β)/(n_k+Vβ).
      int32_t staleCount;
      uint32_t t = sampleAliasRow(row, K, rng, staleCount);
      // The next word proposal (this token's next step, or the next token's first) draws its
      // column 1 to 5 words further down the stream, most often 1 to 3: peek at those words and
      // fetch the candidate cells now, so the proposal does not wait on memory. Only a hint.
      const AliasCell* nextRow = step + 1 < mhSteps            ? row
                                 : nextToken != kNoPosition ? wordAlias + static_cast<size_t>(tokens[nextToken]) * K
                                                            : nullptr;
      if (nextRow != nullptr) {
        Rng peek = rng;
        peek.nextU32();
        for (int ahead = 0; ahead < 3; ahead++)
          prefetch(nextRow + ((static_cast<uint64_t>(peek.nextU32()) * K) >> 32), sizeof(AliasCell));
      }
      if (t != s) {
        if (!havePiS) piS = target(s), havePiS = true;
        if (!haveQWordS) qWordS = (row[s].count + beta) / staleDen[s], haveQWordS = true;
        const double piT = target(t);
        const double qT = (staleCount + beta) / staleDen[t];
        if (rng.uniform() * (piS * qT) < piT * qWordS) s = t, piS = piT, qWordS = qT;
      }
      // Author proposal: q(k) ∝ n_ak (this token counted at its old topic) + α_k.
      const double u = rng.uniform() * authorMass;
      if (haveTokens && u < tokCount) {
        const uint32_t j = tokBegin + static_cast<uint32_t>(std::floor(u));
        t = j == pos ? old : authorTopics[j];
      } else {
        int32_t unused;
        t = sampleAliasRow(alphaRow, K, rng, unused);
      }
      if (t != s) {
        if (!havePiS) piS = target(s), havePiS = true;
        const double piT = target(t);
        const double qS = (nakA[s] + (s == old ? 1 : 0)) + alpha[s];
        const double qT = (nakA[t] + (t == old ? 1 : 0)) + alpha[t];
        if (rng.uniform() * (piS * qT) < piT * qS) s = t, piS = piT, haveQWordS = false;
      }
    }
    z[i] = s;
    if (pos != kNoPosition) authorTopics[pos] = s;
    nw[s]++;
    nk[s]++;
    nakA[s]++;
  }
  rngRef = rng;
}

double Sampler::logLikelihood() const {
  const uint32_t K = K_;
  const size_t V = corpus_.numTerms;
  const size_t A = corpus_.numAuthors;
  const double beta = state_.beta[0];
  const double vBeta = static_cast<double>(V) * beta;
  const double lgBeta = std::lgamma(beta);
  // Zero counts contribute lgamma(x) − lgamma(x) = 0 and are skipped.
  double ll = 0;
  for (uint32_t k = 0; k < K; k++) ll += std::lgamma(vBeta) - std::lgamma(state_.nk[k] + vBeta);
  for (size_t j = 0; j < V * K; j++)
    if (state_.nwk[j] != 0) ll += std::lgamma(state_.nwk[j] + beta) - lgBeta;
  double alphaSum = 0;
  std::vector<double> lgAlpha(K);
  for (uint32_t k = 0; k < K; k++) {
    alphaSum += state_.alpha[k];
    lgAlpha[k] = std::lgamma(state_.alpha[k]);
  }
  const double lgAlphaSum = std::lgamma(alphaSum);
  for (size_t a = 0; a < A; a++) {
    if (state_.na[a] == 0) continue;
    ll += lgAlphaSum - std::lgamma(state_.na[a] + alphaSum);
    const int32_t* nakA = state_.nak.data + a * K;
    for (uint32_t k = 0; k < K; k++)
      if (nakA[k] != 0) ll += std::lgamma(nakA[k] + state_.alpha[k]) - lgAlpha[k];
  }
  return ll;
}

}  // namespace atm
