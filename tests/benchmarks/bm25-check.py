#!/usr/bin/python3
"""An independent BM25 to check the kit's stemmed BM25 against: its own analysis, index, scoring and NDCG@10,
sharing no code with the kit (only the BEIR files).

Analysis (the kit's default `lucene`: Anserini's DefaultEnglishAnalyzer, and Han bigrams as its CJKAnalyzer makes them):
  * a tokenizer written here after Unicode's word-boundary rules (UAX #29), which Lucene's StandardTokenizer
    implements: letters and digits join into words; `.` and `'` (MidNumLet) join letter to letter and digit to
    digit ("u.s.a", "don't", "3.5"), `:` and `·` (MidLetter) letter to letter, `,` and `;` (MidNum) digit to digit;
    `_` joins anything (ExtendNumLet); combining marks stay in their word; each Han or Hiragana character is a
    token of its own; tokens longer than 255 characters are dropped (StandardTokenizer's limit).
  * trailing 's / ’s removed (EnglishPossessiveFilter), lower-cased, Lucene's 33 English stop words dropped,
    then NLTK's Porter stemmer in mode ORIGINAL_ALGORITHM (Debian's python3-nltk).
  * --chinese bigrams (default): full-width Latin folded to ASCII, and adjacent Han characters joined into
    overlapping bigrams (a lone one stays a unigram) — the kit's `lucene`. --chinese jieba (Debian's
    python3-jieba): each maximal run of Han characters cut by jieba, the rest analysed as above — the kit's
    `lucene-jieba`. --chinese chars: Han characters one token each — the kit's `english`.
BM25 as Anserini computes it, written out: k1 = 0.9, b = 0.4, Lucene's idf ln(1 + (N − df + 0.5)/(df + 0.5)),
score = Σ_t qtf · idf · tf·(k1 + 1)/(tf + k1·(1 − b + b·|d|/avgdl)), |d| = the document's term count after
analysis (exact; Lucene stores it lossily in one byte). Document text = title + " " + text.
NDCG@10 as trec_eval's ndcg_cut.10 (gain = relevance, ideal list from all judged documents, ties by document id
descending), averaged over the split's queries with at least one relevant document (absent from the run: 0) —
the kit's convention (trec_eval -c on qrels without unjudgeable queries).

Usage: bm25-check.py BEIR_DIR [--split test] [--run KIT_RUN.trec] [--chinese bigrams|jieba|chars] [--by-prefix N]
  --run: also score the kit's TREC run file with this script's NDCG@10 and compare the two rankings per query.
  --by-prefix N: NDCG@10 per group of query ids sharing their first N characters (e.g. 2 for en-/zh- queries).
When BEIR_DIR has candidates.tsv, each query's candidates are re-ranked (as the kit does); else the whole corpus.
"""
import argparse, collections, json, math, os, re, sys, time, unicodedata

STOP = set("a an and are as at be but by for if in into is it no not of on or such that the their then there "
           "these they this to was will with".split())
K1, B, MAX_TOKEN = 0.9, 0.4, 255

HAN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]")
HAN_RUNS = re.compile(r"([\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]+)")
MID_LETTER = set(":\u00b7\u0387\u05f4\u2027\ufe13\ufe55\uff1a")
MID_NUM = set(",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b")
MID_NUM_LET = set(".'\u2018\u2019\u2024\ufe52\uff07\uff0e")
APOSTROPHES = set("'\u2019\uff07")


def char_class(c):
    if HAN.match(c) or "\u3040" <= c <= "\u309f":
        return "single"                                  # ideographs and hiragana: one token each
    if "\u30a0" <= c <= "\u30ff" or "\u31f0" <= c <= "\u31ff" or "\uff66" <= c <= "\uff9f":
        return "katakana"
    cat = unicodedata.category(c)
    if cat == "Nd":
        return "num"
    if cat[0] == "L":
        return "letter"
    if cat in ("Mn", "Mc", "Me", "Cf"):
        return "extend"
    if cat == "Pc":
        return "extendnumlet"
    if c in MID_LETTER:
        return "midletter"
    if c in MID_NUM:
        return "midnum"
    if c in MID_NUM_LET:
        return "midnumlet"
    return "other"


def words(text):
    """UAX #29 word tokens that contain a letter or digit, as StandardTokenizer emits them."""
    return [t for t, _, _ in spans(text)]


def spans(text):
    """(token, start, end) of each word token."""
    n, i, out = len(text), 0, []
    classes = [char_class(c) for c in text]

    def skip_extend(j):
        while j < n and classes[j] == "extend":
            j += 1
        return j

    while i < n:
        c = classes[i]
        if c == "single":
            j = skip_extend(i + 1)
            out.append((text[i:j], i, j)); i = j; continue
        if c not in ("letter", "num", "katakana", "extendnumlet"):
            i += 1; continue
        start, last, j = i, c, skip_extend(i + 1)
        while j < n:
            nc = classes[j]
            if nc in ("letter", "num") and last in ("letter", "num", "extendnumlet"):
                last, j = nc, skip_extend(j + 1); continue
            if nc == "extendnumlet" and last in ("letter", "num", "katakana", "extendnumlet"):
                last, j = nc, skip_extend(j + 1); continue
            if nc == "katakana" and last in ("katakana", "extendnumlet"):
                last, j = nc, skip_extend(j + 1); continue
            if nc in ("midletter", "midnumlet", "midnum"):
                k = skip_extend(j + 1)
                follow = classes[k] if k < n else None
                if (last == "letter" and follow == "letter" and nc != "midnum") or \
                   (last == "num" and follow == "num" and nc != "midletter"):
                    last, j = follow, skip_extend(k + 1); continue
            break
        token = text[start:j]
        if len(token) <= MAX_TOKEN and any(classes[x] in ("letter", "num", "katakana") for x in range(start, j)):
            out.append((token, start, j))
        i = j
    return out


def english_terms(text, stem, bigrams=False):
    tokens = words(text) if not bigrams else han_bigrams(text)
    terms = []
    for w in tokens:
        if len(w) >= 2 and w[-1] in "sS" and w[-2] in APOSTROPHES:
            w = w[:-2]
        w = w.lower()
        if not w or w in STOP:
            continue
        terms.append(stem(w))
    return terms


def fold_width(text):
    """CJKWidthFilter's folding of full-width ASCII (U+FF01-FF5E) to ASCII."""
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)


def han_bigrams(text):
    """StandardTokenizer's tokens with adjacent Han characters joined into overlapping bigrams (CJKBigramFilter)."""
    out, run = [], []

    def flush():
        if len(run) == 1:
            out.append(run[0][0])
        out.extend(a[0] + b[0] for a, b in zip(run, run[1:]))
        run.clear()

    for token, start, end in spans(text):
        if HAN.fullmatch(token):
            if run and run[-1][2] != start:
                flush()
            run.append((token, start, end))
        else:
            flush()
            out.append(fold_width(token))
    flush()
    return out


def make_analyzer(chinese):
    from nltk.stem.porter import PorterStemmer
    porter = PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)
    cache = {}

    def stem(w):
        s = cache.get(w)
        if s is None:
            s = cache[w] = porter.stem(w, to_lowercase=False)
        return s

    if chinese == "chars":
        return lambda text: english_terms(text, stem)
    if chinese == "bigrams":
        return lambda text: english_terms(text, stem, bigrams=True)
    import jieba
    jieba.setLogLevel(60)

    def analyze(text):
        if not HAN.search(text):
            return english_terms(text, stem)
        terms = []
        for part in HAN_RUNS.split(text):
            if not part:
                continue
            if HAN.match(part):
                terms.extend(w for w in jieba.cut(part, HMM=True) if w)
            else:
                terms.extend(english_terms(part, stem))
        return terms
    return analyze


def read_jsonl(path):
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def read_qrels(path):
    qrels = collections.defaultdict(dict)
    with open(path, encoding="utf-8-sig") as f:
        for n, line in enumerate(f):
            parts = line.rstrip("\r\n").split("\t")
            if n == 0 and parts[0] == "query-id":
                continue
            if len(parts) >= 3:
                qrels[parts[0]][parts[1]] = int(parts[2])
    return qrels


def ndcg10(ranked, judged):
    dcg = sum(max(judged.get(d, 0), 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
    ideal = sorted((r for r in judged.values() if r > 0), reverse=True)[:10]
    idcg = sum(r / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def trec_order(scored):
    """Score descending, ties by document id descending (trec_eval's order)."""
    return [d for d, _ in sorted(scored, key=lambda p: (p[1], p[0]), reverse=True)]


def read_run(path):
    run = collections.defaultdict(list)
    with open(path) as f:
        for line in f:
            q, _, d, _, s, _ = line.split()
            run[q].append((d, float(s)))
    return {q: trec_order(v) for q, v in run.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--split", default="test")
    ap.add_argument("--run", help="the kit's TREC run file, to score and compare")
    ap.add_argument("--chinese", choices=["bigrams", "jieba", "chars"], default="bigrams")
    ap.add_argument("--by-prefix", type=int, default=0)
    ap.add_argument("--depth", type=int, default=1000)
    args = ap.parse_args()
    t0 = time.time()
    analyze = make_analyzer(args.chinese)

    doc_ids, postings, lengths = [], collections.defaultdict(list), []
    for doc in read_jsonl(os.path.join(args.data, "corpus.jsonl")):
        title, text = doc.get("title") or "", doc.get("text") or ""
        full = text if not title else title if not text else title + " " + text
        counts = collections.Counter(analyze(full))
        d = len(doc_ids)
        doc_ids.append(str(doc["_id"])); lengths.append(sum(counts.values()))
        for t, tf in counts.items():
            postings[t].append((d, tf))
    n = len(doc_ids)
    avgdl = sum(lengths) / n
    idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in postings.items()}
    norm = [K1 * (1 - B + B * l / avgdl) for l in lengths]
    index_of = {d: i for i, d in enumerate(doc_ids)}
    tf_of = {t: dict(p) for t, p in postings.items()} if os.path.exists(os.path.join(args.data, "candidates.tsv")) else None

    queries = {str(q["_id"]): q["text"] for q in read_jsonl(os.path.join(args.data, "queries.jsonl"))}
    qrels = read_qrels(os.path.join(args.data, "qrels", args.split + ".tsv"))
    candidates = None
    if tf_of is not None:
        candidates = collections.defaultdict(list)
        with open(os.path.join(args.data, "candidates.tsv"), encoding="utf-8-sig") as f:
            for line in f:
                parts = line.rstrip("\r\n").split("\t")
                if len(parts) >= 2 and parts[0] != "query-id":
                    candidates[parts[0]].append(parts[1])

    mine = {}
    for q, judged in qrels.items():
        if q not in queries or not any(r >= 1 for r in judged.values()):
            continue
        qtf = collections.Counter(t for t in analyze(queries[q]) if t in idf)
        if candidates is not None:
            scored = []
            for docid in candidates.get(q, []):
                d = index_of[docid]
                scored.append((docid, sum(c * idf[t] * tf_of[t].get(d, 0) * (K1 + 1) / (tf_of[t].get(d, 0) + norm[d])
                                          for t, c in qtf.items())))
        else:
            acc = collections.defaultdict(float)
            for t, c in qtf.items():
                w = c * idf[t] * (K1 + 1)
                for d, tf in postings[t]:
                    acc[d] += w * tf / (tf + norm[d])
            scored = [(doc_ids[d], s) for d, s in acc.items()]
        mine[q] = trec_order(scored)[:args.depth]

    def report(label, run):
        groups = collections.defaultdict(list)
        for q in mine:
            value = ndcg10(run.get(q, []), qrels[q])
            groups["all"].append(value)
            if args.by_prefix:
                groups[q[:args.by_prefix]].append(value)
        for g, values in sorted(groups.items()):
            print(f"{label} ndcg@10 {g} {sum(values) / len(values):.4f} queries {len(values)}")

    print(f"corpus {n} documents, {len(idf)} terms, avgdl {avgdl:.2f}; {len(mine)} queries; {time.time() - t0:.1f} s")
    report("python-bm25", mine)
    if args.run:
        kit = read_run(args.run)
        report("kit-run", kit)
        same10 = sum(1 for q in mine if mine[q][:10] == kit.get(q, [])[:10])
        same1 = sum(1 for q in mine if mine[q][:1] == kit.get(q, [])[:1])
        print(f"agreement identical top-10 {same10}/{len(mine)}, identical top-1 {same1}/{len(mine)}")


if __name__ == "__main__":
    sys.exit(main())
