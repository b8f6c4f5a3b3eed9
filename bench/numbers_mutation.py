"""Mutation benchmark for the number rules.

From each seed, inject one kind of number error into the English of aligned
links and check that the expected rule reports it, and that nothing new is
reported elsewhere. Kinds:

  digit      one digit of a matched English number changed      -> number-mismatch
  scale      x10 or x1000 (decimal point moved, billion/million) -> number-scale
  percent    percentage points written as percent, or reverse   -> number-percent-point
  direction  the change word flipped (up <-> down)              -> number-direction
  order      two values of a 分别/respectively list swapped      -> number-order
             (where the published list was already out of order, as all four
             in the seeds are, the swap repairs it: recall counts the
             number-order finding going away)
  delete     the English number removed                         -> number-missing (or a mismatch with an unsourced English figure)

Mutations of one run are in different links (at most one per link), and
every candidate site in the seeds is used. Prints recall per kind (strict: the
expected rule; any: any new number- finding on the mutated link) and the new
findings outside the mutated links. Usage: python bench/numbers_mutation.py [--misses]
"""
from __future__ import annotations

import random
import re
import sys
import time
from dataclasses import replace

from _common import detections as check  # noqa: F401  (ROOT puts the repo on sys.path)
from _common import edit_batches, seed_pairs

from qa.align import align
from qa.config import Profile
from qa.lang.numbers import CALENDAR, MULTIPLE, ORDINAL, PERCENT, POINTS
from qa.lang.text import normalise
from qa.load import load
from qa.model import Bitext
from qa.model import fingerprint as fp
from qa.rules.base import Context
from qa.rules.numbers import match_link, respectively_groups

EXPECT = {
    "digit": {"number-mismatch"},
    "scale": {"number-scale"},
    "percent": {"number-percent-point"},
    "direction": {"number-direction"},
    "order": {"number-order"},
    # A deleted figure is found when the Chinese figure is reported, either as missing or as
    # paired with an English figure that has no source of its own ("16, but the English says 10").
    "delete": {"number-missing", "number-mismatch"},
}
FLIP = {
    "increase": "decrease", "increases": "decreases", "increased": "decreased", "up": "down", "rose": "fell",
    "rise": "fall", "grew": "shrank", "growth": "decline", "higher": "lower", "rising": "falling",
    "decrease": "increase", "decreases": "increases", "decreased": "increased", "down": "up", "fell": "rose",
    "decline": "growth", "declined": "grew", "lower": "higher", "drop": "rise", "dropped": "rose",
    "reduction": "increase", "reduced": "increased", "falling": "rising", "fall": "rise",
}
FLIP_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(FLIP, key=len, reverse=True)) + r")(?![a-z])", re.IGNORECASE)
PROFILE = Profile(select=["NM"])
SHOW_MISSES = "--misses" in sys.argv


def _shift_point(text: str, places: int) -> str | None:
    """'398.21 billion' -> '39.821 billion' (places=-1); '43,200' -> '432,000' (+1)."""
    m = re.match(r"(\d[\d,]*)(\.\d+)?(.*)$", text, re.S)
    if not m:
        return None
    digits = (m.group(1) + (m.group(2) or "")).replace(",", "")
    whole, _, frac = digits.partition(".")
    if places > 0:
        frac = frac + "0" * places
        whole, frac = whole + frac[:places], frac[places:]
    else:
        whole = "0" * -places + whole
        whole, frac = whole[:places], whole[places:] + frac
    whole = whole.lstrip("0") or "0"
    if whole == "0" and not frac.strip("0"):
        return None
    frac = frac.rstrip("0")
    if "," in m.group(1) and len(whole) > 3:
        whole = f"{int(whole):,}"
    return whole + ("." + frac if frac else "") + m.group(3)


def sites(bitext, alignment):
    """Every place each kind of mutation can go: (kind, link index, [(en para, start, end, new text)])."""
    ctx = Context(bitext, alignment)
    rng = random.Random(7)
    out = []
    for n, link in enumerate(alignment):
        if not (link.zh and link.en):
            continue
        zh = [m for i in link.zh for m in ctx.zh_numbers[i]]
        en = [(j, m) for j in link.en for m in ctx.en_numbers[j]]
        owner = {id(m): j for j, m in en}
        lm = match_link(zh, [m for _, m in en])
        for z, e in lm.pairs:
            j = owner[id(e)]
            text = ctx.en[j].text
            if z.kind in CALENDAR or e.numeral or e.kind in CALENDAR or e.kind == MULTIPLE or z.numeral:
                continue
            significant = z.kind in (PERCENT, POINTS) or z.value >= 10
            if not significant:
                continue
            # (a) a changed digit, never the leading one into a zero
            digits = [k for k in range(e.start, e.end) if text[k].isdigit()]
            k = rng.choice(digits)
            new = str((int(text[k]) + rng.randint(1, 8)) % 10)
            if not (k == digits[0] and new == "0"):
                out.append(("digit", n, [(j, k, k + 1, new)]))
            # (b) a scale slip
            shifted = _shift_point(e.text, rng.choice((-1, 1)))
            if re.search(r"billion|million", e.text) and rng.random() < 0.5:
                shifted = e.text.replace("billion", "million") if "billion" in e.text else e.text.replace("million", "billion")
            if shifted and e.kind not in (PERCENT, POINTS, ORDINAL):
                out.append(("scale", n, [(j, e.start, e.end, shifted)]))
            # (c) percent <-> percentage points
            if z.kind == POINTS and e.kind == POINTS:
                m = re.search(r"\s*percentage\s?points?", e.text)
                if m:
                    out.append(("percent", n, [(j, e.start + m.start(), e.start + m.end(), "%")]))
            elif z.kind == PERCENT and e.kind == PERCENT and e.text.endswith("%"):
                out.append(("percent", n, [(j, e.end - 1, e.end, " percentage points")]))
            # (d) the direction word flipped
            if z.direction and e.direction:
                before = list(FLIP_RE.finditer(text, max(0, e.start - 40), e.start))
                if before:
                    w = before[-1]
                    word = FLIP[w.group(1).lower()]
                    if w.group(1)[0].isupper():
                        word = word.capitalize()
                    out.append(("direction", n, [(j, w.start(), w.end(), word)]))
            # (f) the number deleted (with its currency mark)
            start = e.start
            cur = re.search(r"(RMB|CNY|US\$|¥)\s*$", text[max(0, start - 5):start])
            if cur:
                start -= len(cur.group(0))
            out.append(("delete", n, [(j, start, e.end, "")]))
        # (e) two values of a respectively list swapped
        counterpart = {id(z): e for z, e in lm.pairs}
        for i in link.zh:
            for _items, values in respectively_groups(ctx.zh[i].norm, ctx.zh_numbers[i]):
                if all(id(v) in counterpart for v in values[:2]):
                    a, b = counterpart[id(values[0])], counterpart[id(values[1])]
                    if owner[id(a)] == owner[id(b)] and a.text != b.text:
                        j = owner[id(a)]
                        out.append(("order", n, [(j, a.start, a.end, b.text), (j, b.start, b.end, a.text)]))
    return out


def apply(bitext, edits):
    """A new Bitext with the English edits applied (each edit inside one paragraph)."""
    by_para = {}
    for j, s, e, new in edits:
        by_para.setdefault(j, []).append((s, e, new))
    paras = list(bitext.en.paragraphs)
    for j, changes in by_para.items():
        text = paras[j].text
        for s, e, new in sorted(changes, reverse=True):
            text = text[:s] + new + text[e:]
        paras[j] = replace(paras[j], text=text, norm=normalise(text))
    return Bitext(bitext.zh, replace(bitext.en, paragraphs=tuple(paras)), bitext.links)


def _keys(findings, skip_paras=frozenset()):
    seen, out = {}, set()
    for f in findings:
        if skip_paras & set(f.zh + f.en):
            continue
        k = (f.rule, f.key or f.message, f.zh_text, f.en_text)
        seen[k] = seen.get(k, 0) + 1
        out.add(fp(f, seen[k]))
    return out


def main() -> int:
    t0 = time.perf_counter()
    hits = {k: [0, 0, 0] for k in EXPECT}  # strict, any, total
    outside = 0
    outside_examples = []
    runs = 0
    for seed, _gold in seed_pairs():
        bitext = load(str(seed))
        base = check(bitext, PROFILE)
        alignment = align(bitext)
        candidates = sites(bitext, alignment)
        # at most one per link, never in neighbouring links (a mutation may move its neighbours' alignment)
        for batch in edit_batches(candidates):
            mutated = apply(bitext, [e for c in batch for e in c[2]])
            result = check(mutated, PROFILE)
            runs += 1
            touched = set()
            for kind, n, _ in batch:
                link = alignment[n]
                paras = {f"zh-{i + 1}" for i in link.zh} | {f"en-{j + 1}" for j in link.en}
                touched |= paras
                before = _keys([f for f in base.findings if paras & set(f.zh + f.en)])
                new = [f for f in result.findings if paras & set(f.zh + f.en)]
                new_keys = _keys(new)
                fresh = [f for f, k in zip(new, _ordered_keys(new)) if k not in before]
                hits[kind][2] += 1
                if any(f.rule in EXPECT[kind] for f in fresh):
                    hits[kind][0] += 1
                elif kind == "order" and _flipped(base.findings, result.findings, paras):
                    hits[kind][0] += 1  # the published list was already wrong: the swap repairs it
                    hits[kind][1] += 1
                if fresh:
                    hits[kind][1] += 1
                if SHOW_MISSES and not any(f.rule in EXPECT[kind] for f in fresh):
                    edit = next(c for c in batch if c[1] == n)[2][0]
                    old = bitext.en.paragraphs[edit[0]].text
                    print(f"  miss {kind} {seed.name[:3]} en-{edit[0] + 1}: {old[max(0, edit[1] - 30):edit[2] + 20]!r}"
                          f" -> {edit[3]!r}; got {[f.code + ' ' + f.message for f in fresh]}")
                del new_keys
            extra = _keys(result.findings, frozenset(touched)) - _keys(base.findings, frozenset(touched))
            if extra:
                outside += len(extra)
                outside_examples += [f"{seed.name[:3]}: {f.code} {f.message}" for f in result.findings
                                     if not (touched & set(f.zh + f.en))][:3]
    print(f"{'kind':10} {'sites':>6} {'recall':>7} {'any rule':>9}")
    worst = 1.0
    for kind, (strict, anyrule, total) in hits.items():
        r = strict / total if total else float("nan")
        worst = min(worst, r)
        print(f"{kind:10} {total:6d} {r:7.3f} {anyrule / total if total else float('nan'):9.3f}")
    print(f"new findings outside the mutated links: {outside}")
    for line in outside_examples[:10]:
        print("  ", line)
    print(f"{runs} checked documents in {time.perf_counter() - t0:.1f} s; worst recall {worst:.3f} (target 0.99 on the seeds)")
    return 0


def _flipped(before, after, paras) -> bool:
    """A number-order finding on the link went away with the mutation."""
    def on(fs):
        return {f.message for f in fs if f.rule == "number-order" and paras & set(f.zh + f.en)}
    return bool(on(before) - on(after))


def _ordered_keys(findings):
    seen, out = {}, []
    for f in findings:
        k = (f.rule, f.key or f.message, f.zh_text, f.en_text)
        seen[k] = seen.get(k, 0) + 1
        out.append(fp(f, seen[k]))
    return out


if __name__ == "__main__":
    sys.exit(main())
