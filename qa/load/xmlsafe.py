"""XML parsing that never executes the document: no entities, no DTD, no network."""
from __future__ import annotations

import re

from ..errors import QAError

# Entity declarations are how billion-laughs and external-entity attacks start;
# translation files never need them, so a file that declares any is refused.
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ENTITY_DECL_16 = re.compile("<!ENTITY".encode("utf-16-le"), re.IGNORECASE)


def parse_xml(data: bytes, path: str, what: str = "XML"):
    from lxml import etree

    if _ENTITY_DECL.search(data) or _ENTITY_DECL_16.search(data) or _ENTITY_DECL.search(data.replace(b"\x00", b"")):
        raise QAError(f"{what} declares entities (<!ENTITY>); refused for safety", path)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        msg = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise QAError(f"malformed {what}: {msg}", path) from None
    if root is None:
        raise QAError(f"malformed {what}: no root element", path)
    return root


def local(tag) -> str:
    """Tag name without its namespace ('{urn:...}seg' -> 'seg')."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
