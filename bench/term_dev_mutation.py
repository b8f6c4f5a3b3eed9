"""Term-swap mutation benchmark on the dev corpus's real translations (issue 16).

    python bench/term_dev_mutation.py [FOLDER ...] [--misses] [--min-chars N] [-j N]

A site is a Chinese noun (to jieba's tagger) that stands in three or more lines of a document
and whose English lines all render it the same way, by one of its CC-CEDICT senses. Sites are of
two kinds: a *term*, three characters or more or a proper noun (办公室, 工作组, 知识产权; 广交会),
and a *word*, a common two-character noun (客户, 饮料). The issue's target is for terms: human
translators vary the rendering of common words from line to line ("customers" / "clients",
"beverage" / "drink"), so a swapped word is told from the translator's own variation only by
reading; mining two-character words put 40-59 term findings per 1,000 segments on the dev
corpus's human translations. Words are measured, with no target. One of those lines gets another
sense of the same entry instead, of one or two words, that the document's English never uses
("logo"): an established rendering swapped for a plausible other. The check must then report term-inconsistent on that line, at
warning or error, with nothing new anywhere else.

Sites are chosen from the text and the dictionary alone, never by asking the rules. Each
swap runs alone (one mutation per run). Prints sites and recall per kind, and the new
findings outside the mutated line.
"""
from __future__ import annotations

import gzip
import random
import re
import sys
import tempfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

from _common import count_outside, dev_folders, dev_pair, dev_parser, line_findings, tally

SELECT = ["TI", "TG", "TF"]
_SENSE = re.compile(r"^[a-z][a-z -]{3,30}$")


@lru_cache(maxsize=1)
def senses() -> dict[str, list[str]]:
    """Simplified headword -> its plain English senses (lower case, no brackets, no "to ")."""
    from qa.lang import dictionary

    out: dict[str, list[str]] = {}
    with gzip.open(dictionary._cedict_path(), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition(" [")
            parts = head.split(" ")
            if len(parts) != 2 or len(parts[1]) < 2:
                continue
            defs = rest.partition("] ")[2].strip().strip("/").split("/")
            plain = []
            for d in defs:
                d = re.sub(r"\([^)]*\)", "", d).strip().removeprefix("to ").strip()
                if _SENSE.match(d) and d not in plain:
                    plain.append(d)
            if len(plain) >= 2:
                out.setdefault(parts[1], []).extend(x for x in plain if x not in out.get(parts[1], []))
    return out


def _find(sense: str, text: str):
    """The first whole-word occurrence of a sense (plural allowed), case-insensitive."""
    return re.search(r"(?<![A-Za-z-])" + re.escape(sense) + r"(?:s|es)?(?![A-Za-z-])", text, re.IGNORECASE)


def sites(zh_lines: list[str], en_lines: list[str], rng: random.Random, min_chars: int) -> list[tuple]:
    """(line, start, end, replacement, term, kind) of each swap: one per term, at a random line of its."""
    import jieba.posseg

    from qa.lang.dictionary import stem

    table = senses()
    lines_of: dict[str, set[int]] = {}
    kinds: dict[str, str] = {}
    for i, zh in enumerate(zh_lines):
        for w, tag in jieba.posseg.lcut(zh):
            if len(w) >= min_chars and w in table and (tag.startswith("n") or tag == "vn"):
                lines_of.setdefault(w, set()).add(i)
                kinds[w] = "term" if len(w) >= 3 or tag in ("nr", "ns", "nt", "nz") else "word"
    english = " ".join(en_lines)
    out = []
    for term, lines in sorted(lines_of.items()):
        if len(lines) < 3:
            continue
        kept = [s for s in table[term] if all(_find(s, en_lines[i]) for i in lines)]
        # another sense, materially different: no word of the same stem (digital / digit is one rendering)
        kept_stems = {stem(w) for k in kept for w in k.split()}
        others = [s for s in table[term] if len(s.split()) <= 2 and not _find(s, english)
                  and not {stem(w) for w in s.split()} & kept_stems]
        if len(kept) != 1 or not others:
            continue  # no one established rendering, or no plausible other
        i = rng.choice(sorted(lines))
        m = _find(kept[0], en_lines[i])
        new = rng.choice(others)
        if m.group()[0].isupper():
            new = new[0].upper() + new[1:]
        out.append((i, m.start(), m.end(), new, term, kinds[term]))
    return out


def run_document(args) -> tuple[Counter, Counter, list[str]]:
    zh_path, min_chars = args
    zh_lines, en_lines, rng = dev_pair(zh_path)
    found, total, notes = Counter(), Counter(), []
    candidates = sites(zh_lines, en_lines, rng, min_chars)
    if not candidates:
        return found, total, notes
    name = Path(zh_path).name[:-3]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = line_findings(zh_lines, en_lines, tmp, SELECT)
        base_keys = Counter((r, k, lines) for r, lines, k, _ in base)
        for i, a, b, new, term, kind in candidates:
            en = list(en_lines)
            en[i] = en[i][:a] + new + en[i][b:]
            after = line_findings(zh_lines, en, tmp, SELECT)
            fresh = Counter((r, k, lines) for r, lines, k, _ in after) - base_keys
            total[kind] += 1
            if any(r == "term-inconsistent" and i in lines and fresh[(r, k, lines)] for r, lines, k, _ in after):
                found[kind] += 1
            else:
                notes.append(f"miss {kind} {name}:{i + 1} {term} {en_lines[i][a:b]!r} -> {new!r}")
            # a term finding names every line of its term: only findings about no line of the term count
            term_lines = {x for x, zh in enumerate(zh_lines) if term in zh}
            count_outside([x for x in after if not (x[0].startswith("term") and x[1] & term_lines)],
                          fresh, {i}, name, found, notes)
    return found, total, notes


def main() -> int:
    ap = dev_parser(__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--min-chars", type=int, default=2, help="shortest Chinese term (characters)")
    args = ap.parse_args()
    folders = dev_folders(args)
    pairs = sorted(str(p) for f in folders for p in f.glob("*.zh"))
    found, total, notes = tally(run_document, [(p, args.min_chars) for p in pairs], args.j)
    if args.misses:
        for line in notes:
            print(" ", line)
    print(f"{len(pairs)} documents from {', '.join(f.name for f in folders)}")
    print(f"{'term':10} {'sites':>6} {'recall':>7}  target")
    for kind, target in (("term", "0.9"), ("word", "none")):
        if total[kind]:
            print(f"{kind:10} {total[kind]:6d} {found[kind] / total[kind]:7.3f}  {target}")
    print(f"new warning-or-error findings outside the mutated lines: {found['outside']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
