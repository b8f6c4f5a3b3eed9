"""One paragraph's reading in progress: the mentions found so far and the characters already read,
shared by both readers (each pass marks what it read, so a character is read once)."""
from __future__ import annotations

from decimal import Decimal

from . import nonquantity
from .model import Mention


class Reading:
    def __init__(self, text: str, side: str, names: bool = True):
        """``names``: skip the identifiers of ``rules/nonquantities.tsv`` (COVID-19, G20)."""
        self.text = text
        self.out: list[Mention] = []
        self.taken = bytearray(len(text))
        for a, b in nonquantity.spans(text, side) if names else ():
            self.block(a, b)

    def free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def block(self, a: int, b: int):
        self.taken[a:b] = b"\x01" * (b - a)

    def take(self, m: Mention) -> Mention:
        self.out.append(m)
        self.block(m.start, m.end)
        return m

    def add(self, value, kind, start, end, step=Decimal(1), **kw) -> Mention:
        return self.take(Mention(Decimal(value), kind, start, end, self.text[start:end], step, **kw))
