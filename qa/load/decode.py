"""Reading an input file's bytes safely and decoding them to text."""
from __future__ import annotations

import codecs
import os

from ..errors import QAError

# Larger inputs are refused, not silently truncated (QA_MAX_INPUT_BYTES overrides).
MAX_BYTES = int(os.environ.get("QA_MAX_INPUT_BYTES", 64 * 1024 * 1024))

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings of Chinese reports; GB18030 is a superset of GBK and GB2312.
_LEGACY = ("gb18030", "big5")


def read_file(path: str, limit: int | None = None) -> bytes:
    """A regular file's bytes, read with a bound. A FIFO would hang the read and /dev/zero
    would fill the memory (a committed qa.toml can name either): both are refused before opening."""
    import stat

    limit = limit or int(os.environ.get("QA_MAX_INPUT_BYTES", MAX_BYTES))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise QAError("no such file", path) from None
    except OSError as exc:
        raise QAError(f"cannot read: {exc.strerror or exc}", path) from None
    if stat.S_ISDIR(st.st_mode):
        raise QAError("is a directory, not a file", path)
    if not stat.S_ISREG(st.st_mode):
        raise QAError("is not a regular file (a pipe or a device); refused", path)
    if st.st_size > limit:
        raise QAError(f"file too large ({st.st_size:,} bytes; the limit is {limit:,})", path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise QAError(f"cannot read: {exc.strerror or exc}", path) from None
    if len(data) > limit:
        raise QAError(f"file too large (more than {limit:,} bytes)", path)
    return data


def read_bytes(path: str, limit: int | None = None) -> bytes:
    data = read_file(path, limit)
    if not data.strip():
        raise QAError("file is empty", path)
    return data


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode ``data``: the given encoding, else a BOM, else UTF-8, else GB18030 or Big5."""
    if encoding:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise QAError(f"unknown encoding {encoding!r}") from None
        if not getattr(info, "_is_text_encoding", True):  # rot13, base64, zlib: codecs, not encodings
            raise QAError(f"{encoding!r} is not a text encoding")
        try:
            text = _strip_bom(data.decode(encoding))
        except UnicodeDecodeError as exc:
            raise QAError(f"not valid {encoding} (byte {exc.start})", path) from None
        # a lone surrogate (utf-16 with a broken pair decoded with surrogatepass-like codecs) is replaced
        return text.encode("utf-8", "replace").decode("utf-8")
    enc = bom_encoding(data)
    if enc:
        try:
            return _strip_bom(data.decode(enc))
        except UnicodeDecodeError as exc:
            raise QAError(f"not valid {enc} despite its byte-order mark (byte {exc.start})", path) from None
    if b"\x00" in data:
        raise QAError("binary data, not a text document", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    decodable = []
    for enc in _LEGACY:
        try:
            data.decode(enc)
            decodable.append(enc)
        except UnicodeDecodeError:
            pass
    if len(decodable) > 1:
        # Both decode: let charset-normalizer judge which reading is language.
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
        decodable = [best.encoding] if best is not None else []
    if not decodable:
        raise QAError(
            f"cannot decode: not UTF-8 (bad byte at {utf8_error}), GB18030 or Big5; "
            "give the encoding with --encoding",
            path,
        )
    return data.decode(decodable[0])


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text
