// log Γ(x) for x > 0 (Lanczos, g = 7, n = 9; ~15 significant digits), for checking the native
// log-likelihood independently.
const G = 7;
const C = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function lgamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  x -= 1;
  let a = C[0];
  const t = x + G + 0.5;
  for (let i = 1; i < G + 2; i++) a += C[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Joint log p(w, z | y, α, β) straight from the definition. */
export function logLikelihood(setup, state) {
  const K = setup.numTopics;
  const V = setup.numTerms;
  const beta = state.beta[0];
  let ll = 0;
  for (let k = 0; k < K; k++) {
    ll += lgamma(V * beta) - lgamma(state.nk[k] + V * beta);
    for (let w = 0; w < V; w++) ll += lgamma(state.nwk[w * K + k] + beta) - lgamma(beta);
  }
  const alphaSum = state.alpha.reduce((s, a) => s + a, 0);
  for (let a = 0; a < setup.numAuthors; a++) {
    ll += lgamma(alphaSum) - lgamma(state.na[a] + alphaSum);
    for (let k = 0; k < K; k++) ll += lgamma(state.nak[a * K + k] + state.alpha[k]) - lgamma(state.alpha[k]);
  }
  return ll;
}
