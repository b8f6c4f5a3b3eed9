"""Reading every supported input into Chinese and English paragraphs."""
import json

import pytest
from conftest import ROOT, SEEDS, make_docx

from qa.errors import QAError
from qa.load import load

ZH = "2025年，全省受理专利申请12.5万件。\n海关扣留侵权货物1200批次。\n"
EN = "In 2025, the province received 125,000 patent applications.\nCustoms detained 1,200 batches.\n"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_bilingual_seed_boundary_matches_gold(seed):
    """The Chinese/English boundary of each seed is where the gold alignment puts it."""
    gold = json.loads((ROOT / "tests/data/seed-alignment" / (seed.stem + ".json")).read_text())
    zh_lines = sorted(n for a in gold["alignment"] for n in a["zh"])
    en_lines = sorted(n for a in gold["alignment"] for n in a["en"])
    bitext = load(str(seed))
    assert [p.line for p in bitext.zh.paragraphs] == zh_lines
    assert [p.line for p in bitext.en.paragraphs] == en_lines
    assert bitext.zh.paragraphs[0].id == "zh-1" and bitext.en.paragraphs[0].id == "en-1"


def test_traditional_seed_is_matched_in_simplified_but_quoted_as_written():
    bitext = load(str(SEEDS[1]))
    title = bitext.zh.paragraphs[0]
    assert title.text == "2024年廣東省知識產權保護狀況"
    assert title.norm == "2024年广东省知识产权保护状况"


def test_lost_nbsp_question_marks_are_spaces_for_matching():
    bitext = load(str(SEEDS[1]))
    p = next(p for p in bitext.en.paragraphs if "planning.?Both" in p.text)
    assert "planning. Both" in p.norm
    assert len(p.norm) == len(p.text)


def test_two_text_files_keep_line_numbers(write):
    zh = write("zh.txt", "\n" + ZH.replace("\n", "\n\n"))
    en = write("en.txt", EN)
    bitext = load(zh, en)
    assert [p.line for p in bitext.zh.paragraphs] == [2, 4]
    assert [p.line for p in bitext.en.paragraphs] == [1, 2]
    assert bitext.zh.format == bitext.en.format == "text"


def test_full_width_digits_and_nbsp_fold_for_matching(write):
    zh = write("zh.txt", "增长１２.５％，共３９８件。")
    en = write("en.txt", "up\u00a012.5%, 398 cases")
    bitext = load(zh, en)
    assert bitext.zh.paragraphs[0].norm == "增长12.5%,共398件。"
    assert bitext.zh.paragraphs[0].text == "增长１２.５％，共３９８件。"
    assert bitext.en.paragraphs[0].norm == "up 12.5%, 398 cases"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "gb18030", "gbk", "big5"])
def test_encodings_are_detected(write, encoding):
    zh_text = "二零二五年，全省受理專利申請十二萬件，同比增長百分之三。" if encoding == "big5" else ZH
    zh = write("zh.txt", zh_text, encoding)
    en = write("en.txt", EN, encoding if encoding != "big5" else "utf-8")
    bitext = load(zh, en)
    assert bitext.zh.paragraphs[0].text == zh_text.splitlines()[0]


def test_encoding_can_be_given(write):
    zh = write("zh.txt", ZH, "gb18030")
    en = write("en.txt", EN)
    assert load(zh, en, encoding="gb18030").zh.paragraphs[1].text == "海关扣留侵权货物1200批次。"


def test_html_blocks_in_order_with_source_lines(write):
    html = """<!DOCTYPE html>
<html><head><title>t</title><style>p {color: red}</style></head>
<body>
<h1>2025年知识产权保护状况</h1>
<div>前言文字<p>全省受理专利申请12.5万件。</p></div>
<script>var x = "不应出现";</script>
<ul><li>广州</li><li>深圳</li></ul>
<table><tr><td>专利</td><th>商标</th></tr></table>
</body></html>"""
    zh = write("zh.html", html)
    en = write("en.txt", EN)
    paras = load(zh, en).zh.paragraphs
    assert [p.text for p in paras] == ["2025年知识产权保护状况", "前言文字", "全省受理专利申请12.5万件。", "广州", "深圳", "专利", "商标"]
    assert [p.line for p in paras[:3]] == [4, 5, 5]
    assert load(zh, en).zh.format == "html"


def test_docx_paragraphs_and_table_cells(write):
    zh = write("zh.docx", make_docx(["全省受理专利申请12.5万件。", "海关扣留侵权货物1200批次。"], table=[["专利", "商标"]]))
    en = write("en.docx", make_docx(["The province received 125,000 patent applications.", "Customs detained 1,200 batches."]))
    bitext = load(zh, en)
    assert [p.text for p in bitext.zh.paragraphs] == ["全省受理专利申请12.5万件。", "海关扣留侵权货物1200批次。", "专利", "商标"]
    assert [p.line for p in bitext.zh.paragraphs] == [1, 2, 3, 4]
    assert bitext.en.format == "docx"


XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="{src}" target-language="{trg}" datatype="plaintext" original="r.txt">
  <body>
   <trans-unit id="1"><source>{a1}</source><target>{b1}</target></trans-unit>
   <trans-unit id="2"><source>{a2}</source><target>{b2}</target></trans-unit>
   <trans-unit id="3"><source>{a3}</source></trans-unit>
  </body>
 </file>
</xliff>"""


def test_xliff12_pairs_come_from_the_file(write):
    x = XLIFF12.format(src="zh-CN", trg="en-US", a1="全省受理专利申请<g id='1'>12.5万件</g>。", b1="125,000 applications.",
                       a2="海关扣留1200批次。", b2="Customs detained 1,200 batches.", a3="未翻译的句子。")
    bitext = load(write("r.xlf", x))
    assert bitext.zh.paragraphs[0].text == "全省受理专利申请12.5万件。"
    assert [(lk.zh, lk.en) for lk in bitext.links] == [((0,), (0,)), ((1,), (1,)), ((2,), ())]
    assert [p.line for p in bitext.zh.paragraphs] == [1, 2, 3]


def test_xliff12_english_source_is_swapped(write):
    x = XLIFF12.format(src="en", trg="zh-Hans", a1="125,000 applications.", b1="受理专利申请12.5万件。",
                       a2="1,200 batches.", b2="扣留1200批次。", a3="Untranslated.")
    bitext = load(write("r.xliff", x))
    assert bitext.zh.paragraphs[0].text == "受理专利申请12.5万件。"
    assert bitext.en.paragraphs[2].text == "Untranslated."
    assert bitext.links[2].zh == () and bitext.links[2].en == (2,)


def test_xliff2_segments(write):
    x = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-TW" trgLang="en">
 <file id="f1"><unit id="u1">
  <segment><source>受理專利申請12.5萬件。</source><target>125,000 applications.</target></segment>
  <segment><source>扣留1200批次。</source><target>1,200 batches<ph id="1"/>.</target></segment>
 </unit></file></xliff>"""
    bitext = load(write("r.xlf", x))
    assert bitext.zh.paragraphs[0].norm == "受理专利申请12.5万件。"
    assert bitext.en.paragraphs[1].text == "1,200 batches."
    assert len(bitext.links) == 2


def test_tmx_language_attributes(write):
    x = """<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>
<body>
 <tu><tuv xml:lang="en-US"><seg>125,000 applications.</seg></tuv><tuv xml:lang="zh-CN"><seg>受理专利申请12.5万件。</seg></tuv></tu>
 <tu><tuv xml:lang="zh-CN"><seg>扣留1200批次。</seg></tuv><tuv xml:lang="en-US"><seg>1,200 batches.</seg></tuv></tu>
</body></tmx>"""
    bitext = load(write("m.tmx", x))
    assert [p.text for p in bitext.zh.paragraphs] == ["受理专利申请12.5万件。", "扣留1200批次。"]
    assert [p.text for p in bitext.en.paragraphs] == ["125,000 applications.", "1,200 batches."]
    assert bitext.zh.format == "tmx"


ALTERNATING = [
    ("全省新增发明专利4.32万件。", "The province added 43,200 invention patents."),
    ("全省商标注册70.99万件。", "Trademark registrations reached 709,900."),
    ("海关扣留侵权货物1200批次。", "Customs detained 1,200 batches of infringing goods."),
]


def test_alternating_lines_are_read_as_pairs(write):
    text = "\n".join(f"{zh}\n{en}" for zh, en in ALTERNATING) + "\n"
    bitext = load(write("pasted.txt", text))
    assert [p.text for p in bitext.zh.paragraphs] == [zh for zh, _ in ALTERNATING]
    assert [(lk.zh, lk.en) for lk in bitext.links] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert [p.line for p in bitext.en.paragraphs] == [2, 4, 6]


def test_an_alternating_line_left_untranslated_is_a_dropped_link(write):
    rows = ALTERNATING[:1] + [("未翻译的一句。", None)] + ALTERNATING[1:]
    text = "\n".join(zh + (f"\n{en}" if en else "") for zh, en in rows) + "\n"
    bitext = load(write("pasted.txt", text))
    assert [(lk.zh, lk.en) for lk in bitext.links] == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]


def test_a_two_column_bilingual_table_in_word_is_read_as_pairs(write):
    from conftest import make_docx

    table = [("中文", "English")] + ALTERNATING
    bitext = load(write("table.docx", make_docx([], table=table)))
    assert [p.text for p in bitext.en.paragraphs] == ["English"] + [en for _, en in ALTERNATING]
    assert all(len(lk.zh) == 1 and len(lk.en) == 1 for lk in bitext.links)


def test_a_two_column_bilingual_table_in_a_web_page_is_read_as_pairs(write):
    rows = "".join(f"<tr><td>{zh}</td><td>{en}</td></tr>" for zh, en in ALTERNATING)
    page = f"<html><body><table><tr><th>中文</th><th>English</th></tr>{rows}</table></body></html>"
    bitext = load(write("table.html", page))
    assert [p.text for p in bitext.zh.paragraphs] == ["中文"] + [zh for zh, _ in ALTERNATING]
    assert [p.text for p in bitext.en.paragraphs] == ["English"] + [en for _, en in ALTERNATING]
    assert all(len(lk.zh) == 1 and len(lk.en) == 1 for lk in bitext.links)


def test_a_chinese_part_then_an_english_part_is_not_alternating(write):
    text = "\n".join(zh for zh, _ in ALTERNATING) + "\n" + "\n".join(en for _, en in ALTERNATING) + "\n"
    bitext = load(write("report.txt", text))
    assert bitext.links is None and len(bitext.zh.paragraphs) == 3


def test_a_bilingual_excel_table_is_read_as_pairs(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["中文", "English"])
    for zh, en in ALTERNATING:
        wb.active.append([zh, en])
    wb.save(tmp_path / "table.xlsx")
    bitext = load(str(tmp_path / "table.xlsx"))
    assert bitext.zh.format == "xlsx"
    assert [p.text for p in bitext.zh.paragraphs] == ["中文"] + [zh for zh, _ in ALTERNATING]
    assert [(lk.zh, lk.en) for lk in bitext.links] == [((k,), (k,)) for k in range(4)]


def test_a_damaged_excel_file_is_one_clear_error(write, capsys):
    from qa.cli import main

    assert main(["check", write("bad.xlsx", b"PK\x03\x04 not really a zip")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "XLSX" in err


def test_a_pre_paired_file_whose_last_english_is_cut_off_is_truncated(write):
    from qa.config import Profile
    from qa.engine import check

    rows = ALTERNATING * 3 + [("全省商标注册70.99万件，同比增长12.5%，继续保持全国第一，其中马德里国际注册申请量增长显著。",
                               "Trademark registrations reached 709,900, up 12.5%")]
    text = "\n".join(f"{zh}\n{en}" for zh, en in rows) + "\n"
    findings = check(load(write("cut.txt", text)), Profile(select=["dropped-truncation"])).findings
    assert [f.message for f in findings] == ["The English stops mid-sentence in en-10 (line 20)"]
    whole = text.replace("up 12.5%", "up 12.5% year on year, still first in the country, with Madrid "
                         "international applications up markedly.")
    assert check(load(write("whole.txt", whole)), Profile(select=["dropped-truncation"])).findings == []


def test_xliff_whose_language_attributes_are_backwards_is_read_by_the_text(write, capsys):
    x = XLIFF12.format(src="en-US", trg="zh-CN", a1="全省受理专利申请12.5万件。", b1="125,000 applications.",
                       a2="海关扣留1200批次。", b2="Customs detained 1,200 batches.", a3="未翻译的句子。")
    bitext = load(write("r.xlf", x))
    assert bitext.zh.paragraphs[0].text == "全省受理专利申请12.5万件。"
    assert bitext.en.paragraphs[0].text == "125,000 applications."
    assert "read by the text" in capsys.readouterr().err


def test_xliff_with_no_chinese_side_is_an_input_error(write):
    x = XLIFF12.format(src="zh-CN", trg="en-US", a1="Patent applications.", b1="125,000 applications.",
                       a2="Customs.", b2="Customs detained 1,200 batches.", a3="Untranslated.")
    with pytest.raises(QAError, match="not in Chinese"):
        load(write("r.xlf", x))


PAGE = """<!DOCTYPE html><html><body>
<header class="site-header"><a href="/">首页</a> <a href="/news">新闻</a></header>
<nav><ul><li>政策</li><li>数据</li></ul></nav>
<div id="cookie-banner">本网站使用cookie。</div>
<article><header><h1>全省知识产权保护状况</h1></header>
<p>全省新增发明专利4.32万件。</p><p>全省商标注册70.99万件。</p>
<footer>来源：省知识产权局</footer></article>
<aside>相关阅读：往年报告</aside>
<footer>版权所有 © 2025</footer>
</body></html>"""


def test_a_web_page_is_read_without_its_navigation_menus_banners_and_footer(write):
    bitext = load(write("zh.html", PAGE), write("en.txt", "IP protection\\nThe province added 43,200 patents.\\n"))
    assert [p.text for p in bitext.zh.paragraphs] == [
        "全省知识产权保护状况", "全省新增发明专利4.32万件。", "全省商标注册70.99万件。", "来源：省知识产权局"]


def test_a_page_without_an_article_still_drops_its_chrome(write):
    page = PAGE.replace("<article>", "<div>").replace("</article>", "</div>")
    bitext = load(write("zh.html", page), write("en.txt", "IP protection\\n"))
    texts = [p.text for p in bitext.zh.paragraphs]
    assert "全省新增发明专利4.32万件。" in texts and not any("cookie" in t or "版权所有" in t or "政策" in t for t in texts)


@pytest.mark.parametrize("text,norm", [
    ("有关系？如果一家公司", "有关系?如果一家公司"),  # Chinese puts no space after a question mark
    ("真的?我不信", "真的?我不信"),
    ("planning.?Both", "planning. Both"),        # a lost non-breaking space between English words
    ("training?1,530", "training 1,530"),
])
def test_a_chinese_question_mark_is_kept_and_a_lost_space_is_a_space(text, norm):
    from qa.lang.text import normalise
    assert normalise(text, chinese=True) == norm


def test_chinese_sentences_end_at_a_question_mark_followed_by_text():
    from qa.lang.sentences import zh_sentences
    from qa.lang.text import normalise
    text = normalise("不知道是不是和SLA有关系？比如，更新页面就意味着承认责任呢？也许是我多疑了。", chinese=True)
    assert len(zh_sentences(text)) == 3
