"""`qa check` end to end: the JSON contract, determinism, exit codes, the HTML escaping."""
import json
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

from qa.cli import main


def contract_problems(report: dict) -> list[str]:
    """What ../shared/docs/contract.md requires of a JSON report, as a checklist."""
    problems = []
    for key in ("schema", "tool", "documents", "paragraphs", "alignment", "findings", "summary"):
        if key not in report:
            problems.append(f"missing {key}")
    ids = {}
    for side in ("zh", "en"):
        for p in report["paragraphs"][side]:
            if not (isinstance(p["id"], str) and isinstance(p["line"], int) and p["line"] >= 1):
                problems.append(f"bad paragraph {p}")
        ids[side] = [p["id"] for p in report["paragraphs"][side]]
        covered = [i for link in report["alignment"] for i in link[side]]
        if covered != ids[side]:
            problems.append(f"alignment does not cover {side} once, in order")
    for link in report["alignment"]:
        if not (link["zh"] or link["en"]) or not isinstance(link["score"], (int, float)):
            problems.append(f"bad link {link}")
    for f in report["findings"]:
        if f["severity"] not in ("error", "warning", "info") or not f["rule"] or not f["code"]:
            problems.append(f"bad finding {f}")
        if not set(f["zh"]) <= set(ids["zh"]) or not set(f["en"]) <= set(ids["en"]):
            problems.append(f"finding names unknown paragraphs {f}")
        if not (f["zh"] or f["en"]):
            problems.append(f"finding names no paragraph {f}")
    counts = report["summary"]["findings"]
    for sev in ("error", "warning", "info"):
        if counts[sev] != sum(1 for f in report["findings"] if f["severity"] == sev):
            problems.append(f"summary count of {sev} is wrong")
    if report["summary"]["paragraphs"] != {s: len(ids[s]) for s in ("zh", "en")}:
        problems.append("summary paragraph counts are wrong")
    return problems


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_report_is_contract_valid_and_deterministic(seed, tmp_path, capsys):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    rc = main(["check", str(seed), "--json", str(a), "-q"])
    main(["check", str(seed), "--json", str(b), "-q"])
    assert rc in (0, 1)
    assert a.read_bytes() == b.read_bytes()
    report = json.loads(a.read_text(encoding="utf-8"))
    assert report["schema"] == "qa-report/1"
    assert contract_problems(report) == []
    assert rc == (1 if report["summary"]["failed"] else 0)


def test_truncated_seed_reports_where_the_english_stops(tmp_path):
    out = tmp_path / "r.json"
    rc = main(["check", str(SEEDS[2]), "--json", str(out), "-q"])
    report = json.loads(out.read_text(encoding="utf-8"))
    [trunc] = [f for f in report["findings"] if f["rule"] == "dropped-truncation"]
    assert trunc["en"] == ["en-18"] and len(trunc["zh"]) == 16
    assert "line 121" in trunc["message"] and "mid-sentence" in trunc["message"]
    assert rc == 1


def test_exit_codes_follow_fail_on(write, capsys):
    zh = write("zh.txt", "全省新增发明专利4.32万件，商标注册70.99万件。")
    en = write("en.txt", "The province added 43,200 invention patents and trademarks.")
    assert main(["check", zh, en]) == 0  # number-missing is a warning
    assert main(["check", zh, en, "--fail-on", "warning"]) == 1
    assert main(["check", zh, en, "--fail-on", "warning", "--exit-zero"]) == 0
    assert main(["check", zh, en, "--profile", "strict"]) == 1
    out = capsys.readouterr().out
    assert "NM03 warning [number-missing] 70.99万 = 709,900 is not in the English" in out


def test_terminal_summary_lines(write, capsys):
    zh = write("zh.txt", "技术合同成交额3982.10亿元。\n海关扣留侵权货物1200批次。")
    en = write("en.txt", "Contracts worth RMB39.821 billion.")
    assert main(["check", zh, en]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (f"{zh}:1: NM02 error [number-scale] 3982.10亿 = 398,210,000,000 = 398.21 billion, "
                      f"but the English says 39.821 billion (x10 scale error, too small) (en: {en}:1)")
    assert out[1].startswith(f"{zh}:2: DR02 error [dropped-truncation]") or out[1].startswith(f"{zh}:2: DR01")
    assert out[-1].endswith("FAILED (fail-on error)")


def test_json_to_stdout(write, capsys):
    zh = write("zh.txt", "全省新增发明专利4.32万件。")
    en = write("en.txt", "The province added 43,200 invention patents.")
    assert main(["check", zh, en, "--json", "-"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["alignment"] == [{"zh": ["zh-1"], "en": ["en-1"], "score": report["alignment"][0]["score"]}]
    assert report["alignment"][0]["score"] > 0.6


def test_html_report_escapes_document_text(write, tmp_path):
    zh = write("zh.txt", "全省新增发明专利4.32万件<script>alert(1)</script>。")
    en = write("en.txt", 'The province added 43,500 patents <img src=x onerror="alert(2)">.')
    out = tmp_path / "r.html"
    main(["check", zh, en, "--html", str(out), "-q"])
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html
    assert "http://" not in html and "https://" not in html  # nothing fetched
    assert 'class="finding error"' in html  # the 43,500 mismatch is shown


def test_python_dash_m_and_console_script_agree(tmp_path):
    out = tmp_path / "r.json"
    proc = subprocess.run([sys.executable, "-m", "qa", "check", str(SEEDS[1]), "--json", str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stdout.strip().splitlines()[-1].startswith("44 Chinese and 45 English paragraphs")
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["paragraphs"] == {"zh": 44, "en": 45}


def test_terminal_lists_errors_first_and_accepted_findings_only_with_v(write, tmp_path, capsys):
    zh = write("zh.txt", "全省新增发明专利4.32万件，商标注册70.99万件。\n技术合同成交额3982.10亿元。")
    en = write("en.txt", "The province added 43,200 invention patents.\nContracts worth RMB39.821 billion.")
    main(["check", zh, en])
    lines = capsys.readouterr().out.splitlines()[:-1]
    severities = [line.split()[2] for line in lines]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)  # error first
    assert lines[0].startswith(f"{zh}:2: NM02 error")
    base = str(tmp_path / "b.json")
    main(["baseline", zh, en, "-o", base])
    capsys.readouterr()
    main(["check", zh, en, "--baseline", base])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{len(lines)} accepted findings not shown (-v lists them)"
    main(["check", zh, en, "--baseline", base, "-v"])
    assert all(line.endswith("[accepted]") for line in capsys.readouterr().out.splitlines()[:-1])

