"""Output formats: each renders ``Result.to_dict()`` (one canonical result)."""


def paragraphs_by_id(data: dict) -> dict[str, dict]:
    """Every paragraph of the report (id, line, page for a PDF's, text), by its id."""
    return {p["id"]: p for side in ("zh", "en") for p in data["paragraphs"][side]}


def place(path: str, para: dict) -> str:
    """Where a paragraph is, as an editor looks for it: ``path:line``, or for a PDF
    ``path (page 3, line 12)`` (the line counted on its page)."""
    if para.get("page"):
        return f"{path} (page {para['page']}, line {para['line']})"
    return f"{path}:{para['line']}"


def position(para: dict) -> tuple[int, int]:
    """A paragraph's reading-order key: (page, line); page 0 for inputs without pages."""
    return para.get("page", 0), para["line"]
