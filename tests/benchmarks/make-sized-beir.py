#!/usr/bin/python3
"""A BEIR folder of N generated documents for memory measurements: each document 40-80 words drawn (seed 42) from the
embedded dataset's corpus, its query 4 of its words, qrels 80/10/10 train/dev/test.

    /usr/bin/python3 tests/benchmarks/make-sized-beir.py 100000 /tmp/c100k
    /usr/bin/python3 tests/benchmarks/make-sized-beir.py 1000000 /tmp/c1m-wide --wide   # words from a 2M-word made-up vocabulary
"""
import itertools, json, os, random, sys
args = [a for a in sys.argv[1:] if not a.startswith("--")]
n = int(args[0]); out = args[1]
rng = random.Random(42)
if "--wide" in sys.argv:
    # A vocabulary as wide as real corpora make it: 2M made-up words of 3-12 letters, drawn Zipf-like (weight 1/rank),
    # so the fitted vocabulary reaches the default cap (300k features) and the input layer is as large as it gets.
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 12))) for _ in range(2_000_000)]
    cumulative = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(vocab))))
    pick = lambda k: rng.choices(vocab, cum_weights=cumulative, k=k)
else:
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets", "semantic-clicks", "corpus.jsonl")
    words = []
    for line in open(src, encoding="utf-8"):
        d = json.loads(line); words += (d.get("title","") + " " + d["text"]).split()
    pick = lambda k: [rng.choice(words) for _ in range(k)]
os.makedirs(out + "/qrels", exist_ok=True)
with open(out + "/corpus.jsonl", "w", encoding="utf-8") as c, open(out + "/queries.jsonl", "w", encoding="utf-8") as q:
    for i in range(n):
        body = pick(rng.randint(40, 80))
        c.write(json.dumps({"_id": f"d{i}", "title": " ".join(body[:5]), "text": " ".join(body)}, ensure_ascii=False) + "\n")
        q.write(json.dumps({"_id": f"q{i}", "text": " ".join(rng.sample(body, 4))}, ensure_ascii=False) + "\n")
for split, lo, hi in (("train", 0, int(n * .8)), ("dev", int(n * .8), int(n * .9)), ("test", int(n * .9), n)):
    with open(f"{out}/qrels/{split}.tsv", "w") as f:
        f.write("query-id\tcorpus-id\tscore\n")
        for i in range(lo, hi): f.write(f"q{i}\td{i}\t1\n")
