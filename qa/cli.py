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


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="qa", description="Translation-consistency checker for Chinese -> English reports.")
    p.add_argument("--version", action="version", version=f"qa {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    c = sub.add_parser("check", help="check a Chinese document against its English translation")
    c.add_argument("source", metavar="SOURCE", help="the Chinese document, or one bilingual file (Chinese, then English)")
    c.add_argument("target", metavar="TARGET", nargs="?", help="the English document")
    c.add_argument("--json", metavar="OUT.json", help="write the JSON report here ('-' for stdout)")
    c.add_argument("--html", metavar="OUT.html", help="write the self-contained HTML audit report here")
    c.add_argument("--encoding", help="encoding of text inputs (default: detect UTF-8/16, GB18030, Big5)")
    c.add_argument("--profile", default="default", help="profile name in rules/profiles, or a .toml path")
    c.add_argument("--select", action="append", default=None, metavar="RULE", help="only these rules (codes, names or prefixes; repeatable)")
    c.add_argument("--ignore", action="append", default=None, metavar="RULE", help="skip these rules (repeatable)")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that makes the exit status 1")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    c.add_argument("-q", "--quiet", action="store_true", help="no terminal summary")
    c.add_argument("--max-lines", type=int, default=50, help="findings shown in the terminal summary (default 50)")

    sub.add_parser("rules", help="list the rules")
    e = sub.add_parser("explain", help="print a rule's documentation and example")
    e.add_argument("rule", metavar="CODE", help="rule code (NM01) or name (number-mismatch)")
    return p


def _write(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
        return
    try:
        d = os.path.dirname(os.path.abspath(path))
        os.makedirs(d, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        raise QAError(f"{path}: cannot write: {exc.strerror or exc}") from None


def cmd_check(args) -> int:
    from .config import check_selectors, load_profile
    from .engine import check
    from .load import load
    from .report import json as json_report
    from .report import text as text_report

    profile = load_profile(args.profile)
    if args.select:
        check_selectors(args.select, "--select")
        profile.select = args.select
    if args.ignore:
        check_selectors(args.ignore, "--ignore")
        profile.ignore = profile.ignore + args.ignore
    if args.fail_on:
        profile.fail_on = args.fail_on
    bitext = load(args.source, args.target, encoding=args.encoding)
    result = check(bitext, profile)
    data = result.to_dict()
    if args.json:
        _write(args.json, json_report.render(data))
    if args.html:
        from .report import html as html_report

        _write(args.html, html_report.render(data))
    if not args.quiet and args.json != "-":
        sys.stdout.write(text_report.render(data, limit=args.max_lines))
    if args.exit_zero:
        return 0
    return 1 if result.failed() else 0


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
        return {"check": cmd_check, "rules": cmd_rules, "explain": cmd_explain}[args.command](args)
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
