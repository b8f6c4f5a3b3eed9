"""Chinese text left in the English."""
from __future__ import annotations

import re

from ..model import Span
from .base import Context, Example, Rule

# Two or more CJK characters in a row: one stray character is more often a
# symbol or a name in brackets than forgotten text.
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\s\d]*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


class Untranslated(Rule):
    """Chinese text was left untranslated in the English.

    **What it does.** Reports every run of two or more Chinese characters in
    an English paragraph, quoting it.

    **Why.** Untranslated text is invisible to an English reader and usually
    means a sentence or a name was skipped while translating.
    """

    code, name, severity = "UT01", "untranslated", "error"
    summary = "Chinese text left in the English"
    examples = (
        Example(
            zh="广东省知识产权保护中心成立。",
            en="The Guangdong 知识产权保护中心 was established.",
            fires=1,
        ),
        Example(zh="广东省知识产权保护中心成立。", en="The Guangdong IP Protection Center was established.", fires=0),
    )

    def check(self, ctx: Context):
        for para in ctx.en:
            runs = list(_CJK_RUN.finditer(para.text))
            if not runs:
                continue
            quoted = "、".join(m.group() for m in runs[:5])
            yield self.finding(
                en=[para],
                zh=[ctx.zh[i] for link in ctx.alignment if para_index(ctx, para) in link.en for i in link.zh],
                message=f"Chinese left untranslated in the English: {quoted}",
                en_text=quoted,
                spans=[Span(para.id, m.start(), m.end()) for m in runs],
                key=quoted,
            )


def para_index(ctx: Context, para) -> int:
    return int(para.id.split("-")[1]) - 1
