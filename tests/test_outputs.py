"""CI outputs, baselines, waivers, configuration files and batch runs."""
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from lxml import etree

from qa.cli import main

ZH = "全省新增发明专利4.32万件。\n全省商标注册70.99万件，同比增长12.5%。\n"
EN = "The province added 43,500 invention patents.\nTrademark registrations reached 709,900, up 12.5%.\n"


def sarif_schema():
    """The SARIF 2.1.0 schema, from the sarif-multitool package that .ci/run unpacks."""
    path = os.environ.get("QA_SARIF_SCHEMA") or str(ROOT / "out" / "sarif-2.1.0.json")
    if not os.path.exists(path):
        if os.environ.get("CI"):
            pytest.fail(f"SARIF schema not found at {path}")
        pytest.skip("SARIF schema not found (.ci/run fetches it; or set QA_SARIF_SCHEMA)")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture
def pair(write):
    return write("zh.txt", ZH), write("en.txt", EN)


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_sarif_validates_against_the_2_1_0_schema(seed, tmp_path):
    import jsonschema

    schema = sarif_schema()
    out = tmp_path / "r.sarif"
    main(["check", str(seed), "--format", f"sarif={out}", "-q"])
    log = json.loads(out.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    results = log["runs"][0]["results"]
    assert results and all(r["partialFingerprints"]["qaFingerprint/v1"] for r in results)
    assert {r["ruleId"] for r in results} <= {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    # the validator is not a formality: a wrong level is rejected
    results[0]["level"] = "fatal"
    assert list(validator.iter_errors(log))


def test_junit_counts_failures_at_fail_on(pair, tmp_path):
    out = tmp_path / "r.xml"
    assert main(["check", *pair, "--format", f"junit={out}", "-q"]) == 1
    suite = etree.parse(str(out)).getroot().find("testsuite")
    cases = suite.findall("testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    assert suite.get("tests") == str(len(cases)) and suite.get("failures") == str(len(failures)) == "1"
    assert "43,500" in failures[0].find("failure").get("message")


def test_github_annotations_escape_and_point_at_lines(pair, capsys):
    main(["check", *pair, "--format", "github"])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("::error file=") and ",line=1," in out[0]
    assert "%25" not in out[0] and "4.32万 = 43,200" in out[0]
    assert all(line.startswith("::") for line in out)  # stdout holds annotations only


def test_one_stdout_per_run(pair, capsys):
    assert main(["check", *pair, "--format", "json", "--format", "sarif"]) == 2
    assert "only one output can go to stdout" in capsys.readouterr().err


def test_fail_on_and_exit_zero(pair):
    assert main(["check", *pair, "-q"]) == 1
    assert main(["check", *pair, "-q", "--exit-zero"]) == 0
    assert main(["check", *pair, "-q", "--ignore", "NM01"]) == 0
    assert main(["check", *pair, "-q", "--ignore", "NM01", "--fail-on", "info"]) == 0


def _seed_copy(tmp_path, seed=SEEDS[0]):
    dst = tmp_path / seed.name
    shutil.copy(seed, dst)
    return dst


def _lines(path):
    return path.read_text(encoding="utf-8").split("\n")


def test_baseline_round_trip(tmp_path, capsys):
    doc = _seed_copy(tmp_path)
    base = tmp_path / "qa-baseline.json"
    assert main(["baseline", str(doc), "-o", str(base)]) == 0
    accepted = json.loads(base.read_text(encoding="utf-8"))["entries"]
    assert accepted and main(["check", str(doc), "--baseline", str(base), "-q"]) == 0

    # Move a paragraph pair: the 3rd Chinese paragraph and its English to the end of their halves.
    out = tmp_path / "r.json"
    main(["check", str(doc), "--json", str(out), "-q"])
    report = json.loads(out.read_text(encoding="utf-8"))
    link = next(lk for lk in report["alignment"][5:] if len(lk["zh"]) == 1 and len(lk["en"]) == 1)
    line_of = {p["id"]: p["line"] for s in ("zh", "en") for p in report["paragraphs"][s]}
    zl, el = line_of[link["zh"][0]] - 1, line_of[link["en"][0]] - 1
    last_zh = max(p["line"] for p in report["paragraphs"]["zh"]) - 1
    lines = _lines(doc)
    zh_line, en_line = lines[zl], lines[el]
    moved = lines[:zl] + lines[zl + 1:last_zh + 1] + [zh_line] + lines[last_zh + 1:el] + lines[el + 1:] + [en_line]
    doc.write_text("\n".join(moved), encoding="utf-8")
    assert main(["check", str(doc), "--baseline", str(base), "--json", str(out), "-q"]) == 0
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    assert summary["baseline"]["new"] == 0

    # Change a number in the English: exactly one new finding, and it fails the run.
    text = doc.read_text(encoding="utf-8")
    assert "43,200" in text
    doc.write_text(text.replace("43,200", "43,800", 1), encoding="utf-8")
    assert main(["check", str(doc), "--baseline", str(base), "--json", str(out), "-q"]) == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    new = [f for f in report["findings"] if "suppressed" not in f]
    assert [f["rule"] for f in new] == ["number-mismatch"] and "43,800" in new[0]["message"]
    assert report["summary"]["baseline"]["new"] == 1


def test_stale_baseline_entries_are_listed(pair, tmp_path, write):
    base = tmp_path / "b.json"
    main(["baseline", *pair, "-o", str(base)])
    fixed = write("en2.txt", EN.replace("43,500", "43,200"))
    out = tmp_path / "r.json"
    assert main(["check", pair[0], fixed, "--baseline", str(base), "--json", str(out), "-q"]) == 0
    stale = json.loads(out.read_text(encoding="utf-8"))["summary"]["baseline"]["stale"]
    assert [e["rule"] for e in stale] == ["number-mismatch"]


def test_waivers_keep_their_reason_and_show_collapsed(pair, tmp_path):
    base = tmp_path / "b.json"
    main(["baseline", *pair, "-o", str(base)])
    doc = json.loads(base.read_text(encoding="utf-8"))
    doc["entries"][0]["reason"] = "Figure confirmed with the statistics office"
    base.write_text(json.dumps(doc), encoding="utf-8")
    main(["baseline", *pair, "-o", str(base)])  # re-baselining keeps reasons
    assert json.loads(base.read_text(encoding="utf-8"))["entries"][0]["reason"].startswith("Figure confirmed")
    html = tmp_path / "r.html"
    assert main(["check", *pair, "--baseline", str(base), "--html", str(html), "-q"]) == 0
    page = html.read_text(encoding="utf-8")
    assert '<details class="accepted"' in page and "Waived: Figure confirmed with the statistics office" in page


def test_bad_baseline_is_one_line_exit_2(pair, write, capsys):
    bad = write("b.json", '{"entries": 3}')
    assert main(["check", *pair, "--baseline", bad]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a qa baseline" in err


def test_qa_toml_is_found_and_applied(pair, tmp_path, monkeypatch):
    (tmp_path / "qa.toml").write_text('ignore = ["number-mismatch"]\n', encoding="utf-8")
    sub = tmp_path / "drafts"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert main(["check", *pair, "-q"]) == 0
    assert main(["check", *pair, "-q", "--no-config"]) == 1


def test_pyproject_tool_qa_is_found(pair, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.qa]\nfail-on = "info"\n'
                                             '[tool.qa.severity]\nnumber-mismatch = "info"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "r.json"
    assert main(["check", *pair, "--json", str(out), "-q"]) == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["fail_on"] == "info"
    assert [f["severity"] for f in report["findings"] if f["rule"] == "number-mismatch"] == ["info"]


@pytest.mark.parametrize("content,needle", [
    ('colour = "red"\n', "unknown key 'colour'"),
    ('fail-on = "fatal"\n', "unknown severity"),
    ('select = ["nope"]\n', "unknown rule"),
    ("select = [\n", "malformed TOML"),
])
def test_bad_configuration_is_one_line_exit_2(pair, tmp_path, monkeypatch, capsys, content, needle):
    (tmp_path / "qa.toml").write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", *pair]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err, err


def test_batch_over_a_directory(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    for s in SEEDS:
        shutil.copy(s, docs / s.name)
    (docs / "a.zh.txt").write_text(ZH, encoding="utf-8")
    (docs / "a.en.txt").write_text(EN, encoding="utf-8")
    (docs / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "reports"
    rc = main(["check", str(docs), "--out-dir", str(out), "-j", "2"])
    captured = capsys.readouterr()
    assert rc == 2  # the worst document: broken.txt cannot be read
    assert captured.err.count("\n") == 1 and "broken.txt" in captured.err
    assert "5 documents: " in captured.out
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["index.html", "a.json", "a.html"] + [f"{s.stem}.{e}" for s in SEEDS for e in ("json", "html")])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="./{s.stem}.html"' in index for s in SEEDS) and 'href="./a.html"' in index
    # each JSON is the same report a single run gives
    single = tmp_path / "single.json"
    main(["check", str(docs / SEEDS[0].name), "--json", str(single), "-q"])
    assert (out / f"{SEEDS[0].stem}.json").read_text(encoding="utf-8") == single.read_text(encoding="utf-8")


def test_batch_exit_status_is_the_worst_document(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("全省新增发明专利4.32万件。\nThe province added 43,200 invention patents.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text(ZH + EN, encoding="utf-8")
    assert main(["check", "--batch", str(clean), "--out-dir", str(tmp_path / "o1"), "-q"]) == 0
    assert main(["check", "--batch", str(clean), str(bad), "--out-dir", str(tmp_path / "o2"), "-q"]) == 1


def test_excel_lists_each_finding_severest_first_with_its_locations(pair, tmp_path):
    import openpyxl

    out = tmp_path / "review.xlsx"
    main(["check", *pair, "--format", f"xlsx={out}", "--format", f"json={tmp_path / 'r.json'}", "-q"])
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("Severity", "Code", "Rule", "Status")
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:J{len(rows)}"
    assert sorted(r[1] for r in rows[1:]) == sorted(f["code"] for f in data["findings"])
    rank = {"error": 0, "warning": 1, "info": 2}
    assert [rank[r[0]] for r in rows[1:]] == sorted(rank[r[0]] for r in rows[1:])
    mismatch = next(r for r in rows[1:] if r[1] == "NM01")
    assert mismatch[4].startswith("4.32万") and "43,500" in mismatch[5] and mismatch[3] == "new"
    assert mismatch[8].endswith("zh.txt:1") and mismatch[9].endswith("en.txt:1")


def test_excel_marks_accepted_findings_and_is_the_same_file_each_time(pair, tmp_path):
    import openpyxl

    base = tmp_path / "qa-baseline.json"
    main(["baseline", *pair, "-o", str(base)])
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    main(["check", *pair, "--baseline", str(base), "--format", f"xlsx={first}", "-q"])
    main(["check", *pair, "--baseline", str(base), "--format", f"xlsx={second}", "-q"])
    assert first.read_bytes() == second.read_bytes()
    statuses = {r[3] for r in openpyxl.load_workbook(first).active.iter_rows(min_row=2, values_only=True)}
    assert statuses == {"accepted (baseline)"}


def test_excel_needs_a_file(pair, capsys):
    assert main(["check", *pair, "--format", "xlsx"]) == 2
    assert "give it a path" in capsys.readouterr().err


def english_docx(path):
    """A real Word document (python-docx): the figure in a run of its own, and a table cell."""
    import docx

    doc = docx.Document()
    p = doc.add_paragraph("The province added ")
    p.add_run("43,500")
    p.add_run(" invention patents.")
    doc.add_paragraph("Trademark registrations reached 709,900, up 12.5%.")
    doc.save(path)
    return path


def test_word_comments_on_a_copy_of_the_english_docx_anchored_on_the_figure(write, tmp_path):
    import re
    import zipfile

    import docx

    en = english_docx(tmp_path / "en.docx")
    out = tmp_path / "review.docx"
    main(["check", write("zh.txt", ZH), str(en), "--format", f"docx={out}", "--format", f"json={tmp_path / 'r.json'}", "-q"])
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    review = docx.Document(str(out))
    assert [p.text for p in review.paragraphs] == [p.text for p in docx.Document(str(en)).paragraphs]
    assert len(review.comments) == len(data["findings"])
    assert any(c.text.startswith("NM01 error: 4.32万") for c in review.comments)
    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    anchored = re.search(r"<w:commentRangeStart[^>]*/>(.*?)<w:commentRangeEnd", body, re.S).group(1)
    assert re.findall(r"<w:t[^>]*>([^<]*)</w:t>", anchored) == ["43,500"]


def test_word_review_of_text_inputs_is_a_table_of_the_flagged_links(pair, tmp_path):
    import docx

    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    main(["check", *pair, "--format", f"docx={first}", "-q"])
    main(["check", *pair, "--format", f"docx={second}", "-q"])
    assert first.read_bytes() == second.read_bytes()
    review = docx.Document(str(first))
    rows = [[c.text for c in row.cells] for row in review.tables[0].rows]
    assert rows[0] == ["Chinese", "English"]
    assert rows[1] == [ZH.splitlines()[0], EN.splitlines()[0]]
    assert any("NM01" in c.text for c in review.comments)


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh-CN" target-language="en-US" datatype="plaintext" original="r.txt">
  <body>
   <trans-unit id="1"><source>全省新增发明专利4.32万件。</source><target>The province added 43,500 invention patents.</target></trans-unit>
   <trans-unit id="2"><source>全省商标注册70.99万件。</source><target>Trademark registrations reached 709,900.</target></trans-unit>
  </body>
 </file>
</xliff>"""


def test_xliff_comes_back_with_its_quality_issues_on_the_flagged_unit(write, tmp_path):
    its = "{http://www.w3.org/2005/11/its}"
    src = write("r.xlf", XLIFF)
    out = tmp_path / "r.qa.xlf"
    assert main(["check", src, "--format", f"xliff={out}", "-q"]) == 1
    root = etree.fromstring(out.read_bytes())
    units = root.findall(".//{urn:oasis:names:tc:xliff:document:1.2}trans-unit")
    assert root.get(f"{its}version") == "2.0"
    issues = units[0].find(f"{its}locQualityIssues")
    (issue,) = issues.findall(f"{its}locQualityIssue")
    assert issue.get("locQualityIssueType") == "numbers" and issue.get("locQualityIssueSeverity") == "90"
    assert issue.get("locQualityIssueComment").startswith("NM01 number-mismatch: 4.32万")
    target = units[0].find("{urn:oasis:names:tc:xliff:document:1.2}target")
    assert target.get(f"{its}locQualityIssuesRef") == "#" + issues.get("{http://www.w3.org/XML/1998/namespace}id")
    assert units[1].find(f"{its}locQualityIssues") is None  # a clean unit is left as it was
    # the file still reads as the same XLIFF
    from qa.load import load
    assert [p.text for p in load(str(out)).en.paragraphs] == [p.text for p in load(src).en.paragraphs]


def xliff_schema(version: str):
    """OASIS's XLIFF schema (1.2 strict or 2.0) with tests/data/its-lqi.xsd for the ITS marks.
    The OASIS files come from Debian's php-symfony-translation package, which .ci/run unpacks
    into out/xliff-schemas (no network at test time: their xml.xsd import is pointed at the local copy)."""
    where = Path(os.environ.get("QA_XLIFF_SCHEMAS") or ROOT / "out" / "xliff-schemas")
    core = "xliff-core-2.0.xsd" if version.startswith("2") else "xliff-core-1.2-strict.xsd"
    if not (where / core).exists():
        if os.environ.get("CI"):
            pytest.fail(f"XLIFF schema not found at {where / core}")
        pytest.skip("XLIFF schemas not found (.ci/run fetches them; or set QA_XLIFF_SCHEMAS)")
    local = Path(tempfile.mkdtemp(prefix="xsd-"))
    for name in (core, "xml.xsd"):
        text = (where / name).read_text(encoding="utf-8")
        text = text.replace("http://www.w3.org/2001/xml.xsd", "xml.xsd")
        (local / name).write_text(text.replace("informativeCopiesOf3rdPartySchemas/w3c/xml.xsd", "xml.xsd"),
                                  encoding="utf-8")
    shutil.copy(ROOT / "tests" / "data" / "its-lqi.xsd", local / "its-lqi.xsd")
    ns = "urn:oasis:names:tc:xliff:document:" + ("2.0" if version.startswith("2") else "1.2")
    (local / "both.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="{ns}" schemaLocation="{core}"/>'
        '<xs:import namespace="http://www.w3.org/2005/11/its" schemaLocation="its-lqi.xsd"/></xs:schema>',
        encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(local / "both.xsd")))


XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-CN" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <notes><note>reviewed</note></notes>
   <originalData><data id="d1">&lt;b&gt;</data><data id="d2">&lt;/b&gt;</data></originalData>
   <segment><source>全省新增发明专利<pc id="1" dataRefStart="d1" dataRefEnd="d2">4.32万件</pc>。</source><target>The province added <pc id="1" dataRefStart="d1" dataRefEnd="d2">43,500</pc> invention patents.</target></segment>
   <segment><source>全省商标注册70.99万件。</source><target>Trademark registrations reached 7,099.</target></segment>
  </unit>
  <unit id="u2"><segment><source>同比增长12.5%。</source><target>Up 12.5%.</target></segment></unit>
 </file>
</xliff>"""


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_xliff_with_quality_marks_still_validates_against_the_oasis_schema(version, write, tmp_path):
    schema = xliff_schema(version)
    src = write("r.xlf", XLIFF if version == "1.2" else XLIFF2)
    assert schema.validate(etree.parse(src)), schema.error_log  # the input is valid to begin with
    out = tmp_path / "r.qa.xlf"
    assert main(["check", src, "--format", f"xliff={out}", "-q"]) == 1
    doc = etree.parse(str(out))
    assert schema.validate(doc), schema.error_log
    its = "{http://www.w3.org/2005/11/its}"
    issues = list(doc.iter(f"{its}locQualityIssues"))
    refs = [e.get(f"{its}locQualityIssuesRef") for e in doc.iter() if e.get(f"{its}locQualityIssuesRef")]
    assert len(issues) == (1 if version == "1.2" else 2) and refs == ["#" + i.get(XML_ID) for i in issues]
    assert b'xmlns:its="http://www.w3.org/2005/11/its"' in out.read_bytes()  # declared once, as its:
    from qa.load import load
    assert [p.text for p in load(str(out)).en.paragraphs] == [p.text for p in load(src).en.paragraphs]


def test_xliff_output_needs_an_xliff_input(pair, tmp_path, capsys):
    assert main(["check", *pair, "--format", f"xliff={tmp_path / 'x.xlf'}"]) == 2
    assert "not XLIFF" in capsys.readouterr().err


def test_batch_writes_the_review_formats_asked_for_beside_each_report(tmp_path, write):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.zh.txt").write_text(ZH, encoding="utf-8")
    (docs / "a.en.txt").write_text(EN, encoding="utf-8")
    (docs / "job.xlf").write_text(XLIFF, encoding="utf-8")
    out = tmp_path / "reports"
    main(["check", str(docs), "--out-dir", str(out), "--format", "xlsx", "--format", "xliff", "-q"])
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["index.html", "a.json", "a.html", "a.xlsx",
                            "job.json", "job.html", "job.xlsx", "job.qa.xlf"])  # xliff only for the XLIFF input
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="./a.xlsx"' in index and 'href="./job.qa.xlf"' in index


def test_a_batch_output_with_a_path_is_refused(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.zh.txt").write_text(ZH, encoding="utf-8")
    (docs / "a.en.txt").write_text(EN, encoding="utf-8")
    assert main(["check", str(docs), "--format", f"xlsx={tmp_path / 'x.xlsx'}"]) == 2
    assert "without a path" in capsys.readouterr().err


def test_batch_reports_never_overwrite_each_other_or_the_index(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = ZH + EN
    for name in ("a.txt", "a.html", "a-2.txt", "index.txt", "INDEX.htm"):
        content = f"<html><body><p>{ZH.strip()}</p><p>{EN.strip()}</p></body></html>" if ".htm" in name else text
        (docs / name).write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    main(["check", str(docs), "--out-dir", str(out), "-q"])
    jsons = sorted(p.name for p in out.glob("*.json"))
    assert len(jsons) == 5 and len({p.lower() for p in jsons}) == 5
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.startswith("<!DOCTYPE html>") and "Translation audits" in index
    sources = {json.loads((out / j).read_text(encoding="utf-8"))["documents"]["zh"]["path"] for j in jsons}
    assert len(sources) == 5


def _dies_on_poison(job):
    """A worker that is killed (as by the kernel's out-of-memory killer) on the document "poison"."""
    import signal

    from qa import batch
    if job[-2] == "poison":
        os.kill(os.getpid(), signal.SIGKILL)
    return batch._checked_one(job)


def test_a_local_worker_killed_mid_run_loses_only_its_document(tmp_path, monkeypatch, capsys):
    from qa import batch
    monkeypatch.setattr(batch, "_checked_one", batch._one, raising=False)
    monkeypatch.setattr(batch, "_one", _dies_on_poison)  # inherited by the forked workers
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "poison.txt", "b.txt", "c.txt"):
        (docs / name).write_text(ZH + EN, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["check", str(docs), "--out-dir", str(out), "-j", "2"]) == 2
    assert sorted(p.name for p in out.glob("*.json")) == ["a.json", "b.json", "c.json"]
    err = capsys.readouterr().err
    assert "poison.txt: its worker process died" in err and err.count("\n") == 1
    assert "poison" in (out / "index.html").read_text(encoding="utf-8")
