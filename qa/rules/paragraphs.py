"""Rules read off the alignment: paragraphs with no counterpart, a truncated tail, weak links."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Link, Span
from .base import Context, Example, Rule, clip

_SENTENCE_END = ("。", "！", "？", ".", "!", "?", "”", "\"", "’", ")", "）", ":", "：", ";", "；")


def _runs(alignment: tuple[Link, ...], side: str) -> list[list[int]]:
    """Runs of consecutive links that have only ``side`` (zh: 1-0 links, en: 0-1 links)."""
    other = "en" if side == "zh" else "zh"
    runs: list[list[int]] = []
    prev_gap = False
    for link in alignment:
        mine, theirs = getattr(link, side), getattr(link, other)
        if mine and not theirs:
            if prev_gap:
                runs[-1].extend(mine)
            else:
                runs.append(list(mine))
            prev_gap = True
        elif theirs:
            prev_gap = False
    return runs


class Tail(NamedTuple):
    run: list[int]  # the trailing Chinese paragraphs with no English
    cut: bool  # the English stops mid-sentence
    stop: int  # the English paragraph where it stops (before a signature or source line)


def truncated_tail(ctx: Context) -> Tail | None:
    """The trailing run of untranslated Chinese paragraphs, and whether the
    last English paragraph stops mid-sentence; None when the English is whole.
    Computed once per check (four rules ask)."""
    if "_tail" not in ctx.__dict__:
        ctx.__dict__["_tail"] = _truncated_tail(ctx)
    return ctx.__dict__["_tail"]


def _truncated_tail(ctx: Context) -> Tail | None:
    tail: list[int] = []
    last_en_link = None
    links = list(ctx.alignment)
    # a signature, date or source line after the English (Source: ..., 2025-04-24) does not
    # hide where the English stopped: at most two such links at the very end are passed over
    while len(links) > 1 and len(ctx.alignment) - len(links) < 2 and _colophon(ctx, links[-1]):
        links.pop()
    for link in reversed(links):
        if link.en:
            last_en_link = link
            break
        tail[:0] = list(link.zh)
    if last_en_link is None:
        return None  # no English at all: nothing to call truncated
    cut = not ctx.en[last_en_link.en[-1]].text.rstrip().endswith(_SENTENCE_END)
    stop = last_en_link.en[-1]
    if len(tail) >= 2 or (tail and cut):
        return Tail(tail, cut, stop)
    if not tail and cut and last_en_link.zh and _cut_off(ctx, last_en_link):
        return Tail([], True, stop)  # the last pair's English stops mid-sentence (a cut-off export)
    return None


_COLOPHON = re.compile(r"^\s*(?:source|sources|from|published|posted|updated|editor|edited by|by|reporter|"
                       r"translated by|copyright|©|\(c\)|all rights reserved|\d{4}[-/.年]\d{1,2}|"
                       r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)", re.I)


def _colophon(ctx: Context, link) -> bool:
    """A last link whose English is a signature, date or source line (five words or fewer, or
    opening with Source:, Published, ©, a date...)."""
    if not link.en:
        return False
    text = " ".join(ctx.en[j].text for j in link.en).strip()
    return len(text.split()) <= 12 and bool(_COLOPHON.match(text))


def _cut_off(ctx: Context, link) -> bool:
    """The link's Chinese ends a sentence and its English, five words or more, stops without
    ending one (truncated_tail checked that), and is short for its Chinese by the document's own ratio (1.5 spreads or more):
    an English cut off. Not a heading or a signature (those end a sentence in neither language),
    nor a social post that never ends its sentences (its length is whole)."""
    from .evidence import LengthModel

    zh = ctx.zh[link.zh[-1]].text.rstrip()
    en = ctx.en[link.en[-1]].text.rstrip()
    if not (zh.endswith(("。", "！", "？")) and len(en.split()) >= 5):
        return False
    lengths = LengthModel.of(ctx)
    return lengths.known and lengths.shortfall(lengths.zh_len(ctx, link.zh), lengths.en_len(ctx, link.en)) >= 1.5


class DroppedParagraph(Rule):
    """A Chinese paragraph has no English counterpart.

    **What it does.** Reports each run of consecutive Chinese paragraphs that
    the aligner could pair with no English paragraph (1-0 links). A trailing
    run, where the English simply stops, is reported once as
    ``dropped-truncation`` instead.

    **Why.** A dropped paragraph is the largest possible omission: a whole
    statement of the report is missing from the translation.
    """

    code, name, severity = "DR01", "dropped-paragraph", "error"
    summary = "A Chinese paragraph has no English counterpart"
    examples = (
        Example(
            zh="2025年，全省受理专利申请12.5万件。\n全省法院审结知识产权案件9.5万件，同比增长3.2%。\n海关扣留侵权货物1200批次。",
            en="In 2025, the province received 125,000 patent applications.\nCustoms detained 1,200 batches of infringing goods.",
            fires=1,
        ),
    )

    def check(self, ctx: Context):
        tail = truncated_tail(ctx)
        skip = set(tail[0]) if tail else set()
        for run in _runs(ctx.alignment, "zh"):
            run = [i for i in run if i not in skip]
            if not run:
                continue
            paras = [ctx.zh[i] for i in run]
            first = paras[0]
            where = f"line {first.line}" if len(paras) == 1 else f"lines {first.line}-{paras[-1].line}"
            what = "paragraph has" if len(paras) == 1 else f"{len(paras)} consecutive paragraphs have"
            yield self.finding(
                zh=paras,
                message=f"Chinese {what} no English translation ({where}): {clip(first.text, 60)}",
                zh_text=clip(first.text, 200),
                spans=[Span(p.id, 0, len(p.text)) for p in paras],
                key=first.norm,
            )


class AddedParagraph(Rule):
    """An English paragraph has no Chinese source.

    **What it does.** Reports each run of consecutive English paragraphs that
    pair with no Chinese paragraph (0-1 links).

    **Why.** Added content may be a legitimate note ("The English version is
    for reference only"), a heading the Chinese lacks, or text that does not
    belong to this report. An editor should see it.
    """

    code, name, severity = "AD01", "added-paragraph", "warning"
    summary = "An English paragraph has no Chinese source"
    examples = (
        Example(
            zh="2025年，全省受理专利申请12.5万件。",
            en="In 2025, the province received 125,000 patent applications.\n"
            "This sentence about the weather in London has no counterpart at all.",
            fires=1,
        ),
    )

    def check(self, ctx: Context):
        for run in _runs(ctx.alignment, "en"):
            paras = [ctx.en[j] for j in run]
            first = paras[0]
            where = f"line {first.line}" if len(paras) == 1 else f"lines {first.line}-{paras[-1].line}"
            what = "paragraph has" if len(paras) == 1 else f"{len(paras)} consecutive paragraphs have"
            yield self.finding(
                en=paras,
                message=f"English {what} no Chinese source ({where}): {clip(first.text, 60)}",
                en_text=clip(first.text, 200),
                spans=[Span(p.id, 0, len(p.text)) for p in paras],
                key=first.norm,
            )


class DroppedTruncation(Rule):
    """The English stops before the Chinese does.

    **What it does.** Reports, once, a trailing run of Chinese paragraphs with
    no English (or a last English paragraph that stops mid-sentence), and says
    where the English stops.

    **Why.** A truncated translation (a cut-off export, a lost last page) is
    one problem, not dozens of independent dropped paragraphs.
    """

    code, name, severity = "DR02", "dropped-truncation", "error"
    summary = "The English stops before the end of the Chinese"
    examples = (
        Example(
            zh="2025年，全省受理专利申请12.5万件。\n海关扣留侵权货物1200批次。\n全省法院审结知识产权案件9.5万件。\n检察机关起诉侵犯知识产权犯罪1155件。",
            en="In 2025, the province received 125,000 patent applications.\nCustoms detained 1,200 batches of",
            fires=1,
        ),
    )

    def check(self, ctx: Context):
        tail = truncated_tail(ctx)
        if not tail:
            return
        run, cut, stop = tail.run, tail.cut, ctx.en[tail.stop]
        paras = [ctx.zh[i] for i in run]
        how = "mid-sentence in" if cut else "after"
        if paras:
            msg = (
                f"The English stops {how} {stop.id} (line {stop.line}): "
                f"{len(paras)} Chinese paragraph{'s' if len(paras) > 1 else ''} from line "
                f"{paras[0].line} to the end {'have' if len(paras) > 1 else 'has'} no translation"
            )
        else:
            msg = f"The English stops mid-sentence in {stop.id} (line {stop.line})"
        tail_text = stop.text[-60:]
        yield self.finding(
            zh=paras,
            en=[stop],
            message=msg,
            zh_text=clip(paras[0].text, 200) if paras else "",
            en_text=tail_text,
            spans=[Span(stop.id, len(stop.text) - len(tail_text), len(stop.text))],
            evidence=(f"last English text: …{clip(tail_text, 60)}",),
            key=f"truncation:{len(paras)}",
        )


class AlignLowConfidence(Rule):
    """The aligner paired two paragraphs on weak evidence.

    **What it does.** Reports links whose alignment score is low: few shared
    numbers, names or dictionary words, or a length that does not fit.

    **Why.** A weak link is either a poor translation or a misalignment; both
    deserve a look, and other findings on the link are less certain.
    """

    code, name, severity = "AL01", "align-low-confidence", "info"
    summary = "Two paragraphs were paired on weak evidence"
    threshold = 0.35
    examples = (
        Example(
            zh="2025年，全省受理专利申请12.5万件，同比增长3.2%。",
            en="The weather was fine.",
            fires=1,
        ),
    )

    def check(self, ctx: Context):
        for link in ctx.pairs():
            if link.score >= self.threshold or "given by the file" in link.evidence:
                continue
            zh, en = ctx.paragraphs(link)
            yield self.finding(
                zh=zh,
                en=en,
                message=f"Weak alignment (score {link.score:.2f}): check that these paragraphs translate each other",
                zh_text=clip(zh[0].text, 120),
                en_text=clip(en[0].text, 120),
                key="low-confidence",
            )
