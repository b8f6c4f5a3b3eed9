"""Terminology: drift without a glossary, glossaries in three formats, and a reference translation."""
import re

import pytest
from conftest import SEEDS

from qa.cli import main
from qa.config import Profile
from qa.engine import check
from qa.lang.terms import Finder, load_glossary
from qa.load import load

ZH = "加强商业秘密保护。\n開展商業秘密保護試點。\n建设商业秘密保护基地。\n"
EN = ("Trade secret protection was strengthened.\nPilots of trade-secret protection were launched.\n"
      "Commercial secret protection bases were built.\n")


def run(write, zh, en, rules, glossary=None, reference=None):
    bitext = load(write("zh.txt", zh), write("en.txt", en))
    terms = load_glossary(glossary) if glossary else ()
    return check(bitext, Profile(select=rules), glossary=terms, reference=reference).findings


@pytest.mark.parametrize("text,spellings,found", [
    ("Trade secrets were protected.", ["trade secret"], ["trade secret"]),
    ("TRADE-SECRET protection", ["trade secret"], ["trade secret"]),
    ("Guangdongstrengthenedtradesecretprotection", ["trade secret"], ["trade secret"]),
    ("the IPR system and IP services", ["IP", "IPR"], ["IPR", "IP"]),
    ("EnhancingcomprehensiveIPstrength", ["IP", "IPR"], ["IP"]),
    ("a ZIP file and SHIP", ["IP"], []),
    ("intellectual property rights (IPR)", ["intellectual property", "intellectual property rights"],
     ["intellectual property rights"]),
    ("the trade secretariat", ["trade secret"], []),
])
def test_finding_renderings(text, spellings, found):
    assert [sp for sp, _, _ in Finder(text).find(spellings)] == found


def test_term_drift_counts_and_locations(write):
    findings = run(write, ZH, EN, ["term-inconsistent"])
    assert len(findings) == 1
    f = findings[0]
    assert "“commercial secret” in 1 paragraph" in f.message and "“trade secret” in 2" in f.message
    assert f.en == ("en-3",) and any("en-1, en-2" in e for e in f.evidence)


def test_a_term_finding_highlights_the_term_on_both_sides(write):
    bitext = load(write("zh.txt", ZH), write("en.txt", EN))
    (f,) = check(bitext, Profile(select=["term-inconsistent"])).findings
    zh3, en3 = bitext.zh.paragraphs[2], bitext.en.paragraphs[2]
    assert [(s.para, zh3.text[s.start:s.end]) for s in f.spans if s.para.startswith("zh")] == [("zh-3", "商业秘密")]
    assert [(s.para, en3.text[s.start:s.end]) for s in f.spans if s.para.startswith("en")] == [("en-3", "Commercial secret")]


def test_a_forbidden_rendering_is_highlighted(write):
    glossary = write("g.yaml", GLOSSARIES["g.yaml"])
    bitext = load(write("zh.txt", ZH), write("en.txt", EN))
    (f,) = check(bitext, Profile(select=["term-forbidden"]), glossary=load_glossary(glossary)).findings
    en3 = bitext.en.paragraphs[2]
    assert [en3.text[s.start:s.end] for s in f.spans if s.para == "en-3"] == ["Commercial secret"]


def test_a_defined_abbreviation_is_the_same_rendering(write):
    zh = "加强知识产权保护。\n完善知识产权服务。\n"
    en = "Intellectual property rights (IPR) protection was strengthened.\nIPR services were improved.\n"
    assert run(write, zh, en, ["term-inconsistent"]) == []
    en2 = "Intellectual property rights protection was strengthened.\nIP services were improved.\n"
    assert len(run(write, zh, en2, ["term-inconsistent"])) == 1


GLOSSARIES = {
    "g.yaml": "商业秘密:\n  preferred: trade secret\n  forbidden: [commercial secret]\n",
    "g.csv": "zh,en,status\n商业秘密,trade secret,preferred\n商业秘密,commercial secret,forbidden\n",
    "g.tbx": """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1">
 <langSet xml:lang="zh-CN"><tig><term>商業秘密</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>trade secret</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>commercial secret</term>
   <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry></body></text></martif>""",
}


@pytest.mark.parametrize("name", sorted(GLOSSARIES))
def test_glossary_formats_give_the_same_findings(write, name):
    glossary = write(name, GLOSSARIES[name])
    findings = run(write, ZH, EN, ["term-glossary", "term-forbidden"], glossary=glossary)
    assert sorted((f.rule, f.en) for f in findings) == [("term-forbidden", ("en-3",)), ("term-glossary", ("en-3",))]


def test_glossary_from_the_command_line_and_configuration(write, tmp_path, monkeypatch, capsys):
    g = write("g.yaml", GLOSSARIES["g.yaml"])
    zh, en = write("zh.txt", ZH), write("en.txt", EN)
    assert main(["check", zh, en, "--glossary", g, "--select", "term-forbidden"]) == 1
    assert "TF01 error [term-forbidden]" in capsys.readouterr().out
    (tmp_path / "qa.toml").write_text('glossary = "g.yaml"\nselect = ["term-forbidden"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", zh, en, "-q"]) == 1


@pytest.mark.parametrize("name,content,needle", [
    ("g.yaml", "[unclosed", "malformed YAML"),
    ("g.csv", "chinese,english\n商业秘密,trade secret\n", "needs a header"),
    ("g.tbx", "<martif><body>", "malformed"),
    ("g.tbx", '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x "y">]><martif/>', "entities"),
    ("g.txt", "商业秘密 trade secret", "unknown glossary format"),
    ("g.yaml", "商业秘密:\n  preferred: trade secret\n  status: [x]\n", "unknown key 'status'"),
    ("g.csv", "zh,en\n", "no terms"),
])
def test_bad_glossary_is_one_line_exit_2(write, capsys, name, content, needle):
    g = write(name, content)
    assert main(["check", write("zh.txt", ZH), write("en.txt", EN), "--glossary", g]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and needle in err, err


def test_reference_translation_keeps_last_years_terms(capsys):
    # 2024's report (001) says IPR; 2025's (000) says IP: checked against 2025, 2024 departs.
    assert main(["check", str(SEEDS[1]), "--reference", str(SEEDS[0]), "--select", "term-reference"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"知识产权 is rendered “IPR” in \d+ paragraphs; the reference translation used “intellectual property”", out)


# ---------------------------------------------------------------- terms mined from the document

@pytest.mark.parametrize("term,english,found", [
    # each part of the term needs a word of its own: 商业 + 秘密
    ("商业秘密", "Protection of trade secrets was strengthened.", ["trade secrets"]),
    ("商业秘密", "Commercial secret protection bases were built.", ["Commercial secret"]),
    ("典型案例", "Two cases were selected.", []),  # "cases" glosses both 典型 and 案例
    # a gloss of the whole term stands for one part (局 -> Administration)
    ("市场监管局", "the Administration for Market Regulation said", ["Administration for Market Regulation"]),
    # a part joined by "and" that the rendering does not need is left out
    ("专项行动", "special actions and operations", ["special actions"]),
    # spaces lost: capitals start words, and stems are found inside run-together words
    ("市场监管局", "theAdministrationforMarketRegulationhas", ["AdministrationforMarketRegulation"]),
    ("知识产权", "strengthenIPRprotection", ["IPR"]),
    ("开发区", "Guangdong established", []),  # a clause, not a name
    # a dictionary sense of the whole term, word for word, where the parts' glosses do not stand
    ("办公室", "the oversight office will report", ["office"]),
    ("工作组", "Our task force recognized it", ["task force"]),
    ("摄影师", "Thanks to my photographers", ["photographers"]),
    # compared as words, not stems: "photos" and "photographing" are not "photographer"
    ("摄影师", "Shooting wedding photos, photographing all day", []),
    # a long word inside a longer term, rendered by a sense of its own (青少年: teenager)
    ("青少年冰球", "the Beijing Teenager Hockey League", ["Teenager Hockey"]),
])
def test_renderings_of_a_mined_term(term, english, found):
    from qa.lang import dictionary
    from qa.lang.mining import pieces_of, renderings_in

    got = renderings_in(term, pieces_of(term), frozenset(dictionary.stems_of(term)), english)
    assert [surface for _, surface in got] == found


@pytest.mark.parametrize("a,b,same", [
    ("geographical indication", "geographic indication", True),  # word form
    ("trade secrets", "Trade-Secret", True),  # case, plural, hyphen
    ("trade secret", "commercial secret", False),
    ("special actions", "special operations", False),
])
def test_which_renderings_mining_counts_as_one(a, b, same):
    from qa.lang.mining import same_rendering

    term = {"geographical indication": "地理标志", "trade secrets": "商业秘密", "trade secret": "商业秘密",
            "special actions": "专项行动"}[a]
    assert same_rendering(term, a, b) is same


MINED_ZH = "开展专项行动。\n深化专项行动。\n部署专项行动。\n推进专项行动。\n"


def test_drift_of_a_term_in_no_list_is_found_by_mining(write):
    en = ("A special action was launched.\nThe special action was deepened.\nSpecial actions were deployed.\n"
          "Special operations were advanced.\n")
    findings = run(write, MINED_ZH, en, ["term-inconsistent"])
    assert [(f.zh_text, f.en_text, f.en) for f in findings] == [("专项行动", "Special operations", ("en-4",))]
    assert findings[0].message == "专项行动 is rendered “Special operations” in 1 paragraph, but “special action” in 3"


def test_a_mined_term_rendered_one_way_is_consistent(write):
    en = ("A special action was launched.\nThe special action was deepened.\nSpecial actions were deployed.\n"
          "Special actions were advanced.\n")
    assert run(write, MINED_ZH, en, ["term-inconsistent"]) == []


def test_a_mined_term_needs_an_established_rendering(write):
    # one rendering each: nothing to drift from, so nothing is reported
    zh = "开展专项行动。\n深化专项行动。\n部署专项行动。\n"
    en = "A special action was launched.\nSpecial operations were deepened.\nSpecial campaigns were deployed.\n"
    assert run(write, zh, en, ["term-inconsistent"]) == []


def test_a_term_rendered_by_one_of_its_senses_then_by_another_is_drift(write):
    # 摄影师 is "photographer" or "cameraman", a sense each: the established one changes once
    zh = "摄影师很专业。\n摄影师帮我选照片。\n摄影师很耐心。\n摄影师提出重拍。\n"
    en = ("The photographer was professional.\nThe photographer helped me choose.\n"
          "The photographer was patient.\nThe cameraman offered a reshoot.\n")
    findings = run(write, zh, en, ["term-inconsistent"])
    assert [(f.zh_text, f.en_text, f.en) for f in findings] == [("摄影师", "cameraman", ("en-4",))]
    assert run(write, zh, en.replace("cameraman", "photographer"), ["term-inconsistent"]) == []


def test_a_phrase_opening_on_this_or_each_is_not_a_term():
    from qa.lang.mining import candidates

    # 该款保质期 "the shelf life of this model" would hide 保质期 inside it
    found = candidates(["该款保质期5年。", "该款保质期3年。", "该款保质期4年。"])
    assert "保质期" in found and not any(t.startswith(("该", "款")) for t in found)


# ---------------------------------------------------------------- mined terms against a reference

def reference_findings(write, ref_en: str, zh: str, en: str) -> list:
    bitext = load(write("zh.txt", zh), write("en.txt", en))
    reference = load(write("ref.zh.txt", MINED_ZH), write("ref.en.txt", ref_en))
    return check(bitext, Profile(select=["term-reference"]), reference=reference).findings


REF_EN = ("A special action was launched.\nThe special action was deepened.\nSpecial actions were deployed.\n"
          "Special operations were advanced.\n")


def test_a_mined_term_departing_from_the_reference_is_reported(write):
    zh = "开展打击侵权专项行动。\n部署专项行动。\n"
    en = "Special operations against infringement were launched.\nSpecial operations were deployed.\n"
    findings = reference_findings(write, REF_EN, zh, en)
    assert [(f.en_text, f.en) for f in findings] == [("Special operations", ("en-1", "en-2"))]
    assert findings[0].message == ("专项行动 is rendered “Special operations” in 2 paragraphs; "
                                   "the reference translation used “special action” (3 of 4 paragraphs)")


def test_the_reference_rendering_in_any_form_is_kept(write):
    # plural, case, hyphen are one rendering; a paragraph that also uses the reference's keeps it
    zh = "开展专项行动。\n部署专项行动。\n"
    en = "Special-Actions were launched.\nThe special action and special operations were deployed.\n"
    assert reference_findings(write, REF_EN, zh, en) == []


def test_a_term_the_reference_rendered_without_an_established_way_teaches_nothing(write):
    ref_en = "A special action was launched.\nSpecial operations were deepened.\nSpecial campaigns were deployed.\n" \
             "Special drives were advanced.\n"
    assert reference_findings(write, ref_en, "开展专项行动。\n", "Special operations were launched.\n") == []


def test_a_paragraph_naming_the_term_twice_can_depart_once(write):
    # two 专项行动, "special action" and "special operations": one of them departs
    zh = "开展专项行动,并部署第二轮专项行动。\n"
    en = "A special action was launched, and a second round of special operations was deployed.\n"
    assert [f.en_text for f in reference_findings(write, REF_EN, zh, en)] == ["special operations"]


DISTRICT_ZH = "支持广州开发区建设。\n广州开发区获批试点。\n广州开发区成效显著。\n{}开发区加快发展。\n"
DISTRICT_EN = ("Guangzhou Development District was supported.\nGuangzhou Development District was approved as a pilot.\n"
               "Guangzhou Development District achieved results.\n{} grew faster.\n")


@pytest.mark.parametrize("place,english,reported", [
    # another place, with its own English name
    ("高新技术产业", "The High-tech Industrial Development Zone", []),
    # the same place named two ways (开发区 is "development zone" and 区 is "area")
    ("广州", "Guangzhou Development Area", ["Guangzhou Development Area"]),
])
def test_a_kind_of_place_names_several_places(write, place, english, reported):
    findings = run(write, DISTRICT_ZH.format(place), DISTRICT_EN.format(english), ["term-inconsistent"])
    assert [f.en_text for f in findings if f.zh_text.endswith("开发区")] == reported


def test_a_rendering_in_english_whose_spaces_were_lost_is_quoted_to_its_words_end():
    from qa.lang.mining import mine
    zh = ["制定促进专利转化的措施。", "发布专利转化信息。", "推动专利转化工作。"]
    en = ["formulatedmeasurestopromotepatenttransfer.", "releasedpatenttransferinformation.",
          "promoted patent commercializationacrossGuangdong."]
    labels = {r.label for m in mine(zh, en) if m.zh == "专利转化" for r in m.renderings}
    assert labels == {"patenttransfer", "patent commercial"}  # not "patenttrans", "patent comme"
