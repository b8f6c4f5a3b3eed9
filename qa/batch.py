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
EXTENSIONS = (".txt", ".html", ".htm", ".docx", ".xlsx", ".pdf", ".xlf", ".xliff", ".tmx")


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
    """Worker: check one document; return its summary line and its reports (file name -> text or
    bytes), which the caller writes: a worker on another machine need not share the disk."""
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
    files = {name + ".json": json_report.render(data), name + ".html": html_report.render(data)}
    written = []
    for fmt in formats:  # the review formats asked for, where they apply (xliff: XLIFF inputs)
        if fmt == "xliff" and data["documents"]["zh"]["format"] != "xliff":
            continue
        files[name + EXTRA[fmt]] = cli.render(fmt, data)
        written.append((fmt, name + EXTRA[fmt]))
    return {
        "name": name, "source": source, "target": target, "outputs": written, "files": files,
        "counts": data["summary"]["findings"], "failed": data["summary"]["failed"],
        "paragraphs": data["summary"]["paragraphs"], "status": 1 if result.failed() else 0,
    }


def run_batch(args, profile, cfg, formats: tuple[str, ...] = ()) -> int:
    """``formats``: review formats written beside each document's JSON and HTML (keys of EXTRA)."""
    from . import cli
    from .report import html as html_report

    jobs = documents(args.paths)
    used = {"index"}  # the index is index.html: a document named index gets another name
    work = []
    for source, target in jobs:
        base = name = _name(source, target)
        n = 1
        while name.lower() in used:  # a.txt and a.html, or a-2.txt beside them: each its own reports
            n += 1
            name = f"{base}-{n}"
        used.add(name.lower())
        work.append((source, target, profile, cfg, args.encoding, args.baseline, args.glossary, args.reference, args.out_dir,
                     name, formats))
    progress = _progress(len(work), quiet=args.quiet)
    if getattr(args, "scheduler", None):
        rows = _on_dask(args.scheduler, work, progress)
    else:
        workers = max(1, min(args.jobs or os.cpu_count() or 1, len(work)))
        if workers == 1:
            rows = [progress(_one(w)) for w in work]
        else:
            rows = _local(work, workers, progress)
    progress(None)
    for r in rows:
        for file, content in r.pop("files", {}).items():
            cli._write(os.path.join(args.out_dir, file), content)
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


def _local(work: list, workers: int, progress) -> list[dict]:
    """The documents on a local process pool. A worker that dies (killed, out of memory) breaks
    the pool and fails every document still in it: those are run again, each alone, so only the
    one that kills its worker again is lost, and reported."""
    rows: list = [None] * len(work)
    lost = _pooled(work, range(len(work)), workers, rows, progress)
    for k in lost:
        if _pooled(work, [k], 1, rows, progress):
            source, target, *_rest, name, _formats = work[k]
            rows[k] = progress({"name": name, "source": source, "target": target, "status": 2,
                                "error": f"{source}: its worker process died (out of memory?); not checked"})
    return rows


def _pooled(work: list, which, workers: int, rows: list, progress) -> list[int]:
    """Run ``which`` of ``work`` on a fresh pool, filling ``rows``; the indices whose worker died."""
    from concurrent.futures.process import BrokenProcessPool

    lost = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [(k, pool.submit(_one, work[k])) for k in which]
        for k, fut in futures:
            try:
                rows[k] = progress(fut.result())
            except BrokenProcessPool:
                lost.append(k)
    return lost


def _on_dask(address: str, work: list, progress) -> list[dict]:
    """The documents checked on a Dask distributed cluster (``dask scheduler`` at ``address``,
    ``dask worker ADDRESS`` on each machine, qa installed on each). A document whose worker dies
    is run again on another (the scheduler reschedules it); one that raises is retried twice."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise QAError("--scheduler needs dask[distributed] (pip install 'dask[distributed]')") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise QAError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        futures = client.map(_one, work, pure=False, retries=2)
        for _ in as_completed(futures):
            progress(True)
        return client.gather(futures)


def _progress(total: int, quiet: bool):
    """A progress bar on stderr when it is a terminal (tqdm); else nothing. Call with each
    finished document, then with None to close."""
    if quiet or total < 2 or not sys.stderr.isatty():
        return lambda row: row
    from tqdm import tqdm

    bar = tqdm(total=total, unit="doc", file=sys.stderr, leave=False)

    def tick(row):
        if row is None:
            bar.close()
        else:
            bar.update(1)
        return row
    return tick

