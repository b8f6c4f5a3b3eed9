"""Bad input: one clear line on stderr naming the file and the problem, exit 2, no traceback."""
import io
import os
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT, make_docx
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.cli import main

ZH = "全省受理专利申请12.5万件。\n"
EN = "The province received 125,000 patent applications.\n"


def run(capsys, *args):
    rc = main(list(args))
    err = capsys.readouterr().err
    return rc, err


def assert_one_line_error(rc, err, *needles):
    assert rc == 2
    assert err.count("\n") == 1 and err.startswith("qa: error: "), err
    assert "Traceback" not in err
    for n in needles:
        assert n in err, err


def test_missing_file(capsys, tmp_path):
    rc, err = run(capsys, "check", str(tmp_path / "nope.txt"))
    assert_one_line_error(rc, err, "nope.txt", "no such file")


def test_directory_without_documents(capsys, tmp_path):
    rc, err = run(capsys, "check", str(tmp_path))
    assert_one_line_error(rc, err, "no documents")


def test_binary_data(capsys, write):
    p = write("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    rc, err = run(capsys, "check", p)
    assert_one_line_error(rc, err, "img.txt", "binary")


@pytest.mark.parametrize("content", [b"", b"  \n\n \t\n"])
def test_empty_file(capsys, write, content):
    rc, err = run(capsys, "check", write("empty.txt", content))
    assert_one_line_error(rc, err, "empty.txt", "empty")


def test_undecodable_bytes(capsys, write):
    p = write("bad.txt", b"abc \xff\xff\xfa def\n")
    rc, err = run(capsys, "check", p, write("en.txt", EN))
    assert_one_line_error(rc, err, "bad.txt", "cannot decode")


def test_wrong_encoding_given(capsys, write):
    p = write("zh.txt", ZH, "gb18030")
    rc, err = run(capsys, "check", p, write("en.txt", EN), "--encoding", "utf-8")
    assert_one_line_error(rc, err, "zh.txt", "not valid utf-8")


def test_no_english_in_bilingual_file(capsys, write):
    rc, err = run(capsys, "check", write("zh.txt", ZH * 3))
    assert_one_line_error(rc, err, "zh.txt", "no English")


def test_no_chinese_in_bilingual_file(capsys, write):
    rc, err = run(capsys, "check", write("en.txt", EN * 3))
    assert_one_line_error(rc, err, "en.txt", "no Chinese")


def test_swapped_files(capsys, write):
    rc, err = run(capsys, "check", write("en.txt", EN), write("zh.txt", ZH))
    assert_one_line_error(rc, err, "en.txt", "Chinese")


def test_html_without_text(capsys, write):
    p = write("zh.html", "<html><body><p> </p><script>alert(1)</script></body></html>")
    rc, err = run(capsys, "check", p, write("en.txt", EN))
    assert_one_line_error(rc, err, "zh.html", "no text")


def test_malformed_xml(capsys, write):
    p = write("r.xlf", '<xliff version="1.2"><file source-language="zh" target-language="en"><body><trans-unit>')
    rc, err = run(capsys, "check", p)
    assert_one_line_error(rc, err, "r.xlf", "malformed XLIFF")


def test_external_entity_is_refused(capsys, write, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    x = f"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>
<xliff version="1.2"><file source-language="zh" target-language="en"><body>
<trans-unit id="1"><source>&xxe;专利</source><target>patent</target></trans-unit></body></file></xliff>"""
    rc, err = run(capsys, "check", write("r.xlf", x))
    assert_one_line_error(rc, err, "r.xlf", "entities")
    assert "TOP SECRET" not in err


def test_billion_laughs_is_refused(capsys, write):
    lol = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    )
    x = f"""<?xml version="1.0"?><!DOCTYPE tmx [{lol}]>
<tmx version="1.4"><body><tu><tuv xml:lang="zh"><seg>&lol9;</seg></tuv></tu></body></tmx>"""
    rc, err = run(capsys, "check", write("m.tmx", x))
    assert_one_line_error(rc, err, "m.tmx", "entities")


def test_xliff_in_other_languages(capsys, write):
    x = """<xliff version="1.2"><file source-language="fr" target-language="de"><body>
<trans-unit id="1"><source>Bonjour</source><target>Hallo</target></trans-unit></body></file></xliff>"""
    rc, err = run(capsys, "check", write("r.xlf", x))
    assert_one_line_error(rc, err, "r.xlf", "'fr'")


def test_docx_that_is_not_a_zip(capsys, write):
    rc, err = run(capsys, "check", write("r.docx", b"PK\x03\x04 this is not really a zip"), write("en.txt", EN))
    assert_one_line_error(rc, err, "r.docx", "malformed DOCX")


def test_docx_without_document_part(capsys, write):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    rc, err = run(capsys, "check", write("r.docx", buf.getvalue()), write("en.txt", EN))
    assert_one_line_error(rc, err, "r.docx", "word/document.xml")


def test_docx_zip_bomb(capsys, write):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<" + b" " * (20 * 1024 * 1024) + b"/>")
    rc, err = run(capsys, "check", write("bomb.docx", buf.getvalue()), write("en.txt", EN))
    assert_one_line_error(rc, err, "bomb.docx", "zip bomb")


def test_docx_with_entities_is_refused(capsys, write):
    doc = make_docx(["专利"]).replace(b"", b"")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(doc)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY e SYSTEM "http://example.com/x">]>', 1)
            dst.writestr(info, data)
    rc, err = run(capsys, "check", write("e.docx", buf.getvalue()), write("en.txt", EN))
    assert_one_line_error(rc, err, "e.docx", "entities")


def test_huge_input_is_refused(capsys, write, monkeypatch):
    monkeypatch.setenv("QA_MAX_INPUT_BYTES", "1000")
    rc, err = run(capsys, "check", write("big.txt", ZH * 100), write("en.txt", EN))
    assert_one_line_error(rc, err, "big.txt", "too large")


def test_unknown_option(capsys, write):
    rc, err = run(capsys, "check", write("zh.txt", ZH), "--no-such-option")
    assert_one_line_error(rc, err, "--no-such-option")


def test_unknown_rule(capsys, write):
    rc, err = run(capsys, "check", write("zh.txt", ZH), write("en.txt", EN), "--select", "XX99")
    assert_one_line_error(rc, err, "XX99")


def test_unknown_profile(capsys, write):
    rc, err = run(capsys, "check", write("zh.txt", ZH), write("en.txt", EN), "--profile", "nope")
    assert_one_line_error(rc, err, "nope")


def test_profile_with_unknown_key(capsys, write):
    prof = write("p.toml", 'select = ["ALL"]\nfail_on = "error"\n')
    rc, err = run(capsys, "check", write("zh.txt", ZH), write("en.txt", EN), "--profile", prof)
    assert_one_line_error(rc, err, "fail_on")


def test_real_process_gives_one_line_and_status_2(tmp_path):
    """The installed entry point behaves the same as main()."""
    proc = subprocess.run(
        [sys.executable, "-m", "qa", "check", str(tmp_path / "missing.txt")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "missing.txt" in proc.stderr


def test_an_output_that_is_one_of_the_inputs_is_refused(write, capsys):
    zh = write("zh.txt", "全省新增发明专利4.32万件。\n")
    en = write("en.txt", "The province added 43,500 invention patents.\n")
    before = open(en, encoding="utf-8").read()
    assert main(["check", zh, en, "--json", en]) == 2
    assert "one of the inputs" in capsys.readouterr().err
    assert open(en, encoding="utf-8").read() == before


def test_xliff_into_japanese_is_not_checked_as_english(write, capsys):
    x = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh-CN" '
         'target-language="ja" datatype="plaintext" original="x"><body><trans-unit id="1"><source>专利申请。</source>'
         '<target>特許出願。</target></trans-unit></body></file></xliff>')
    assert main(["check", write("r.xlf", x)]) == 2
    assert "'zh-CN' -> 'ja'" in capsys.readouterr().err


def test_control_characters_in_a_document_never_reach_the_terminal(write, capsys):
    zh = write("zh.txt", "全省新增发明专利4.32万件\x1b[2J。\n")
    en = write("en.txt", "The province added 43,500 invention patents\x1b[31m.\n")
    main(["check", zh, en])
    assert "\x1b" not in capsys.readouterr().out
    from qa.report.text import _clean
    assert _clean("a\x1b[2Jb\x07c") == "a\\x1b[2Jb\\x07c"


def test_a_file_name_never_becomes_a_link_target_in_the_batch_index(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "javascript:alert(1).txt").write_text("全省新增发明专利4.32万件。\nThe province added 43,200 patents.\n",
                                                 encoding="utf-8")
    main(["check", str(docs), "--out-dir", str(tmp_path / "out"), "-q"])
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="./javascript%3Aalert%281%29.html"' in index and 'href="javascript:' not in index


def test_a_lone_surrogate_never_crashes_a_writer(tmp_path):
    from qa.cli import _write
    _write(str(tmp_path / "r.json"), '{"message": "bad \ud800 text"}')
    assert "bad ? text" in (tmp_path / "r.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["input", "glossary", "baseline", "config", "profile"])
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_pipe_or_a_device_is_refused_not_read(capsys, write, tmp_path, where, special):
    if special == "fifo":
        path = str(tmp_path / "pipe")
        os.mkfifo(path)  # reading it would wait for a writer forever
    else:
        path = special  # reading it would fill the memory
    zh, en = write("zh.txt", ZH), write("en.txt", EN)
    args = {"input": ["check", path, en], "glossary": ["check", zh, en, "--glossary", path],
            "baseline": ["check", zh, en, "--baseline", path], "config": ["check", zh, en, "--config", path],
            "profile": ["check", zh, en, "--profile", path]}[where]
    rc, err = run(capsys, *args)
    assert_one_line_error(rc, err, "not a regular file")


def test_a_non_utf8_configuration_is_one_clear_error(capsys, write):
    cfg = write("qa.toml", "profile = \"默认\"\n".encode("gb18030"))
    rc, err = run(capsys, "check", write("zh.txt", ZH), write("en.txt", EN), "--config", cfg)
    assert_one_line_error(rc, err, "not UTF-8")


def test_a_damaged_dictionary_cache_is_rebuilt_not_used(tmp_path, monkeypatch):
    import glob
    import marshal

    from qa.lang import dictionary
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    dictionary._tables.cache_clear()
    dictionary.stems_of.cache_clear()
    whole = dict(dictionary.glosses())
    (cache,) = glob.glob(str(tmp_path / "cedict*.marshal"))
    keys, values, chars, sizes, crc = marshal.load(open(cache, "rb"))
    cut = keys[: len(keys) // 2] + "\n".join([""] * (keys.count("\n") - keys[: len(keys) // 2].count("\n")))
    with open(cache, "wb") as fh:  # the same number of entries, half of them with empty headwords
        marshal.dump((cut, values, chars, sizes, crc), fh)
    dictionary._tables.cache_clear()
    dictionary.stems_of.cache_clear()
    try:
        assert dictionary.glosses() == whole
    finally:
        dictionary._tables.cache_clear()
        dictionary.stems_of.cache_clear()


def test_a_rebuilt_dictionary_cache_removes_earlier_formats_of_every_cache(tmp_path, monkeypatch):
    from qa.lang import dictionary
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    old = ["cedict1-5-6.marshal", "readings1-5-6.marshal", "words1-5-6.marshal", "senses1-5-6.marshal"]
    for name in old + ["notes.txt"]:
        (tmp_path / name).write_bytes(b"x")
    dictionary._tables.cache_clear()
    try:
        dictionary.glosses()
        left = sorted(p.name for p in tmp_path.iterdir())
        assert not set(old) & set(left) and "notes.txt" in left
        assert any(n.startswith(f"cedict{dictionary._FORMAT}-") for n in left)
    finally:
        dictionary._tables.cache_clear()


def test_a_damaged_senses_cache_is_rebuilt_not_used(tmp_path, monkeypatch):
    import glob
    import marshal

    from qa.lang import dictionary
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    dictionary._senses.cache_clear()
    dictionary.senses.cache_clear()
    try:
        whole = dictionary.senses("工作组")
        assert frozenset({"task", "force"}) in whole
        (cache,) = glob.glob(str(tmp_path / "senses*.marshal"))
        data = open(cache, "rb").read()
        keys, values, crc = marshal.loads(data)
        for damaged in (data[: len(data) // 2],  # cut short
                        marshal.dumps((keys, values.replace("force task", "force tusk"), crc))):  # altered
            with open(cache, "wb") as fh:
                fh.write(damaged)
            dictionary._senses.cache_clear()
            dictionary.senses.cache_clear()
            assert dictionary.senses("工作组") == whole
    finally:
        dictionary._senses.cache_clear()
        dictionary.senses.cache_clear()


def test_html_nested_deeply_is_read_whole_or_refused(write, capsys):
    from qa.load import html

    deep = "<html><body>" + "<div>" * 300 + "<p>全省新增发明专利4.32万件。</p>" + "</div>" * 300 + "<p>全省商标注册70.99万件。</p></body></html>"
    assert [t for _, t in html.blocks(deep, "deep.html")] == ["全省新增发明专利4.32万件。", "全省商标注册70.99万件。"]
    deeper = deep.replace("<div>" * 300, "<div>" * 3000).replace("</div>" * 300, "</div>" * 3000)
    rc, err = run(capsys, "check", write("deeper.html", deeper), write("en.txt", EN))
    assert_one_line_error(rc, err, "nested too deeply")


@pytest.mark.parametrize("content,needle", [
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n", "aliases"),
    ("知识产权:\n  preferred: 42\n", "must be text"),
    ("知识产权:\n  preferred: true\n", "must be text"),
    ("知识产权:\n  preferred: [IP, null]\n", "must be text"),
])
def test_a_hostile_or_odd_yaml_glossary_is_one_clear_error(capsys, write, content, needle):
    rc, err = run(capsys, "check", write("zh.txt", ZH), write("en.txt", EN), "--glossary", write("g.yaml", content))
    assert_one_line_error(rc, err, needle)


def test_an_empty_rendering_list_in_a_yaml_glossary_is_no_rendering(capsys, write):
    rc, _ = run(capsys, "check", write("zh.txt", ZH), write("en.txt", EN), "--glossary",
                write("g.yaml", "知识产权:\n  preferred: intellectual property\n  forbidden: null\n"))
    assert rc in (0, 1)


def test_csv_glossaries_with_old_line_ends_long_fields_or_line_breaks_in_cells(capsys, write):
    zh, en = write("zh.txt", ZH), write("en.txt", EN)
    cr_only = write("g.csv", "zh,en,status\r商业秘密,trade secret,preferred\r")
    assert run(capsys, "check", zh, en, "--glossary", cr_only)[0] in (0, 1)
    huge = write("h.csv", "zh,en,status\n商业秘密,\"" + "x" * 200_000 + "\",preferred\n")
    rc, err = run(capsys, "check", zh, en, "--glossary", huge)
    assert_one_line_error(rc, err, "malformed CSV glossary")
    from qa.lang.terms import load_glossary
    (term,) = load_glossary(write("n.csv", 'zh,en,status\n商业秘密,"trade\nsecret",preferred\n'))
    assert term.preferred == ["trade secret"]


def test_control_characters_in_a_file_name_never_break_the_junit_report(tmp_path):
    from lxml import etree
    zh = tmp_path / "zh\x1b\x07.txt"
    zh.write_text(ZH, encoding="utf-8")
    en = tmp_path / "en.txt"
    en.write_text(EN, encoding="utf-8")
    out = tmp_path / "r.xml"
    assert main(["check", str(zh), str(en), "--format", f"junit={out}", "-q"]) in (0, 1)
    suite = etree.fromstring(out.read_bytes()).find("testsuite")
    assert "\\x1b\\x07" in suite.get("name")


def test_a_pyproject_whose_tool_is_not_a_table_is_not_a_qa_configuration(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    (tmp_path / "zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "zh.txt", "en.txt", "-q"]) in (0, 1)


def test_a_lone_surrogate_in_a_baseline_reason_never_wipes_the_baseline(write, tmp_path):
    import json
    zh = write("zh.txt", "全省新增发明专利4.32万件。\n")
    en = write("en.txt", "The province added 43,500 invention patents.\n")
    base = tmp_path / "b.json"
    assert main(["baseline", zh, en, "-o", str(base)]) == 0
    doc = json.loads(base.read_text(encoding="utf-8"))
    fp = doc["entries"][0]["fingerprint"]
    text = base.read_text(encoding="utf-8").replace(f'"fingerprint": "{fp}",', f'"fingerprint": "{fp}", "reason": "ok \\\\ud800",', 1)
    base.write_text(text, encoding="utf-8")
    assert main(["baseline", zh, en, "-o", str(base)]) == 0
    again = json.loads(base.read_text(encoding="utf-8"))
    assert len(again["entries"]) == len(doc["entries"])
    assert any(e.get("reason", "").startswith("ok ") for e in again["entries"])


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib"])
def test_a_codec_that_is_not_a_text_encoding_is_refused(capsys, write, codec):
    rc, err = run(capsys, "check", write("zh.txt", ZH), write("en.txt", EN), "--encoding", codec)
    assert_one_line_error(rc, err, "not a text encoding")


def test_a_docx_with_damaged_deflate_data_is_one_clear_error(capsys, write):
    from conftest import make_docx
    data = bytearray(make_docx(["全省新增发明专利4.32万件。"] * 50))
    start = data.find(b"word/document.xml") + len("word/document.xml")
    for k in range(start + 10, start + 60):  # scramble the compressed stream of the document part
        data[k] ^= 0x5A
    rc, err = run(capsys, "check", write("zh.docx", bytes(data)), write("en.txt", EN))
    assert_one_line_error(rc, err, "zh.docx")


def test_an_interrupted_write_leaves_the_previous_report_and_no_partial_file(capsys, write, tmp_path, monkeypatch):
    report = tmp_path / "out" / "r.json"
    report.parent.mkdir()
    report.write_text("the previous report", encoding="utf-8")

    def interrupted(src, dst):  # Ctrl-C arrives after the new report is written, before it is renamed
        raise KeyboardInterrupt

    monkeypatch.setattr("qa.cli.os.replace", interrupted)
    rc, err = run(capsys, "check", write("zh.txt", ZH), write("en.txt", EN), "--json", str(report))
    assert rc == 2 and err == "qa: interrupted\n"
    assert report.read_text(encoding="utf-8") == "the previous report"
    assert os.listdir(report.parent) == ["r.json"]


def test_sigterm_mid_run_ends_with_one_line_and_the_previous_report_intact(tmp_path):
    import signal
    import time

    seed = (ROOT / "seeds" / "001_a563103608e4f3d1.txt").read_text(encoding="utf-8")
    lines = [ln for ln in seed.split("\n") if ln.strip()]
    zh = [ln for ln in lines if any("\u4e00" <= c <= "\u9fff" for c in ln)]
    en = [ln for ln in lines if ln not in zh]
    (tmp_path / "zh.txt").write_text("\n".join(zh * 30), encoding="utf-8")  # a run of several seconds
    (tmp_path / "en.txt").write_text("\n".join(en * 30), encoding="utf-8")
    report = tmp_path / "r.json"
    report.write_text("the previous report", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "qa", "check", "zh.txt", "en.txt", "--json", "r.json", "-q"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and err == "qa: interrupted\n"
    assert report.read_text(encoding="utf-8") == "the previous report"
    assert sorted(os.listdir(tmp_path)) == ["en.txt", "r.json", "zh.txt"]


def test_more_text_than_one_check_can_hold_is_refused_whatever_the_files_size(capsys, write, monkeypatch):
    monkeypatch.setenv("QA_MAX_TEXT_BYTES", "120")  # the two files' text together
    zh, en = write("zh.txt", ZH * 2), write("en.txt", EN * 2)
    rc, err = run(capsys, "check", zh, en)
    assert_one_line_error(rc, err, "en.txt", "too much text for one check")
    monkeypatch.setenv("QA_MAX_TEXT_BYTES", "1000")
    assert main(["check", zh, en, "-q"]) == 0


def test_a_figure_longer_than_python_reads_as_an_integer_is_no_crash(capsys, write):
    # Python refuses to turn a string of over 4,300 digits into an int
    zh = write("zh.txt", "全省新增发明专利" + "9" * 5000 + "件。\n")
    en = write("en.txt", "The province added " + "9" * 5000 + " patents.\n")
    assert main(["check", zh, en, "-q"]) in (0, 1)
    assert capsys.readouterr().err == ""


def _zip_flag(data: bytes, encrypted: bool = False, bad_offset: bool = False) -> bytes:
    out = bytearray(data)
    if encrypted:  # general-purpose flag bit 0 on every entry: "encrypted, password required"
        for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            i = out.find(sig)
            while i != -1:
                out[i + at] |= 1
                i = out.find(sig, i + 4)
    if bad_offset:  # the central directory said to start far beyond the file
        e = out.rfind(b"PK\x05\x06")
        out[e + 16:e + 20] = (123456).to_bytes(4, "little")
    return bytes(out)


@pytest.mark.parametrize("damage", ["encrypted", "bad_offset"])
def test_an_encrypted_or_badly_offset_docx_is_one_clear_error(capsys, write, damage):
    data = _zip_flag(make_docx(["全省新增发明专利4.32万件。"]), **{damage: True})
    rc, err = run(capsys, "check", write("zh.docx", data), write("en.txt", EN))
    assert_one_line_error(rc, err, "zh.docx", "DOCX")


def test_sarif_artifact_uris_are_valid_uri_references_whatever_the_file_name(tmp_path):
    import json
    import re
    from urllib.parse import unquote
    zh, en = tmp_path / "zh a%b.txt", tmp_path / "en#1\x07.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    out = tmp_path / "r.sarif"
    main(["check", str(zh), str(en), "--format", f"sarif={out}", "-q"])
    run_ = json.loads(out.read_text(encoding="utf-8"))["runs"][0]
    uris = {a["location"]["uri"] for a in run_["artifacts"]}
    uris |= {loc["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"] for loc in r["locations"]}
    unreserved = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-F]{2})+")
    assert uris and all(unreserved.fullmatch(u) for u in uris)
    assert {unquote(u) for u in uris} == {str(zh), str(en)}


# Random bytes, and real inputs mutated at random, given to every reader: only the project's own
# input error may come out, never another exception (hypothesis draws the same cases on every run).
_SEEDS_OF_FORMATS = {
    "txt": (ZH + EN).encode("utf-8"),
    "html": f"<html><body><p>{ZH.strip()}</p><p>{EN.strip()}</p></body></html>".encode(),
    "xlf": ("<?xml version='1.0' encoding='UTF-8'?><xliff version='1.2' xmlns='urn:oasis:names:tc:xliff:document:1.2'>"
            "<file source-language='zh' target-language='en' datatype='plaintext' original='r'><body>"
            f"<trans-unit id='1'><source>{ZH.strip()}</source><target>{EN.strip()}</target></trans-unit>"
            "</body></file></xliff>").encode(),
    "tmx": ("<?xml version='1.0'?><tmx version='1.4'><header srclang='zh'/><body><tu>"
            f"<tuv xml:lang='zh'><seg>{ZH.strip()}</seg></tuv><tuv xml:lang='en'><seg>{EN.strip()}</seg></tuv>"
            "</tu></body></tmx>").encode(),
    "docx": make_docx([ZH.strip(), EN.strip()]),
}


@settings(max_examples=60, deadline=None)
@given(fmt=st.sampled_from(sorted(_SEEDS_OF_FORMATS)), cuts=st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=8)),
                                                                   max_size=4))
def test_mutated_inputs_give_the_input_error_or_a_report(fmt, cuts):
    import tempfile

    from qa.errors import QAError
    from qa.load import load
    data = bytearray(_SEEDS_OF_FORMATS[fmt])
    for at, new in cuts:  # overwrite a few bytes here and there
        at %= max(len(data), 1)
        data[at:at + len(new)] = new
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"input.{fmt}")
        with open(path, "wb") as fh:
            fh.write(bytes(data))
        try:
            load(path)
        except QAError:
            pass


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2000), ext=st.sampled_from(["txt", "html", "xlf", "tmx", "docx", "xlsx", "pdf"]))
def test_random_bytes_give_the_input_error_or_a_report(data, ext):
    import tempfile

    from qa.errors import QAError
    from qa.load import load
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"input.{ext}")
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            load(path)
        except QAError:
            pass


@settings(max_examples=60, deadline=None)
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                          max_leaves=12),
       kind=st.sampled_from(["glossary.yaml", "glossary.csv", "qa.toml"]))
def test_random_glossary_and_configuration_structures_give_the_input_error(value, kind, tmp_path_factory):
    import contextlib
    import json as json_

    import yaml
    tmp = tmp_path_factory.mktemp("cfg")
    zh, en = tmp / "zh.txt", tmp / "en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    path = tmp / kind
    if kind.endswith(".yaml"):
        path.write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    elif kind.endswith(".csv"):  # the structure flattened into rows of cells
        rows = value if isinstance(value, list) else [value]
        path.write_text("\n".join(",".join(json_.dumps(c) for c in (r if isinstance(r, list) else [r])) for r in rows),
                        encoding="utf-8")
    else:  # TOML keys, known and unknown, with the drawn values
        body = value if isinstance(value, dict) else {"select": value}
        path.write_text("\n".join(f"{json_.dumps(str(k))} = {json_.dumps(v)}" for k, v in body.items()
                                   if isinstance(v, (str, int, bool, list))), encoding="utf-8")
    args = ["check", str(zh), str(en), "-q"] + (["--glossary", str(path)] if "glossary" in kind else ["--config", str(path)])
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        rc = main(args)
    assert rc in (0, 1) or (rc == 2 and err.getvalue().startswith("qa: error: ")), err.getvalue()
    assert "internal error" not in err.getvalue()


@pytest.mark.parametrize("where", ["glossary", "baseline", "config", "profile"])
def test_a_directory_given_as_a_file_is_one_clear_error(capsys, write, tmp_path, where):
    zh, en = write("zh.txt", ZH), write("en.txt", EN)
    rc, err = run(capsys, "check", zh, en, f"--{where}", str(tmp_path))
    assert_one_line_error(rc, err, "is a directory")


def test_a_paragraph_too_long_to_align_by_sentence_is_refused(capsys, write, monkeypatch):
    monkeypatch.setenv("QA_MAX_PARAGRAPH_CHARS", "60")  # a text that lost its line breaks, in small
    zh = write("zh.txt", ZH.strip() * 5 + "\n")
    rc, err = run(capsys, "check", zh, write("en.txt", EN))
    assert_one_line_error(rc, err, "zh.txt", "the paragraph at line 1 has", "lost its line breaks")
