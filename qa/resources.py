"""Where the data folders live: ``rules/`` (profiles, lexicon, glossaries) and
``reports/`` (templates). In a source checkout or editable install they sit
beside the package; an installed wheel carries them as ``qa/_rules`` and
``qa/_reports``."""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _dir(name: str) -> Path:
    for candidate in (_PKG.parent / name, _PKG / f"_{name}"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"qa data folder {name!r} not found beside {_PKG}")


def rules_dir() -> Path:
    return _dir("rules")


def reports_dir() -> Path:
    return _dir("reports")


def read_text(name: str) -> str:
    return (rules_dir() / name).read_text(encoding="utf-8")
