"""The pipeline: load -> align -> rules -> Result."""
from __future__ import annotations

from . import __version__
from .align import align
from .config import Profile
from .model import SEVERITY_RANK, Bitext, Result
from .rules import Context
from .rules.base import read_numbers


def check(bitext: Bitext, profile: Profile | None = None, glossary=(), reference: Bitext | None = None) -> Result:
    """Align and run the profile's rules. ``glossary``: Terms from glossary files;
    ``reference``: an earlier published translation whose term renderings to keep."""
    profile = profile or Profile()
    numbers = read_numbers(bitext)
    alignment = align(bitext, numbers)
    learnt = {}
    if reference is not None:
        from .rules.terms import learn_reference

        learnt = learn_reference(Context(reference, align(reference), glossary))
    ctx = Context(bitext, alignment, glossary, learnt, numbers)
    findings = []
    rules = profile.rules()
    for rule in rules:
        severity = profile.severity_of(rule)
        for f in rule.check(ctx):
            # a finding the rule marked unsure stays info; the others take the profile's severity
            if f.severity == rule.severity and f.severity != severity:
                f = f.with_severity(severity)
            findings.append(f)
    order = _link_order(alignment)
    findings.sort(key=lambda f: (_position(order, f), -SEVERITY_RANK[f.severity], f.code, f.message))
    return Result(
        bitext=bitext,
        alignment=alignment,
        findings=findings,
        profile=profile.name,
        fail_on=profile.fail_on,
        version=__version__,
        rules=tuple(r.code for r in rules),
    )


def _link_order(alignment) -> dict[str, int]:
    order = {}
    for n, link in enumerate(alignment):
        for i in link.zh:
            order[f"zh-{i + 1}"] = n
        for j in link.en:
            order[f"en-{j + 1}"] = n
    return order


def _position(order: dict[str, int], f) -> int:
    """Findings in reading order: by the link of their first paragraph."""
    ids = f.zh or f.en
    return order.get(ids[0], 10**9) if ids else 10**9
