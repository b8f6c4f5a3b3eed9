"""The pipeline: load -> align -> rules -> Result."""
from __future__ import annotations

from . import __version__
from .align import align
from .config import Profile
from .model import SEVERITY_RANK, Bitext, Result
from .processes import collect, fork_call, may_fork
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
    by_rule = _run(rules, ctx)
    for rule in rules:
        severity = profile.severity_of(rule)
        for f in by_rule[rule.code]:
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


# A long document (PARALLEL_PARAGRAPHS, both sides) runs the term rules in a second process while
# this one runs the others: they share nothing but the context, and each half takes seconds
# (5,000 paragraphs a side: term mining 9 s beside dropped-content 8 s; the whole check 18.1 s,
# against 21.8 s when added-content and dropped-item went with the term rules and computed the
# content evidence a second time).
SECOND = ("T",)


def _run(rules, ctx: Context) -> dict[str, list]:
    """Each rule's findings, by code. Output is the same whichever process ran a rule."""
    def findings(group) -> dict[str, list]:
        return {r.code: list(r.check(ctx)) for r in group}

    forked = [r for r in rules if r.code.startswith(SECOND)] if may_fork(len(ctx.zh) + len(ctx.en)) else []
    child = fork_call(lambda: findings(forked)) if forked else None
    out = findings([r for r in rules if r not in forked])
    got = collect(child) if child else None
    if forked and got is None:  # the second process failed (killed, out of memory): run them here
        got = findings(forked)
    out.update(got or {})
    return out


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
