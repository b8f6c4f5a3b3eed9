"""Batch runs: every document of a directory (or a list), in a process pool.

Each document gets ``<out-dir>/<name>.json`` and ``<name>.html``; an
``index.html`` links them all. A document that cannot be read gets its one
error line and status 2; the exit status is the worst document's.
"""
from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor

from .errors import QAError

# Formats a batch can write per document, beside NAME.json and NAME.html, and their file endings.
EXTRA = {"xlsx": ".xlsx", "docx": ".docx", "xliff": ".qa.xlf", "sarif": ".sarif", "junit": ".junit.xml"}
EXTENSIONS = (".txt", ".html", ".htm", ".docx", ".xlsx", ".xlf", ".xliff", ".tmx")


def documents(paths: list[str]) -> list[tuple[str, str | None]]:
    """(source, target) jobs: bilingual files, or ``NAME.zh.EXT`` + ``NAME.en.EXT`` pairs."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(
                os.path.join(p, n) for n in os.listdir(p)
                if n.lower().endswith(EXTENSIONS) and os.path.isfile(os.path.join(p, n))
            )
        else:
            files.append(p)
    jobs, taken = [], set()
    for f in files:
        if f in taken:
            continue
        stem, ext = os.path.splitext(f)
        if stem.endswith(".zh") and (stem[:-3] + ".en" + ext) in files:
            en = stem[:-3] + ".en" + ext
            jobs.append((f, en))
            taken |= {f, en}
        elif stem.endswith(".en") and (stem[:-3] + ".zh" + ext) in files:
            continue  # taken with its Chinese half
        else:
            jobs.append((f, None))
            taken.add(f)
    if not jobs:
        raise QAError(f"{', '.join(paths)}: no documents to check (looked for {', '.join(EXTENSIONS)})")
    return jobs


def _name(source: str, target: str | None) -> str:
    base = os.path.basename(source)
    stem = os.path.splitext(base)[0]
    return stem[:-3] if target and stem.endswith(".zh") else stem


def _one(job):
    """Worker: check one document and write its reports; return its summary line."""
    from . import cli
    from .report import html as html_report
    from .report import json as json_report

    source, target, profile, cfg, encoding, baseline, glossary, reference, out_dir, name, formats = job
    try:
        result = cli.run_one(source, target, profile, cfg, encoding, baseline, glossary, reference)
    except QAError as exc:
        return {"name": name, "source": source, "target": target, "error": str(exc), "status": 2}
    except Exception as exc:  # a bug in one document must not lose the others
        return {"name": name, "source": source, "target": target, "status": 2,
                "error": f"internal error: {type(exc).__name__}: {exc}"}
    data = result.to_dict()
    cli._write(os.path.join(out_dir, name + ".json"), json_report.render(data))
    cli._write(os.path.join(out_dir, name + ".html"), html_report.render(data))
    written = []
    for fmt in formats:  # the review formats asked for, where they apply (xliff: XLIFF inputs)
        if fmt == "xliff" and data["documents"]["zh"]["format"] != "xliff":
            continue
        cli._write(os.path.join(out_dir, name + EXTRA[fmt]), cli.render(fmt, data))
        written.append((fmt, name + EXTRA[fmt]))
    return {
        "name": name, "source": source, "target": target, "outputs": written,
        "counts": data["summary"]["findings"], "failed": data["summary"]["failed"],
        "paragraphs": data["summary"]["paragraphs"], "status": 1 if result.failed() else 0,
    }


def run_batch(args, profile, cfg, formats: tuple[str, ...] = ()) -> int:
    """``formats``: review formats written beside each document's JSON and HTML (keys of EXTRA)."""
    from . import cli
    from .report import html as html_report

    jobs = documents(args.paths)
    names: dict[str, int] = {}
    work = []
    for source, target in jobs:
        name = _name(source, target)
        n = names.get(name, 0)
        names[name] = n + 1
        work.append((source, target, profile, cfg, args.encoding, args.baseline, args.glossary, args.reference, args.out_dir,
                     name if n == 0 else f"{name}-{n + 1}", formats))
    workers = max(1, min(args.jobs or os.cpu_count() or 1, len(work)))
    if workers == 1:
        rows = [_one(w) for w in work]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            rows = list(pool.map(_one, work))
    cli._write(os.path.join(args.out_dir, "index.html"), html_report.render_index(rows, profile.fail_on))
    worst = 0
    for r in rows:
        if r["status"] == 2:
            print(f"qa: error: {r['error']}", file=sys.stderr)
        elif not args.quiet:
            c = r["counts"]
            verdict = "FAILED" if r["failed"] else "passed"
            print(f"{r['source']}: {c['error']} errors, {c['warning']} warnings, {c['info']} info; {verdict}")
        worst = max(worst, r["status"])
    if not args.quiet:
        failed = sum(1 for r in rows if r["status"] == 1)
        broken = sum(1 for r in rows if r["status"] == 2)
        print(f"{len(rows)} documents: {failed} failed, {broken} unreadable; "
              f"reports in {os.path.join(args.out_dir, 'index.html')}")
    if args.exit_zero and worst == 1:
        return 0
    return worst
