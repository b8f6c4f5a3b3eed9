"""Every rule's documented examples are run: the docs cannot drift from the behaviour."""
import pytest

from qa.cli import main
from qa.config import Profile
from qa.engine import check
from qa.lang.terms import load_glossary
from qa.load import load
from qa.rules import RULES, lookup

CASES = [(rule, n, ex) for rule in RULES for n, ex in enumerate(rule.examples, 1)]


def test_every_rule_has_a_code_a_name_docs_and_an_example():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for r in RULES:
        assert r.name == r.name.lower() and " " not in r.name
        assert r.severity in ("error", "warning", "info")
        assert "**What it does.**" in r.doc and "**Why.**" in r.doc
        assert any(ex.fires for ex in r.examples), f"{r.name} has no example that fires"


@pytest.mark.parametrize("rule,n,example", CASES, ids=[f"{r.name}-{n}" for r, n, _ in CASES])
def test_rule_example(write, rule, n, example):
    bitext = load(write("zh.txt", example.zh), write("en.txt", example.en))
    glossary = load_glossary(write("glossary.yaml", example.glossary)) if example.glossary else ()
    reference = load(write("ref.zh.txt", example.reference[0]), write("ref.en.txt", example.reference[1])) \
        if example.reference else None
    result = check(bitext, Profile(select=[rule.name]), glossary=glossary, reference=reference)
    assert len(result.findings) == example.fires, [f.message for f in result.findings]
    for f in result.findings:
        assert f.rule == rule.name and f.code == rule.code


def test_explain_prints_docs_and_example(capsys):
    assert main(["explain", "NM02"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("NM02 number-scale (error)")
    assert "3982.10亿元" in out and "**Example 1** (1 finding)" in out


def test_explain_accepts_names(capsys):
    assert main(["explain", "dropped-truncation"]) == 0
    assert "DR02" in capsys.readouterr().out


def test_rules_lists_every_rule(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(RULES)
    assert any(line.startswith("NM01  number-mismatch") for line in out)


def test_lookup_by_code_or_name():
    assert lookup("nm01").name == "number-mismatch"
    assert lookup("number-scale").code == "NM02"
    assert lookup("nothing") is None


def test_scale_error_message_shows_the_computation(write):
    bitext = load(write("zh.txt", "技术合同成交额3982.10亿元。"), write("en.txt", "Contracts worth RMB39.821 billion."))
    [f] = check(bitext, Profile(select=["number-"])).findings
    assert f.rule == "number-scale"
    assert f.message.startswith("3982.10亿 = 398,210,000,000 = 398.21 billion, but the English says 39.821 billion")
    assert "x10 scale error" in f.message
    assert f.zh_text == "3982.10亿元" and f.en_text == "RMB39.821 billion"


def test_rounding_to_the_precision_shown_is_not_an_error(write):
    bitext = load(write("zh.txt", "成交额3982.10亿元，占44.99%。"), write("en.txt", "Worth RMB398.2 billion, or 45%."))
    assert check(bitext, Profile(select=["number-"])).findings == []


def test_severity_override_and_ignore(write):
    bitext = load(write("zh.txt", "全省新增发明专利4.32万件，商标注册70.99万件。"), write("en.txt", "43,200 invention patents and trademarks."))
    prof = Profile(severity={"number-missing": "error"})
    assert [f.severity for f in check(bitext, prof).findings if f.rule == "number-missing"] == ["error"]
    prof = Profile(ignore=["number-"])
    assert not [f for f in check(bitext, prof).findings if f.rule.startswith("number-")]


def test_a_source_line_after_a_truncated_english_does_not_hide_the_truncation(write):
    from qa.config import Profile
    from qa.engine import check
    from qa.load import load

    zh = ("2025年，全省受理专利申请12.5万件。\n海关扣留侵权货物1200批次。\n全省法院审结知识产权案件9.5万件。\n"
          "检察机关起诉侵犯知识产权犯罪1155件。\n来源：广东省知识产权局\n")
    en = ("In 2025, the province received 125,000 patent applications.\nCustoms detained 1,200 batches of\n"
          "Source: Guangdong Intellectual Property Administration\n")
    findings = check(load(write("zh.txt", zh), write("en.txt", en)), Profile(select=["dropped-truncation"])).findings
    assert [f.message.split(":")[0] for f in findings] == ["The English stops mid-sentence in en-2 (line 2)"]


def test_a_long_document_shares_its_work_with_a_second_process_with_the_same_findings(monkeypatch):
    # the English numbers are read, and the term rules run, in a forked process
    import json

    from conftest import SEEDS

    from qa import engine, processes
    from qa.load import load
    seed = str(SEEDS[0])
    alone = json.dumps(engine.check(load(seed)).to_dict(), sort_keys=True)
    monkeypatch.setattr(processes, "PARALLEL_PARAGRAPHS", 0)  # as if the seed were a book
    monkeypatch.setattr(processes, "single_threaded", lambda: True)
    children = []
    real_fork = processes.fork_call

    def counted(work):
        children.append(1)
        return real_fork(work)
    monkeypatch.setattr(processes, "fork_call", counted)  # read_numbers imports it when called
    monkeypatch.setattr(engine, "fork_call", counted)
    forked = json.dumps(engine.check(load(seed)).to_dict(), sort_keys=True)
    assert len(children) == 2 and forked == alone and '"TI01"' in forked
