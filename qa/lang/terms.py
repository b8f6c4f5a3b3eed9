"""Terms and their English renderings: the watched-term list, glossaries, and
finding a rendering in English text (also text whose spaces were lost).

A *rendering* is one way of translating a term; it may have several spellings
that count as the same choice (a full form and its abbreviation). Matching
folds case, plural -s, hyphens and spaces; an all-capital abbreviation (IP,
IPR) is matched case-sensitively and not inside a longer one (IP in IPR).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import QAError
from . import text as zh_text


@dataclass
class Rendering:
    label: str  # how it is shown: the first spelling
    spellings: tuple[str, ...]


@dataclass
class Term:
    zh: str  # simplified Chinese
    renderings: list[Rendering] = field(default_factory=list)  # materially different choices
    preferred: list[str] = field(default_factory=list)  # glossary: use these
    allowed: list[str] = field(default_factory=list)  # glossary: acceptable too
    forbidden: list[str] = field(default_factory=list)  # glossary: never these
    source: str = ""  # the file it comes from


def _fold(s: str) -> str:
    s = s.lower().replace("-", "").replace(" ", "")
    return s


def _abbreviation(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,6}s?", s))


class Finder:
    """Occurrences of spellings in one English text, longest first, without overlaps."""

    def __init__(self, text: str):
        self.text = text
        self.folded, self.index = _folded_with_index(text)

    def find(self, spellings: list[str]) -> list[tuple[str, int, int]]:
        """(spelling, start, end) in the original text, longest spellings first."""
        taken: list[tuple[int, int]] = []
        out = []
        for sp in sorted(set(spellings), key=len, reverse=True):
            for s, e in self._occurrences(sp):
                if any(s < te and ts < e for ts, te in taken):
                    continue
                taken.append((s, e))
                out.append((sp, s, e))
        out.sort(key=lambda x: x[1])
        return out

    def _occurrences(self, sp: str):
        if _abbreviation(sp):
            for m in re.finditer(rf"(?<![A-Z]){re.escape(sp)}(?![A-Z])", self.text):
                before = self.text[m.start() - 1:m.start()]
                if before.isalpha() and not _glued_at(self.text, m.start()):
                    continue  # inside a word, unless the spaces were lost ("comprehensiveIPstrength")
                yield m.start(), m.end()
            return
        f = _fold(sp)
        if not f:
            return
        # a plural or -s form of the last word is the same rendering
        for m in re.finditer(re.escape(f) + r"(?:e?s)?", self.folded):
            s, e = self.index[m.start()], self.index[m.end() - 1] + 1
            # whole words where the text has spaces: "trade secret" not in "trade secretariat"
            if s > 0 and self.text[s - 1].isalpha() and self.text[s - 1].islower() and " " in self.text[max(0, s - 20):s]:
                if not _glued_at(self.text, s):
                    continue
            after = self.text[e:e + 1]
            if after.isalpha() and after.islower() and not _glued_at(self.text, e):
                continue
            yield s, e


def _glued_at(text: str, pos: int) -> bool:
    """Is the text around ``pos`` missing its spaces ("IPprotectioncenters")?"""
    window = text[max(0, pos - 30):pos + 30]
    return window.count(" ") * 12 < len(window)


@lru_cache(maxsize=4096)  # a text is searched for every watched term, by every term rule
def _folded_with_index(text: str) -> tuple[str, tuple[int, ...]]:
    """The text lower-cased without spaces and hyphens, and where each of its characters was."""
    index = tuple(k for k, ch in enumerate(text) if ch not in " -\u00a0")
    return "".join(text[k].lower() for k in index), index  # per character, as the index counts them


# ---------------------------------------------------------------- the watched-term list


def parse_terms_tsv(text: str, source: str) -> list[Term]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        zh, sep, en = line.partition("\t")
        if not sep:
            raise QAError(f"{source}:{n}: expected Chinese<TAB>renderings")
        rends = []
        for group in en.split("|"):
            spellings = tuple(s.strip() for s in group.split(";") if s.strip())
            if spellings:
                rends.append(Rendering(spellings[0], spellings))
        out.append(Term(zh_text.to_simplified(zh.strip()), rends, source=source))
    return out


def watched_terms() -> list[Term]:
    from .. import resources

    return parse_terms_tsv(resources.read_text("terms.tsv"), "rules/terms.tsv")


# ---------------------------------------------------------------- glossaries

_STATUS = {
    "preferred": "preferred", "preferredterm-admn-sts": "preferred", "preferredterm": "preferred",
    "allowed": "allowed", "admitted": "allowed", "admittedterm-admn-sts": "allowed", "admittedterm": "allowed",
    "forbidden": "forbidden", "deprecated": "forbidden", "deprecatedterm-admn-sts": "forbidden",
    "supersededterm-admn-sts": "forbidden", "deprecatedterm": "forbidden",
}


def load_glossary(path: str) -> list[Term]:
    """A glossary in TBX, CSV (zh, en, status) or YAML; terms keyed by simplified Chinese."""
    from ..load.decode import MAX_BYTES, read_file

    try:
        data = read_file(path, MAX_BYTES)
    except QAError as exc:
        raise QAError(f"glossary: {exc}") from None
    ext = os.path.splitext(path)[1].lower()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QAError(f"{path}: glossary is not UTF-8") from None
    if ext in (".tbx", ".xml"):
        entries = _tbx(data, path)
    elif ext in (".yaml", ".yml"):
        entries = _yaml(text, path)
    elif ext in (".csv", ".tsv"):
        entries = _csv(text, path, "\t" if ext == ".tsv" else ",")
    else:
        raise QAError(f"{path}: unknown glossary format (use .tbx, .csv, .tsv or .yaml)")
    terms: dict[str, Term] = {}
    for zh, en, status in entries:
        zh = zh_text.to_simplified(zh.strip())
        en = en.strip()
        if not zh or not en:
            continue
        st = _STATUS.get(status.strip().lower() if status else "preferred")
        if st is None:
            raise QAError(f"{path}: {zh}: unknown status {status!r} (use preferred, allowed or forbidden)")
        t = terms.setdefault(zh, Term(zh, source=path))
        getattr(t, st).append(en)
    for t in terms.values():
        t.renderings = [Rendering(s, (s,)) for s in t.preferred + t.allowed + t.forbidden]
    if not terms:
        raise QAError(f"{path}: glossary has no terms")
    return list(terms.values())


def _csv(text: str, path: str, delimiter: str):
    import csv
    import io

    text = text.replace("\r\n", "\n").replace("\r", "\n")  # old Mac line ends (CR only) too
    try:
        # a cell's own line breaks and runs of spaces are one space: a term is one line
        rows = [[" ".join(cell.split()) for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:  # a field over the csv module's limit, a stray quote ...
        raise QAError(f"{path}: malformed CSV glossary: {exc}") from None
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    if "zh" not in header or "en" not in header:
        raise QAError(f"{path}: a CSV glossary needs a header with zh, en and optionally status")
    zi, ei = header.index("zh"), header.index("en")
    si = header.index("status") if "status" in header else None
    out = []
    for n, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row):
            continue
        if len(row) <= max(zi, ei):
            raise QAError(f"{path}:{n}: expected columns {', '.join(rows[0])}")
        out.append((row[zi], row[ei], row[si] if si is not None and si < len(row) else ""))
    return out


def _yaml(text: str, path: str):
    import yaml

    try:
        # aliases can multiply a small file into gigabytes (a "billion laughs"); a glossary needs none
        if any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=yaml.SafeLoader)):
            raise QAError(f"{path}: YAML aliases (*name) are refused in a glossary")
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise QAError(f"{path}: malformed YAML: {str(exc).splitlines()[0]}") from None
    items = doc.get("terms") if isinstance(doc, dict) and "terms" in doc else doc
    out = []
    if isinstance(items, dict):  # 知识产权: {preferred: [...], forbidden: [...]}
        items = [{"zh": k, **(v if isinstance(v, dict) else {"preferred": v})} for k, v in items.items()]
    if not isinstance(items, list):
        raise QAError(f"{path}: expected a list of terms (zh, preferred, allowed, forbidden)")
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("zh"), str):
            raise QAError(f"{path}: term {n}: expected a mapping with zh")
        unknown = set(item) - {"zh", "preferred", "allowed", "forbidden", "note"}
        if unknown:
            raise QAError(f"{path}: {item['zh']}: unknown key {sorted(unknown)[0]!r} "
                          "(use preferred, allowed, forbidden, note)")
        for status in ("preferred", "allowed", "forbidden"):
            value = item.get(status) or []
            if not isinstance(value, (str, list)):
                raise QAError(f"{path}: {item['zh']}: {status} must be text or a list of text")
            for en in [value] if isinstance(value, str) else value:
                if not isinstance(en, str):
                    raise QAError(f"{path}: {item['zh']}: {status} must be text or a list of text")
                out.append((item["zh"], en, status))
    return out


def _tbx(data: bytes, path: str):
    from ..load.xmlsafe import local as etree_local
    from ..load.xmlsafe import parse_xml

    root = parse_xml(data, path, "TBX")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    out = []
    for entry in root.iter():
        if not isinstance(entry.tag, str) or etree_local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        zh_terms, en_terms = [], []
        for lang_set in entry:
            if not isinstance(lang_set.tag, str) or etree_local(lang_set.tag) not in ("langSet", "langSec"):
                continue
            lang = (lang_set.get(xml_lang) or lang_set.get("lang") or "").lower()
            for tig in lang_set.iter():
                if not isinstance(tig.tag, str) or etree_local(tig.tag) not in ("tig", "ntig", "termSec"):
                    continue
                term = next((t.text for t in tig.iter() if isinstance(t.tag, str) and etree_local(t.tag) == "term"), None)
                status = next((t.text for t in tig.iter() if isinstance(t.tag, str) and etree_local(t.tag) == "termNote"
                               and (t.get("type") or "") == "administrativeStatus"), "") or ""
                if term:
                    (zh_terms if lang.startswith("zh") else en_terms if lang.startswith("en") else []).append(
                        (term, status))
        for zh, _ in zh_terms:
            for en, status in en_terms:
                out.append((zh, en, status or "preferred"))
    return out
