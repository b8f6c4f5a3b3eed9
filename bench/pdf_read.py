"""PDF reading: how fast, and how faithfully paragraphs come back.

    python bench/pdf_read.py

Prints seeds 001 and 002 to PDF with Chromium (its running heads left on: date and title at the
top, the file's URL and "3/9" at the bottom of each page), reads them back with qa's reader
(pypdfium2) and prints, per seed: pages, seconds, paragraphs read against the seed's, the share
whose text comes back exactly (spaces and the font's ASCII punctuation aside), and whether the
number findings equal those of the text file. For the choice of library it also times
pdfminer.six's plain text extraction of the same files when it is installed (pip install
pdfminer.six): text only, without the paragraph rebuilding, so a lower bound of its cost.
"""
import html
import json
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT))

from qa.cli import main as qa_main  # noqa: E402
from qa.load.pdf import blocks  # noqa: E402

SEEDS = ("001_a563103608e4f3d1", "002_2dd3d273fece59c0")


def same(a: str) -> str:
    return "".join(unicodedata.normalize("NFKC", a).split())


def numbers(path: str, out: Path) -> list:
    qa_main(["check", path, "--json", str(out), "-q"])
    data = json.loads(out.read_text(encoding="utf-8"))
    return sorted((f["code"], f["message"]) for f in data["findings"] if f["code"].startswith("NM"))


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("Chromium is needed to print the seeds (apt-get install chromium)")
        return 1
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        extract_text = None
    print(f"{'seed':<24} {'pages':>5} {'qa s':>6} {'pdfminer s':>10} {'paragraphs':>11} {'exact':>6} numbers")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name in SEEDS:
            source = [p for p in (ROOT / "seeds" / f"{name}.txt").read_text(encoding="utf-8").split("\n") if p.strip()]
            page = ('<html><head><meta charset="utf-8"><title>Report</title><style>body{font-family:'
                    '"WenQuanYi Zen Hei",sans-serif;font-size:11pt;margin:2cm}p{margin:0 0 .6em 0;'
                    'text-align:justify}</style></head><body>'
                    + "".join(f"<p>{html.escape(p)}</p>" for p in source) + "</body></html>")
            (tmp / f"{name}.html").write_text(page, encoding="utf-8")
            pdf = tmp / f"{name}.pdf"
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                            (tmp / f"{name}.html").as_uri()], check=True, capture_output=True)
            data = pdf.read_bytes()
            t = time.perf_counter()
            got = blocks(data, str(pdf))
            ours = time.perf_counter() - t
            theirs = "-"
            if extract_text:
                t = time.perf_counter()
                extract_text(str(pdf))
                theirs = f"{time.perf_counter() - t:.2f}"
            exact = sum(same(g[1]) == same(s) for g, s in zip(got, source)) / len(source)
            agree = numbers(str(pdf), tmp / "a.json") == numbers(str(ROOT / "seeds" / f"{name}.txt"), tmp / "b.json")
            print(f"{name:<24} {got[-1][2]:>5} {ours:6.2f} {theirs:>10} {len(got):>5} / {len(source):<4} "
                  f"{exact:6.3f} {'same' if agree else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
