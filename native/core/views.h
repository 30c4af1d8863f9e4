// Non-owning views of the caller's arrays: the corpus layout (TrainingSetup in
// packages/core/src/backend.ts) and the sampler state (SamplerState). The caller owns every buffer
// and keeps it alive; the sampler reads the corpus and mutates the state in place.
#ifndef ATM_NATIVE_CORE_VIEWS_H_
#define ATM_NATIVE_CORE_VIEWS_H_

#include <cstddef>
#include <cstdint>

namespace atm {

// A pointer and an element count.
template <typename T>
struct Span {
  T* data = nullptr;
  size_t size = 0;
  T& operator[](size_t i) const { return data[i]; }
  bool empty() const { return size == 0; }
};

// Read-only corpus layout shared by every sweep.
struct CorpusView {
  uint32_t numTopics = 0;
  uint32_t numTerms = 0;
  uint32_t numAuthors = 0;
  // Token offsets per document, D + 1.
  Span<const uint32_t> docOffsets;
  // Term id of every token, N.
  Span<const uint32_t> tokens;
  // Author offsets per document, D + 1.
  Span<const uint32_t> docAuthorOffsets;
  Span<const uint32_t> docAuthors;
  // Documents in processing order grouped by worker: a permutation of 0..D-1.
  Span<const uint32_t> docOrder;
  // Worker t owns docOrder[workerOffsets[t] .. workerOffsets[t+1]); threads + 1.
  Span<const uint32_t> workerOffsets;
  // Token positions grouped by author, A + 1 offsets; empty when the MH author proposal has none.
  Span<const uint32_t> authorTokenOffsets;
  Span<const uint32_t> authorTokens;

  size_t numDocs() const { return docOffsets.size == 0 ? 0 : docOffsets.size - 1; }
  size_t numTokens() const { return tokens.size; }
  uint32_t numWorkers() const { return workerOffsets.size == 0 ? 0 : static_cast<uint32_t>(workerOffsets.size - 1); }
  bool hasAuthorTokens() const { return !authorTokenOffsets.empty(); }
};

// Mutable sampler state; counts are consistent with z and y between sweeps.
struct StateView {
  // Dirichlet prior on author-topic mixtures, K.
  Span<const double> alpha;
  // Symmetric Dirichlet prior on topic-term distributions, 1.
  Span<const double> beta;
  // Topic of each token, N.
  Span<uint32_t> z;
  // Position of each token's author within its document's author list, N.
  Span<uint32_t> y;
  // Term-topic counts, V x K term-major.
  Span<int32_t> nwk;
  // Tokens per topic, K.
  Span<int32_t> nk;
  // Author-topic counts, A x K.
  Span<int32_t> nak;
  // Tokens per author, A.
  Span<int32_t> na;
};

}  // namespace atm

#endif  // ATM_NATIVE_CORE_VIEWS_H_
