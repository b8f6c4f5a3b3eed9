"""The aligner: exact on the seeds, every link type on small documents, damage survived."""
import json

import pytest
from conftest import ROOT, SEEDS

from qa.align import align
from qa.align.anchors import band_from_chain, longest_chain, supported
from qa.load import load

# A small report: each Chinese paragraph with its English translation.
PAIRS = [
    ("一、加强知识产权保护", "I. Strengthening IP Protection"),
    ("2025年，全省受理专利申请12.5万件，同比增长3.2%。", "In 2025, the province received 125,000 patent applications, up 3.2% year on year."),
    ("全省法院新收知识产权案件9.1万件，审结9.5万件。", "Courts accepted 91,000 IP cases and concluded 95,000."),
    ("二、强化行政执法", "II. Strengthening Administrative Enforcement"),
    ("海关扣留侵权货物1200批次，涉及货物35.6万件。", "Customs detained 1,200 batches of infringing goods, involving 356,000 items."),
    ("省版权局查办侵犯版权案件286宗。", "The provincial copyright administration investigated 286 copyright cases."),
    ("三、深化国际合作", "III. Deepening International Cooperation"),
    ("与世界知识产权组织（WIPO）签署合作备忘录，举办培训班15期。", "A memorandum of cooperation was signed with WIPO, and 15 training sessions were held."),
    ("全省PCT国际专利申请2.70万件，占全国的37.5%。", "PCT international patent applications reached 27,000, 37.5% of the national total."),
]


def beads(zh_lines, en_lines, tmp_path):
    (tmp_path / "zh.txt").write_text("\n".join(zh_lines), encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(en_lines), encoding="utf-8")
    bitext = load(str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"))
    return [(lk.zh, lk.en) for lk in align(bitext)]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_align_exactly_as_gold(seed):
    gold = json.loads((ROOT / "tests/data/seed-alignment" / (seed.stem + ".json")).read_text())
    bitext = load(str(seed))
    zl = [p.line for p in bitext.zh.paragraphs]
    el = [p.line for p in bitext.en.paragraphs]
    got = [([zl[i] for i in lk.zh], [el[j] for j in lk.en]) for lk in align(bitext)]
    assert got == [(a["zh"], a["en"]) for a in gold["alignment"]]


def test_one_to_one(tmp_path):
    zh, en = zip(*PAIRS)
    assert beads(zh, en, tmp_path) == [((i,), (i,)) for i in range(len(PAIRS))]


def test_one_to_two_split(tmp_path):
    zh, en = map(list, zip(*PAIRS))
    en[4:5] = ["Customs detained 1,200 batches of infringing goods.", "These involved 356,000 items."]
    got = beads(zh, en, tmp_path)
    assert ((4,), (4, 5)) in got
    assert ((5,), (6,)) in got


def test_two_to_one_merge(tmp_path):
    zh, en = map(list, zip(*PAIRS))
    en[1:3] = [en[1] + " " + en[2]]
    got = beads(zh, en, tmp_path)
    assert ((1, 2), (1,)) in got
    assert ((3,), (2,)) in got


def test_dropped_paragraph_is_one_to_zero(tmp_path):
    zh, en = map(list, zip(*PAIRS))
    del en[5]
    got = beads(zh, en, tmp_path)
    assert ((5,), ()) in got
    assert ((6,), (5,)) in got


def test_dropped_section_is_one_gap(tmp_path):
    zh, en = map(list, zip(*PAIRS))
    del en[3:6]  # heading II and its two paragraphs
    got = beads(zh, en, tmp_path)
    assert [b for b in got if not b[1]] == [((3,), ()), ((4,), ()), ((5,), ())]
    assert ((6,), (3,)) in got


def test_added_paragraph_is_zero_to_one(tmp_path):
    zh, en = map(list, zip(*PAIRS))
    en.insert(0, "(*The English version is for reference only.)")
    got = beads(zh, en, tmp_path)
    assert got[0] == ((), (0,))
    assert got[1] == ((0,), (1,))


def test_truncated_tail(tmp_path):
    zh, en = map(list, zip(*PAIRS))
    en = en[:5] + ["The provincial copyright administration investigated"]
    got = beads(zh, en, tmp_path)
    assert ((5,), (5,)) in got
    assert got[-3:] == [((6,), ()), ((7,), ()), ((8,), ())]


def test_longest_chain_keeps_monotone_anchors():
    pts = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3), (5, 1)]
    assert longest_chain(pts) == [(0, 0), (2, 1), (3, 2), (4, 3)]


def test_band_between_anchors_reaches_both_corners():
    band = band_from_chain([(10, 3), (50, 20)], 100, 30, margin=2)
    assert band[0][0] == 0 and band[-1][1] == 30
    assert all(lo <= hi for lo, hi in band)
    assert all(band[i][0] <= band[i + 1][0] and band[i][1] <= band[i + 1][1] for i in range(100))


def test_one_to_three_split(tmp_path):
    zh, en = map(list, zip(*PAIRS))
    en[7:8] = ["A memorandum of cooperation was signed with WIPO.", "It covers training.",
               "15 training sessions were held."]
    got = beads(zh, en, tmp_path)
    assert ((7,), (7, 8, 9)) in got
    assert ((8,), (10,)) in got


def test_three_to_one_merge(tmp_path):
    zh, en = map(list, zip(*PAIRS))
    zh[6] = "省市场监管局查办商标侵权案件58宗，罚没款430万元。"
    en[6] = "The provincial market regulator investigated 58 trademark cases and collected 4.3 million yuan in fines."
    en[4:7] = [" ".join(en[4:7])]
    got = beads(zh, en, tmp_path)
    assert ((4, 5, 6), (4,)) in got


def test_two_to_two_crossing(tmp_path):
    # The paragraph break moved: half of Chinese paragraph 5 ends English paragraph 4.
    zh, en = map(list, zip(*PAIRS))
    zh[4:6] = ["海关扣留侵权货物1200批次。", "涉及货物35.6万件，省版权局查办侵犯版权案件286宗。"]
    en[4:6] = ["Customs detained 1,200 batches of infringing goods, involving 356,000 items.",
               "The provincial copyright administration investigated 286 copyright cases."]
    got = beads(zh, en, tmp_path)
    assert ((4, 5), (4, 5)) in got


def test_rare_anchor_candidates_need_a_neighbour_that_agrees():
    # (100, 900) is a coincidence: nothing near it lies on the documents' slope.
    pairs = [(10, 11), (30, 32), (55, 57), (100, 900), (120, 126), (140, 147)]
    assert supported(pairs, 1.0) == [(10, 11), (30, 32), (55, 57), (120, 126), (140, 147)]


def sentences(n):
    """A sentence-per-line text of n units built from PAIRS with new numbers."""
    zh, en = [], []
    for k in range(n):
        z, e = PAIRS[1 + k % (len(PAIRS) - 1)]
        zh.append(z.replace("2025", str(1000 + k)))
        en.append(e.replace("2025", str(1000 + k)))
    return zh, en


def test_sentence_per_line_file_with_a_dropped_stretch(tmp_path):
    zh, en = sentences(400)
    del en[150:160]  # a dropped stretch in the middle
    got = beads(zh, en, tmp_path)
    assert [b for b in got if not b[1]] == [((i,), ()) for i in range(150, 160)]
    assert ((160,), (150,)) in got and ((399,), (389,)) in got


def test_same_input_same_alignment_in_another_process(tmp_path):
    import subprocess
    import sys
    zh, en = sentences(300)
    (tmp_path / "zh.txt").write_text("\n".join(zh), encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(en[:280]), encoding="utf-8")
    code = ("import sys; from qa.load import load; from qa.align import align;"
            "print([(l.zh, l.en) for l in align(load(sys.argv[1], sys.argv[2]))])")
    runs = {subprocess.run([sys.executable, "-c", code, str(tmp_path / "zh.txt"), str(tmp_path / "en.txt")],
                           capture_output=True, text=True, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin"}).stdout
            for seed in ("1", "2")}
    assert len(runs) == 1 and "(299,), ()" in runs.pop()


def test_word_pairs_are_learned_from_beads_that_share_them():
    from types import SimpleNamespace as U

    from qa.align.lexicon import learn
    # 300 one-to-one beads; every 15th pairs a name the dictionary lacks with "Abel".
    zh = [U(words=("亚伯", "说") if i % 15 == 0 else (f"词{i}", "说")) for i in range(300)]
    en = [U(spaced=True, stems={"abel", "said"} if j % 15 == 0 else {f"w{j}", "said"}) for j in range(300)]
    path = [(k, k + 1, k, k + 1, 5.0) for k in range(300)]
    learned = learn(zh, en, path)
    assert learned == {"亚伯": {"abel"}}  # "说"/"said" is in every bead: a function word, not learned
    assert learn(zh[:100], en[:100], path[:100]) == {}  # too short a document to count on


def test_stem_finder_finds_gloss_stems_inside_english_whose_spaces_were_lost():
    from qa.lang.dictionary import stem_finder

    find = stem_finder({"paten", "custo", "ip", "trade", "xyzzy"})
    # 3-5 letter stems only (a two-letter one would be found everywhere)
    assert find("strengtheningcustomsprotectionofpatents") == {"paten", "custo"}
    assert stem_finder(set())("anything") == frozenset()


def test_a_run_of_unpaired_lines_with_as_many_on_each_side_is_paired_in_order():
    # what the search leaves on short social lines the dictionary cannot pair: three 1-0 beside three 0-1
    from types import SimpleNamespace as Unit

    from qa.align import pair_neighbouring_nulls
    from qa.model import Link
    zh = [Unit(length=n) for n in (40, 12, 3, 9, 30)]
    en = [Unit(length=n) for n in (42, 10, 2, 8, 33)]
    links = (Link((0,), (0,), 0.9), Link((1,), (), 0.0), Link((2,), (), 0.0), Link((3,), (), 0.0),
             Link((), (1,), 0.0), Link((), (2,), 0.0), Link((), (3,), 0.0), Link((4,), (4,), 0.9))
    assert [(lk.zh, lk.en) for lk in pair_neighbouring_nulls(links, zh, en)] == [((k,), (k,)) for k in range(5)]
    # one side longer (a dropped section beside a shorter addition): left as it is
    uneven = links[:1] + links[1:4] + links[4:5] + links[7:]
    assert pair_neighbouring_nulls(uneven, zh, en) == uneven
    # lengths that disagree: not a pair
    en[2] = Unit(length=60)
    assert pair_neighbouring_nulls(links, zh, en) == links


def test_a_dropped_run_stays_unpaired_when_the_other_side_has_fewer(tmp_path):
    zh = [z for z, _ in PAIRS]
    en = [e for _, e in PAIRS[:4]] + [e for _, e in PAIRS[6:]]
    got = beads(zh, en, tmp_path)
    assert ((4,), ()) in got and ((5,), ()) in got


def test_a_null_beside_a_one_to_two_link_takes_the_unit_next_to_it():
    # 1-0 then 1-2: two 1-1 links, when the lengths agree
    from types import SimpleNamespace as Unit

    from qa.align import pair_neighbouring_nulls
    from qa.model import Link
    zh = [Unit(length=n) for n in (20, 30, 25)]
    en = [Unit(length=n) for n in (21, 31, 24)]
    links = (Link((0,), (0,), 0.9), Link((1,), (), 0.0), Link((2,), (1, 2), 0.8))
    assert [(lk.zh, lk.en) for lk in pair_neighbouring_nulls(links, zh, en)] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    en[1] = Unit(length=200)  # the unit it would take is far too long for it: left alone
    assert [(lk.zh, lk.en) for lk in pair_neighbouring_nulls(links, zh, en)] == [((0,), (0,)), ((1,), ()), ((2,), (1, 2))]


def test_in_a_text_of_sentences_an_unpaired_piece_joins_the_link_it_completes():
    # one long Chinese sentence rendered as three English ones, two of which the search left unpaired
    from types import SimpleNamespace as Unit

    from qa.align import absorb_nulls, sentence_units
    from qa.model import Link
    zh = [Unit(length=n) for n in [40, 120, 45] + [40] * 20]
    en = [Unit(length=n) for n in [40, 40, 42, 38, 45] + [40] * 20]
    assert sentence_units(zh)
    links = (Link((0,), (0,), 0.9), Link((), (1,), 0.0), Link((1,), (2,), 0.8), Link((), (3,), 0.0),
             Link((2,), (4,), 0.9)) + tuple(Link((k,), (k + 2,), 0.9) for k in range(3, 23))
    got = [(lk.zh, lk.en) for lk in absorb_nulls(links, zh, en)][:3]
    assert got == [((0,), (0,)), ((1,), (1, 2, 3)), ((2,), (4,))]


def test_paragraphs_are_not_sentences():
    from types import SimpleNamespace as Unit

    from qa.align import sentence_units
    assert not sentence_units([Unit(length=400)] * 30)  # a report's paragraphs: an unpaired one is news
    assert not sentence_units([Unit(length=40)] * 5)    # too few to tell


def test_a_question_goes_with_the_english_question(tmp_path):
    # few glosses meet in dialogue; the question mark says where the spoken line went
    zh = ["雨下了一整夜，院子里的花都倒了。", "阿福站在门口，看了很久。", "他回头问：“还走吗？”",
          "阿兰没有回答，只是把伞放下了。", "第二天早上，天晴了。"]
    en = ["It rained all night, and the flowers in the yard were flattened.",
          "Afu stood at the door and looked for a long time.", "He turned round.", "'Are we still leaving?'",
          "Alan did not answer; she just put the umbrella down.", "The next morning the sky was clear."]
    got = beads(zh, en, tmp_path)
    assert ((2,), (2, 3)) in got
    assert all(z and e for z, e in got)  # no 0-1 beside a 1-0


@pytest.mark.parametrize("zh,en", [("（三）加强人才队伍建设", "3. Strengthening the Talent Pool"),
                                   ("三、加强人才队伍建设", "III. Strengthening the Talent Pool"),
                                   ("③加强人才队伍建设", "(c) Strengthening the Talent Pool")])
def test_a_heading_numbered_in_another_system_keeps_its_number(zh, en):
    from qa.align.features import en_features, zh_features
    from qa.align.scorer import _section_code
    z, e = _section_code(zh_features(zh).section), _section_code(en_features(en).section)
    assert z % 1000 == e % 1000 == 4  # the number three, whatever the system


def test_a_paragraph_split_into_five_is_one_link_not_three_and_two_left_over(tmp_path):
    zh = ["一、加强知识产权保护",
          "全省法院新收知识产权案件9.1万件。海关扣留侵权货物1200批次。省版权局查办侵犯版权案件286宗。"
          "市场监管部门查处商标违法案件3500件。公安机关破获侵权假冒犯罪案件870起。",
          "二、深化国际合作", "与世界知识产权组织签署合作备忘录，举办培训班15期。"]
    en = ["I. Strengthening IP Protection", "Courts accepted 91,000 new IP cases.",
          "Customs detained 1,200 batches of infringing goods.",
          "The provincial copyright administration investigated 286 copyright cases.",
          "Market regulators handled 3,500 trademark violation cases.",
          "Public security organs cracked 870 criminal cases of infringement and counterfeiting.",
          "II. Deepening International Cooperation",
          "A memorandum of cooperation was signed with WIPO, and 15 training sessions were held."]
    assert beads(zh, en, tmp_path) == [((0,), (0,)), ((1,), (1, 2, 3, 4, 5)), ((2,), (6,)), ((3,), (7,))]


def test_a_paragraph_the_english_lacks_stays_unpaired_beside_a_grown_link(tmp_path):
    zh, en = map(list, zip(*PAIRS))
    del en[5]  # 省版权局查办侵犯版权案件286宗 is not translated
    got = beads(zh, en, tmp_path)
    assert ((5,), ()) in got


def test_a_name_the_dictionary_lacks_meets_its_romanisation():
    from qa.align.features import en_features, zh_features
    zh = zh_features("王成亦相继身故，有子小名狗儿。")
    en = en_features("Wang Cheng in his turn had died, leaving a son called Gou-er.")
    assert {"wangcheng", "gouer"} <= zh.names & en.names
    assert not zh_features("他们随后离开了。").names & en_features("Then they left.").names
    # a name runs to the punctuation, not across it; a sentence's opening word is not part of a name
    assert "baluya" not in zh_features("俄巴路，亚比玛利，示巴，").names
    assert {"obal", "abimael", "sheba"} <= en_features("And Obal, and Abimael, and Sheba,").names


def test_bead_type_priors_follow_the_documents_own_alignment():
    from qa.align.features import en_features, zh_features
    from qa.align.scorer import TYPE_PRIOR, Scorer
    sc = Scorer([zh_features("他来了。")], [en_features("He came.")])
    splits = [(k, k + 1, 2 * k, 2 * k + 2, 5.0) for k in range(60)]  # a translation that splits every sentence in two
    sc.fit_types(splits + [(60 + k, 61 + k, 120 + k, 121 + k, 5.0) for k in range(40)])
    assert TYPE_PRIOR[(1, 2)] < sc.prior[(1, 2)] <= 0
    assert sc.prior[(2, 2)] <= TYPE_PRIOR[(2, 2)] + 0.5  # a type the document never uses stays unlikely


def test_dash_items_pair_with_dash_items_and_a_dropped_one_stays_unpaired(tmp_path):
    from qa.align.features import en_features, zh_features
    assert zh_features("——坚持互利共赢").marks["bullet"] == en_features("– Upholding mutual benefit").marks["bullet"] == 1
    assert not en_features("-5% on the year").marks["bullet"]  # a minus sign is not a bullet
    zh = ["二、坚持开放合作", "我们坚持以下原则：", "——坚持互利共赢", "——坚持多边主义", "——坚持共商共建", "各方对此高度评价。"]
    en = ["II. Upholding Open Cooperation", "We adhere to the following principles:", "– Upholding mutual benefit",
          "– Upholding extensive consultation and joint contribution", "All parties spoke highly of this."]
    assert beads(zh, en, tmp_path) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()), ((4,), (3,)), ((5,), (4,))]


def test_a_paragraph_split_into_nine_is_one_link(tmp_path):
    facts = [("全省法院新收知识产权案件9.1万件。", "Courts accepted 91,000 new IP cases."),
             ("海关扣留侵权货物1200批次。", "Customs detained 1,200 batches of infringing goods."),
             ("省版权局查办侵犯版权案件286宗。", "The provincial copyright administration investigated 286 copyright cases."),
             ("市场监管部门查处商标违法案件3500件。", "Market regulators handled 3,500 trademark violation cases."),
             ("公安机关破获侵权假冒犯罪案件870起。", "Public security organs cracked 870 criminal cases of infringement."),
             ("检察机关起诉侵权犯罪嫌疑人640人。", "Procuratorates prosecuted 640 suspects of infringement crimes."),
             ("仲裁机构受理知识产权纠纷案件415件。", "Arbitration institutions accepted 415 IP dispute cases."),
             ("调解组织成功调解纠纷2300件。", "Mediation organizations successfully mediated 2,300 disputes."),
             ("维权援助中心提供咨询服务1.2万次。", "Rights protection assistance centres provided 12,000 consultations.")]
    zh = ["一、加强知识产权保护", "".join(z for z, _ in facts), "二、深化国际合作", "与世界知识产权组织签署合作备忘录，举办培训班15期。"]
    en = ["I. Strengthening IP Protection", *(e for _, e in facts), "II. Deepening International Cooperation",
          "A memorandum of cooperation was signed with WIPO, and 15 training sessions were held."]
    assert beads(zh, en, tmp_path) == [((0,), (0,)), ((1,), tuple(range(1, 10))), ((2,), (10,)), ((3,), (11,))]


def test_four_chinese_paragraphs_the_english_joins_are_one_link(tmp_path):
    zh = ["一、加强知识产权保护", "全省法院新收知识产权案件9.1万件。", "海关扣留侵权货物1200批次。", "省版权局查办侵犯版权案件286宗。",
          "市场监管部门查处商标违法案件3500件。", "二、深化国际合作", "与世界知识产权组织签署合作备忘录，举办培训班15期。"]
    en = ["I. Strengthening IP Protection",
          "Courts accepted 91,000 new IP cases. customs detained 1,200 batches of infringing goods, the provincial "
          "copyright administration investigated 286 copyright cases and market regulators handled 3,500 trademark "
          "violation cases.", "II. Deepening International Cooperation",
          "A memorandum of cooperation was signed with WIPO, and 15 training sessions were held."]
    assert beads(zh, en, tmp_path) == [((0,), (0,)), ((1, 2, 3, 4), (1,)), ((5,), (2,)), ((6,), (3,))]


def test_confidence_of_a_hopeless_bead_is_nought_not_an_overflow():
    from qa.align.scorer import confidence
    assert confidence(-5000.0) < 1e-300 and 0.5 < confidence(3.0) < 1.0
