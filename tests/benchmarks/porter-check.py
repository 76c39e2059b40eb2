#!/usr/bin/python3
"""Checks the kit's English analysis (`dssm bench analyze --analyzer english`, Lucene's PorterStemFilter) against
two independent Porter stemmers, Debian's python3-nltk (PorterStemmer, mode ORIGINAL_ALGORITHM) and
python3-snowballstemmer ('porter') — and, to show where the differences come from, NLTK's MARTIN_EXTENSIONS
(the paper plus the departures of Porter's own C/Java code, which Lucene ports) — on the vocabulary of the English man pages (/usr/share/man/man2, man3:
Debian's manpages-dev; roff stripped roughly).

Each distinct lower-case alphabetic word of the pages (2+ letters, not one of Lucene's 33 stop words, no
apostrophe) is written one a line; the kit stems the file; the script prints the agreement with each stemmer
and every disagreement with the rule that explains it.
Usage: tests/benchmarks/porter-check.py [DSSM_COMMAND]   (default: dotnet src/Dssm.Cli/bin/Release/net10.0/dssm.dll)
"""
import collections, gzip, os, re, shlex, subprocess, sys, tempfile

from nltk.stem.porter import PorterStemmer
import snowballstemmer

STOP = set("a an and are as at be but by for if in into is it no not of on or such that the their then there "
           "these they this to was will with".split())


def man_text(path):
    raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
    lines = []
    for line in raw.decode("utf-8", "replace").splitlines():
        if line.startswith((".\\\"", "'\\\"")):
            continue
        if line.startswith("."):
            line = re.sub(r"^\.\S+\s*", "", line)            # a macro's arguments are text (.B open, .I path)
        line = re.sub(r"\\f(\[[^\]]*\]|\(..|.)|\\\(..|\\\*(\(..|\[[^\]]*\]|.)|\\.", " ", line)
        lines.append(line)
    return "\n".join(lines)


def vocabulary():
    words = collections.Counter()
    for section in ("/usr/share/man/man2", "/usr/share/man/man3"):
        for name in sorted(os.listdir(section)):
            path = os.path.join(section, name)
            if os.path.islink(path):
                continue
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+", man_text(path)))
    return sorted(w for w in words if len(w) >= 2 and w not in STOP)


def explain(word, kit, other):
    """The difference in Porter's rules behind a disagreement, for the known ones."""
    if len(word) <= 2:
        return ("words of one or two letters are left alone (Porter's own C and Java code, which Lucene ports: "
                "stemming starts only when k > k0 + 1); the 1980 algorithm stems them too")
    if word.endswith(("bly", "bli")) and other.endswith("bli"):
        return "step 2 'bli' → 'ble' (a departure in Porter's C and Java code) vs the 1980 paper's 'abli' → 'able'"
    if word.endswith(("logy", "logi")) and other.endswith("logi"):
        return "step 2 'logi' → 'log' (a departure in Porter's C and Java code), absent from the 1980 paper"
    return ""


def main():
    kit_cmd = shlex.split(sys.argv[1]) if len(sys.argv) > 1 else ["dotnet", "src/Dssm.Cli/bin/Release/net10.0/dssm.dll"]
    vocab = vocabulary()
    with tempfile.TemporaryDirectory() as tmp:
        words_file, stems_file = os.path.join(tmp, "words.txt"), os.path.join(tmp, "stems.txt")
        with open(words_file, "w") as f:
            f.write("\n".join(vocab) + "\n")
        out = subprocess.run(kit_cmd + ["bench", "analyze", "--analyzer", "english", "--texts", words_file, "--tokens", stems_file],
                             capture_output=True, text=True, check=True).stdout
        kit = open(stems_file).read().split("\n")[:len(vocab)]
    print(" ".join(out.split()))
    nltk = PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)
    martin = PorterStemmer(mode=PorterStemmer.MARTIN_EXTENSIONS)   # the 1980 paper plus Porter's own later departures
    snow = snowballstemmer.stemmer("porter")
    print(f"vocabulary {len(vocab)} words (man2 + man3)")
    for name, stem in (("nltk-original", lambda w: nltk.stem(w, to_lowercase=False)), ("snowball-porter", snow.stemWord),
                       ("nltk-martin-extensions", lambda w: martin.stem(w, to_lowercase=False))):
        diff = [(w, k, stem(w)) for w, k in zip(vocab, kit) if k != stem(w)]
        print(f"{name}: agree {len(vocab) - len(diff)}/{len(vocab)} = {100 * (1 - len(diff) / len(vocab)):.3f}%; disagree {len(diff)}")
        reasons = collections.Counter()
        for w, k, s in diff:
            why = explain(w, k, s) or "unexplained"
            reasons[why] += 1
        for why, n in reasons.most_common():
            examples = [f"{w}: kit {k or '(none)'} / {s}" for w, k, s in diff if (explain(w, k, s) or "unexplained") == why][:10]
            print(f"  {n:5d}  {why}\n         e.g. " + "; ".join(examples))


if __name__ == "__main__":
    main()
