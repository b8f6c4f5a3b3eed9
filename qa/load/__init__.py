"""Reading inputs: ``load(source, target)`` returns a Bitext of Chinese and English documents."""
from __future__ import annotations

import os

from ..errors import QAError
from ..model import Bitext
from . import docx, html, pdf, segments, text, xlsx
from .decode import decode, read_bytes
from .paragraphs import alternating, check_language, make_document, split_bilingual

FORMATS = ("text", "html", "docx", "xlsx", "pdf", "xliff", "tmx")
_EXT = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".pdf": "pdf",
    ".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff", ".mqxliff": "xliff",
    ".tmx": "tmx",
}


def detect_format(path: str, data: bytes) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext in _EXT:
        return _EXT[ext]
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "xlsx" if b"xl/workbook.xml" in data[:65536] else "docx"
    head = data[:2048].lstrip().lower()
    if b"<xliff" in head:
        return "xliff"
    if b"<tmx" in head:
        return "tmx"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _blocks(path: str, data: bytes, fmt: str, encoding: str | None):
    if fmt == "docx":
        return docx.blocks(data, path)
    if fmt == "xlsx":
        return xlsx.blocks(data, path)
    if fmt == "pdf":
        return pdf.blocks(data, path)
    decoded = decode(data, path, encoding)
    if fmt == "html":
        return html.blocks(decoded, path)
    return text.blocks(decoded)


def _read(path: str, encoding: str | None):
    data = read_bytes(path)
    fmt = detect_format(path, data)
    if fmt in ("xliff", "tmx"):
        reader = segments.read_xliff if fmt == "xliff" else segments.read_tmx
        return fmt, reader(data, path)
    blocks = _blocks(path, data, fmt, encoding)
    if not blocks:
        raise QAError(f"no text found in this {fmt} file", path)
    return fmt, blocks


def load(source: str, target: str | None = None, encoding: str | None = None) -> Bitext:
    fmt, got = _read(source, encoding)
    if isinstance(got, Bitext):
        if target:
            raise QAError(f"{fmt.upper()} holds both languages; give it alone, without TARGET", source)
        return got
    if target is None:
        paired = alternating(got, source, fmt)
        if paired is not None:
            return paired
        zh, en = split_bilingual(got, source)
        return Bitext(make_document(source, fmt, "zh", zh), make_document(source, fmt, "en", en))
    tfmt, tgot = _read(target, encoding)
    if isinstance(tgot, Bitext):
        raise QAError(f"{tfmt.upper()} holds both languages; give it alone as SOURCE", target)
    check_language(got, "zh", source)
    check_language(tgot, "en", target)
    return Bitext(make_document(source, fmt, "zh", got), make_document(target, tfmt, "en", tgot))
