"""Terminology: one Chinese term rendered several ways, glossary violations,
and departures from last year's translation (``--reference``).

For each watched term (``rules/terms.tsv`` and the glossaries), every aligned
link whose Chinese contains the term is searched for each rendering's
spellings. An abbreviation the document defines ("intellectual property
rights (IPR)") joins its full form. Terms in no list come from
``qa.lang.mining``, with the renderings each link uses already found.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from ..lang.terms import Finder, Rendering, Term
from ..model import Span
from .base import Context, Example, Rule

MINED_MAIN = 2  # links a mined term's main rendering is used in, at least


@dataclass
class Use:
    link: int
    renderings: tuple[str, ...]  # labels of the renderings found in the link's English
    spellings: tuple[str, ...] = ()  # the spellings found, as written in the rules (IP, IPR ...)


def term_uses(ctx: Context, term: Term) -> list[Use]:
    """Where the term occurs in the Chinese, and which renderings the English uses there."""
    cache = ctx.__dict__.setdefault("_term_uses", {})
    key = (term.zh, tuple(r.label for r in term.renderings))
    if key in cache:
        return cache[key]
    finders = ctx.__dict__.setdefault("_finders", {})
    uses = []
    for n, link in enumerate(ctx.alignment):
        if not (link.zh and link.en) or not any(term.zh in ctx.zh[i].norm for i in link.zh):
            continue
        found, spellings = [], []
        spell = {sp: r.label for r in term.renderings for sp in r.spellings}
        for j in link.en:
            f = finders.get(j)
            if f is None:
                f = finders[j] = Finder(ctx.en[j].norm)
            for sp, _, _ in f.find(list(spell)):
                found.append(spell[sp])
                spellings.append(sp)
        uses.append(Use(n, tuple(dict.fromkeys(found)), tuple(dict.fromkeys(spellings))))
    cache[key] = uses
    return uses


def merged_renderings(ctx: Context, term: Term) -> list[Rendering]:
    """The term's renderings, with abbreviations the document defines joined to their full forms
    (once per term and check: term-inconsistent and term-reference both ask)."""
    cache = ctx.__dict__.setdefault("_merged", {})
    if term.zh in cache:
        return cache[term.zh]
    if "_english" not in ctx.__dict__:
        ctx.__dict__["_english"] = " ".join(p.norm for p in ctx.en)
    text = ctx.__dict__["_english"]
    groups = [list(r.spellings) for r in term.renderings]
    for a in range(len(groups)):
        for b in range(len(groups)):
            if a == b or not groups[a] or not groups[b]:
                continue
            for full in groups[a]:
                for abbr in groups[b]:
                    if re.fullmatch(r"[A-Z]{2,6}", abbr) and _defines(text, full, abbr):
                        groups[a] += groups[b]
                        groups[b] = []
                        break
    cache[term.zh] = [Rendering(g[0], tuple(g)) for g in groups if g]
    return cache[term.zh]


def _defines(text: str, full: str, abbr: str) -> bool:
    """Does the text define ``abbr`` as ``full``: "intellectual property rights (IPR)"?"""
    pattern = r"\s*".join(re.escape(w) for w in full.split()) + r"s?\s*\(\s*" + re.escape(abbr) + r"s?\s*\)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _spelled(term: Term, uses: list[Use]) -> dict[str, str]:
    """Each rendering as the document spells it: “IPR” / “intellectual property rights”."""
    seen = {sp for u in uses for sp in u.spellings}
    out = {}
    for r in term.renderings:
        used = [sp for sp in r.spellings if sp in seen] or [r.label]
        out[r.label] = " / ".join(f"“{sp}”" for sp in used)
    return out


def _ranked(counts: Counter, term: Term) -> list[tuple[str, int]]:
    """Renderings by use, most used first; ties go to the one listed first."""
    order = {r.label: k for k, r in enumerate(term.renderings)}
    return sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order))))


MAX_SPANS = 40  # highlights per finding: enough to see the pattern, not a whole report's worth


def term_spans(ctx: Context, zh: str, links: list[int], spellings) -> list[Span]:
    """Where a term stands in the Chinese of ``links`` and where its ``spellings`` stand in
    their English: the highlights of a term finding on both sides."""
    finders = ctx.__dict__.setdefault("_finders", {})
    out = []
    for n in links:
        link = ctx.alignment[n]
        for i in link.zh:
            text = ctx.zh[i].norm
            at = text.find(zh)
            while at >= 0:
                out.append(Span(ctx.zh[i].id, at, at + len(zh)))
                at = text.find(zh, at + len(zh))
        for j in link.en:
            f = finders.get(j)
            if f is None:
                f = finders[j] = Finder(ctx.en[j].norm)
            out += [Span(ctx.en[j].id, a, b) for _sp, a, b in f.find(list(spellings))]
    return out[:MAX_SPANS]


def _spellings(term: Term, label: str) -> tuple[str, ...]:
    return next((r.spellings for r in term.renderings if r.label == label), (label,))


def _where(ctx: Context, links: list[int]) -> str:
    ids = [ctx.en[ctx.alignment[n].en[0]].id for n in links]
    return ", ".join(ids[:8]) + (f" and {len(ids) - 8} more" if len(ids) > 8 else "")


class TermInconsistent(Rule):
    """One Chinese term rendered in materially different ways.

    **What it does.** For each watched term (rules/terms.tsv and any
    glossary), finds which rendering the English uses wherever the Chinese
    has the term, folding case, plurals, hyphens and lost spaces. When two or
    more renderings are used, reports the less common ones with counts and
    every location. A full form with its defined abbreviation ("intellectual
    property rights (IPR)", then "IPR") is one rendering. Terms in no list
    are mined from the document (dictionary words in three or more
    paragraphs, rendered by English words that gloss their parts) and
    reported when one rendering is established (two paragraphs at least)
    and another is used too.

    **Why.** A report that calls 商业秘密 "trade secret" on one page and
    "commercial secret" on another reads as two concepts; reviewers of
    official translations flag it first.
    """

    code, name, severity = "TI01", "term-inconsistent", "warning"
    summary = "A term is rendered in different ways"
    examples = (
        Example(
            zh="加强商业秘密保护。\n开展商业秘密保护试点。\n建设商业秘密保护基地。",
            en="Trade secret protection was strengthened.\nPilots of trade secret protection were launched.\n"
               "Commercial secret protection bases were built.",
            fires=1,
        ),
        Example(
            zh="加强商业秘密保护。\n开展商业秘密保护试点。",
            en="Trade secret protection was strengthened.\nPilots of trade secret protection were launched.",
            fires=0,
        ),
        Example(  # a term in no list, mined: 专项行动 = 专项 (special) + 行动 (action, operation)
            zh="开展专项行动。\n深化专项行动。\n部署专项行动。",
            en="A special action was launched.\nThe special action was deepened.\nSpecial operations were deployed.",
            fires=1,
        ),
    )

    def check(self, ctx: Context):
        for term in ctx.terms:
            if len(term.renderings) < 2:
                continue
            merged = Term(term.zh, merged_renderings(ctx, term))
            yield from self._drift(ctx, merged, [u for u in term_uses(ctx, merged) if u.renderings])
        for mined in ctx.mined_terms:
            term = Term(mined.zh, mined.renderings)
            merged = Term(term.zh, merged_renderings(ctx, term))
            into = {r.label: g.label for g in merged.renderings for r in term.renderings if r.label in g.spellings}
            uses = [Use(n, tuple(dict.fromkeys(into[lb] for lb in labels)), labels)
                    for n, labels in sorted(mined.uses.items())]
            yield from self._drift(ctx, merged, uses, least=MINED_MAIN)

    def _drift(self, ctx: Context, merged: Term, uses: list[Use], least: int = 1):
        counts = Counter(r for u in uses for r in u.renderings)
        if len(counts) < 2:
            return
        ranked = _ranked(counts, merged)
        main = ranked[0][0]
        if ranked[0][1] < least:
            return  # a mined term needs an established rendering to drift from
        shown = _spelled(merged, uses)
        main_links = [u.link for u in uses if main in u.renderings]
        for label, n in ranked[1:]:
            links = [u.link for u in uses if label in u.renderings]
            yield self.finding(
                *ctx.paragraphs(*(ctx.alignment[k] for k in links)),
                message=f"{merged.zh} is rendered {shown[label]} in {n} paragraph{'s' if n > 1 else ''}, "
                        f"but {shown[main]} in {len(main_links)}",
                zh_text=merged.zh,
                en_text=label,
                spans=term_spans(ctx, merged.zh, links, _spellings(merged, label)),
                evidence=(f"{shown[main]}: {_where(ctx, main_links)}", f"{shown[label]}: {_where(ctx, links)}"),
                key=f"{merged.zh}|{label}",
            )


class TermGlossary(Rule):
    """A glossary term is in the Chinese and none of its approved renderings is in the English.

    **What it does.** For each term of the glossaries (``--glossary``, or
    ``glossary`` in the configuration; TBX, CSV or YAML; traditional and
    simplified Chinese both match), checks every aligned paragraph whose
    Chinese contains it for a preferred or allowed rendering.

    **Why.** Publishers fix the names of bodies, programmes and legal
    concepts; a translation must use them.
    """

    code, name, severity = "TG01", "term-glossary", "warning"
    summary = "A glossary term is not rendered as the glossary says"
    examples = (
        Example(zh="省知识产权局开展专项行动。", en="The provincial IP bureau launched a campaign.", fires=1,
                glossary="知识产权局:\n  preferred: Intellectual Property Administration\n  forbidden: [Intellectual Property Office]\n"),
        Example(zh="省知识产权局开展专项行动。", en="The Guangdong Intellectual Property Administration launched a campaign.",
                fires=0, glossary="知识产权局:\n  preferred: Intellectual Property Administration\n  forbidden: [Intellectual Property Office]\n"),
    )

    def check(self, ctx: Context):
        for term in ctx.glossary:
            allowed = term.preferred + term.allowed
            if not allowed:
                continue
            approved = Term(term.zh, [Rendering(s, (s,)) for s in allowed])
            for use in term_uses(ctx, approved):
                if use.renderings:
                    continue
                link = ctx.alignment[use.link]
                yield self.finding(
                    *ctx.paragraphs(link),
                    message=f"{term.zh} should be rendered “{term.preferred[0] if term.preferred else allowed[0]}”"
                            f" (glossary {term.source.rsplit('/', 1)[-1]}); the English has none of: "
                            + ", ".join(f"“{a}”" for a in allowed),
                    zh_text=term.zh,
                    spans=term_spans(ctx, term.zh, [use.link], ()),
                    key=term.zh,
                )


class TermForbidden(Rule):
    """The English uses a rendering the glossary forbids for a term in the Chinese.

    **What it does.** For each glossary term with forbidden (deprecated)
    renderings, reports every aligned paragraph whose Chinese has the term
    and whose English uses a forbidden rendering.

    **Why.** Deprecated names (an agency's old name, a rejected translation)
    must not reappear in a new edition.
    """

    code, name, severity = "TF01", "term-forbidden", "error"
    summary = "A forbidden rendering of a glossary term is used"
    examples = (
        Example(zh="省知识产權局开展专项行动。", en="The Guangdong Intellectual Property Office launched a campaign.",
                fires=1, glossary="知识产权局:\n  preferred: Intellectual Property Administration\n  forbidden: [Intellectual Property Office]\n"),
        Example(zh="省知识产权局开展专项行动。", en="The Guangdong Intellectual Property Administration launched a campaign.",
                fires=0, glossary="知识产权局:\n  preferred: Intellectual Property Administration\n  forbidden: [Intellectual Property Office]\n"),
    )

    def check(self, ctx: Context):
        for term in ctx.glossary:
            if not term.forbidden:
                continue
            banned = Term(term.zh, [Rendering(s, (s,)) for s in term.forbidden])
            for use in term_uses(ctx, banned):
                for label in use.renderings:
                    link = ctx.alignment[use.link]
                    ok = term.preferred[0] if term.preferred else (term.allowed or ["an approved rendering"])[0]
                    yield self.finding(
                        *ctx.paragraphs(link),
                        message=f"{term.zh} is rendered “{label}”, which the glossary forbids; use “{ok}”",
                        zh_text=term.zh,
                        en_text=label,
                        spans=term_spans(ctx, term.zh, [use.link], (label,)),
                        key=f"{term.zh}|{label}",
                    )


class TermReference(Rule):
    """A term is rendered differently from the reference translation (last year's report).

    **What it does.** With ``--reference``, learns how the earlier published
    translation rendered each watched term (the rendering it used most) and
    each term mined from it (as term-inconsistent mines them, but from two
    paragraphs: one rendering used in two at least), and reports the
    paragraphs of this translation that use another rendering: not those
    that also use the reference's, unless the Chinese names the term there
    as often as the English renders it. Renderings are compared as
    term-inconsistent compares them (case, plural, hyphen, spelling variants
    are one rendering).

    **Why.** A yearly report should keep last year's terminology unless an
    editor decides otherwise; this is how the decision gets made once.
    """

    code, name, severity = "TR01", "term-reference", "warning"
    summary = "A term departs from the reference translation"
    examples = (
        Example(
            zh="加强商业秘密保护。", en="Commercial secret protection was strengthened.", fires=1,
            reference=("开展商业秘密保护试点。\n建设商业秘密保护基地。",
                       "Pilots of trade secret protection were launched.\nTrade secret protection bases were built."),
        ),
        Example(
            zh="加强商业秘密保护。", en="Trade secret protection was strengthened.", fires=0,
            reference=("开展商业秘密保护试点。\n建设商业秘密保护基地。",
                       "Pilots of trade secret protection were launched.\nTrade secret protection bases were built."),
        ),
        Example(  # a term in no list, mined from the reference: 专项行动 was "special action"
            zh="开展打击侵权专项行动。", en="Special operations against infringement were launched.", fires=1,
            reference=("开展专项行动。\n深化专项行动。\n部署专项行动。",
                       "A special action was launched.\nThe special action was deepened.\n"
                       "Special actions were deployed."),
        ),
    )

    def check(self, ctx: Context):
        yield from self._mined(ctx)
        for term in ctx.terms:
            established = ctx.reference.get(term.zh)
            if not established or len(term.renderings) < 2:
                continue
            label, count, total, _ = established
            merged = Term(term.zh, merged_renderings(ctx, term))
            owner = {sp.lower(): r.label for r in merged.renderings for sp in r.spellings}
            same = {owner.get(sp.lower()) for r in term.renderings if r.label == label for sp in r.spellings}
            departures: dict[str, list] = {}
            for use in term_uses(ctx, merged):
                if any(r in same for r in use.renderings):
                    continue
                for sp in use.spellings:
                    if owner.get(sp.lower()) not in same:
                        departures.setdefault(sp, []).append(use.link)
            for spelling, links in departures.items():
                yield self._departure(ctx, term.zh, spelling, links, established)

    def _mined(self, ctx: Context):
        """Mined terms of the reference, wherever this translation renders them otherwise."""
        from ..lang.mining import departures

        watched = {t.zh for t in ctx.terms} | {t.zh for t in ctx.glossary}
        learnt = {zh: lt.label for zh, lt in ctx.reference.items() if lt.mined and zh not in watched}
        if not learnt:
            return
        pairs, zh, en = ctx.link_texts
        for term, found in sorted(departures(learnt, zh, en).items()):
            for surface, texts in found:
                yield self._departure(ctx, term, surface, [pairs[k] for k in texts], ctx.reference[term])

    def _departure(self, ctx: Context, zh: str, spelling: str, links: list[int], learnt: Learnt):
        return self.finding(
            *ctx.paragraphs(*(ctx.alignment[k] for k in links)),
            message=f"{zh} is rendered “{spelling}” in {len(links)} paragraph{'s' if len(links) > 1 else ''};"
                    f" the reference translation used “{learnt.label}” ({learnt.count} of {learnt.total} paragraphs)",
            zh_text=zh,
            en_text=spelling,
            spans=term_spans(ctx, zh, links, (spelling,)),
            evidence=(f"“{spelling}”: {_where(ctx, links)}",),
            key=f"{zh}|{spelling}",
        )


class Learnt(NamedTuple):
    """How a reference translation rendered a term."""
    label: str  # the rendering it used most
    count: int  # in how many paragraphs
    total: int  # of the paragraphs with the term (and a rendering found)
    mined: bool = False  # a term in no list, found by mining


def learn_reference(ctx: Context) -> dict[str, Learnt]:
    """Per term, the rendering a reference translation used most: each watched term, and each
    mined term with an established rendering (two paragraphs or more)."""
    out = {}
    for m in ctx.mine(least=1, links=MINED_MAIN):
        label = m.renderings[0].label
        count = sum(1 for labels in m.uses.values() if label in labels)
        if count >= MINED_MAIN:
            out[m.zh] = Learnt(label, count, len(m.uses), mined=True)
    for term in ctx.terms:
        if len(term.renderings) < 2:
            continue
        merged = Term(term.zh, merged_renderings(ctx, term))
        uses = [u for u in term_uses(ctx, merged) if u.renderings]
        counts = Counter(r for u in uses for r in u.renderings)
        if counts:
            label, n = _ranked(counts, merged)[0]
            # report the label in the watched list's terms, not a merged spelling
            for r in term.renderings:
                if label in r.spellings or r.label == label:
                    label = r.label
            out[term.zh] = Learnt(label, n, len(uses))
    return out
