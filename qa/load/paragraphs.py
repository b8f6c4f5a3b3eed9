"""From a list of (line, text) blocks to Chinese and English documents.

Every format reader produces blocks; this module decides which are Chinese and
which English: one language per file, or one bilingual file (Chinese part,
then English part) whose boundary it finds.
"""
from __future__ import annotations

from ..errors import QAError
from ..lang.text import normalise, script_of
from ..model import Bitext, Document, Link, Paragraph

Block = tuple  # (1-based line or ordinal, text), or (line on its page, text, page) from a PDF

# A bilingual file whose best boundary still leaves this share of blocks on the
# wrong side is not "Chinese part, then English part": refuse it, do not guess.
_MAX_MISFIT = 0.25


def make_document(path: str, fmt: str, lang: str, blocks: list[Block]) -> Document:
    paras = tuple(
        Paragraph(id=f"{lang}-{n}", line=b[0], text=b[1], norm=normalise(b[1], chinese=lang == "zh"),
                  page=b[2] if len(b) > 2 else 0)
        for n, b in enumerate(blocks, 1)
    )
    return Document(path=path, format=fmt, lang=lang, paragraphs=paras)


def split_bilingual(blocks: list[Block], path: str) -> tuple[list[Block], list[Block]]:
    """Split one bilingual file into its Chinese part and its English part.

    The boundary is the cut that puts the most Chinese blocks before it and
    English blocks after it; blocks with no letters (numbers, markers) do not vote.
    """
    labels = [script_of(b[1]) for b in blocks]
    zh_before = 0
    en_after = sum(1 for s in labels if s == "en")
    best_k, best = 0, en_after
    for k, label in enumerate(labels, 1):
        zh_before += label == "zh"
        en_after -= label == "en"
        if zh_before + en_after > best:
            best_k, best = k, zh_before + en_after
    zh, en = blocks[:best_k], blocks[best_k:]
    voters = sum(1 for s in labels if s)
    if not any(s == "zh" for s in labels[:best_k]):
        raise QAError("no Chinese text found (give the English file as TARGET, or check the input)", path)
    if not any(s == "en" for s in labels[best_k:]):
        raise QAError("no English text found after the Chinese (give the English file as TARGET)", path)
    if voters and (voters - best) / voters > _MAX_MISFIT:
        raise QAError(
            "Chinese and English are interleaved, not a Chinese part followed by an English part",
            path,
        )
    return zh, en


def check_language(blocks: list[Block], lang: str, path: str) -> None:
    """A one-language document must mostly be in that language."""
    labels = [script_of(b[1]) for b in blocks]
    n_lang = sum(1 for s in labels if s == lang)
    other = "en" if lang == "zh" else "zh"
    n_other = sum(1 for s in labels if s == other)
    name = {"zh": "Chinese", "en": "English"}
    if n_lang == 0:
        raise QAError(f"no {name[lang]} text found", path)
    if n_other > n_lang:
        raise QAError(
            f"expected the {name[lang]} document here, but most paragraphs are {name[other]}", path
        )


# Of the blocks with letters, this share at least must stand in a Chinese block followed by an
# English one for a file to be read as alternating lines (or a two-column table): a line left
# untranslated here and there is allowed; a Chinese part followed by an English part pairs two.
_MIN_ALTERNATING = 0.8


def alternating(blocks: list[Block], path: str, fmt: str) -> Bitext | None:
    """A file whose blocks alternate Chinese / English (pasted alternating lines; a bilingual
    two-column table in DOCX or HTML, read cell by cell, its header row included) as pre-paired
    links, like XLIFF: each Chinese block with the English block after it. None when the file
    does not alternate (a Chinese part followed by an English part is split as usual)."""
    voters = [(b, lang) for b in blocks if (lang := script_of(b[1]))]
    if len(voters) < 4:
        return None
    paired, k = 0, 0  # blocks in a Chinese-then-English pair, read left to right
    while k < len(voters):
        if voters[k][1] == "zh" and k + 1 < len(voters) and voters[k + 1][1] == "en":
            paired, k = paired + 2, k + 2
        else:
            k += 1
    if paired < _MIN_ALTERNATING * len(voters):
        return None
    zh_blocks: list[Block] = []
    en_blocks: list[Block] = []
    links: list[Link] = []
    k = 0
    while k < len(voters):
        block, lang = voters[k]
        if lang == "zh" and k + 1 < len(voters) and voters[k + 1][1] == "en":
            zh_blocks.append(block)
            en_blocks.append(voters[k + 1][0])
            links.append(Link((len(zh_blocks) - 1,), (len(en_blocks) - 1,), 1.0, ("given by the file: alternating",)))
            k += 2
        else:  # a Chinese line with no English after it, or an English line with no Chinese before it
            side = zh_blocks if lang == "zh" else en_blocks
            side.append(block)
            links.append(Link((len(zh_blocks) - 1,), (), 0.0) if lang == "zh"
                         else Link((), (len(en_blocks) - 1,), 0.0))
            k += 1
    return Bitext(zh=make_document(path, fmt, "zh", zh_blocks), en=make_document(path, fmt, "en", en_blocks),
                  links=tuple(links))

