"""Train gensim's variational AuthorTopicModel on a corpus written by gensim-race.mjs.

Usage: gensim_atm.py <corpus dir> <out dir> <K> <passes, e.g. 1,5,20> <seed>

Input directory: corpus.txt (one training basket per line: "<author index>\t<term>:<count> ..."),
meta.json ({numTerms, numAuthors}). One training run of max(passes) passes; at the end of each
listed pass the point estimates are written to <out dir>/p<pass>/: theta.bin (A x K float64, rows
normalised), phi.bin (K x V float64) and result.json (wall/CPU seconds to that point, peak RSS).
The first n passes of a longer run are exactly a run with passes=n (gensim's step size depends on
the pass number and update count only), so one run yields every checkpoint. Snapshot time is
excluded from the clocks. gensim's own perplexity logging is off (eval_every=0): nobody reads it,
and it would bill gensim for work it need not do. The evaluation is done by the Node side with the
same code for every model.
"""
import json
import math
import os
import resource
import sys
import time

import numpy as np
from gensim.models import AuthorTopicModel


def snapshot(model, meta, num_topics, out_dir, passes, wall, cpu):
    d = f"{out_dir}/p{passes}"
    os.makedirs(d, exist_ok=True)
    theta = np.full((meta["numAuthors"], num_topics), 1.0 / num_topics)
    gamma = model.state.gamma
    for name, idx in model.author2id.items():
        theta[int(name)] = gamma[idx] / gamma[idx].sum()
    phi = model.get_topics().astype(np.float64)
    phi /= phi.sum(axis=1, keepdims=True)
    theta.astype("<f8").tofile(f"{d}/theta.bin")
    phi.astype("<f8").tofile(f"{d}/phi.bin")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    json.dump({"passes": passes, "wallSeconds": wall, "cpuSeconds": cpu, "peakRss": rss}, open(f"{d}/result.json", "w"))


def main(corpus_dir: str, out_dir: str, num_topics: int, checkpoints: list, seed: int) -> None:
    meta = json.load(open(f"{corpus_dir}/meta.json"))
    corpus, author2doc = [], {}
    with open(f"{corpus_dir}/corpus.txt") as f:
        for d, line in enumerate(f):
            author, terms = line.rstrip("\n").split("\t")
            corpus.append([(int(t), int(c)) for t, c in (p.split(":") for p in terms.split(" "))])
            author2doc.setdefault(author, []).append(d)
    id2word = {w: str(w) for w in range(meta["numTerms"])}
    chunksize = 2000  # gensim's default, as the reference used
    msteps_per_pass = math.ceil(len(corpus) / chunksize)
    clock = {"wall": 0.0, "cpu": 0.0, "msteps": 0}
    model = AuthorTopicModel(num_topics=num_topics, id2word=id2word, chunksize=chunksize, eval_every=0, random_state=seed)
    inner = model.do_mstep

    def do_mstep(*a, **kw):
        inner(*a, **kw)
        clock["msteps"] += 1
        if clock["msteps"] % msteps_per_pass == 0:
            passes = clock["msteps"] // msteps_per_pass
            wall = clock["wall"] + time.perf_counter() - clock["wall0"]
            cpu = clock["cpu"] + time.process_time() - clock["cpu0"]
            print(json.dumps({"pass": passes, "wallSeconds": wall, "cpuSeconds": cpu}), flush=True)
            if passes in checkpoints:
                snapshot(model, meta, num_topics, out_dir, passes, wall, cpu)
            clock["wall"], clock["cpu"] = wall, cpu
            clock["wall0"], clock["cpu0"] = time.perf_counter(), time.process_time()

    model.do_mstep = do_mstep
    clock["wall0"], clock["cpu0"] = time.perf_counter(), time.process_time()
    model.update(corpus=corpus, author2doc=author2doc, passes=max(checkpoints))
    if clock["msteps"] != msteps_per_pass * max(checkpoints):
        raise RuntimeError(f"expected {msteps_per_pass * max(checkpoints)} M-steps, saw {clock['msteps']}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(p) for p in sys.argv[4].split(",")], int(sys.argv[5]))
