"""Mutation benchmark for the number rules on real human translations (the dev corpus).

Usage: python bench/numbers_dev_mutation.py [FOLDER ...] [--misses] [-j N]

Each FOLDER holds line-paired NAME.zh / NAME.en documents (default: the four WMT folders of
../shared/data/dev). Errors are injected into correct published translations and the check must
report each one, at warning or error, on the mutated line, with nothing new anywhere else.

Sites are chosen by an oracle that is independent of qa's number readers: a figure written in
digits in the English (with an optional million/billion/thousand, %, percent or percentage
points) whose value the Chinese line also gives, in digits (with 万/亿) or as a Chinese numeral
read by cn2an. Values under 10 are left out unless they are percentages (small counts are
given in words as often as in figures, and the oracle would pair them by chance), and so are
years, days next to a month name and clock times (calendar, compared as dates) and identifiers
(No. 10, telephone numbers, iPhone 13): the oracle's own short list, not qa's. Kinds:

  digit      one digit of the English figure changed (never a leading digit into 0) -> number-mismatch
  scale      the English figure x10 / /10, x1000, or million <-> billion              -> number-scale
  percent    percent written as percentage points or the reverse                      -> number-percent-point
  direction  the change word before an English percentage flipped (up <-> down),
             where the Chinese has a change word before its figure                    -> number-direction
  delete     the English figure removed, with its scale word and currency mark         -> number-missing
  numeral    a Chinese numeral (三千万, 二十) changed by one digit, the English kept   -> number-mismatch
  order      two values of a 分别 / respectively list swapped in the English            -> number-order

Mutations of one document run go to different lines, never neighbouring ones. Prints sites and
recall per kind, and the new warning-or-error findings outside the mutated lines.
"""
from __future__ import annotations

import random
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

from _common import apply_edits, count_outside, dev_folders, dev_pair, dev_parser, line_findings, tally
from _common import edit_batches as batches

EXPECT = {
    "digit": "number-mismatch", "scale": "number-scale", "percent": "number-percent-point",
    "direction": "number-direction", "delete": "number-missing", "numeral": "number-mismatch",
    "order": "number-order",
}
EN_FIGURE = re.compile(
    r"(?<![\w.,$£€¥/#@−-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d|[.,]\d|[A-Za-z/:]|[-−]\d)"
    r"(\s*(?:million|billion|thousand)\b)?(\s*(?:%|percent\b|per cent\b|percentage points?\b))?"
)
ZH_FIGURE = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])\s*(万亿|亿|万)?")
ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]{2,}")
EN_SCALE = {"thousand": 3, "million": 6, "billion": 9}
ZH_SCALE = {"万": 4, "亿": 8, "万亿": 12}
FLIP = {
    "increase": "decrease", "increased": "decreased", "increases": "decreases", "up": "down", "rose": "fell",
    "rise": "fall", "grew": "shrank", "growth": "decline", "higher": "lower", "rising": "falling",
    "decrease": "increase", "decreased": "increased", "decreases": "increases", "down": "up", "fell": "rose",
    "decline": "growth", "declined": "grew", "lower": "higher", "drop": "rise", "dropped": "rose",
    "fall": "rise", "falling": "rising", "gain": "loss", "jumped": "slumped",
}
FLIP_RE = re.compile(r"\b(" + "|".join(sorted(FLIP, key=len, reverse=True)) + r")\b", re.IGNORECASE)
ZH_CHANGE = re.compile(r"(增长|上升|提升|提高|增加|上涨|下降|减少|降低|下滑|下跌|回落|增|降|涨|跌)")
CN_DIGITS = "一二三四五六七八九"


def en_value(m: re.Match) -> Decimal:
    v = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
    if m.group(3):
        v *= Decimal(10) ** EN_SCALE[m.group(3).strip()]
    return v


MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*$|^\s*(?:st|nd|rd|th)?\s*"
                    r"(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def _calendar(line: str, m: re.Match) -> bool:
    """A year (1900-2100 in four digits), a day next to a month name, or a clock time: calendar, not a quantity."""
    if not m.group(2) and not m.group(3) and not m.group(4) and "," not in m.group(1) and 1900 <= int(m.group(1)) <= 2100:
        return True
    if MONTHS.search(line[max(0, m.start() - 12):m.start()]) or MONTHS.match(line[m.end():m.end() + 14]):
        return True
    if re.search(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*(?:and|to|-|–)\s*$",
                 line[max(0, m.start() - 20):m.start()]):
        return True  # November 26 and 27
    return bool(re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d)", line[m.end():m.end() + 6], re.IGNORECASE))


def _identifier(line: str, m: re.Match) -> bool:
    """Not a quantity, by the oracle's own reading: a serial number (No. 10), a telephone number,
    a version or model next to a capitalised name (iPhone 13, Double 12), part of a time or date."""
    before = line[max(0, m.start() - 12):m.start()]
    if re.search(r"(?:\bNo\.?|\bnumber|#|\bRoad|\bStreet|\bdeck|\bdecks|\bRoom|\bPlatform)\s*$", before):
        return True
    if len(m.group(1).replace(",", "")) >= 9 and not m.group(3):
        return True
    if re.search(r"\b(?:[a-z]+[A-Z][A-Za-z]*|Double|Windows|Galaxy|windows|office|version)\s$", before):
        return True
    name = re.search(r"(?<![.!?:\"“] )(?<!^)\b([A-Z][a-z]+|[A-Z]{2,})[\s−-]$", before)
    if name and name.group(1) not in ("The", "In", "On", "At", "Over", "About", "Some", "Nearly", "Almost", "And",
                                      "Of", "RMB", "US", "USD", "HK", "Just", "All", "Only", "To", "By", "For"):
        return True  # Boeing 737, FTSE 250, Section 713
    return bool(re.search(r"\d[:/]$", before) or re.match(r"[:/]\d", line[m.end():m.end() + 2]))


def zh_values(line: str) -> set[Decimal]:
    """Every value the Chinese line writes, by the oracle: digits with 万/亿, and numerals through cn2an."""
    import cn2an

    out = set()
    for m in ZH_FIGURE.finditer(line):
        v = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
        out.add(v * Decimal(10) ** ZH_SCALE[m.group(3)] if m.group(3) else v)
    for m in ZH_NUMERAL.finditer(line):
        try:
            out.add(Decimal(str(cn2an.cn2an(m.group(), "strict"))))
        except (ValueError, KeyError):
            pass
    return out


def sites(zh_lines: list[str], en_lines: list[str], rng: random.Random) -> list[tuple]:
    """(kind, line, side, start, end, new text) for every site of every kind."""
    import cn2an

    out = []
    for i, (zl, el) in enumerate(zip(zh_lines, en_lines)):
        values = zh_values(zl)
        figures = [m for m in EN_FIGURE.finditer(el) if en_value(m) in values]
        for m in figures:
            v = en_value(m)
            percent = bool(m.group(4))
            if v < 10 and not percent or _calendar(el, m) or _identifier(el, m):
                continue
            s, e = m.start(1), m.end(2) if m.group(2) else m.end(1)
            digits = [k for k in range(s, e) if el[k].isdigit()]
            k = rng.choice(digits)
            new = str((int(el[k]) + rng.randint(1, 8)) % 10)
            if not (k == digits[0] and new == "0"):
                out.append(("digit", i, "en", k, k + 1, new))
            if not percent:
                if m.group(3) and rng.random() < 0.5:
                    word = m.group(3).strip()
                    swap = {"million": "billion", "billion": "million", "thousand": "million"}[word]
                    at = m.start(3) + m.group(3).index(word)
                    out.append(("scale", i, "en", at, at + len(word), swap))
                else:
                    factor = rng.choice((10, 1000, Decimal("0.1")))
                    number = Decimal(m.group(1).replace(",", "") + (m.group(2) or "")) * factor
                    text = format(number.normalize(), "f")
                    if "," in m.group(1) and "." not in text:
                        text = f"{int(text):,}"
                    out.append(("scale", i, "en", s, e, text))
            else:
                unit = m.group(4)
                if "point" in unit:
                    out.append(("percent", i, "en", m.start(4), m.end(4), "%"))
                else:
                    out.append(("percent", i, "en", m.start(4), m.end(4), " percentage points"))
                before = list(FLIP_RE.finditer(el, max(0, m.start() - 40), m.start()))
                zpos = [z for z in ZH_FIGURE.finditer(zl) if Decimal(z.group(1).replace(",", "") + (z.group(2) or "")) == v]
                if before and zpos and ZH_CHANGE.search(zl[:zpos[0].start()][-12:]):
                    w = before[-1]
                    word = FLIP[w.group(1).lower()]
                    word = word.capitalize() if w.group(1)[0].isupper() else word
                    out.append(("direction", i, "en", w.start(), w.end(), word))
            start = s
            cur = re.search(r"(RMB|CNY|US\$|\$|£|€|¥)\s*$", el[max(0, s - 5):s])
            if cur:
                start -= len(cur.group(0))
            out.append(("delete", i, "en", start, m.end(), ""))
        # a Chinese numeral that the English gives as a figure
        for m in ZH_NUMERAL.finditer(zl):
            if zl[m.end():m.end() + 1] in ("月", "日", "号") or zl[m.start() - 1:m.start()] in ("双", "第"):
                continue  # dates, 双十二, ordinals
            try:
                v = Decimal(str(cn2an.cn2an(m.group(), "strict")))
            except (ValueError, KeyError):
                continue
            if v < 10 or not any(en_value(f) == v for f in EN_FIGURE.finditer(el)):
                continue
            ks = [k for k, c in enumerate(m.group()) if c in CN_DIGITS]
            if not ks:
                continue
            k = rng.choice(ks)
            old = CN_DIGITS.index(m.group()[k])
            new = CN_DIGITS[(old + rng.randint(1, 7)) % 9]
            out.append(("numeral", i, "zh", m.start() + k, m.start() + k + 1, new))
        # a respectively list: swap the first two English values that the Chinese 分别 clause gives
        if "分别" in zl and "respectively" in el:
            after = zl[zl.index("分别"):]
            listed = [f for f in EN_FIGURE.finditer(el) if en_value(f) in zh_values(after)]
            if len(listed) >= 2 and listed[0].group() != listed[1].group():
                a, b = listed[0], listed[1]
                out.append(("order", i, "en", (a.start(), a.end(), b.group()), (b.start(), b.end(), a.group())))
    return out


def _findings(zh_lines, en_lines, tmp: Path):
    return line_findings(zh_lines, en_lines, tmp, ["NM"])


def run_document(zh_path: str) -> tuple[Counter, Counter, list[str]]:
    import tempfile

    zh_lines, en_lines, rng = dev_pair(zh_path)
    found, total, notes = Counter(), Counter(), []
    candidates = sites(zh_lines, en_lines, rng)
    if not candidates:
        return found, total, notes
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = _findings(zh_lines, en_lines, tmp)
        base_keys = Counter((r, k, lines) for r, lines, k, _ in base)
        for batch in batches(candidates):
            zh = apply_edits(zh_lines, [c for c in batch if c[2] == "zh"])
            en = apply_edits(en_lines, [c for c in batch if c[2] == "en"])
            after = _findings(zh, en, tmp)
            touched = {c[1] for c in batch}
            new = Counter((r, k, lines) for r, lines, k, _ in after) - base_keys
            for c in batch:
                total[c[0]] += 1
                hit = any(r == EXPECT[c[0]] and c[1] in lines and new[(r, k, lines)] for r, lines, k, _ in after)
                if c[0] == "order" and not hit:  # a published list already out of order: the swap repairs it
                    hit = any(r == "number-order" and c[1] in lines for r, lines, _, _ in base) and not any(
                        r == "number-order" and c[1] in lines for r, lines, _, _ in after)
                if hit:
                    found[c[0]] += 1
                else:
                    text = (zh_lines if c[2] == "zh" else en_lines)[c[1]]
                    s, e = (c[3][0], c[3][1]) if c[0] == "order" else (c[3], c[4])
                    got = [f"{r}: {msg}" for r, lines, k, msg in after if c[1] in lines and new[(r, k, lines)]]
                    notes.append(f"miss {c[0]:9} {Path(zh_path).name[:-3]}:{c[1] + 1} "
                                 f"{text[max(0, s - 30):e + 20]!r} -> {c[5] if c[0] != 'order' else 'swap'!r}; got {got}")
            count_outside(after, new, touched, Path(zh_path).name[:-3], found, notes)
    return found, total, notes


def main() -> int:
    ap = dev_parser(__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    folders = dev_folders(args)
    pairs = sorted(str(p) for f in folders for p in f.glob("*.zh"))
    found, total, notes = tally(run_document, pairs, args.j)
    if args.misses:
        for line in notes:
            print(" ", line)
    print(f"{len(pairs)} documents from {', '.join(f.name for f in folders)}")
    print(f"{'kind':10} {'sites':>6} {'recall':>7}")
    worst = 1.0
    for kind in EXPECT:
        if total[kind]:
            r = found[kind] / total[kind]
            worst = min(worst, r)
            print(f"{kind:10} {total[kind]:6d} {r:7.3f}")
    print(f"new warning-or-error findings outside the mutated lines: {found['outside']}")
    print(f"worst recall {worst:.3f} (target 0.95)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
