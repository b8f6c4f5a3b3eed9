"""Plain text: every non-empty line is a paragraph, keeping its line number."""
from __future__ import annotations

import re

# Lines as editors count them: \n, \r\n or \r (not the form feeds str.splitlines splits on).
_LINES = re.compile(r"\r\n|\r|\n")


def blocks(text: str) -> list[tuple[int, str]]:
    out = []
    for n, line in enumerate(_LINES.split(text), 1):
        line = line.strip()
        if line:
            out.append((n, line))
    return out
