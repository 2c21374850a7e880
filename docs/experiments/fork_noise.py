#!/usr/bin/env python3
"""How noisy is one fork's score, and what makes it less so? Reads an A/A pair of interleaved JMH JSONs
(base.json, head.json from `java -jar benchmarks.jar --ab SAME.jar --out DIR`), in which fork i of each row on
both sides ran in round i. For each row it prints the spread (standard deviation of log scores, in %) of:
  - unpaired forks: one side's per-fork scores, as two independent runs would see them;
  - paired rounds: the per-round log ratio head/base, which the paired gate reads;
each with the fork score taken as the mean or the median of its iterations, and from all iterations or only the
first half (a fork half as long). Smaller is better: the interval width scales with it."""
import json, math, statistics, sys

def rows(path):
    out = {}
    for e in json.load(open(path)):
        key = (e["benchmark"].rsplit(".", 2)[-2] + "." + e["benchmark"].rsplit(".", 1)[-1], e["mode"],
               tuple(sorted((k, v) for k, v in e.get("params", {}).items() if k in ("impl",))))
        pm = e["primaryMetric"]
        if "rawData" in pm:
            out[key] = pm["rawData"]
        else:  # sample mode: per fork, per iteration [[value, count], ...]; the iteration's score is its mean
            out[key] = [[sum(v * c for v, c in it) / sum(c for v, c in it) for it in fork] for fork in pm["rawDataHistogram"]]
        for name, m in e.get("secondaryMetrics", {}).items():
            if name in ("hdr.p50", "hdr.p90"):
                out[(key[0], key[1] + " " + name, key[2])] = m["rawData"]
    return out

def score(iterations, how, part):
    its = iterations[: max(1, len(iterations) // 2)] if part == "half" else iterations
    return statistics.median(its) if how == "median" else statistics.fmean(its)

def sd_pct(values):
    return 100 * statistics.stdev(values) if len(values) > 1 else float("nan")

base, head = rows(sys.argv[1]), rows(sys.argv[2])
print(f"{'row':48} {'n':>3} " + " ".join(f"{h:>14}" for h in
      ["unpaired mean", "unpaired med", "paired mean", "paired med", "paired med/2"]))
for key in base:
    if key not in head: continue
    b, h = base[key], head[key]
    n = min(len(b), len(h))
    cols = []
    for how, part in (("mean", "all"), ("median", "all")):
        cols.append(sd_pct([math.log(score(f, how, part)) for f in b[:n]]))
    for how, part in (("mean", "all"), ("median", "all"), ("median", "half")):
        cols.append(sd_pct([math.log(score(h[i], how, part) / score(b[i], how, part)) for i in range(n)]))
    print(f"{key[0] + ' ' + key[1]:48} {n:>3} " + " ".join(f"{c:13.1f}%" for c in cols))
