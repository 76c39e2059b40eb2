#!/usr/bin/env python3
"""Builds a file of real English texts (one a line, ~370 characters on average) from prose already on a
Debian machine: the licence texts in /usr/share/common-licenses and the README, NEWS, *.txt and copyright
files under /usr/share/doc. Paragraphs that are mostly letters (not code, not tables) are kept, packed
word by word into lines of 200-540 characters; the pool of distinct lines is then cycled, shuffled
with a fixed seed each pass, until LINES lines are written. Deterministic for a given set of files; the
script prints the pool size, the average line length and the SHA-256 of the output.
Usage: make-english-texts.py LINES OUT"""
import gzip, hashlib, os, random, re, sys

def sources():
    roots = ["/usr/share/common-licenses", "/usr/share/doc"]
    found = []
    for root in roots:
        for d, _, files in os.walk(root):
            for f in files:
                p = os.path.join(d, f)
                base = f[:-3] if f.endswith(".gz") else f
                if root.endswith("licenses") or base == "copyright" or base.startswith(("README", "NEWS")) or base.endswith(".txt"):
                    if os.path.isfile(p) and not os.path.islink(p):
                        found.append(p)
    return sorted(found)

def read(p):
    try:
        raw = gzip.open(p).read() if p.endswith(".gz") else open(p, "rb").read()
        return raw.decode("utf-8")
    except Exception:
        return ""

def prose(paragraph):
    text = " ".join(paragraph.split())
    if len(text) < 120: return None
    letters = sum(c.isalpha() or c == " " for c in text)
    words = text.split()
    if letters / len(text) < 0.85 or sum(w.islower() for w in words) < 0.6 * len(words): return None
    return text

def main():
    lines_wanted, out = int(sys.argv[1]), sys.argv[2]
    seen, paragraphs = set(), []
    for p in sources():
        for para in re.split(r"\n\s*\n", read(p)):
            t = prose(para)
            if t and t not in seen:
                seen.add(t); paragraphs.append(t)
    rng = random.Random(370)
    pool, current, target = [], "", rng.randint(200, 540)
    for para in paragraphs:
        for word in para.split(" "):
            current = f"{current} {word}" if current else word
            if len(current) >= target:
                pool.append(current); current, target = "", rng.randint(200, 540)
    pool = sorted(set(pool))
    written, digest = 0, hashlib.sha256()
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        while written < lines_wanted:
            order = pool[:]; rng.shuffle(order)
            for line in order[: lines_wanted - written]:
                data = line + "\n"; f.write(data); digest.update(data.encode("utf-8")); written += 1
    avg = sum(map(len, pool)) / len(pool)
    print(f"sources {len(sources())} paragraphs {len(paragraphs)} pool_lines {len(pool)} pool_avg_chars {avg:.0f} lines {written} sha256 {digest.hexdigest()}")

main()
