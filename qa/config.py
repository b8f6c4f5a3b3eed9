"""Profiles: which rules run, at what severity, and what fails the run.

A profile is a TOML file in ``rules/profiles/`` (give its name) or anywhere
(give its path). Unknown keys, rules or severities are errors, never ignored.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import resources
from .errors import QAError
from .model import SEVERITIES
from .rules import RULES, Rule

_KEYS = {"select", "ignore", "fail-on", "severity"}


@dataclass
class Profile:
    name: str = "default"
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    severity: dict[str, str] = field(default_factory=dict)

    def rules(self) -> list[Rule]:
        return [r for r in RULES if _matches(r, self.select) and not _matches(r, self.ignore)]

    def severity_of(self, rule: Rule) -> str:
        return self.severity.get(rule.name) or self.severity.get(rule.code) or rule.severity


def _matches(rule: Rule, selectors: list[str]) -> bool:
    for s in selectors:
        if s == "ALL" or s == rule.name or s.upper() == rule.code:
            return True
        if s.endswith("-") and rule.name.startswith(s):
            return True
        if s.isalpha() and s.isupper() and rule.code.startswith(s):
            return True
    return False


def check_selectors(selectors: list[str], where: str) -> None:
    for s in selectors:
        if not any(_matches(r, [s]) for r in RULES):
            raise QAError(f"{where}: unknown rule or prefix {s!r} (see `qa rules`)")


def load_profile(name_or_path: str = "default") -> Profile:
    if os.sep in name_or_path or name_or_path.endswith(".toml"):
        path = name_or_path
    else:
        path = str(resources.rules_dir() / "profiles" / f"{name_or_path}.toml")
        if not os.path.exists(path):
            names = sorted(p.stem for p in (resources.rules_dir() / "profiles").glob("*.toml"))
            raise QAError(f"unknown profile {name_or_path!r} (available: {', '.join(names)})")
    data = _read_toml(path, "profile")
    return profile_from_dict(data, path, os.path.splitext(os.path.basename(path))[0])


def profile_from_dict(data: dict, where: str, name: str) -> Profile:
    unknown = set(data) - _KEYS
    if unknown:
        raise QAError(f"{where}: unknown key {sorted(unknown)[0]!r} (allowed: {', '.join(sorted(_KEYS))})")
    p = Profile(name=name)
    for key in ("select", "ignore"):
        if key in data:
            value = data[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise QAError(f"{where}: {key}: expected a list of rule codes or names")
            check_selectors(value, f"{where}: {key}")
            setattr(p, key, value)
    if "fail-on" in data:
        p.fail_on = check_severity(data["fail-on"], f"{where}: fail-on")
    sev = data.get("severity", {})
    if not isinstance(sev, dict):
        raise QAError(f"{where}: severity: expected a table of rule = severity")
    for rule, level in sev.items():
        check_selectors([rule], f"{where}: severity")
        p.severity[rule] = check_severity(level, f"{where}: severity: {rule}")
    return p


def check_severity(value, where: str) -> str:
    if value not in SEVERITIES:
        raise QAError(f"{where}: unknown severity {value!r} (use error, warning or info)")
    return value


# ---------------------------------------------------------------- project configuration

PROJECT_KEYS = _KEYS | {"profile", "baseline", "glossary"}


@dataclass
class ProjectConfig:
    path: str | None = None
    data: dict = field(default_factory=dict)

    def relative(self, value: str) -> str:
        """Paths in a config file are relative to the file, as in ruff and sqlfluff."""
        if self.path is None or os.path.isabs(value):
            return value
        return os.path.join(os.path.dirname(self.path), value)


def find_project_config(start: str) -> ProjectConfig:
    """``qa.toml``, or ``[tool.qa]`` in ``pyproject.toml``, in ``start`` or the nearest parent."""
    d = os.path.abspath(start)
    while True:
        for name in ("qa.toml", "pyproject.toml"):
            path = os.path.join(d, name)
            if os.path.isfile(path):
                data = _read_toml(path)
                if name == "qa.toml":
                    return _checked(ProjectConfig(path, data), path)
                tables = data.get("tool", {})
                tool = tables.get("qa") if isinstance(tables, dict) else None
                if tool is not None:
                    return _checked(ProjectConfig(path, tool), f"{path}: [tool.qa]")
        parent = os.path.dirname(d)
        if parent == d:
            return ProjectConfig()
        d = parent


def load_project_config(path: str) -> ProjectConfig:
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("qa", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise QAError(f"{path}: [tool.qa] must be a table")
    return _checked(ProjectConfig(path, data), path)


def _read_toml(path: str, what: str = "configuration") -> dict:
    import tomllib  # only when there is a file to read: start-up time counts

    from .load.decode import MAX_BYTES, read_file

    try:
        return tomllib.loads(read_file(path, MAX_BYTES).decode("utf-8"))
    except QAError as exc:
        raise QAError(f"{what} file: {exc}") from None
    except UnicodeDecodeError:
        raise QAError(f"{path}: the {what} file is not UTF-8 (TOML must be)") from None
    except tomllib.TOMLDecodeError as exc:
        raise QAError(f"{path}: malformed TOML: {exc}") from None


def _checked(cfg: ProjectConfig, where: str) -> ProjectConfig:
    if not isinstance(cfg.data, dict):
        raise QAError(f"{where}: expected a table")
    unknown = set(cfg.data) - PROJECT_KEYS
    if unknown:
        raise QAError(f"{where}: unknown key {sorted(unknown)[0]!r} (allowed: {', '.join(sorted(PROJECT_KEYS))})")
    for key in ("profile", "baseline"):
        if key in cfg.data and not isinstance(cfg.data[key], str):
            raise QAError(f"{where}: {key}: expected a string")
    g = cfg.data.get("glossary", [])
    if isinstance(g, str):
        cfg.data["glossary"] = [g]
    elif not (isinstance(g, list) and all(isinstance(x, str) for x in g)):
        raise QAError(f"{where}: glossary: expected a path or a list of paths")
    return cfg


def profile_for(cfg: ProjectConfig, name: str | None) -> Profile:
    """The profile named on the command line, else in the config, then the config's own keys on top."""
    chosen = name or cfg.data.get("profile", "default")
    if name is None and "profile" in cfg.data and (os.sep in chosen or chosen.endswith(".toml")):
        chosen = cfg.relative(chosen)
    profile = load_profile(chosen)
    own = {k: v for k, v in cfg.data.items() if k in _KEYS}
    if own:
        overlay = profile_from_dict(own, cfg.path or "configuration", profile.name)
        for key in own:
            attr = key.replace("-", "_")
            if key == "severity":
                profile.severity.update(overlay.severity)
            else:
                setattr(profile, attr, getattr(overlay, attr))
    return profile
