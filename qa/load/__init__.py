"""Reading inputs: ``load(source, target)`` returns a Bitext of Chinese and English documents."""
from __future__ import annotations

import os

from ..errors import QAError
from ..model import Bitext
from . import docx, html, segments, text, xlsx
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
        from . import pdf  # only PDF inputs need it

        return pdf.blocks(data, path)
    decoded = decode(data, path, encoding)
    if fmt == "html":
        return html.blocks(decoded, path)
    return text.blocks(decoded)


# The text one check reads, both languages together (QA_MAX_TEXT_BYTES overrides): about 130 MiB
# of memory and 4 s per MB of text on 2 cores (bench/growth.py, bench/align_scale.py --check: a
# 10,000-paragraph report a side, 12 MB, takes 45 s and 1.5 GiB), so 32 MiB of text, ten million
# Chinese characters and their English, stays within about 4 GiB. A file may be larger (a PDF's
# images and fonts); its text may not.
MAX_TEXT_BYTES = 32 * 1024 * 1024


# One paragraph is aligned sentence by sentence inside its link, in time and memory proportional
# to its sentences times a corridor of 400 (bench/growth.py: 2,000 sentences, 110,000 characters,
# 9 s and 650 MiB). Longer "paragraphs" are a text that lost its line breaks: refused, not run
# into gigabytes (QA_MAX_PARAGRAPH_CHARS overrides).
MAX_PARAGRAPH_CHARS = 250_000


def _texts(got) -> list[tuple[int, str]]:
    """(line, text) of each paragraph read: from blocks, or from a pre-paired Bitext."""
    if isinstance(got, Bitext):
        return [(p.line, p.text) for doc in (got.zh, got.en) for p in doc.paragraphs]
    return [(b[0], b[1]) for b in got]


def _read(path: str, encoding: str | None, used: int = 0):
    """(format, blocks or a pre-paired Bitext, bytes of text) of one file, whose text must fit
    in the limit beside the ``used`` bytes of the other file."""
    data = read_bytes(path)
    fmt = detect_format(path, data)
    if fmt in ("xliff", "tmx"):
        reader = segments.read_xliff if fmt == "xliff" else segments.read_tmx
        got = reader(data, path)
    else:
        got = _blocks(path, data, fmt, encoding)
        if not got:
            raise QAError(f"no text found in this {fmt} file", path)
    texts = _texts(got)
    longest = int(os.environ.get("QA_MAX_PARAGRAPH_CHARS", MAX_PARAGRAPH_CHARS))
    for line, body in texts:
        if len(body) > longest:
            raise QAError(f"the paragraph at line {line} has {len(body):,} characters (at most {longest:,} in one "
                          f"paragraph: has the text lost its line breaks?)", path)
    size = sum(len(body.encode("utf-8", "replace")) for _, body in texts)
    limit = int(os.environ.get("QA_MAX_TEXT_BYTES", MAX_TEXT_BYTES))
    if used + size > limit:
        raise QAError(f"too much text for one check ({size:,} bytes of text, both files together "
                      f"at most {limit:,}); split the document", path)
    return fmt, got, size


def load(source: str, target: str | None = None, encoding: str | None = None) -> Bitext:
    fmt, got, size = _read(source, encoding)
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
    tfmt, tgot, _ = _read(target, encoding, size)
    if isinstance(tgot, Bitext):
        raise QAError(f"{tfmt.upper()} holds both languages; give it alone as SOURCE", target)
    check_language(got, "zh", source)
    check_language(tgot, "en", target)
    return Bitext(make_document(source, fmt, "zh", got), make_document(target, tfmt, "en", tgot))
