#!/usr/bin/python3
"""A BEIR folder of N generated documents for memory measurements: each document 40-80 words drawn (seed 42) from the
embedded dataset's corpus, its query 4 of its words, qrels 80/10/10 train/dev/test.

    /usr/bin/python3 tests/benchmarks/make-sized-beir.py 100000 /tmp/c100k
"""
import json, os, random, sys
n = int(sys.argv[1]); out = sys.argv[2]
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets", "semantic-clicks", "corpus.jsonl")
words = []
for line in open(src, encoding="utf-8"):
    d = json.loads(line); words += (d.get("title","") + " " + d["text"]).split()
rng = random.Random(42)
os.makedirs(out + "/qrels", exist_ok=True)
with open(out + "/corpus.jsonl", "w", encoding="utf-8") as c, open(out + "/queries.jsonl", "w", encoding="utf-8") as q:
    for i in range(n):
        body = [rng.choice(words) for _ in range(rng.randint(40, 80))]
        c.write(json.dumps({"_id": f"d{i}", "title": " ".join(body[:5]), "text": " ".join(body)}, ensure_ascii=False) + "\n")
        q.write(json.dumps({"_id": f"q{i}", "text": " ".join(rng.sample(body, 4))}, ensure_ascii=False) + "\n")
for split, lo, hi in (("train", 0, int(n * .8)), ("dev", int(n * .8), int(n * .9)), ("test", int(n * .9), n)):
    with open(f"{out}/qrels/{split}.tsv", "w") as f:
        f.write("query-id\tcorpus-id\tscore\n")
        for i in range(lo, hi): f.write(f"q{i}\td{i}\t1\n")
