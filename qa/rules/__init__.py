"""The rule registry: every rule, in one explicit table (no discovery magic)."""
from __future__ import annotations

from .added_content import AddedContent
from .base import Context, Example, Rule
from .dropped_content import DroppedContent
from .dropped_item import DroppedItem
from .numbers import (
    NumberDirection,
    NumberExtra,
    NumberMismatch,
    NumberMissing,
    NumberOrder,
    NumberPercentPoint,
    NumberScale,
    NumberUnit,
)
from .paragraphs import AddedParagraph, AlignLowConfidence, DroppedParagraph, DroppedTruncation
from .terms import TermForbidden, TermGlossary, TermInconsistent, TermReference
from .untranslated import Untranslated

RULES: tuple[Rule, ...] = (
    DroppedParagraph(),
    DroppedTruncation(),
    AddedParagraph(),
    DroppedContent(),
    DroppedItem(),
    AddedContent(),
    Untranslated(),
    NumberMismatch(),
    NumberScale(),
    NumberMissing(),
    NumberExtra(),
    NumberPercentPoint(),
    NumberDirection(),
    NumberOrder(),
    NumberUnit(),
    TermInconsistent(),
    TermGlossary(),
    TermForbidden(),
    TermReference(),
    AlignLowConfidence(),
)

BY_CODE = {r.code: r for r in RULES}
BY_NAME = {r.name: r for r in RULES}


def lookup(key: str) -> Rule | None:
    """A rule by code (NM01) or name (number-mismatch), case-insensitive for codes."""
    return BY_CODE.get(key.upper()) or BY_NAME.get(key.lower())


__all__ = ["RULES", "BY_CODE", "BY_NAME", "lookup", "Context", "Example", "Rule"]
