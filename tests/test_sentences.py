"""Sentence splitting, as the content rules see a paragraph."""
from qa.lang.sentences import en_sentences, zh_sentences


def split(text, fn=en_sentences):
    return [text[a:b] for a, b in fn(text)]


def test_english_sentences_end_at_stops_not_inside_numbers_or_abbreviations():
    text = "Growth was 3.5 percent in the U.S. and No. 5 ranked first. Then it fell! Why?"
    assert split(text) == ["Growth was 3.5 percent in the U.S. and No. 5 ranked first.", "Then it fell!", "Why?"]


def test_english_whose_spaces_were_lost_splits_before_a_capital():
    assert split("Twoadvancedworkstations.Twoadvancedcenters.") == ["Twoadvancedworkstations.", "Twoadvancedcenters."]


def test_a_redaction_mark_that_swallowed_the_stop_ends_a_sentence():
    text = "The overall planning for IP has been http://** Both the CPC Committee and the Government attached importance."
    assert split(text) == ["The overall planning for IP has been http://**",
                           "Both the CPC Committee and the Government attached importance."]
    assert len(split("See http://** for details.")) == 1  # a lower-case word follows: the same sentence


def test_chinese_sentences_and_clauses():
    assert split("加强统筹谋划。全省新增专利4.32万件；增长12%！", zh_sentences) == ["加强统筹谋划。", "全省新增专利4.32万件；", "增长12%！"]
