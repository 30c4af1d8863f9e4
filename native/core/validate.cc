#include "validate.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace atm {

namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

std::string at(const char* name, size_t index) { return std::string(name) + "[" + std::to_string(index) + "]"; }

std::string num(size_t v) { return std::to_string(v); }

std::string checkLength(size_t actual, size_t wanted, const char* type, const char* name, const char* why) {
  if (actual == wanted) return {};
  return expected(withArticle(type) + " of length " + num(wanted) + " (" + why + ")", name,
                  "length " + num(actual));
}

// offsets[0] == 0, non-decreasing, offsets[last] == total.
std::string checkOffsets(Span<const uint32_t> offsets, size_t total, const char* name, const char* totalName) {
  if (offsets.size == 0) return {};
  if (offsets[0] != 0) return expected("0 (offsets start at 0)", at(name, 0), num(offsets[0]));
  for (size_t i = 1; i < offsets.size; i++)
    if (offsets[i] < offsets[i - 1])
      return expected("non-decreasing offsets (at least " + num(offsets[i - 1]) + ")", at(name, i), num(offsets[i]));
  const size_t last = offsets.size - 1;
  if (offsets[last] != total)
    return expected(num(total) + " (the length of " + totalName + ")", at(name, last), num(offsets[last]));
  return {};
}

std::string checkIds(Span<const uint32_t> ids, size_t limit, const char* what, const char* limitName, const char* name) {
  for (size_t i = 0; i < ids.size; i++)
    if (ids[i] >= limit)
      return expected(std::string(what) + " below " + num(limit) + " (" + limitName + ")", at(name, i), num(ids[i]));
  return {};
}

std::string checkPositiveFinite(Span<const double> values, const char* name) {
  for (size_t i = 0; i < values.size; i++)
    if (!(std::isfinite(values[i]) && values[i] > 0))
      return expected("a positive finite number", at(name, i), formatNumber(values[i]));
  return {};
}

std::string checkCount(const std::vector<int32_t>& want, Span<int32_t> have, const char* name) {
  for (size_t i = 0; i < have.size; i++)
    if (have[i] != want[i])
      return expected(num(static_cast<size_t>(want[i])) + " (the count implied by z and y)", at(name, i),
                      std::to_string(have[i]));
  return {};
}

}  // namespace

std::string expected(const std::string& what, const std::string& name, const std::string& received) {
  return "Expected " + what + " for " + name + " but received " + received;
}

std::string withArticle(const std::string& noun) {
  const bool vowel = !noun.empty() && std::string("AEIOaeio").find(noun[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + noun;
}

std::string formatNumber(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  if (value == std::floor(value) && std::fabs(value) < 1e21) std::snprintf(buf, sizeof buf, "%.0f", value);
  else std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

std::string checkCorpus(const CorpusView& c) {
  if (c.numTopics == 0) return expected("a positive integer", "setup.numTopics", "0");
  if (c.numTerms == 0) return expected("a positive integer", "setup.numTerms", "0");
  if (c.numAuthors == 0) return expected("a positive integer", "setup.numAuthors", "0");
  if (c.docOffsets.size == 0)
    return expected("a Uint32Array of length at least 1 (numDocs + 1)", "setup.docOffsets", "length 0");
  const size_t D = c.numDocs();
  const size_t N = c.numTokens();
  std::string e;
  if (!(e = checkLength(c.docAuthorOffsets.size, D + 1, "Uint32Array", "setup.docAuthorOffsets",
                        "numDocs + 1 = setup.docOffsets.length")).empty())
    return e;
  if (!(e = checkLength(c.docOrder.size, D, "Uint32Array", "setup.docOrder", "numDocs")).empty()) return e;
  if (c.workerOffsets.size < 2)
    return expected("a Uint32Array of length at least 2 (threads + 1)", "setup.workerOffsets",
                    "length " + num(c.workerOffsets.size));
  if (!(e = checkOffsets(c.docOffsets, N, "setup.docOffsets", "setup.tokens")).empty()) return e;
  if (!(e = checkOffsets(c.docAuthorOffsets, c.docAuthors.size, "setup.docAuthorOffsets", "setup.docAuthors")).empty())
    return e;
  for (size_t d = 0; d < D; d++)
    if (c.docAuthorOffsets[d + 1] == c.docAuthorOffsets[d])
      return expected("an offset above " + num(c.docAuthorOffsets[d]) + " (document " + num(d) +
                          " needs at least one author)",
                      at("setup.docAuthorOffsets", d + 1), num(c.docAuthorOffsets[d + 1]));
  if (!(e = checkIds(c.tokens, c.numTerms, "a term id", "numTerms", "setup.tokens")).empty()) return e;
  if (!(e = checkIds(c.docAuthors, c.numAuthors, "an author id", "numAuthors", "setup.docAuthors")).empty()) return e;

  // docOrder is a permutation of 0..D-1.
  std::vector<uint32_t> owner(D, kNone);
  for (size_t p = 0; p < D; p++) {
    const uint32_t d = c.docOrder[p];
    if (d >= D) return expected("a document index below " + num(D) + " (numDocs)", at("setup.docOrder", p), num(d));
    if (owner[d] != kNone)
      return expected("a permutation of 0.." + num(D - 1) + " (document " + num(d) + " appears twice)",
                      at("setup.docOrder", p), num(d));
    owner[d] = 0;
  }

  // Workers own contiguous slices of docOrder and disjoint sets of authors.
  if (!(e = checkOffsets(c.workerOffsets, D, "setup.workerOffsets", "setup.docOrder")).empty()) return e;
  const uint32_t T = c.numWorkers();
  if (T > 1) {
    std::vector<uint32_t> authorWorker(c.numAuthors, kNone);
    for (uint32_t t = 0; t < T; t++)
      for (size_t p = c.workerOffsets[t]; p < c.workerOffsets[t + 1]; p++) {
        const uint32_t d = c.docOrder[p];
        for (size_t j = c.docAuthorOffsets[d]; j < c.docAuthorOffsets[d + 1]; j++) {
          const uint32_t a = c.docAuthors[j];
          if (authorWorker[a] == kNone) authorWorker[a] = t;
          else if (authorWorker[a] != t)
            return expected("workers that own disjoint authors", at("setup.docOrder", p),
                            "document " + num(d) + " of worker " + num(t) + " whose author " + num(a) +
                                " also belongs to worker " + num(authorWorker[a]));
        }
      }
  }

  // The MH author proposal: tokens grouped by author, each in a single-author document of that author.
  if (!c.authorTokenOffsets.empty()) {
    if (!(e = checkLength(c.authorTokenOffsets.size, static_cast<size_t>(c.numAuthors) + 1, "Uint32Array",
                          "setup.authorTokenOffsets", "numAuthors + 1, or 0 without an MH author proposal"))
             .empty())
      return e;
    if (!(e = checkOffsets(c.authorTokenOffsets, c.authorTokens.size, "setup.authorTokenOffsets", "setup.authorTokens"))
             .empty())
      return e;
    std::vector<uint32_t> tokenAuthor(N, kNone);
    for (size_t d = 0; d < D; d++)
      if (c.docAuthorOffsets[d + 1] - c.docAuthorOffsets[d] == 1)
        for (size_t i = c.docOffsets[d]; i < c.docOffsets[d + 1]; i++) tokenAuthor[i] = c.docAuthors[c.docAuthorOffsets[d]];
    std::vector<bool> listed(N, false);
    for (uint32_t a = 0; a < c.numAuthors; a++)
      for (size_t j = c.authorTokenOffsets[a]; j < c.authorTokenOffsets[a + 1]; j++) {
        const uint32_t tok = c.authorTokens[j];
        if (tok >= N) return expected("a token position below " + num(N) + " (numTokens)", at("setup.authorTokens", j), num(tok));
        if (tokenAuthor[tok] != a)
          return expected("a token of a single-author document of author " + num(a), at("setup.authorTokens", j),
                          "token " + num(tok) + (tokenAuthor[tok] == kNone ? " of a multi-author document"
                                                                            : " of author " + num(tokenAuthor[tok])));
        if (listed[tok])
          return expected("each token listed at most once", at("setup.authorTokens", j), "token " + num(tok) + " again");
        listed[tok] = true;
      }
  }
  return {};
}

std::string checkState(const CorpusView& c, const StateView& s) {
  const size_t K = c.numTopics;
  const size_t N = c.numTokens();
  std::string e;
  if (!(e = checkLength(s.alpha.size, K, "Float64Array", "state.alpha", "numTopics")).empty()) return e;
  if (!(e = checkLength(s.beta.size, 1, "Float64Array", "state.beta", "one symmetric prior")).empty()) return e;
  if (!(e = checkLength(s.z.size, N, "Uint32Array", "state.z", "numTokens")).empty()) return e;
  if (!(e = checkLength(s.y.size, N, "Uint32Array", "state.y", "numTokens")).empty()) return e;
  if (!(e = checkLength(s.nwk.size, static_cast<size_t>(c.numTerms) * K, "Int32Array", "state.nwk", "numTerms * numTopics"))
           .empty())
    return e;
  if (!(e = checkLength(s.nk.size, K, "Int32Array", "state.nk", "numTopics")).empty()) return e;
  if (!(e = checkLength(s.nak.size, static_cast<size_t>(c.numAuthors) * K, "Int32Array", "state.nak",
                        "numAuthors * numTopics"))
           .empty())
    return e;
  if (!(e = checkLength(s.na.size, c.numAuthors, "Int32Array", "state.na", "numAuthors")).empty()) return e;
  if (!(e = checkPositiveFinite(s.alpha, "state.alpha")).empty()) return e;
  if (!(e = checkPositiveFinite(s.beta, "state.beta")).empty()) return e;
  for (size_t i = 0; i < N; i++)
    if (s.z[i] >= K) return expected("a topic below " + num(K) + " (numTopics)", at("state.z", i), num(s.z[i]));
  for (size_t d = 0; d < c.numDocs(); d++) {
    const uint32_t authors = c.docAuthorOffsets[d + 1] - c.docAuthorOffsets[d];
    for (size_t i = c.docOffsets[d]; i < c.docOffsets[d + 1]; i++)
      if (s.y[i] >= authors)
        return expected("an author position below " + num(authors) + " (the author count of document " + num(d) + ")",
                        at("state.y", i), num(s.y[i]));
  }
  return {};
}

std::string checkCounts(const CorpusView& c, const StateView& s) {
  const size_t K = c.numTopics;
  std::vector<int32_t> nwk(s.nwk.size, 0), nk(K, 0), nak(s.nak.size, 0), na(c.numAuthors, 0);
  for (size_t d = 0; d < c.numDocs(); d++)
    for (size_t i = c.docOffsets[d]; i < c.docOffsets[d + 1]; i++) {
      const uint32_t k = s.z[i];
      const uint32_t a = c.docAuthors[c.docAuthorOffsets[d] + s.y[i]];
      nwk[c.tokens[i] * K + k]++;
      nk[k]++;
      nak[a * K + k]++;
      na[a]++;
    }
  std::string e;
  if (!(e = checkCount(nwk, s.nwk, "state.nwk")).empty()) return e;
  if (!(e = checkCount(nk, s.nk, "state.nk")).empty()) return e;
  if (!(e = checkCount(nak, s.nak, "state.nak")).empty()) return e;
  return checkCount(na, s.na, "state.na");
}

}  // namespace atm
