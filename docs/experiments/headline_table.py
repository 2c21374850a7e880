#!/usr/bin/env python3
"""Prints the README's headline table from a stored run: python3 docs/experiments/headline_table.py results/baseline.json

Each cell is the run's score for that row (the mean of the forks' values; hdr.* are each fork's pooled
percentiles), so that the README's figures are read from the run, never typed. Bold marks the best loop."""
import json
import sys

IMPLS = ["locked-deque", "mpsc", "netty", "netty-nio", "netty-epoll", "netty-io_uring", "jdk-executor"]
B = "dev.loopbench.bench."
# label, benchmark, mode, required params, metric, scale, format, lower is better
ROWS = [
    ("round trip to an awake loop, one-way p50 (µs)", "wakeup.WakeupLatency.roundTripAfterGap", "avgt", {"idleGapMicros": "0"}, "hdr.p50", 1, "{:.1f}", True),
    ("wakeup after 1 ms idle, one-way p50 (µs)", "wakeup.WakeupLatency.roundTripAfterGap", "avgt", {"idleGapMicros": "1000"}, "hdr.p50", 1, "{:.1f}", True),
    ("loop wakeups per task after 1 ms idle", "wakeup.WakeupLatency.roundTripAfterGap", "avgt", {"idleGapMicros": "1000"}, "wakeups.per.op", 1, "{:.2f}", None),
    ("loop CPU per wakeup after 1 ms idle (µs)", "wakeup.WakeupLatency.roundTripAfterGap", "avgt", {"idleGapMicros": "1000"}, "cpu.loop.ns.per.op", 0.001, "{:.1f}", True),
    ("one-way p50 at 5,000/s from the intended slot (µs)", "latency.OneWayLatency.fixedRate", "thrpt", {"sendsPerSecond": "5000"}, "hdr.p50", 1, "{:.1f}", True),
    ("one-way p50 at 5,000/s from execute() (µs)", "latency.OneWayLatency.fixedRate", "thrpt", {"sendsPerSecond": "5000"}, "hdr.fromExecute.p50", 1, "{:.1f}", True),
    ("one-way p99 at 5,000/s from the intended slot (µs)", "latency.OneWayLatency.fixedRate", "thrpt", {"sendsPerSecond": "5000"}, "hdr.p99", 1, "{:,.0f}", True),
    ("`submit().join()` round trip, parking caller, p50 (µs)", "latency.RoundTripLatency.roundTrip", "avgt", {}, "hdr.p50", 1, "{:.1f}", True),
    ("the same, round trips that found the loop awake, p50 (µs)", "latency.RoundTripLatency.roundTrip", "avgt", {}, "hdr.awakeLoop.p50", 1, "{:.1f}", True),
    ("the same, round trips that woke the loop, p50 (µs)", "latency.RoundTripLatency.roundTrip", "avgt", {}, "hdr.wokenLoop.p50", 1, "{:.1f}", True),
    ("chain depth 4 (k ops/s)", "throughput.ChainThroughput.chain", "thrpt", {"depth": "4"}, "score", 0.001, "{:,.0f}", False),
    ("offload round trip (k ops/s)", "throughput.OffloadThroughput.loopToPoolAndBack", "thrpt", {}, "score", 0.001, "{:,.0f}", False),
    ("1-producer burst (k tasks/s)", "throughput.BurstThroughput.from1Producer", "thrpt", {}, "score", 0.001, "{:,.0f}", False),
    ("1-producer burst: loop's share of a CPU", "throughput.BurstThroughput.from1Producer", "thrpt", {}, "cpu.loop.share", 1, "{:.2f}", None),
]


def value(row, metric):
    if metric == "score":
        return row["primaryMetric"]["score"]
    found = row.get("secondaryMetrics", {}).get(metric)
    return None if found is None else found["score"]


def main(path):
    rows = json.load(open(path))
    print("| figure | " + " | ".join(IMPLS) + " |")
    print("|---|" + "---:|" * len(IMPLS))
    for label, bench, mode, params, metric, scale, fmt, lower_better in ROWS:
        cells = {}
        for row in rows:
            p = row.get("params", {})
            if row["benchmark"] == B + bench and row["mode"] == mode and all(p.get(k) == v for k, v in params.items()):
                v = value(row, metric)
                if isinstance(v, (int, float)) and v == v:
                    cells[p.get("impl")] = v * scale
        best = None
        if lower_better is not None and len(cells) > 1:
            best = (min if lower_better else max)(cells, key=cells.get)
        out = []
        for impl in IMPLS:
            if impl not in cells:
                uncounted = metric == "wakeups.per.op" or "Loop." in metric  # the modes are filed by the wakeup count
                out.append("not counted" if uncounted else "not measured" if metric.startswith("cpu.") else "–")
            else:
                text = fmt.format(cells[impl])
                out.append("**" + text + "**" if impl == best else text)
        print("| " + label + " | " + " | ".join(out) + " |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: headline_table.py RUN.json")
    main(sys.argv[1])
