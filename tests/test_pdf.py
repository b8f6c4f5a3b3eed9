"""PDF input: paragraphs rebuilt from the lines of each page.

End-to-end tests print HTML to PDF with Chromium (as .ci/run installs it, with a CJK font), so
no opaque binary is checked in; Chromium's own running heads (date and title at the top, the
file's URL and "3/9" at the bottom of every page) are left on, as a real report's would be.
The rules of reconstruction are tested on lines directly.
"""
import html
import json
import os
import shutil
import subprocess
import unicodedata

import pytest
from conftest import ROOT

from qa.cli import main
from qa.load import load
from qa.load.pdf import Line, paragraphs
from qa.load.pdf import blocks as pdf_blocks

CHROMIUM = os.environ.get("QA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
PRINTED = ("001_a563103608e4f3d1", "002_2dd3d273fece59c0")  # seed 000's English lost its spaces: no
# printer can wrap its lines without cutting words and figures, so it is not printed


def print_pdf(html_text: str, path, heads: bool = True) -> str:
    """``html_text`` printed to the PDF ``path``; ``heads``: with Chromium's running heads."""
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("Chromium not found (.ci/run installs it)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    src = path.with_suffix(".html")
    src.write_text(html_text, encoding="utf-8")
    flags = [] if heads else ["--no-pdf-header-footer"]
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", *flags, f"--print-to-pdf={path}",
                    src.as_uri()], check=True, capture_output=True, timeout=120)
    return str(path)


def page(body: str, style: str = "") -> str:
    return ('<html><head><meta charset="utf-8"><title>Annual report</title><style>body{font-family:'
            '"WenQuanYi Zen Hei","Noto Sans CJK SC",sans-serif;font-size:11pt;margin:2cm}'
            f'p{{margin:0 0 0.7em 0;text-align:justify}}{style}</style></head><body>{body}</body></html>')


def paras(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def same(a: str) -> str:
    """Text as compared: the PDF font maps full-width punctuation to ASCII, spaces at line joins vary."""
    return "".join(unicodedata.normalize("NFKC", a).split())


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    out = {}
    for name in PRINTED:
        text = (ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8")
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paras(text))
        out[name] = print_pdf(page(body), tmp_path_factory.mktemp("pdf") / f"{name}.pdf")
    return out


@pytest.mark.parametrize("name", PRINTED)
def test_a_printed_seed_reads_back_paragraph_for_paragraph(name, printed):
    source = paras((ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8"))
    bitext = load(printed[name])
    got = [p for doc in (bitext.zh, bitext.en) for p in doc.paragraphs]
    assert bitext.zh.format == "pdf" and len(got) == len(source)
    matching = sum(same(p.text) == same(s) for p, s in zip(got, source))
    assert matching >= 0.9 * len(source)  # the rest differ by a glyph the font maps otherwise
    assert all(p.page >= 1 and p.line >= 1 for p in got)
    assert got[-1].page > 3  # several pages, and paragraphs that run over a page break are whole
    heads = ("Annual report", "file://", "/")
    assert not any(p.text.strip() in heads or p.text.startswith("file://") for p in got)


@pytest.mark.parametrize("name", PRINTED)
def test_a_printed_seed_has_the_same_number_findings_as_its_text(name, printed, tmp_path):
    def numbers(path):
        out = tmp_path / "r.json"
        main(["check", path, "--json", str(out), "-q"])
        data = json.loads(out.read_text(encoding="utf-8"))
        return sorted((f["code"], f["severity"], f["message"]) for f in data["findings"] if f["code"].startswith("NM"))

    from_text = numbers(str(ROOT / "seeds" / f"{name}.txt"))
    assert from_text and numbers(printed[name]) == from_text


def test_pdf_findings_are_located_by_page_and_line(printed, capsys):
    main(["check", printed["002_2dd3d273fece59c0"]])
    first = capsys.readouterr().out.splitlines()[0]
    assert "002_2dd3d273fece59c0.pdf (page " in first and ", line " in first


def test_two_columns_are_read_left_then_right(tmp_path):
    left = [f"Paragraph {n} of the left column says that exports rose by {n} percent in the year, "
            "well above the forecast made in the spring by the provincial statistics office." for n in range(1, 5)]
    right = [f"Paragraph {n} of the right column says that imports fell by {n} percent over the same period, "
             "which the office put down to weaker demand for raw materials." for n in range(5, 9)]
    body = "<h1>Trade in the year</h1><div style='column-count:2;column-gap:1.2cm'>" + "".join(
        f"<p>{p}</p>" for p in left + right) + "</div><p>The full-width note below both columns closes the page.</p>"
    path = print_pdf(page(body), tmp_path / "cols.pdf", heads=False)  # one page: no heads to tell by repetition
    texts = [text for _line, text, _page in pdf_blocks(open(path, "rb").read(), path)]
    assert texts == ["Trade in the year", *left, *right, "The full-width note below both columns closes the page."]


def test_chinese_lines_join_without_a_space_and_a_page_break_does_not_cut_a_paragraph(tmp_path):
    long_zh = "全省新增发明专利4.32万件，同比增长12.5%，" * 80 + "创历史新高。"  # over two pages
    body = "".join(f"<p>{t}</p>" for t in ["一、总体情况", long_zh, "二、主要做法", "加强统筹部署。" * 3])
    path = print_pdf(page(body, "p{font-size:16pt}"), tmp_path / "zh.pdf")
    found = pdf_blocks(open(path, "rb").read(), path)
    got = [text for _line, text, _page in found]
    assert found[2][2] > found[1][2]  # the long paragraph ran over a page break
    assert [same(t) for t in got] == [same(t) for t in ["一、总体情况", long_zh, "二、主要做法", "加强统筹部署。" * 3]]


def L(page, x0, x1, bottom, text, size=10.0, font=12.0):  # noqa: N802 - a line, as the reader builds it
    return Line(page, x0, x1, bottom, bottom + size, text, size, font)


def test_lines_become_paragraphs_by_margin_indent_and_spacing():
    lines = [
        L(1, 72, 540, 700, "Growth was strong in every district of the whole coastal"),
        L(1, 72, 540, 686, "province, where exports of machinery rose by a fifth and"),
        L(1, 72, 200, 672, "imports fell."),  # stops short, though "The" would fit: the paragraph ends
        L(1, 90, 540, 658, "The second paragraph starts with an indent and runs on to"),
        L(1, 72, 540, 644, "the next line, where a word is hyphenated at the develop-"),
        L(1, 72, 540, 630, "ment of the line's end, and a name set as Guangdong-"),
        L(1, 72, 300, 616, "Hong Kong is kept whole."),
        L(1, 72, 120, 560, "Heading", size=14.0, font=16.0),  # a wide gap and a larger type
        L(1, 300, 312, 30, "1"),  # the page number in the foot band
    ]
    got = [(line, text, pg) for line, text, pg in paragraphs([(612, 792, lines)])]
    assert got == [
        (1, "Growth was strong in every district of the whole coastal province, where exports of machinery rose "
            "by a fifth and imports fell.", 1),
        (4, "The second paragraph starts with an indent and runs on to the next line, where a word is hyphenated "
            "at the development of the line's end, and a name set as Guangdong-Hong Kong is kept whole.", 1),
        (8, "Heading", 1),
    ]


def test_running_heads_go_and_a_paragraph_runs_over_the_page_break():
    def pg(n, body):
        return (612, 792, [L(n, 72, 200, 760, "Annual Report 2025"), *body, L(n, 290, 330, 30, f"- {n} -")])

    pages = [
        pg(1, [L(1, 72, 540, 700, "全省新增发明专利4.32万件，同比增长12.5%，创历史新高，全省商标注册量"),
               L(1, 72, 540, 686, "达到70.99万件，同比增长8%，有效注册商标量居全国首位，地理标志产品")]),
        pg(2, [L(2, 72, 300, 700, "累计达到226个。"),
               L(2, 90, 540, 686, "加强统筹部署。")]),
    ]
    assert paragraphs(pages) == [
        (1, "全省新增发明专利4.32万件，同比增长12.5%，创历史新高，全省商标注册量达到70.99万件，同比增长8%，"
            "有效注册商标量居全国首位，地理标志产品累计达到226个。", 1),
        (2, "加强统筹部署。", 2),
    ]


def test_a_pdf_that_is_not_one_is_one_clear_error(write, capsys):
    assert main(["check", write("broken.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"), write("en.txt", "Hello.\n")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "broken.pdf" in err and "PDF" in err


def test_a_pdf_without_a_text_layer_is_refused(tmp_path, write, capsys):
    path = print_pdf(page("<div style='width:200px;height:200px;background:#345'></div>"), tmp_path / "scan.pdf",
                     heads=False)
    assert main(["check", path, write("en.txt", "Hello.\n")]) == 2
    assert "no text layer" in capsys.readouterr().err


def test_a_folder_of_pdfs_is_checked_in_a_batch(printed, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(printed["002_2dd3d273fece59c0"], docs / "report.pdf")
    out = tmp_path / "out"
    assert main(["check", str(docs), "--out-dir", str(out), "-q"]) == 1  # the truncated seed fails
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["documents"]["zh"]["format"] == "pdf" and data["paragraphs"]["zh"][0]["page"] == 1


def test_a_paragraph_running_from_the_left_column_into_the_right_stays_whole():
    def col(x0, x1, texts, top=700):
        return [L(1, x0, x1, top - 14 * k, t) for k, t in enumerate(texts)]

    left = col(72, 290, ["Exports of machinery rose by a fifth", "in the first half, the statistics",
                         "office said, while imports of raw"])
    right = col(322, 540, ["materials fell by a tenth.", "A second paragraph opens the", "right column and ends here."])
    right[1] = L(1, 340, 540, right[1].bottom, right[1].text)  # its first line indented
    right[0] = L(1, 322, 450, right[0].bottom, right[0].text)  # the first paragraph's short last line
    right[2] = L(1, 322, 480, right[2].bottom, right[2].text)
    got = [text for _line, text, _page in paragraphs([(612, 792, left + right)])]
    assert got == ["Exports of machinery rose by a fifth in the first half, the statistics office said, while "
                   "imports of raw materials fell by a tenth.", "A second paragraph opens the right column and ends here."]
