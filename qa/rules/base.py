"""The rule interface: one class per rule, with a stable code and a readable name.

A rule's docstring is its documentation (``qa explain CODE`` prints it) and its
``examples`` are cases the test suite runs: each says which findings the rule
must give on a small Chinese/English pair.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from ..lang.numbers import Mention, en_numbers, zh_numbers
from ..model import Bitext, Finding, Link, Paragraph, Span


@dataclass(frozen=True)
class Example:
    zh: str
    en: str
    fires: int  # how many findings of this rule the pair gives (0 = passes)
    glossary: str = ""  # a YAML glossary the example runs with
    reference: tuple[str, str] = ()  # an earlier (zh, en) translation the example runs with


def read_numbers(bitext: Bitext) -> tuple[list[list[Mention]], list[list[Mention]]]:
    """Every paragraph's number mentions, Chinese and English: read once, for the aligner and the
    rules. A long document reads the English in a second process meanwhile (20,000 paragraphs a
    side: 13 s in one)."""
    from ..processes import collect, fork_call, may_fork

    zh, en = bitext.zh.paragraphs, bitext.en.paragraphs
    child = fork_call(lambda: [en_numbers(p.norm) for p in en]) if may_fork(len(zh) + len(en)) else None
    zh_read = [zh_numbers(p.norm) for p in zh]
    en_read = collect(child) if child else None
    if en_read is None:
        en_read = [en_numbers(p.norm) for p in en]
    return zh_read, en_read


class Context:
    """What rules read: the documents, the alignment and shared extractions."""

    def __init__(self, bitext: Bitext, alignment: tuple[Link, ...], glossary=(), reference=None, numbers=None):
        """``numbers``: ``read_numbers(bitext)`` when the caller read them already (for the aligner)."""
        if numbers is not None:
            self.__dict__["zh_numbers"], self.__dict__["en_numbers"] = numbers
        self.bitext = bitext
        self.alignment = alignment
        self.zh = bitext.zh.paragraphs
        self.en = bitext.en.paragraphs
        self.glossary = list(glossary)  # glossary Terms (--glossary)
        self.reference = reference or {}  # term -> Learnt from --reference (qa.rules.terms)

    @cached_property
    def terms(self):
        """The watched terms of rules/terms.tsv."""
        from ..lang.terms import watched_terms

        return watched_terms()

    @cached_property
    def link_texts(self) -> tuple[list[int], list[str], list[str]]:
        """The links with text on both sides (their indices), and the Chinese and English of each."""
        pairs = [n for n, lk in enumerate(self.alignment) if lk.zh and lk.en]
        zh = [" ".join(self.zh[i].norm for i in self.alignment[n].zh) for n in pairs]
        en = [" ".join(self.en[j].norm for j in self.alignment[n].en) for n in pairs]
        return pairs, zh, en

    def mine(self, least: int = 2, links: int | None = None):
        """Terms mined from this document that its English renders in ``least`` or more ways,
        with their uses keyed by link index (watched and glossary terms are left to their lists)."""
        from ..lang.mining import MIN_LINKS, mine

        pairs, zh, en = self.link_texts
        skip = [t.zh for t in self.terms] + [t.zh for t in self.glossary]
        mined = mine(zh, en, skip, least, links or MIN_LINKS)
        for m in mined:
            m.uses = {pairs[k]: labels for k, labels in m.uses.items()}
        return mined

    @cached_property
    def mined_terms(self):
        """Mined terms rendered in two or more ways (term-inconsistent's)."""
        return self.mine()

    @cached_property
    def zh_numbers(self) -> list[list[Mention]]:
        return [zh_numbers(p.norm) for p in self.zh]

    @cached_property
    def en_numbers(self) -> list[list[Mention]]:
        return [en_numbers(p.norm) for p in self.en]

    def pairs(self) -> Iterator[Link]:
        """Links with text on both sides."""
        return (lk for lk in self.alignment if lk.zh and lk.en)

    def paragraphs(self, *links: Link) -> tuple[list[Paragraph], list[Paragraph]]:
        """The Chinese and English paragraphs of one or more links, for a finding about them."""
        return [self.zh[i] for lk in links for i in lk.zh], [self.en[j] for lk in links for j in lk.en]


class Rule:
    code: str = ""
    name: str = ""
    severity: str = "warning"
    summary: str = ""
    examples: tuple[Example, ...] = ()

    def check(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        zh: Iterable[Paragraph] = (),
        en: Iterable[Paragraph] = (),
        message: str = "",
        zh_text: str = "",
        en_text: str = "",
        spans: Iterable[Span] = (),
        evidence: Iterable[str] = (),
        key: str = "",
        unsure: bool = False,
    ) -> Finding:
        """``unsure``: the evidence is too weak to act on alone; the finding is info whatever the
        rule's severity (the profile's severity applies to the sure ones)."""
        return Finding(
            rule=self.name,
            code=self.code,
            severity="info" if unsure else self.severity,
            zh=tuple(p.id for p in zh),
            en=tuple(p.id for p in en),
            message=message,
            zh_text=zh_text,
            en_text=en_text,
            spans=tuple(spans),
            evidence=tuple(evidence),
            key=key,
        )

    @property
    def doc(self) -> str:
        import inspect

        return inspect.cleandoc(self.__doc__ or "")


def clip(text: str, limit: int = 80) -> str:
    """A quotation short enough for a one-line message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
