"""The plain data passed between stages: load -> align -> rules -> report."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Paragraph:
    id: str  # "zh-3", "en-12": stable, used by every output
    line: int  # 1-based source line (or ordinal for inputs without lines)
    text: str  # original text, for display and quoting
    norm: str  # matching form, same length as text (see qa.lang.text.normalise)
    page: int = 0  # 1-based page of a PDF (``line`` is then the line on that page); 0: no pages


@dataclass(frozen=True)
class Document:
    path: str
    format: str  # text, html, docx, xliff, tmx
    lang: str  # zh or en
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Link:
    """One bead of the alignment: zh and en paragraph indices (0-based)."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float = 1.0
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bitext:
    zh: Document
    en: Document
    links: tuple[Link, ...] | None = None  # given by the file (XLIFF, TMX): no aligner


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of one paragraph's original text."""

    para: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    rule: str
    code: str
    severity: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    message: str
    zh_text: str = ""
    en_text: str = ""
    spans: tuple[Span, ...] = ()
    evidence: tuple[str, ...] = ()
    # What identifies the finding apart from where it is: keeps the fingerprint
    # stable when paragraphs move or text elsewhere changes.
    key: str = ""

    def with_severity(self, severity: str) -> Finding:
        from dataclasses import replace

        return replace(self, severity=severity)


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    basis = "\x1f".join(
        (finding.rule, finding.key or finding.message, finding.zh_text, finding.en_text, str(occurrence))
    )
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


@dataclass
class Result:
    """The canonical result of one check; every output format renders ``to_dict()``."""

    bitext: Bitext
    alignment: tuple[Link, ...]
    findings: list[Finding]
    profile: str = "default"
    fail_on: str = "error"
    version: str = ""
    rules: tuple[str, ...] = ()  # codes of the rules that ran
    extra: dict = field(default_factory=dict)
    # Findings a baseline or waiver accepts: index -> {"kind": "baseline"|"waiver", "reason": ...}
    suppressed: dict[int, dict] = field(default_factory=dict)
    baseline: dict | None = None  # {"path", "matched", "new", "stale": [entries]} when --baseline

    def active(self) -> list[Finding]:
        return [f for n, f in enumerate(self.findings) if n not in self.suppressed]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(SEVERITIES, 0)
        for f in self.active():
            out[f.severity] += 1
        return out

    def failed(self) -> bool:
        level = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK[f.severity] >= level for f in self.active())

    def fingerprints(self) -> list[str]:
        seen: dict[tuple, int] = {}
        out = []
        for f in self.findings:
            k = (f.rule, f.key or f.message, f.zh_text, f.en_text)
            n = seen.get(k, 0)
            seen[k] = n + 1
            out.append(fingerprint(f, n))
        return out

    def to_dict(self) -> dict:
        zh, en = self.bitext.zh, self.bitext.en

        def ids(doc, idx):
            return [doc.paragraphs[i].id for i in idx]

        findings = []
        for n, (f, fp) in enumerate(zip(self.findings, self.fingerprints())):
            d = {
                "rule": f.rule,
                "code": f.code,
                "severity": f.severity,
                "zh": list(f.zh),
                "en": list(f.en),
                "zh_text": f.zh_text,
                "en_text": f.en_text,
                "message": f.message,
                "fingerprint": fp,
            }
            if f.evidence:
                d["evidence"] = list(f.evidence)
            if f.spans:
                d["spans"] = [{"para": s.para, "start": s.start, "end": s.end} for s in f.spans]
            if n in self.suppressed:
                d["suppressed"] = dict(self.suppressed[n])
            if self.baseline is not None:
                d["baseline_state"] = "unchanged" if n in self.suppressed else "new"
            findings.append(d)
        summary = {
            "paragraphs": {"zh": len(zh.paragraphs), "en": len(en.paragraphs)},
            "findings": self.counts(),
            "fail_on": self.fail_on,
            "failed": self.failed(),
        }
        if self.suppressed:
            summary["suppressed"] = len(self.suppressed)
        if self.baseline is not None:
            summary["baseline"] = self.baseline
        summary.update(self.extra)
        return {
            "schema": "qa-report/1",
            "tool": {"name": "qa", "version": self.version, "profile": self.profile, "rules": list(self.rules)},
            "documents": {
                "zh": {"path": zh.path, "format": zh.format},
                "en": {"path": en.path, "format": en.format},
            },
            "paragraphs": {
                side: [{"id": p.id, **({"page": p.page} if p.page else {}), "line": p.line, "text": p.text}
                       for p in doc.paragraphs]
                for side, doc in (("zh", zh), ("en", en))
            },
            "alignment": [
                {"zh": ids(zh, link.zh), "en": ids(en, link.en), "score": round(link.score, 4)}
                for link in self.alignment
            ],
            "findings": findings,
            "summary": summary,
        }
