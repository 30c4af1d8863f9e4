// Checks that make a corpus and a state safe to sample: every length, every id and offset range,
// the document order, the worker partition and (once, when a trainer is created) the counts.
// Each check returns the first problem as a message in the shared format
// `Expected <what> for <name> but received <value>`; an empty string means "valid".
#ifndef ATM_NATIVE_CORE_VALIDATE_H_
#define ATM_NATIVE_CORE_VALIDATE_H_

#include <string>

#include "views.h"

namespace atm {

// Lengths and ranges of the corpus layout (names are reported as `setup.<array>[<index>]`).
std::string checkCorpus(const CorpusView& corpus);

// Lengths of the state arrays, the priors (positive and finite), and the range of every z and y.
// Assumes checkCorpus passed.
std::string checkState(const CorpusView& corpus, const StateView& state);

// The counts nwk, nk, nak and na equal those implied by z and y. Assumes checkState passed.
std::string checkCounts(const CorpusView& corpus, const StateView& state);

// The message builder shared by every check.
std::string expected(const std::string& what, const std::string& name, const std::string& received);

// "a Uint32Array", "an Int32Array" (by spelling: no noun here starts with a vowel sound of U).
std::string withArticle(const std::string& noun);

// A number formatted the way JavaScript prints it for integers, NaN and infinities.
std::string formatNumber(double value);

}  // namespace atm

#endif  // ATM_NATIVE_CORE_VALIDATE_H_
