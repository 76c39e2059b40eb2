#!/usr/bin/env python3
"""Summary of a bench-all.sh run: reads OUT/results.tsv and OUT/config.txt, prints Markdown (medians and ranges per
invocation, ours/peer ratios per round with their median and range, fractions of the measured sgemm ceiling, load).
Standard library only. Usage: bench-summary.py OUT

FLOP per unit of work (2 FLOP a multiply-add; backward = 2x forward for a dense layer, 1x for an input layer, whose
input gradient is never needed), from the workloads of tests/Dssm.Research.Tests/PERFORMANCE.md:
  DSSM tower, one text, forward: 2*(30*300 + 300*300 + 300*128) = 274,800 (~2.7e5, the figure the peers' README uses)
  paper recipe, one query: 6 texts (1 query + 1 clicked + J=4) x (forward + backward) ~ 5e6 (the peers' README; exactly 4.84e6)
  in-batch, one query at batch B: 2 texts x (2*18,000 + 3*256,800) = 1,612,800, plus the B x B score matrix:
      3 x 2*128*B (scores, and their gradients to q and d) = 768*B  ->  2.40e6 at B = 1024
  CDSSM tower, one text of L=10 words of n=5 ids, forward: input layer 2*L*n*900 = 90,000; window sum and bias
      2*L*300 = 6,000; semantic layer 2*300*128 = 76,800  ->  172,800 (1.73e5)
  CDSSM, one query: 6 texts x (2*90,000 + 2*6,000 + 3*76,800) = 6 x 422,400 = 2.53e6
"""
import statistics, sys
from collections import defaultdict

FLOP = {
    ("ours_train", "train_queries_per_s"): 5e6,
    ("ours_train", "encode_texts_per_s"): 2.7e5,
    ("ours_encode", "encode_texts_per_s"): 2.7e5,
    ("ours_encode_onnx", "encode_texts_per_s"): 2.7e5,
    ("ours_inbatch", "train_queries_per_s"): 2 * (2 * 18000 + 3 * 256800) + 768 * 1024,
    ("ours_cdssm", "train_queries_per_s"): 6 * (2 * 90000 + 2 * 6000 + 3 * 76800),
    ("ours_cdssm", "encode_texts_per_s"): 90000 + 6000 + 76800,
}
ENVS = ("tuned", "passive")
for peer in ["peer_dense", "peer_sparse"] + [f"peer_{m}_{e}" for m in ("dense", "sparse") for e in ENVS]:
    FLOP[(peer, "train_queries_per_s")] = 5e6
    FLOP[(peer, "encode_texts_per_s")] = 2.7e5
for peer in ["peer_inbatch"] + [f"peer_inbatch_{e}" for e in ENVS]:
    FLOP[(peer, "train_queries_per_s")] = FLOP[("ours_inbatch", "train_queries_per_s")]
    FLOP[(peer, "encode_texts_per_s")] = 2.7e5
for peer in ["peer_cdssm", "peer_cdssm_sparse"] + [f"peer_cdssm_sparse_{e}" for e in ENVS]:
    FLOP[(peer, "train_queries_per_s")] = FLOP[("ours_cdssm", "train_queries_per_s")]
    FLOP[(peer, "encode_texts_per_s")] = FLOP[("ours_cdssm", "encode_texts_per_s")]



def ratios(env):
    """(name, ours, metric, peers, target): ours over the peer in the same round, or over the fastest of several peers.
    env: the peers' second variant (bench-all.sh --peer-env), tuned = PASSIVE OpenMP + the kit's malloc tunables."""
    dssm_peers = ["peer_dense", f"peer_dense_{env}", "peer_sparse", f"peer_sparse_{env}", "peer_inbatch", f"peer_inbatch_{env}"]
    return [
        ("paper recipe: train / dense", "ours_train", "train_queries_per_s", ["peer_dense"], 6),
        (f"paper recipe: train / dense, {env}", "ours_train", "train_queries_per_s", [f"peer_dense_{env}"], 6),
        ("paper recipe: train / --sparse", "ours_train", "train_queries_per_s", ["peer_sparse"], 5),
        (f"paper recipe: train / --sparse, {env}", "ours_train", "train_queries_per_s", [f"peer_sparse_{env}"], 5),
        ("in-batch 1024: train / --inbatch", "ours_inbatch", "train_queries_per_s", ["peer_inbatch"], 3),
        (f"in-batch 1024: train / --inbatch, {env}", "ours_inbatch", "train_queries_per_s", [f"peer_inbatch_{env}"], 3),
        ("encode, torch engine / fastest DSSM peer invocation", "ours_encode", "encode_texts_per_s", dssm_peers, 2),
        ("encode, onnx engine / fastest DSSM peer invocation", "ours_encode_onnx", "encode_texts_per_s", dssm_peers, 2),
        ("CDSSM: train / dense", "ours_cdssm", "train_queries_per_s", ["peer_cdssm"], 3),
        (f"CDSSM: train / --sparse, {env}", "ours_cdssm", "train_queries_per_s", [f"peer_cdssm_sparse_{env}"], 3),
        ("CDSSM: encode / fastest CDSSM peer invocation", "ours_cdssm", "encode_texts_per_s", ["peer_cdssm", f"peer_cdssm_sparse_{env}"], None),
    ]


def fmt(x):
    return "—" if x is None else f"{x:,.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def spread(xs):
    return f"{fmt(statistics.median(xs))} ({fmt(min(xs))}–{fmt(max(xs))})" if xs else "—"


def main(out):
    rows = [line.rstrip("\n").split("\t") for line in open(f"{out}/results.tsv")][1:]
    config = dict(line.rstrip("\n").split(" ", 1) for line in open(f"{out}/config.txt") if " " in line)
    value = defaultdict(dict)  # (invocation, metric) -> round -> value
    loads = defaultdict(list)  # invocation -> load1 at its start
    for rnd, inv, metric, v, load1, _ in rows:
        value[(inv, metric)][rnd] = float(v)
        if metric != "load1":
            loads[inv].append(float(load1))
    rounds = sorted({r for (inv, _), by in value.items() if inv not in ("sgemm_1_threads", "sgemm_2_threads") for r in by if r.isdigit()}, key=int)

    print(f"# bench-all.sh: {config.get('date_utc', '?')}, commit {config.get('commit', '?')}\n")
    print(f"{len(rounds)} rounds; load average (1, 5, 15 min) at start {config.get('load_at_start', '?')}, at end {config.get('load_at_end', '?')}; "
          f"after each round: {', '.join(fmt(value[('load_after_round', 'load1')].get(r)) for r in rounds)}. {config.get('cpu', '')}.\n")

    sgemm = {t: [value[(f"sgemm_{t}_threads", "gflops")][w] for w in ("start", "end") if w in value[(f"sgemm_{t}_threads", "gflops")]] for t in (1, 2)}
    ceiling = max(sgemm[2]) if sgemm[2] else None
    print("## Machine ceiling (torch.mm, float32, OpenBLAS)\n")
    print("| threads | start GFLOP/s | end GFLOP/s |\n|---:|---:|---:|")
    for t in (1, 2):
        by = value[(f"sgemm_{t}_threads", "gflops")]
        print(f"| {t} | {fmt(by.get('start'))} | {fmt(by.get('end'))} |")
    print(f"\nCeiling used below: the best 2-thread figure, {fmt(ceiling)} GFLOP/s.\n")

    print("## Per invocation: median (range) over rounds\n")
    print("| invocation | train queries/s | encode texts/s | load at its start | % ceiling (train, encode) |\n|---|---:|---:|---:|---:|")
    invocations = sorted({inv for (inv, m) in value if m != "gflops" and inv != "load_after_round"}, key=lambda s: (not s.startswith("ours"), s))
    for inv in invocations:
        tq = list(value[(inv, "train_queries_per_s")].values())
        en = list(value[(inv, "encode_texts_per_s")].values())
        pct = []
        for metric, xs in (("train_queries_per_s", tq), ("encode_texts_per_s", en)):
            f = FLOP.get((inv, metric))
            pct.append(f"{100 * statistics.median(xs) * f / (ceiling * 1e9):.0f}%" if xs and f and ceiling else "—")
        print(f"| {inv} | {spread(tq)} | {spread(en)} | {spread(loads[inv])} | {', '.join(pct)} |")

    print("\n## Ratios ours / peer, per round (same round), median (range)\n")
    print("| ratio | " + " | ".join(f"r{r}" for r in rounds) + " | median (range) | target |")
    print("|---|" + "---:|" * (len(rounds) + 2))
    env = config.get("options", "").split("peer_env ")[-1].split()[0] if "peer_env" in config.get("options", "") else "passive"
    for name, ours, metric, peers, target in ratios(env):
        per = []
        for r in rounds:
            o = value[(ours, metric)].get(r)
            ps = [value[(p, metric)][r] for p in peers if r in value[(p, metric)]]
            per.append(o / max(ps) if o and ps else None)
        got = [x for x in per if x is not None]
        verdict = "" if target is None or not got else (" met" if statistics.median(got) >= target else " not met")
        print(f"| {name} | " + " | ".join(fmt(x) for x in per) + f" | {spread(got)} | {'—' if target is None else f'≥ {target}×'}{verdict} |")

    print("\nFLOP per unit (bench-summary.py's docstring derives them): paper train 5e6 a query, DSSM encode 2.7e5 a text, "
          f"in-batch (B = 1024) {FLOP[('ours_inbatch', 'train_queries_per_s')]:.3g} a query, CDSSM train "
          f"{FLOP[('ours_cdssm', 'train_queries_per_s')]:.3g} a query, CDSSM encode {FLOP[('ours_cdssm', 'encode_texts_per_s')]:.3g} a text.")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
