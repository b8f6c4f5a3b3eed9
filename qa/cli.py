"""Command line: ``qa check``, ``qa rules``, ``qa explain``.

Exit status: 0 ran and nothing at or above the failing severity; 1 findings at
or above it; 2 usage, input or configuration error (one line on stderr).
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .errors import QAError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, as for every other bad input
        raise QAError(f"usage: {message} (see `qa {self.prog.split()[-1]} --help`)" if " " in self.prog else f"usage: {message}")


FORMATS = ("text", "json", "html", "sarif", "junit", "github", "xlsx", "docx", "xliff")
BINARY = ("xlsx", "docx", "xliff")  # written to a file only


def _common(c: argparse.ArgumentParser) -> None:
    c.add_argument("--encoding", help="encoding of text inputs (default: detect UTF-8/16, GB18030, Big5)")
    c.add_argument("--profile", default=None, help="profile name in rules/profiles, or a .toml path (default: from the configuration, else 'default')")
    c.add_argument("--config", metavar="FILE", help="configuration file (qa.toml or pyproject.toml); default: the nearest one")
    c.add_argument("--no-config", action="store_true", help="ignore qa.toml and [tool.qa]")
    c.add_argument("--select", action="append", default=None, metavar="RULE", help="only these rules (codes, names or prefixes; repeatable)")
    c.add_argument("--glossary", action="append", default=None, metavar="FILE", help="a glossary (TBX, CSV or YAML) for term-glossary and term-forbidden; repeatable")
    c.add_argument("--reference", nargs="+", default=None, metavar="PATH", help="an earlier translation (ZH EN, or one bilingual file) whose term renderings to keep")
    c.add_argument("--ignore", action="append", default=None, metavar="RULE", help="skip these rules (repeatable)")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="qa", description="Translation-consistency checker for Chinese -> English reports.")
    p.add_argument("--version", action="version", version=f"qa {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    c = sub.add_parser("check", help="check a Chinese document against its English translation")
    c.add_argument("paths", nargs="+", metavar="PATH",
                   help="SOURCE [TARGET]: the Chinese document and the English one, or one bilingual file; "
                        "a directory (or --batch with several files) checks every document in it")
    c.add_argument("--json", metavar="OUT.json", help="write the JSON report here ('-' for stdout)")
    c.add_argument("--html", metavar="OUT.html", help="write the self-contained HTML audit report here")
    c.add_argument("--format", action="append", default=None, metavar="FMT[=PATH]", dest="formats",
                   help=f"an output format ({', '.join(FORMATS)}), to stdout or to PATH; repeatable")
    _common(c)
    c.add_argument("--baseline", metavar="FILE", help="accept the findings in FILE (from `qa baseline`); fail only on new ones")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that makes the exit status 1")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    c.add_argument("-q", "--quiet", action="store_true", help="no terminal summary")
    c.add_argument("--max-lines", type=int, default=50, help="findings shown in the terminal summary (default 50)")
    c.add_argument("-v", "--verbose", action="store_true", help="terminal summary: list accepted findings too")
    c.add_argument("--batch", action="store_true", help="each PATH is one bilingual document (or a directory of them)")
    c.add_argument("--out-dir", metavar="DIR", default="qa-reports", help="batch: where the reports and index.html go (default qa-reports)")
    c.add_argument("-j", "--jobs", type=int, default=None, help="batch: worker processes (default: the number of CPUs)")
    c.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="batch: run the documents on a Dask distributed cluster (tcp://HOST:8786)")

    b = sub.add_parser("baseline", help="write the current findings as accepted (for --baseline)")
    b.add_argument("paths", nargs="+", metavar="PATH", help="SOURCE [TARGET], as for check")
    b.add_argument("-o", "--output", default="qa-baseline.json", help="the baseline file (default qa-baseline.json); reasons already in it are kept")
    _common(b)

    sub.add_parser("rules", help="list the rules")
    e = sub.add_parser("explain", help="print a rule's documentation and example")
    e.add_argument("rule", metavar="CODE", help="rule code (NM01) or name (number-mismatch)")
    return p


def _write(path: str, content: str | bytes) -> None:
    """Write a report whole or not at all: into a temporary file beside it, then renamed."""
    if path == "-":
        sys.stdout.write(content.encode("utf-8", "replace").decode("utf-8") if isinstance(content, str) else "")
        return
    tmp = None
    try:
        d = os.path.dirname(os.path.abspath(path))
        os.makedirs(d, exist_ok=True)
        tmp = os.path.join(d, f".{os.path.basename(path)}.{os.getpid()}.tmp")
        # a lone surrogate from a damaged input is replaced, never a crash
        data = content if isinstance(content, bytes) else content.encode("utf-8", "replace")
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException as exc:  # a full disk, or Ctrl-C / SIGTERM mid-write: no partial file stays
        if tmp and os.path.exists(tmp):
            os.remove(tmp)
        if isinstance(exc, OSError):
            raise QAError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise


def _outputs(args) -> list[tuple[str, str]]:
    """(format, path) pairs from --format FMT[=PATH], --json and --html; '-' is stdout."""
    out = []
    for spec in args.formats or []:
        fmt, _, path = spec.partition("=")
        if fmt not in FORMATS:
            raise QAError(f"usage: unknown format {fmt!r} (use {', '.join(FORMATS)})")
        if fmt in BINARY and path in ("", "-") and not _is_batch(args):
            raise QAError(f"usage: {fmt} is a binary file: give it a path (--format {fmt}=PATH)")
        out.append((fmt, path or "-"))
    if args.json:
        out.append(("json", args.json))
    if args.html:
        out.append(("html", args.html))
    if sum(1 for _, p in out if p == "-") > 1 and not _is_batch(args):
        raise QAError("usage: only one output can go to stdout; give the others a path (--format FMT=PATH)")
    return out


def settings(args):
    """The profile and project configuration that apply to this run."""
    from .config import ProjectConfig, check_selectors, find_project_config, load_project_config, profile_for

    if args.no_config:
        cfg = ProjectConfig()
    elif args.config:
        cfg = load_project_config(args.config)
    else:
        cfg = find_project_config(os.getcwd())
    profile = profile_for(cfg, args.profile)
    if args.select:
        check_selectors(args.select, "--select")
        profile.select = args.select
    if args.ignore:
        check_selectors(args.ignore, "--ignore")
        profile.ignore = profile.ignore + args.ignore
    if getattr(args, "fail_on", None):
        profile.fail_on = args.fail_on
    return profile, cfg


def render(fmt: str, data: dict, limit: int | None = None) -> str | bytes:
    from importlib import import_module

    from .load.decode import read_file

    if fmt == "text":
        from .report import text

        return text.render(data, limit=limit)
    if fmt == "xliff":  # the XLIFF input back, with ITS quality issue marks
        from .report import xliff

        doc = data["documents"]["zh"]
        if doc["format"] != "xliff":
            raise QAError("usage: --format xliff writes an XLIFF input back with its marks; the input is not XLIFF")
        return xliff.render(data, read_file(doc["path"]), doc["path"])
    if fmt == "docx":  # a copy of an English DOCX with the comments, or a new review document
        from .report import docx

        en = data["documents"]["en"]
        if en["format"] != "docx":
            return docx.render(data)
        return docx.render(data, read_file(en["path"]))
    return import_module(f".report.{fmt}", __package__).render(data)


def run_one(source: str, target: str | None, profile, cfg, encoding=None, baseline=None, glossaries=None, reference=None):
    from . import baseline as bl
    from .engine import check
    from .lang.terms import load_glossary
    from .load import load

    if reference and len(reference) > 2:
        raise QAError("usage: --reference takes one bilingual file or ZH EN")
    paths = list(glossaries or []) + [cfg.relative(g) for g in cfg.data.get("glossary", [])]
    glossary = [t for g in paths for t in load_glossary(g)]
    ref = load(reference[0], reference[1] if len(reference) > 1 else None, encoding=encoding) if reference else None
    bitext = load(source, target, encoding=encoding)
    result = check(bitext, profile, glossary=glossary, reference=ref)
    path = baseline or (cfg.relative(cfg.data["baseline"]) if "baseline" in cfg.data else None)
    if path:
        bl.apply(result, bl.load(path), path)
    return result


def _is_batch(args) -> bool:
    return args.batch or len(args.paths) > 2 or any(os.path.isdir(p) for p in args.paths)


def cmd_check(args) -> int:
    outputs = _outputs(args)
    profile, cfg = settings(args)
    if _is_batch(args):
        from .batch import EXTRA, run_batch

        if args.json or args.html or any(p != "-" or f not in EXTRA for f, p in outputs):
            raise QAError("usage: a batch writes one report per document into --out-dir: --format "
                          f"{'/'.join(EXTRA)} without a path adds one per document; --json/--html/paths are for one document")
        return run_batch(args, profile, cfg, tuple(dict.fromkeys(f for f, _ in outputs)))
    source, target = args.paths[0], (args.paths[1] if len(args.paths) > 1 else None)
    inputs = {os.path.realpath(p) for p in args.paths + (args.glossary or []) + (args.reference or [])}
    for _fmt, path in outputs:
        if path != "-" and os.path.realpath(path) in inputs:
            raise QAError(f"usage: the output {path} is one of the inputs; it would be overwritten")
    result = run_one(source, target, profile, cfg, args.encoding, args.baseline, args.glossary, args.reference)
    data = result.to_dict()
    for fmt, path in outputs:
        _write(path, render(fmt, data))
    if not args.quiet and not any(p == "-" for _, p in outputs):
        from .report import text

        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(text.render(data, limit=args.max_lines, verbose=args.verbose, colour=colour))
    if args.exit_zero:
        return 0
    return 1 if result.failed() else 0


def cmd_baseline(args) -> int:
    from . import baseline as bl

    if len(args.paths) > 2 or any(os.path.isdir(p) for p in args.paths):
        raise QAError("usage: qa baseline takes one document: SOURCE [TARGET]")
    profile, cfg = settings(args)
    result = run_one(args.paths[0], args.paths[1] if len(args.paths) > 1 else None, profile, cfg, args.encoding,
                     glossaries=args.glossary, reference=args.reference)
    reasons = {}
    if os.path.exists(args.output):
        reasons = {e["fingerprint"]: e["reason"] for e in bl.load(args.output) if e.get("reason")}
    _write(args.output, bl.render(result, reasons))
    kept = sum(1 for fp in result.fingerprints() if fp in reasons)
    print(f"{args.output}: {len(result.findings)} findings accepted" + (f" ({kept} with reasons kept)" if kept else ""))
    return 0


def cmd_rules(args) -> int:
    from .rules import RULES

    width = max(len(r.name) for r in RULES)
    for r in RULES:
        print(f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {r.summary}")
    return 0


def cmd_explain(args) -> int:
    from .rules import lookup

    rule = lookup(args.rule)
    if rule is None:
        raise QAError(f"unknown rule {args.rule!r} (see `qa rules`)")
    print(f"{rule.code} {rule.name} ({rule.severity})\n")
    print(rule.doc)
    for n, ex in enumerate(rule.examples, 1):
        verdict = f"{ex.fires} finding{'s' if ex.fires != 1 else ''}" if ex.fires else "passes"
        print(f"\n**Example {n}** ({verdict})")
        print("  zh: " + ex.zh.replace("\n", "\n      "))
        print("  en: " + ex.en.replace("\n", "\n      "))
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command is None:
            _parser().print_help()
            return 2
        commands = {"check": cmd_check, "baseline": cmd_baseline, "rules": cmd_rules, "explain": cmd_explain}
        return commands[args.command](args)
    except QAError as exc:
        print(f"qa: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("qa: interrupted", file=sys.stderr)
        return 2
    except (MemoryError, RecursionError) as exc:
        print(f"qa: error: input too large or too deeply nested ({type(exc).__name__})", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("QA_DEBUG"):
            raise
        print(f"qa: internal error: {type(exc).__name__}: {exc} (set QA_DEBUG=1 for a traceback)", file=sys.stderr)
        return 2


def _terminated(signum, frame):
    raise KeyboardInterrupt


def entry() -> None:
    """The ``qa`` command (and ``python -m qa``): :func:`main`, tuned for a process that lives
    for one run. Two costs that a half-second report cannot afford go: the cyclic garbage
    collector, which would rescan the dictionary's hundred thousand entries many times while
    they load (its first generation waits for 100,000 new objects instead of 700), and the
    interpreter's teardown freeing them one by one at exit (~40 ms): once every output is
    written and flushed, a run that started no thread leaves with ``os._exit``."""
    import gc
    import signal

    gc.set_threshold(100_000, 50, 100)
    # SIGTERM (a CI job cancelled, a container stopped) ends the run as Ctrl-C does: a report
    # being written is removed, the previous one stays, and one line says so
    signal.signal(signal.SIGTERM, _terminated)
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):  # a reader that went away ("| head"): nothing left to say
        pass
    from .processes import single_threaded

    if single_threaded():
        os._exit(code)
    sys.exit(code)

