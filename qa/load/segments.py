"""XLIFF 1.2, XLIFF 2.x and TMX: files whose segments are already paired.

The links come from the file, so the aligner is skipped. The Chinese and the
English side are chosen by language attributes, whichever way round they are.
"""
from __future__ import annotations

from ..errors import QAError
from ..model import Bitext, Link
from .paragraphs import make_document
from .xmlsafe import local, parse_xml

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline codes whose content is markup of the original format, not text.
_CODE_TAGS = frozenset("ph bpt ept it sub".split())


def lang_side(code: str | None) -> str | None:
    code = (code or "").strip().lower().replace("_", "-")
    if code == "zh" or code.startswith(("zh-", "cmn", "yue")):
        return "zh"
    if code == "en" or code.startswith("en-"):
        return "en"
    return None


def text_of(el) -> str:
    parts = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            if local(child.tag) not in _CODE_TAGS:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    if el is not None:
        walk(el)
    return " ".join("".join(parts).split())


def _by_the_text(pairs: list[tuple[str, str]], path: str, fmt: str) -> list[tuple[str, str]]:
    """The pairs as the text has them: when the side the language attributes call Chinese is
    mostly English and the other mostly Chinese (attributes written the wrong way round), the
    sides are swapped and said so on stderr, never checked backwards; a file with no Chinese
    on either side is an input error."""
    import sys

    from ..lang.text import script_of

    def share(side: int, lang: str) -> float:
        labels = [script_of(p[side]) for p in pairs if p[side]]
        return sum(1 for x in labels if x == lang) / len(labels) if labels else 0.0
    if share(0, "zh") >= 0.5:
        return pairs
    if share(1, "zh") >= 0.5 and share(0, "en") >= 0.5:
        print(f"qa: note: {path}: the {fmt.upper()} language attributes name the English side Chinese; "
              "read by the text instead", file=sys.stderr)
        return [(en, zh) for zh, en in pairs]
    raise QAError(f"the side the {fmt.upper()} file calls Chinese is not in Chinese", path)


def _bitext(pairs: list[tuple[str, str]], path: str, fmt: str) -> Bitext:
    pairs = _by_the_text(pairs, path, fmt)
    zh_blocks, en_blocks, links = [], [], []
    for n, (zh, en) in enumerate(pairs, 1):
        if not zh and not en:
            continue
        zi = (len(zh_blocks),) if zh else ()
        ei = (len(en_blocks),) if en else ()
        if zh:
            zh_blocks.append((n, zh))
        if en:
            en_blocks.append((n, en))
        links.append(Link(zi, ei, 1.0 if zi and ei else 0.0, ("given by the file",)))
    if not zh_blocks:
        raise QAError(f"no Chinese segments found in this {fmt.upper()} file", path)
    return Bitext(
        zh=make_document(path, fmt, "zh", zh_blocks),
        en=make_document(path, fmt, "en", en_blocks),
        links=tuple(links),
    )


def _langs(src: str | None, trg: str | None, path: str, fmt: str) -> bool:
    """True when the file's source language is Chinese, False when it is English."""
    s, t = lang_side(src), lang_side(trg)
    if s == "zh" and (t == "en" or not (trg or "").strip()):  # zh -> ja is not checked as English
        return True
    if s == "en" and t == "zh":
        return False
    raise QAError(f"{fmt} languages are {src!r} -> {trg!r}; need Chinese and English", path)


def read_xliff(data: bytes, path: str) -> Bitext:
    root = parse_xml(data, path, "XLIFF")
    if local(root.tag) != "xliff":
        raise QAError(f"not XLIFF: root element is <{local(root.tag)}>", path)
    pairs: list[tuple[str, str]] = []
    version = root.get("version", "")
    if version.startswith("2"):
        zh_first = _langs(root.get("srcLang"), root.get("trgLang"), path, "XLIFF")
        for seg in root.iter():
            if local(seg.tag) in ("segment", "ignorable"):
                src = trg = None
                for child in seg:
                    if local(child.tag) == "source":
                        src = child
                    elif local(child.tag) == "target":
                        trg = child
                pair = (text_of(src), text_of(trg))
                pairs.append(pair if zh_first else pair[::-1])
    else:
        files = [f for f in root if local(f.tag) == "file"]
        if not files:
            raise QAError("malformed XLIFF: no <file> element", path)
        for f in files:
            zh_first = _langs(f.get("source-language"), f.get("target-language"), path, "XLIFF")
            for tu in f.iter():
                if local(tu.tag) != "trans-unit":
                    continue
                src = trg = None
                for child in tu:
                    if local(child.tag) == "source":
                        src = child
                    elif local(child.tag) == "target":
                        trg = child
                pair = (text_of(src), text_of(trg))
                pairs.append(pair if zh_first else pair[::-1])
    return _bitext(pairs, path, "xliff")


def read_tmx(data: bytes, path: str) -> Bitext:
    root = parse_xml(data, path, "TMX")
    if local(root.tag) != "tmx":
        raise QAError(f"not TMX: root element is <{local(root.tag)}>", path)
    pairs = []
    for tu in root.iter():
        if local(tu.tag) != "tu":
            continue
        found: dict[str, str] = {}
        for tuv in tu:
            if local(tuv.tag) != "tuv":
                continue
            side = lang_side(tuv.get(_XML_LANG) or tuv.get("lang"))
            if side and side not in found:
                seg = next((c for c in tuv if local(c.tag) == "seg"), None)
                found[side] = text_of(seg)
        if found:
            pairs.append((found.get("zh", ""), found.get("en", "")))
    return _bitext(pairs, path, "tmx")
