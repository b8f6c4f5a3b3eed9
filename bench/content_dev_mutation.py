"""Mutation benchmark for the content rules on real human translations (the dev corpus).

Usage: python bench/content_dev_mutation.py [FOLDER ...] [--misses] [--apart N] [-j N]

Each FOLDER holds line-paired NAME.zh / NAME.en documents (default: the four WMT folders of
../shared/data/dev). Content is removed from (or added to) the English of correct published
translations; the check must report each change at warning or error on the mutated line, with
nothing new anywhere else.

Sites are chosen by the text's own shape, never by asking the rules (sentences split at
. ! ? and 。！？, lists at 、 and commas):

  sentence   an English sentence (30+ characters) deleted from a line whose English and
             Chinese have the same number of sentences, two or more, the Chinese sentence
             at the same position 8+ characters, 20+ letters of English left  -> dropped-content
                                                                (or dropped-paragraph)
  clause     an English comma clause of five words or more deleted from inside a sentence,
             in a line whose Chinese has a ，-clause of 8+ characters               -> dropped-content
  item       a middle item deleted from an English list ("A, B, C and D") that has as many
             items as a 、-list of the Chinese line (three or more)                  -> dropped-item
  added      a sentence (8+ words) of another document's English appended to a line -> added-content
  duplicate  an English sentence (8+ words, ending . ! or ?) repeated after itself   -> added-content

Mutations of one document run go to different lines, never neighbouring ones (--apart N: at
least N lines apart, fewer errors per run as in a real draft; the rules' document-wide rates
then see fewer of them). Prints sites and
recall per kind, and the new warning-or-error findings outside the mutated lines.
"""
from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

from _common import apply_edits, count_outside, dev_folders, dev_pair, dev_parser, edit_batches, line_findings, tally

# A deleted sentence is found when the link says so, or when the rest of the English is too
# little to stay aligned and the line is reported as a dropped paragraph.
EXPECT = {"sentence": {"dropped-content", "dropped-paragraph"}, "clause": {"dropped-content"},
          "item": {"dropped-item"}, "added": {"added-content"}, "duplicate": {"added-content"}}
SELECT = ["DC", "DI", "AC", "DR", "AD"]
EN_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)\s*")
ZH_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*[”」』]?")
ZH_LIST = re.compile(r"[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8}){2,}")
EN_LIST = re.compile(r"\b([A-Za-z][\w'-]*(?: [A-Za-z][\w'-]*){0,3})((?:, [A-Za-z][\w'-]*(?: [A-Za-z][\w'-]*){0,3}){1,}),? and "
                     r"([A-Za-z][\w'-]*(?: [A-Za-z][\w'-]*){0,3})\b")
ZH_CLAUSE = re.compile(r"[^，。；！？]{8,}，")


def _cjk(text: str) -> int:
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff")


def en_sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in EN_SENTENCE.finditer(text) if m.group().strip()]


def sites(zh_lines: list[str], en_lines: list[str], rng: random.Random, donor: list[str]) -> list[tuple]:
    """(kind, line, "en", start, end, new) of each candidate mutation, at most one per kind and line."""
    out = []
    for i, (zh, en) in enumerate(zip(zh_lines, en_lines)):
        es = en_sentences(en)
        zs = [m.group() for m in ZH_SENTENCE.finditer(zh) if m.group().strip()]
        # sentence: the same count on both sides, so the sentence at k is likely the translation of k
        if len(es) >= 2 and len(es) == len(zs):
            k = rng.randrange(len(es))
            a, b = es[k]
            rest = en[:a] + en[b:]
            if b - a >= 30 and _cjk(zs[k]) >= 8 and len(re.findall(r"[A-Za-z]", rest)) >= 20:
                out.append(("sentence", i, "en", a, b, ""))
        # clause: ", clause of five words," inside a sentence
        if ZH_CLAUSE.search(zh):
            clauses = [m for m in re.finditer(r", ([^,.;:!?]+)(?=,)", en) if len(m.group(1).split()) >= 5]
            if clauses:
                m = rng.choice(clauses)
                out.append(("clause", i, "en", m.start(), m.end(), ""))
        # item: an English list as long as a Chinese 、-list
        zl = [len(m.group().split("、")) for m in ZH_LIST.finditer(zh)]
        for m in EN_LIST.finditer(en):
            middle = [x for x in m.group(2).split(", ") if x]
            if 1 + len(middle) + 1 in zl and len(middle) >= 1:
                n = rng.randrange(len(middle))
                start = m.start(2) + sum(len(x) + 2 for x in middle[:n])
                out.append(("item", i, "en", start, start + len(middle[n]) + 2, ""))
                break
        # added: a sentence of another document; duplicate: one of the line's own, repeated
        if es and donor:
            sentence = rng.choice(donor)
            out.append(("added", i, "en", len(en), len(en), (" " if not en.endswith(" ") else "") + sentence))
        long = [(a, b) for a, b in es if len(en[a:b].split()) >= 8 and en[a:b].rstrip()[-1:] in ".!?"]
        if long:
            a, b = rng.choice(long)
            text = en[a:b].rstrip()
            out.append(("duplicate", i, "en", a + len(text), a + len(text), " " + text))
    rng.shuffle(out)
    # one mutation per line per run: several kinds on one line would blur which was found
    return out


def run_document(args: tuple[str, list[str]]) -> tuple[Counter, Counter, list[str]]:
    import tempfile

    zh_path, donor, apart = args
    zh_lines, en_lines, rng = dev_pair(zh_path)
    found, total, notes = Counter(), Counter(), []
    candidates = sites(zh_lines, en_lines, rng, donor)
    if not candidates:
        return found, total, notes
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = line_findings(zh_lines, en_lines, tmp, SELECT)
        base_keys = Counter((r, k, lines) for r, lines, k, _ in base)
        for batch in edit_batches(candidates, apart):
            en = apply_edits(en_lines, batch)
            after = line_findings(zh_lines, en, tmp, SELECT)
            touched = {c[1] for c in batch}
            new = Counter((r, k, lines) for r, lines, k, _ in after) - base_keys
            for c in batch:
                total[c[0]] += 1
                hit = any(r in EXPECT[c[0]] and c[1] in lines and new[(r, k, lines)] for r, lines, k, _ in after)
                if hit:
                    found[c[0]] += 1
                else:
                    got = [f"{r}: {msg}" for r, lines, k, msg in after if c[1] in lines and new[(r, k, lines)]]
                    what = en_lines[c[1]][c[3]:c[4]] or c[5]
                    notes.append(f"miss {c[0]:9} {Path(zh_path).name[:-3]}:{c[1] + 1} {what[:90]!r}; got {got}")
            count_outside(after, new, touched, Path(zh_path).name[:-3], found, notes)
    return found, total, notes


def main() -> int:
    ap = dev_parser(__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--apart", type=int, default=1, help="lines between two mutations of one run (default 1: "
                    "up to every other line mutated at once, far denser than a real draft's errors)")
    args = ap.parse_args()
    folders = dev_folders(args)
    pairs = sorted(str(p) for f in folders for p in f.glob("*.zh"))
    # donors of added sentences: the English of the next document in the list
    jobs = []
    for n, path in enumerate(pairs):
        other = pairs[(n + 1) % len(pairs)]
        text = Path(other[:-3] + ".en").read_text(encoding="utf-8")
        donor = [s.strip() for line in text.splitlines() for a, b in en_sentences(line)
                 if len((s := line[a:b]).split()) >= 8]
        jobs.append((path, donor, args.apart))
    found, total, notes = tally(run_document, jobs, args.j)
    if args.misses:
        for line in notes:
            print(" ", line)
    print(f"{len(pairs)} documents from {', '.join(f.name for f in folders)}")
    print(f"{'kind':10} {'sites':>6} {'recall':>7}  target")
    for kind in EXPECT:
        if total[kind]:
            target = 0.7 if kind == "clause" else 0.9
            print(f"{kind:10} {total[kind]:6d} {found[kind] / total[kind]:7.3f}  {target}")
    print(f"new warning-or-error findings outside the mutated lines: {found['outside']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
