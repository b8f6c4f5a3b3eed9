"""The JSON report of ../shared/docs/contract.md: byte-identical for the same input."""
from __future__ import annotations

import json


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
