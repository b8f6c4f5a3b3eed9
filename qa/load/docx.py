"""DOCX: the paragraphs and table cells of word/document.xml, read with limits."""
from __future__ import annotations

import io
import zipfile
import zlib

from ..errors import QAError
from .xmlsafe import local, parse_xml

MAX_ENTRY = 64 * 1024 * 1024  # uncompressed size of word/document.xml
MAX_RATIO = 200  # compression ratio above this is a zip bomb, not a document
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What zipfile raises on a damaged archive: bad offsets (ValueError, OSError), damaged deflate data
# (zlib.error), an encrypted entry (RuntimeError), a version or method it lacks (NotImplementedError)
ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error, RuntimeError, ValueError)


def open_zip(data: bytes, path: str, what: str) -> zipfile.ZipFile:
    """The archive of a DOCX or XLSX file, or one clear error."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS:
        raise QAError(f"malformed {what}: not a zip archive", path) from None


def blocks(data: bytes, path: str) -> list[tuple[int, str]]:
    with open_zip(data, path, "DOCX") as zf:
        try:
            info = zf.getinfo("word/document.xml")
        except KeyError:
            raise QAError("malformed DOCX: no word/document.xml", path) from None
        if info.file_size > MAX_ENTRY:
            raise QAError(f"DOCX document part too large ({info.file_size:,} bytes)", path)
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise QAError("DOCX compression ratio is implausible (zip bomb?); refused", path)
        try:
            with zf.open(info) as fh:
                xml = fh.read(MAX_ENTRY + 1)
        except ZIP_ERRORS as exc:
            raise QAError(f"malformed DOCX: {exc}", path) from None
        if len(xml) > MAX_ENTRY:
            raise QAError("DOCX document part larger than it declares; refused", path)
    root = parse_xml(xml, path, "DOCX XML")
    body = root.find(f"{_W}body")
    if body is None:
        raise QAError("malformed DOCX: no document body", path)
    out: list[tuple[int, str]] = []
    _collect(body, out)
    return out


def _text(el) -> str:
    parts = []
    for node in el.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}p"):
        name = local(node.tag)
        if name == "t":
            parts.append(node.text or "")
        elif name in ("tab", "br"):
            parts.append(" ")
        elif name == "p" and parts:
            parts.append(" ")  # paragraphs inside one cell
    return " ".join("".join(parts).split())


def _collect(el, out) -> None:
    """Body paragraphs in order; each table cell is one paragraph."""
    for child in el:
        name = local(child.tag)
        if name == "p":
            t = _text(child)
            if t:
                out.append((len(out) + 1, t))
        elif name == "tbl":
            for tc in child.iter(f"{_W}tc"):
                if tc.find(f".//{_W}tbl") is not None:
                    continue  # a nested table's own cells are visited instead
                t = _text(tc)
                if t:
                    out.append((len(out) + 1, t))
        elif name == "sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                _collect(content, out)
