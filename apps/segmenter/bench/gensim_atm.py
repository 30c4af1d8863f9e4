"""Train gensim's variational AuthorTopicModel on a corpus written by gensim-race.mjs.

Input directory: corpus.txt (one training basket per line: "<author index>\t<term>:<count> ..."),
meta.json ({numTerms, numAuthors}). Writes theta.bin (A x K float64, rows normalised),
phi.bin (K x V float64) and result.json (wall/CPU seconds, peak RSS). The evaluation is done by
the Node side with the same code for every model, from these point estimates.
"""
import json
import resource
import sys
import time

import numpy as np
from gensim.models import AuthorTopicModel


def main(corpus_dir: str, out_dir: str, num_topics: int, passes: int, seed: int) -> None:
    meta = json.load(open(f"{corpus_dir}/meta.json"))
    corpus, author2doc = [], {}
    with open(f"{corpus_dir}/corpus.txt") as f:
        for d, line in enumerate(f):
            author, terms = line.rstrip("\n").split("\t")
            corpus.append([(int(t), int(c)) for t, c in (p.split(":") for p in terms.split(" "))])
            author2doc.setdefault(author, []).append(d)
    id2word = {w: str(w) for w in range(meta["numTerms"])}
    wall0, cpu0 = time.perf_counter(), time.process_time()
    model = AuthorTopicModel(corpus=corpus, num_topics=num_topics, id2word=id2word, author2doc=author2doc,
                             passes=passes, random_state=seed)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    theta = np.full((meta["numAuthors"], num_topics), 1.0 / num_topics)
    gamma = model.state.gamma
    for name, idx in model.author2id.items():
        theta[int(name)] = gamma[idx] / gamma[idx].sum()
    phi = model.get_topics().astype(np.float64)
    phi /= phi.sum(axis=1, keepdims=True)
    theta.astype("<f8").tofile(f"{out_dir}/theta.bin")
    phi.astype("<f8").tofile(f"{out_dir}/phi.bin")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    json.dump({"wallSeconds": wall, "cpuSeconds": cpu, "peakRss": rss}, open(f"{out_dir}/result.json", "w"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
