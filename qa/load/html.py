"""HTML: block elements become paragraphs, in document order, with their source line."""
from __future__ import annotations

import re

from ..errors import QAError

BLOCK = frozenset(
    "p h1 h2 h3 h4 h5 h6 li td th blockquote div dt dd caption pre figcaption "
    "section article main header footer aside nav ul ol dl table tr tbody thead tfoot body "
    "form fieldset legend address center".split()
)
SKIP = frozenset("script style noscript template head svg math iframe object".split())
# A web page's chrome, not its text: navigation, menus, sidebars, page headers and footers,
# cookie banners. (Inside an <article>, a header or footer is the article's own: kept.)
CHROME_TAGS = frozenset("nav aside menu".split())
PAGE_ONLY = frozenset("header footer".split())
CHROME_ROLES = frozenset("navigation banner contentinfo complementary menu menubar search".split())
_CHROME_NAME = re.compile(r"(?:^|[-_\s])(?:cookie|consent|gdpr|breadcrumbs?|nav|navbar|menu|sidebar|site-?footer|"
                          r"site-?header|share|social|related|newsletter|subscribe|skip-?link)(?:$|[-_\s])", re.I)
_WS = re.compile(r"\s+")


def _chrome(el) -> bool:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in CHROME_TAGS or (el.get("role") or "").lower() in CHROME_ROLES:
        return True
    if tag in PAGE_ONLY and not any(a.tag in ("article", "main") for a in el.iterancestors()):
        return True
    names = f"{el.get('id') or ''} {el.get('class') or ''}"
    return bool(names.strip()) and bool(_CHROME_NAME.search(names))


def _content_root(root):
    """The page's <main>, or its one <article>, when it marks where the text is; else the page."""
    mains = root.findall(".//main")
    if len(mains) == 1:
        return mains[0]
    articles = root.findall(".//article")
    return articles[0] if len(articles) == 1 else root


def blocks(text: str, path: str) -> list[tuple[int, str]]:
    from lxml import etree, html

    # huge_tree: libxml2 otherwise stops at 256 levels of nesting and drops the rest in silence
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise QAError(f"malformed HTML: {exc}", path) from None
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise QAError("HTML nested too deeply to read whole (over 2,048 levels); refused", path)

    out: list[tuple[int, str]] = []
    stack: list[list] = [[None, []]]  # open blocks: [line, text pieces]
    skipping = 0
    root = _content_root(root)

    def flush(buf):
        t = _WS.sub(" ", "".join(buf[1])).strip()
        if t:
            out.append((buf[0] or 1, t))
        buf[1] = []

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIP or (tag and _chrome(el)):
                el.set("data-qa-skip", "1")  # the end event must know, whatever its attributes say
                skipping += 1
                continue
            if skipping:
                continue
            if tag in BLOCK:
                flush(stack[-1])
                stack.append([el.sourceline, []])
            elif tag == "br":
                stack[-1][1].append(" ")
            if el.text:
                if stack[-1][0] is None:
                    stack[-1][0] = el.sourceline
                stack[-1][1].append(el.text)
        else:
            if el.get("data-qa-skip"):
                skipping -= 1
            elif skipping:
                continue
            elif tag in BLOCK:
                flush(stack.pop())
                stack[-1][0] = None  # text after a nested block starts a new paragraph
            if el.tail and not skipping:
                if stack[-1][0] is None:
                    stack[-1][0] = el.sourceline
                stack[-1][1].append(el.tail)
    flush(stack[0])
    return out
