"""Dropped list items: how an item is looked for in the English."""
import pytest

from qa.config import Profile
from qa.engine import check
from qa.lang import dictionary
from qa.load import load


def dropped_items(write, zh: str, en: str) -> list[str]:
    result = check(load(write("zh.txt", zh), write("en.txt", en)), Profile(select=["dropped-item"]))
    return [f.zh_text for f in result.findings]


def item_findings(write, zh: str, en: str) -> list[tuple[str, str]]:
    result = check(load(write("zh.txt", zh), write("en.txt", en)), Profile(select=["dropped-item"]))
    return [(f.severity, f.zh_text) for f in result.findings]


@pytest.mark.parametrize("word,name", [
    ("上海", ("shanghai",)),             # not "municipality", "centre", "east" of its gloss
    ("广州", ("guangzhou", "canton")),   # whole words: the stem "guang" is Guangdong too
    ("美国", ("united", "states", "usa", "us", "america", "american", "americans")),  # rules/names.tsv adds
    ("中", ()),                          # China, but also "middle": not a name
    ("商标", ()),
])
def test_a_proper_noun_is_known_by_its_name(word, name):
    assert dictionary.name_of(word) == name


CITIES_ZH = "广州、深圳、北京、上海、西安等地检察机关联合开展知识产权协同保护工作。"
CITIES_EN = ("Procuratorial organs in Guangzhou, Shenzhen, Beijing, {}Xi'an and other cities jointly carried out "
             "collaborative IPR protection work, as a municipality-level centre of the east.")


def test_a_city_is_missing_though_its_gloss_words_are_there(write):
    assert dropped_items(write, CITIES_ZH, CITIES_EN.format("")) == ["上海"]
    assert dropped_items(write, CITIES_ZH, CITIES_EN.format("Shanghai, ")) == []


MECHANISM_ZH = "广州仲裁委持续完善融合谈判、调解、仲裁的知识产权在线争议解决机制,实施“行政处置+仲裁调解”新模式。"
MECHANISM_EN = ("Under a new model of administrative disposal + arbitration mediation, the commission improved its "
                "online dispute resolution mechanism for IPR, which integrates negotiation, {}arbitration.")


def test_the_english_list_is_the_one_in_the_chinese_order(write):
    # "arbitration mediation" names two items close together too, in the other order
    assert dropped_items(write, MECHANISM_ZH, MECHANISM_EN.format("")) == ["调解"]
    assert dropped_items(write, MECHANISM_ZH, MECHANISM_EN.format("mediation and ")) == []


def test_one_character_items_are_abbreviations_and_not_checked(write):
    zh = "构建全省初、中、高级专业化技术转移人才培养体系。"
    en = "Guangdong established a training system for junior, intermediate and advanced technology transfer talents."
    assert dropped_items(write, zh, en) == []


ENUM_ZH = ("全省围绕三项重点开展工作，一是加强专利侵权纠纷行政裁决，二是推进商标品牌培育和地理标志保护，"
           "三是完善知识产权公共服务体系。")
FIRST = "first, strengthening administrative adjudication of patent infringement disputes"
SECOND = "promoting trademark brand cultivation and geographical indication protection"
THIRD = "improving the public service system for IPR"


@pytest.mark.parametrize("en,dropped", [
    (f"The province focused on three priorities: {FIRST}; second, {SECOND}; and third, {THIRD}.", []),
    (f"The province focused on three priorities: {FIRST}; and third, {THIRD}.", ["二是推进商标品牌培育和地理标志保护"]),
    # renumbered after the drop: the item the English has least of
    (f"The province focused on two priorities: {FIRST}; and second, {THIRD}.", ["二是推进商标品牌培育和地理标志保护"]),
    # not enumerated in the English: the items cannot be counted, sentences are compared instead
    (f"The province focused on strengthening adjudication of patent disputes and {THIRD}.", []),
])
def test_an_enumerated_item_missing_from_the_english_numbering(write, en, dropped):
    assert dropped_items(write, ENUM_ZH, en) == dropped


def test_a_numbered_list_in_brackets(write):
    zh = "（一）强化知识产权司法保护，审结案件较多。（二）加强商标行政执法，查处案件较多。（三）深化海外维权援助，指导企业应对纠纷。"
    en = ("(1) Judicial protection of IPR was strengthened, with many cases concluded. (3) Overseas rights protection "
          "assistance was deepened, guiding enterprises through disputes.")
    assert dropped_items(write, zh, en) == ["（二）加强商标行政执法，查处案件较多"]


def test_a_lead_rendered_in_words_the_dictionary_lacks_is_not_dropped(write):
    # 检察 is "procuratorial" here, a gloss CC-CEDICT does not give, and a redaction ate the verb
    zh = ("持续加强知识产权检察工作。2023年,全省检察机关共批捕侵犯知识产权犯罪案件800件1156人,"
          "起诉1155件2061人。")
    lead = "Law-based procuratorial functions in IPR protection have been http://** "
    rest = ("In 2023, prosecutorial bodies of Guangdong approved the arrest of 1,156 suspects in 800 IPR "
            "infringement cases and prosecuted 2,061 people in 1,155 cases.")
    result = check(load(write("zh.txt", zh), write("en.txt", lead + rest)), Profile(select=["dropped-content"]))
    assert result.findings == []
    result = check(load(write("zh.txt", zh), write("en.txt", rest)), Profile(select=["dropped-content"]))
    assert [f.zh_text for f in result.findings] == ["持续加强知识产权检察工作。"]


def test_an_item_too_short_to_tell_is_not_the_one_picked(write):
    # renumbered: of the items with words enough to tell, the one the English lacks
    zh = "工作重点：一是加强专利侵权纠纷行政裁决，二是推进商标品牌培育和地理标志保护，三是创新。"
    en = f"The priorities were: {FIRST}; and second, innovation."
    assert dropped_items(write, zh, en) == ["二是推进商标品牌培育和地理标志保护"]


def dropped_sentences(write, zh: str, en: str) -> list[tuple[str, str]]:
    result = check(load(write("zh.txt", zh), write("en.txt", en)), Profile(select=["dropped-content"]))
    return [(f.severity, f.zh_text) for f in result.findings]


# Narration rendered freely: most of its words have no dictionary gloss in the English, but the
# English is as long as a translation of the whole paragraph, and in this document the dictionary
# finds only about half the words of any sentence. Not evidence of a loss: info at most.
STORY_ZH = ["他推开门走进房间。", "屋里很暗，只有一盏小灯亮着。", "桌子上放着一封信。",
            "他一想到这个，不禁皱起了眉头。", "他拿起信，慢慢地读了起来。"]
STORY_EN = ["He pushed the door open and went into the room.", "It was dark inside, with only a small lamp on.",
            "A letter lay on the table.", "The very idea made him scowl.",
            "He picked up the letter and slowly began to read."]


def test_a_free_rendering_is_at_most_info(write):
    found = dropped_sentences(write, "".join(STORY_ZH), " ".join(STORY_EN))
    assert all(severity == "info" for severity, _ in found)


def test_a_sentence_whose_length_and_words_are_gone_is_a_warning(write):
    en = " ".join(STORY_EN[:3] + STORY_EN[4:])
    zh = "".join(STORY_ZH[:3]) + "他突然听到楼下传来汽车的喇叭声和孩子们的哭喊声。" + STORY_ZH[4]
    found = dropped_sentences(write, zh, en)
    assert ("warning", "他突然听到楼下传来汽车的喇叭声和孩子们的哭喊声。") in found


@pytest.mark.parametrize("sentence,heading", [
    ("加强知识产权海关保护。", True),
    ("严厉打击侵犯知识产权犯罪。", True),
    ("卡耶尔，你怎么样了？", False),   # dialogue
    ("我当然会！", False),
    ("累计开展合作项目455项。", False),  # a figure: the number rules speak for it
])
def test_a_heading_sentence_is_short_plain_and_impersonal(sentence, heading):
    from qa.rules.dropped_content import _heading_sentence
    assert _heading_sentence(sentence) is heading


@pytest.mark.parametrize("found,chance", [(1.0, 0.0), (1.0, 1.0), (0.0, 0.0), (0.5, 0.6)])
def test_word_odds_are_finite_at_any_document_rates(found, chance):
    from qa.rules.evidence import Rates
    rates = Rates(found=found, near=found, chance=chance)
    for hits, n in [(0, 5), (5, 5), (2, 5), (0, 0)]:
        assert abs(rates.log_odds(hits, n, found)) < 100


def test_words_missing_at_a_rate_the_document_makes_unlikely_are_evidence():
    from qa.rules.evidence import Rates
    report = Rates(found=0.8, near=0.7, chance=0.2)
    assert report.log_odds(0, 6, report.found) > 3          # none of six found: dropped
    assert report.log_odds(5, 6, report.found) < 0          # five of six: translated
    story = Rates(found=0.45, near=0.4, chance=0.15)
    assert story.log_odds(0, 2, story.found) < 3            # two words unfound in free prose: unsure


def test_a_draft_with_many_lost_sentences_is_held_to_the_rate_of_its_translated_ones():
    from qa.rules.evidence import Rates
    translated = [(10, 6, 5, 1)] * 14            # six of ten words found: translated sentences
    lost = [(10, 1, 1, 1)] * 6                   # one of ten, as by chance: lost ones
    pooled = Rates.of(*(sum(col) for col in zip(*translated, *lost)))
    robust = Rates.robust(translated + lost)
    assert pooled.found == pytest.approx(0.46, abs=0.02)   # lowered by the lost sentences
    assert robust.found == pytest.approx(0.59, abs=0.02)   # as if only the translated ones counted
    assert robust.log_odds(1, 10, robust.found) > pooled.log_odds(1, 10, pooled.found) + 1
    # a sentence of thousands of unfound words (a hostile paragraph with no stop) is weighed, not a crash
    assert 0 < Rates.robust([(5000, 0, 0, 0)] + translated).found < 1
    # a clean document keeps about its pooled rate
    clean = [(10, 6, 5, 1)] * 10 + [(10, 5, 4, 1)] * 10
    assert Rates.robust(clean).found == pytest.approx(Rates.of(*(sum(c) for c in zip(*clean))).found, abs=0.01)


def added(write, zh: str, en: str) -> list[tuple[str, str]]:
    result = check(load(write("zh.txt", zh), write("en.txt", en)), Profile(select=["added-content"]))
    return [(f.severity, f.message) for f in result.findings]


def test_a_sentence_pasted_twice_is_reported_once(write):
    zh = "考虑到双方未能就合同内容达成共识，几天后，林某将20万元定金退回给了陆先生。这让陆先生无奈又愤怒。"
    sentence = ("Considering that both parties did not reach agreement on the contents of the contract, Lin "
                "returned the deposit of 200 thousand yuan to Mr. Lu several days later.")
    found = added(write, zh, f"{sentence} {sentence} This left Mr. Lu helpless and angry.")
    assert [sev for sev, msg in found if msg.startswith("Repeated")] == ["warning"]
    assert not [msg for _, msg in added(write, zh, f"{sentence} This left Mr. Lu helpless and angry.")
                if msg.startswith("Repeated")]


def test_a_paragraph_pasted_again_under_another_chinese_paragraph_is_reported_once(write):
    zh = ("陆先生去年在广州看中了一套房子，并与卖方林某签订了意向书。\n"
          "考虑到双方未能就合同内容达成共识，几天后，林某将20万元定金退回给了陆先生。\n"
          "好不容易看中的房子，卖方却不卖了，这让陆先生无奈又愤怒。\n"
          "陆先生随后向法院提起诉讼，要求林某继续履行合同。\n")
    pasted = ("Considering that both parties did not reach agreement on the contents of the contract, Lin "
              "returned the deposit of 200 thousand yuan to Mr. Lu several days later.")
    en = ("Last year Mr. Lu chose a house in Guangzhou and signed a letter of intent with the seller, Lin.\n"
          f"{pasted}\n{pasted}\n"
          "Mr. Lu then sued Lin in court, asking that the contract be performed.\n")
    found = added(write, zh, en)
    assert [(sev, msg[:20]) for sev, msg in found] == [("warning", "Repeated in the Engl")]
    # one error, one finding: the pasted figures (200 thousand) are not also reported on the link
    everything = check(load(write("zh.txt", zh), write("en.txt", en)), Profile()).findings
    assert [f.code for f in everything if "en-3" in f.en and f.severity != "info"] == ["AC01"]
    # pasted, then a figure retyped: still the paste
    retyped = en.replace(pasted, pasted.replace("200", "300"), 1)
    assert [(sev, msg[:20]) for sev, msg in added(write, zh, retyped)] == [("warning", "Repeated in the Engl")]


def test_the_same_chinese_said_twice_may_have_the_same_english(write):
    zh = "该技术可以将100％的回收玻璃重新熔化成新的瓶子。\n该技术可以将100％的回收玻璃重新熔化制成新的瓶子。\n"
    en = "The technology can melt 100% of recycled glass down and make it into new bottles again.\n" * 2
    assert not [msg for _, msg in added(write, zh, en) if msg.startswith("Repeated")]


def test_a_clause_whose_words_are_all_gone_is_mentioned_at_info(write):
    zh = "省知识产权局开展专利执法检查，查处假冒专利案件，并对电子商务平台的商标侵权行为开展集中整治。"
    en = ("The provincial IP office carried out patent enforcement inspections and investigated cases of "
          "counterfeit patents.")
    found = dropped_sentences(write, zh, en)
    assert ("info", "并对电子商务平台的商标侵权行为开展集中整治。") in found
    full = en[:-1] + ", and launched a campaign against trademark infringement on e-commerce platforms."
    assert dropped_sentences(write, zh, full) == []


# five paragraphs translated line for line: the document's length ratio and word rates
REPORT_ZH = ["全省新增发明专利4.32万件。", "省市场监管局查处商标侵权案件1200宗。", "广州知识产权法院审结案件8000件。",
             "全省建设知识产权保护中心15家。", "海关查扣侵权货物1531万件。"]
REPORT_EN = ["The province added 43,200 invention patents.",
             "The provincial market regulator handled 1,200 trademark infringement cases.",
             "The Guangzhou IP Court concluded 8,000 cases.", "The province built 15 IP protection centres.",
             "Customs seized 15.31 million infringing goods."]


def dropped_in_report(write, zh: str, en: str) -> list[tuple[str, str]]:
    """dropped-content findings of a paragraph checked after the five of REPORT_ZH / REPORT_EN."""
    return dropped_sentences(write, "\n".join(REPORT_ZH + [zh]), "\n".join(REPORT_EN + [en]))


def test_a_clause_gone_beyond_doubt_is_a_warning(write):
    # none of the clause's thirteen words is in the English, which is as short as the rest of the
    # paragraph's translation: odds far past the clause's bar
    zh = ("省知识产权局开展专利执法检查，查处假冒专利案件，并对电子商务平台、直播带货、社交电商等新业态的"
          "商标侵权、专利侵权、著作权侵权行为开展集中整治和专项检查。")
    en = "The provincial IP office carried out patent enforcement inspections and investigated cases of counterfeit patents."
    found = dropped_in_report(write, zh, en)
    assert [sev for sev, text in found if text.startswith("并对电子商务平台")] == ["warning"]
    whole = en[:-1] + (", and launched a campaign against trademark, patent and copyright infringement on e-commerce "
                       "platforms, live-streaming sales and social e-commerce.")
    assert dropped_in_report(write, zh, whole) == []


def test_a_sentence_the_english_count_is_short_of_needs_less_word_evidence(write):
    # the lost sentence's words are mostly the paragraph's topic words, found elsewhere in the
    # English; but the English has one sentence fewer, and every other one pairs one to one
    zh = "广州深化知识产权保护示范区建设。深圳设立海外知识产权应对指导中心。佛山推进知识产权公共服务平台建设。东莞开展知识产权纠纷调解工作。"
    en = ("Guangzhou deepened the building of its IP protection demonstration zone. Foshan advanced the building of its "
          "public IP service platform. Dongguan carried out mediation of IP disputes.")
    assert dropped_in_report(write, zh, en) == [("warning", "深圳设立海外知识产权应对指导中心。")]
    whole = en.replace(" Foshan", " Shenzhen set up a guidance centre for overseas IP responses. Foshan")
    assert dropped_in_report(write, zh, whole) == []


def test_an_english_sentence_the_chinese_count_lacks_needs_less_word_evidence(write):
    # one of the added sentence's words ("work") glosses the Chinese: word evidence below the usual bar of 3,
    # but the English has one sentence more and the others pair one to one
    zh = REPORT_ZH + ["广州深化知识产权保护示范区建设。佛山推进知识产权公共服务平台建设。东莞开展知识产权纠纷调解工作。"]
    extra = "The platform building work was widely praised by local enterprises."
    en = REPORT_EN + ["Guangzhou deepened the building of its IP protection demonstration zone. Foshan advanced the "
                      f"building of its public IP service platform. {extra} Dongguan carried out mediation of IP disputes."]
    found = added(write, "\n".join(zh), "\n".join(en))
    assert found == [("warning", f"Not in the Chinese: “{extra}”")]
    # the same sentence where the Chinese has one too many to count on: only a hint
    more = zh[:-1] + [zh[-1] + "中山推进知识产权运营。"]
    assert [sev for sev, _ in added(write, "\n".join(more), "\n".join(en))] in ([], ["info"])


def test_places_the_dictionary_lacks_are_looked_for_by_their_pinyin(write):
    # 黄阁, 横沥 and 万顷沙 are not in CC-CEDICT: the English romanises them
    zh = "推动南沙、黄阁、横沥、万顷沙等地建设知识产权服务站。"
    en = "Intellectual property service stations were built in Nansha, {}Hengli and Wanqingsha."
    assert dropped_items(write, zh, en.format("Huangge, ")) == []
    assert dropped_items(write, zh, en.format("")) == ["黄阁"]


@pytest.mark.parametrize("english,gloss", [("stopped", "stop"), ("slowed", "slow"), ("screaming", "scream"),
                                           ("forgotten", "forget"), ("took", "take"), ("children", "child"),
                                           ("economic", "economy"), ("geographical", "geographic")])
def test_english_word_forms_meet_the_dictionary_gloss_they_inflect(english, gloss):
    from qa.lang.dictionary import stem
    assert stem(english) == stem(gloss)


def test_words_that_only_look_alike_stay_apart():
    from qa.lang.dictionary import stem
    assert stem("found") != stem("find")      # "found a company" is not "find"
    assert stem("stop") != stem("step")


def test_a_common_word_missing_from_a_list_the_english_names_one_short_is_a_warning(write):
    zh = "大学精神对于政治、经济、文化、科技、社会的发展均至关重要。"
    short = "University spirit is vital to the development of politics, economy, technology and society."
    assert item_findings(write, zh, short) == [("warning", "文化")]
    # the same gap where the English names no list: only a hint
    loose = "University spirit is vital to political and economic life, to technology and to society."
    assert [sev for sev, _ in item_findings(write, zh, loose)] in ([], ["info"])
    full = "University spirit is vital to the development of politics, economy, culture, technology and society."
    assert item_findings(write, zh, full) == []


def test_an_open_list_one_item_short_in_the_english_is_a_warning_too(write):
    # 等 says the list is not complete, not that the English may leave out one of the items it names
    zh = "研究覆盖了环境、机械、能源、医疗、生命科学等各大领域。"
    short = "The research covers major fields of environment, machinery, medicine and life science."
    assert item_findings(write, zh, short) == [("warning", "能源")]


@pytest.mark.parametrize("zh,items", [
    ("加强广州、深圳、珠海与佛山的合作。", ["广州", "深圳", "珠海", "佛山"]),   # A、B、C与D: four items
    ("推动广州、深圳、珠海和佛山建设知识产权强市。", ["广州", "深圳", "珠海", "佛山"]),
    ("推动广州、深圳、珠海的和平发展。", ["广州", "深圳", "珠海"]),           # 和平 is a word, not "and"
    ("推动广州、深圳、珠海和其他城市发展。", ["广州", "深圳", "珠海"]),       # "and other cities" is no item
    ("推动广州、深圳和佛山建设知识产权强市。", []),   # three items so: mostly verbs, rendered freely
])
def test_a_list_whose_last_item_is_joined_by_and(zh, items):
    from qa.rules.dropped_item import _lists

    found = [[zh[a:b] for a, b in lst] for lst in _lists(zh)]
    assert found == ([items] if items else [])


def test_an_item_missing_from_a_list_joined_by_and(write):
    zh = "推动广州、深圳、珠海和佛山建设知识产权强市。"
    assert dropped_items(write, zh, "Guangzhou, Shenzhen, Zhuhai and Foshan are building IP powerhouse cities.") == []
    assert dropped_items(write, zh, "Guangzhou, Shenzhen and Zhuhai are building IP powerhouse cities.") == ["佛山"]


@pytest.mark.parametrize("glued,words", [
    ("TheOfficeoftheGuangdongProvincialJointConferenceonIntellectualProperty",
     "The Office of the Guangdong Provincial Joint Conference on Intellectual Property"),
    ("Theoverallqualityandefficiencyofadjudicationimproved,andtheoutcomesofcasehandlingcontinuedtoenhance.",
     "The overall quality and efficiency of adjudication improved , and the outcomes of case handling continued "
     "to enhance ."),
])
def test_english_whose_spaces_were_lost_is_read_word_by_word(glued, words):
    from qa.lang.glued import spaced_out

    assert spaced_out(glued) == words
