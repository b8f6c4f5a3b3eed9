"""PDF: paragraphs rebuilt from the text lines of each page.

pypdfium2 (PDFium, the engine of Chrome's viewer) gives every character with its box and type
size, in the page's content order. From those:

- **lines**: rebuilt from the boxes (a character above, below or back to the left of the last one
  starts a new line; pdfium's own breaks go wrong around tall quotation marks), a word space
  inferred from a gap where the PDF draws none, and split at wide gaps (two columns set side by
  side, or a table's cells, are separate pieces of text);
- **running heads and page numbers**: a line in the top or bottom tenth of a page is dropped
  when it is a page number (``12``, ``- 12 -``, ``第12页``, ``Page 3 of 9``, ``3/9``) or when
  the same line (digits aside) stands in that band on several pages;
- **reading order**: a page whose lines keep to either side of a gutter is read left column,
  then right column, between the lines that span both (a title, a full-width table); a
  paragraph that runs from the foot of the left column to the head of the right one stays whole;
- **paragraphs**: lines of one column run together until a wider gap than the page's line
  pitch, a change of type size, a short last line or an indented first line; Chinese lines
  are joined without a space, English ones with one, and a word hyphenated at a line end is
  joined again ("develop-" + "ment"). A paragraph cut by a page break continues on the next
  page when its last line runs to the margin.

Each paragraph keeps its page and its line on that page (heads not counted) for the reports.
Scanned pages (images, no text layer) give no text: such a file is refused, not read as empty.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ..errors import QAError

MAX_PAGES = 5000
MAX_CHARS = 20_000_000  # characters over all pages: the text files' size limit, roughly
HEAD_BAND = 0.1
WORD_GAP = 0.15  # a gap between letters wider than this share of the type's height is a word space  # the top and bottom tenth of a page, where running heads and page numbers stand
_PAGE_NUMBER = re.compile(
    r"[-–—\s]*(?:第\s*\d+\s*页(?:\s*[/／共]\s*\d+\s*页?)?|(?:page|p\.)?\s*\d+(?:\s*(?:/|of)\s*\d+)?"
    r"|[ivxlc]+)[-–—\s]*", re.IGNORECASE)
# Characters written without spaces between them: ideographs, and (unlike qa.lang.text's ideograph
# test) CJK punctuation and full-width forms, so "全省，" + "增长" joins as Chinese does
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass
class Line:
    """A piece of text on one line of a page, in PDF points (y grows upwards)."""

    page: int
    x0: float
    x1: float
    bottom: float
    top: float
    text: str
    size: float  # median character height, for distances
    font: float = 0.0  # the type size the PDF sets, to tell headings from body text


def blocks(data: bytes, path: str) -> list[tuple[int, str, int]]:
    """(line on its page, paragraph text, page) of each paragraph, in reading order."""
    pages = _pages(data, path)
    out = paragraphs(pages)
    if not out:
        raise QAError("no text layer in this PDF (a scan? run OCR first)", path)
    return out


def _pages(data: bytes, path: str) -> list[tuple[float, float, list[Line]]]:
    """(width, height, lines) of each page."""
    import pypdfium2 as pdfium  # only PDF inputs need it

    try:
        pdf = pdfium.PdfDocument(data)
    except (pdfium.PdfiumError, ValueError, OSError) as exc:
        what = "encrypted (a password is needed)" if "password" in str(exc).lower() else f"malformed PDF ({exc})"
        raise QAError(what, path) from None
    try:
        if len(pdf) > MAX_PAGES:
            raise QAError(f"PDF has {len(pdf):,} pages (at most {MAX_PAGES:,} are read)", path)
        pages, chars = [], 0
        for n in range(len(pdf)):
            page = pdf[n]
            try:
                width, height = page.get_size()
                lines, count = _lines(page, n + 1)
            except pdfium.PdfiumError as exc:
                raise QAError(f"malformed PDF: page {n + 1}: {exc}", path) from None
            finally:
                page.close()
            chars += count
            if chars > MAX_CHARS:
                raise QAError(f"PDF holds more than {MAX_CHARS:,} characters; refused", path)
            pages.append((width, height, lines))
        return pages
    finally:
        pdf.close()


def _lines(page, number: int) -> tuple[list[Line], int]:
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if not count:
            return [], 0
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # characters outside the BMP: one call each keeps boxes and text in step
            text = "".join(textpage.get_text_range(i, 1)[:1] or " " for i in range(count))
        chars = [(text[i], textpage.get_charbox(i, loose=True), raw.FPDFText_GetFontSize(textpage.raw, i)) for i in range(count)]
    finally:
        textpage.close()
    return _build_lines(chars, number), count


def _build_lines(chars, page: int) -> list[Line]:
    """Lines from characters (text, loose box: the font's full height, font size) in content order, by their geometry (pdfium's
    own line breaks go wrong around tall quotation marks): a character starts a new line when
    it stands above or below the current one, or back to its left; a gap wider than two
    characters on the same line (a gutter, a table cell) starts a new piece of it."""
    out: list[Line] = []
    cur: list = []  # (char, box, font) of the current piece; spaces included
    lo = hi = right = 0.0
    for ch, box, font in chars:
        if ch in "\ufffe\u00ad":  # pdfium's mark for a hyphen at a line's end, a soft hyphen
            ch = "-"
        if ch.isspace():
            if cur and not cur[-1][0].isspace():
                cur.append((" ", box, font))
            continue
        x0, b, x1, t = box
        mid, height = (b + t) / 2, max(t - b, 1.0)
        if cur:
            same_line = lo - 0.3 * height <= mid <= hi + 0.3 * height and x0 >= right - 2 * height
            if not same_line or x0 - right > 2.5 * max(height, hi - lo):
                out.append(_line(cur, page))
                cur = []
            elif (x0 - right > WORD_GAP * height and not cur[-1][0].isspace()
                  and not _CJK.match(ch) and not _CJK.match(cur[-1][0])):
                cur.append((" ", box, font))  # a word space the PDF draws as a gap, not a character
        if not cur:
            lo, hi = b, t
        else:
            lo, hi = min(lo, b), max(hi, t)
        cur.append((ch, box, font))
        right = x1
    if cur:
        out.append(_line(cur, page))
    return [ln for ln in out if ln.text]


def _line(cur: list, page: int) -> Line:
    ink = [(ch, box, font) for ch, box, font in cur if not ch.isspace()]
    text = "".join(ch for ch, _, _ in cur).strip()
    return Line(page, min(b[0] for _, b, _ in ink), max(b[2] for _, b, _ in ink),
                min(b[1] for _, b, _ in ink), max(b[3] for _, b, _ in ink), text,
                statistics.median(b[3] - b[1] for _, b, _ in ink), statistics.median(f for _, _, f in ink))


def paragraphs(pages: list[tuple[float, float, list[Line]]]) -> list[tuple[int, str, int]]:
    """The paragraphs of pages of lines: (line on its page, text, page)."""
    heads = _running_heads(pages)
    out: list[tuple[int, str, int]] = []
    current: list[Line] = []
    at = (0, 0)  # (line on its page, page) of the current paragraph's first line
    last_right = 0.0  # the right margin of the column the last line stood in
    for _width, height, lines in pages:
        body = [ln for ln in lines if not _is_head(ln, height, heads)]
        ordered = _reading_order(body)
        pitch = _pitch(ordered)
        # each column's margins: where most lines start and end (not the odd line set wider)
        left = {col: _margin([ln.x0 for ln, c in ordered if c == col], 0.1) for _, col in ordered}
        right = {col: _margin([ln.x1 for ln, c in ordered if c == col], 0.9) for _, col in ordered}
        prev_col = None
        for k, (ln, col) in enumerate(ordered, 1):
            if current:
                last = current[-1]
                same_page = last.page == ln.page
                if not same_page or (prev_col, col) == (1, 2):
                    # a paragraph cut by the page break, or by the foot of the left column, goes
                    # on when its last line ran to the margin and the next is not indented
                    full = last_right - last.x1 <= _first_word_width(ln)
                    starts = not full or _indented(ln, left[col])
                else:
                    starts = col != prev_col or _starts_paragraph(last, ln, pitch, left[col], right[col])
                if starts:
                    out.append((at[0], _join(current), at[1]))
                    current = []
            if not current:
                at = (k, ln.page)
            current.append(ln)
            prev_col = col
            last_right = right[col]
    if current:
        out.append((at[0], _join(current), at[1]))
    return [b for b in out if b[1]]


def _margin(values: list[float], q: float) -> float:
    """A column's margin from where its lines start (or end): the position most of them share
    (justified text), else the q-quantile (ragged text; a line set wider, or text overflowing
    the page, does not move it)."""
    common = Counter(round(v) for v in values).most_common(1)
    if common and common[0][1] >= max(3, 0.25 * len(values)):
        return float(max(v for v in values if round(v) == common[0][0]))
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def _starts_paragraph(last: Line, ln: Line, pitch: float, left: float, right: float) -> bool:
    """Does ``ln`` start a new paragraph after ``last`` (the line above it, same column)?"""
    size = max(last.size, ln.size, 1.0)
    if abs(last.font - ln.font) > 0.1 * max(last.font, ln.font):
        return True  # a heading's type
    step = last.bottom - ln.bottom
    if step > 1.25 * pitch or step < 0.5 * size:
        return True  # more space than between the lines of a paragraph, or text beside or above the last
    if right - last.x1 > _first_word_width(ln):
        return True  # the next line's first word would have fitted: the last line ended a paragraph
    return _indented(ln, left) and ln.x0 - last.x0 > 0.8 * ln.size  # a first line, not a hanging indent


def _indented(ln: Line, left: float) -> bool:
    """Does the line start more than a character in from its column's margin?"""
    return ln.x0 - left > 1.2 * ln.size


def _first_word_width(ln: Line) -> float:
    """The width the line's first word (one character of Chinese) and a space take on it."""
    per_char = (ln.x1 - ln.x0) / max(len(ln.text), 1)
    if _CJK.match(ln.text[:1] or " "):
        return 1.5 * max(per_char, 0.8 * ln.size)
    word = re.match(r"\S*", ln.text).group()
    return (len(word) + 1) * per_char


def _pitch(ordered: list[tuple[Line, int]]) -> float:
    """The page's usual distance from one line to the next within a column (baseline to baseline)."""
    steps = [a.bottom - b.bottom for (a, ca), (b, cb) in zip(ordered, ordered[1:])
             if ca == cb and 0.5 * a.size <= a.bottom - b.bottom < 3 * a.size]
    return statistics.median(steps) if steps else 1.5 * statistics.median([ln.size for ln, _ in ordered] or [10.0])


def _reading_order(lines: list[Line]) -> list[tuple[Line, int]]:
    """The lines with their column (0 full width or single column, 1 left, 2 right), in reading
    order: top to bottom; on a two-column page, within each band between full-width lines, the
    left column before the right one."""
    lines = sorted(lines, key=lambda ln: (-ln.top, ln.x0))
    if len(lines) < 6:
        return [(ln, 0) for ln in lines]
    gutter = _gutter(lines)
    if gutter is None:
        return [(ln, 0) for ln in lines]
    side = [1 if ln.x1 <= gutter else 2 if ln.x0 >= gutter else 0 for ln in lines]
    out: list[tuple[Line, int]] = []
    band: list[tuple[Line, int]] = []
    for ln, s in zip(lines, side):
        if s == 0:
            out += sorted(band, key=lambda p: p[1]) + [(ln, 0)]  # stable: each column stays top to bottom
            band = []
        else:
            band.append((ln, s))
    return out + sorted(band, key=lambda p: p[1])


def _gutter(lines: list[Line]) -> float | None:
    """The x of a gutter between two columns: a place in the middle half of the text that few
    lines cross, with a good share of the lines wholly on each side of it. None: one column."""
    lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    a, b = lo + 0.25 * (hi - lo), lo + 0.75 * (hi - lo)
    best, at = 0, None
    for g in sorted({ln.x1 + 0.5 for ln in lines} | {ln.x0 - 0.5 for ln in lines}):
        if not a <= g <= b:
            continue
        left = sum(1 for ln in lines if ln.x1 <= g)
        right = sum(1 for ln in lines if ln.x0 >= g)
        if min(left, right) >= 0.25 * len(lines) and len(lines) - left - right <= 0.2 * len(lines):
            if min(left, right) > best:
                best, at = min(left, right), g
    return at


def _head_key(ln: Line) -> str:
    return re.sub(r"\d+", "#", ln.text.strip().lower())


def _in_band(ln: Line, height: float) -> bool:
    return ln.bottom >= (1 - HEAD_BAND) * height or ln.top <= HEAD_BAND * height


def _running_heads(pages) -> set[str]:
    """Lines (digits aside) that stand in the head or foot band of several pages."""
    seen: dict[str, int] = {}
    for _, height, lines in pages:
        for key in {_head_key(ln) for ln in lines if _in_band(ln, height)}:
            seen[key] = seen.get(key, 0) + 1
    least = max(2, 0.3 * len(pages))
    return {key for key, n in seen.items() if n >= least}


def _is_head(ln: Line, height: float, heads: set[str]) -> bool:
    return _in_band(ln, height) and (_head_key(ln) in heads or _PAGE_NUMBER.fullmatch(ln.text.strip()) is not None)


def _join(lines: list[Line]) -> str:
    """One paragraph's lines as one text: Chinese joined without a space, English with one,
    a word hyphenated at the line's end made whole again."""
    text = lines[0].text
    for ln in lines[1:]:
        nxt = ln.text
        if re.search(r"[A-Za-z]-$", text) and nxt[:1].islower():
            text = text[:-1] + nxt  # "develop-" + "ment"
        elif _CJK.match(nxt[:1] or " ") or _CJK.search(text[-1:]) or text.endswith("-"):
            text += nxt
        else:
            text += " " + nxt
    return text
