"""Terms mined from the document itself, with the renderings its translation uses.

A *term* is a run of one to three adjacent dictionary words (CC-CEDICT and
``rules/lexicon.tsv``), three or more characters long, found in the Chinese
of at least ``MIN_LINKS`` aligned links (and not only ever inside a longer
such run). Its *rendering* in a link is a run of adjacent English words that
gloss the term's parts, one word at least for each part ("trade secret" and
"commercial secret" for 商业秘密 = 商业 + 秘密; a gloss of the whole term may
stand for any part), or an abbreviation the dictionary gives for the whole
term (IPR for 知识产权). Words are compared by gloss stem, so case, plural,
hyphens, word order and word form (geographic/geographical) do not make two
renderings; neither does a spelling variant (centre/center, by rapidfuzz).
English whose spaces were lost is read by finding the term's stems inside
the run-together words.

The segmentation is the dictionary's own maximum matching, which the aligner
has already loaded: jieba's 0.6 s dictionary load would double the start-up
time of a check, and a term's boundaries come from its frequency here, not
from the segmenter.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations

from . import dictionary
from .terms import Rendering

MIN_LINKS = 3  # a term occurs in this many aligned links at least
MIN_CHARS = 3  # and is at least this long: two-character words are vocabulary, not terminology
MAX_WORDS = 3  # dictionary words joined into one term
NEAR = 90  # rapidfuzz ratio at or above which two renderings are spellings of one
GLUED_GAP = 12  # letters between two stems of one rendering in run-together English
_CONNECT = frozenset(("of", "and", "for"))  # may join the words of one rendering
# words, split where a capital starts one ("IntellectualPropertyAdministration", "AdministrativeIPR");
# capitals run into lower case are settled by _tokens ("IPRprotection", "IPProtection")
_TOKEN = re.compile(r"[A-Z]{2,}(?:s(?![a-z]))?|[A-Z]?[a-z]+")
_ENDING = re.compile(r"(?:ations?|tions?|ions?|ments?|ities|ity|ing|ive|ary|ers?|ed|al|ly|es|s|e)?")
_CAPS = re.compile(r"[A-Z]{2,4}s?")
_LETTERS = re.compile(r"[a-z]*")
_DONE = re.compile(r"[a-z]{3,}ed")  # a past participle ends a clause, not a term
_PLACE_KINDS = frozenset("区园城港县市镇村岛湾")  # a term ending so is a kind of place, named by the words before it
# a run opening on a demonstrative or distributive word is a phrase, not a term (该款保质期 "the
# shelf life of this model", 本公司, 各地区): it would hide the term inside it from mining
_DEICTIC = frozenset("该这那此各每其本")


@dataclass
class Mined:
    zh: str
    renderings: list[Rendering]  # materially different renderings, most used first
    uses: dict[int, tuple[str, ...]]  # text index -> labels of the renderings found there


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    stem: str
    surface: str
    joins: bool = False  # a connector ("of", "and", "for") that may join the words of one rendering


def _parts(word: str) -> list[str]:
    """A dictionary word's shorter dictionary words, by forward maximum matching (知识产权 -> 知识, 产权)."""
    d = dictionary.glosses()
    out, i = [], 0
    while i < len(word):
        for k in range(min(len(word) - i, len(word) - 1), 0, -1):
            if word[i:i + k] in d:
                out.append(word[i:i + k])
                i += k
                break
        else:
            i += 1
    return out


def candidates(zh_texts: list[str], least: int = MIN_LINKS) -> dict[str, set[int]]:
    """Term candidates and the texts (indices into ``zh_texts``) that hold them: runs of up
    to three adjacent words of the dictionary's segmentation, and the domain lexicon's terms
    wherever they occur (maximum matching reads 省市场监管局 as 省市 + 场 + 监管局)."""
    where: dict[str, set[int]] = defaultdict(set)
    lexicon = [w for w in dictionary.lexicon_words() if len(w) >= MIN_CHARS]
    for n, text in enumerate(zh_texts):
        for w in lexicon:
            if w in text:
                where[w].add(n)
        words = dictionary.segment(text)
        for a in range(len(words)):
            if words[a][1] in _DEICTIC or a and words[a - 1][1] in _DEICTIC and len(words[a][1]) == 1:
                continue  # nor on the measure word after one (该款, 这个, 各项)
            start, joined = words[a][0], ""
            for b in range(a, min(a + MAX_WORDS, len(words))):
                pos, w = words[b]
                if pos != start + len(joined):
                    break
                joined += w
                if len(joined) >= MIN_CHARS:
                    where[joined].add(n)
    frequent = {t: links for t, links in where.items() if len(links) >= least}
    # a candidate only ever seen inside a longer one is a fragment of it (广州知识产权 of 广州知识产权法院):
    # compared only with the candidates seen in exactly the same texts (grouped, not all against all)
    same_texts: dict[frozenset, list[str]] = defaultdict(list)
    for t, links in frequent.items():
        same_texts[frozenset(links)].append(t)
    return {t: links for t, links in frequent.items()
            if not any(t != u and t in u for u in same_texts[frozenset(links)])}


def pieces_of(term: str) -> list[frozenset]:
    """The gloss stems of each part of a term; parts without glosses are left out."""
    parts = []
    for _, w in dictionary.segment(term):
        sub = _parts(w) if len(w) >= MIN_CHARS else [w]
        parts.extend(sub if len(sub) > 1 else [w])
    out = [frozenset(dictionary.stems_of(p)) for p in parts]
    return [p for p in out if p]


@lru_cache(maxsize=4096)
def _compact(term: str) -> tuple[frozenset, ...] | None:
    """The term's pieces with each long word that has one-word senses as one piece of those
    senses (青少年冰球: 青少年 {teenager, adolescent, youth} + 冰球, beside 青 + 少年 + 冰球), or
    None when it has no such word. A translator renders a known word whole ("Teenager Hockey")."""
    words = [w for _, w in dictionary.segment(term)]
    if len(words) < 2:
        return None
    out, changed = [], False
    for w in words:
        one = frozenset(dictionary.stem(x) for sense in dictionary.senses(w) if len(sense) == 1 for x in sense) \
            if len(w) >= MIN_CHARS else frozenset()
        if one:
            out.append(one)
            changed = True
        else:
            sub = _parts(w) if len(w) >= MIN_CHARS else [w]
            out.extend(frozenset(dictionary.stems_of(p)) for p in (sub if len(sub) > 1 else [w]))
    return tuple(p for p in out if p) if changed else None


@lru_cache(maxsize=32768)  # a text per aligned link: a book has thousands
def _split(english: str) -> tuple[tuple[int, str], ...]:
    return tuple((m.start(), m.group()) for m in _TOKEN.finditer(english))


def _tokens(english: str, stems: frozenset) -> list[tuple[int, str]]:
    """(offset, word) of each word. Capitals run into lower case are an abbreviation and a
    word: "IPRprotection" is IPR + protection, but "IPProtection" is IP + Protection; the
    term's own abbreviations decide, and else the last capital starts the next word."""
    out = []
    for at, w in _split(english):
        if out and out[-1][1].isupper() and english[at - 1:at].isupper() and not w[0].isupper():
            caps = out[-1][1]
            if caps.lower() not in stems and (caps[:-1].lower() in stems or len(caps) > 2):
                out[-1] = (out[-1][0], caps[:-1])
                w, at = caps[-1] + w, at - 1
        out.append((at, w))
    return out


@lru_cache(maxsize=32768)  # a text per aligned link: a book has thousands
def _layout(english: str):
    """The words of a text as far as they do not depend on the term, computed once per text:
    whole words; the long run-together ones still to be searched for each term's stems (where
    spaces were lost); and the abbreviations run into lower case that a term's own
    abbreviations may read otherwise ("IPRprotection": IP + Rprotection, unless the term is
    abbreviated IPR)."""
    glued = english.count(" ") * 12 < len(english)
    plain, long = _arrange(_tokens(english, frozenset()), glued)
    toks = _split(english)
    ambiguous = frozenset(w.lower() for at, w in toks if w.isupper() and english[at + len(w):at + len(w) + 1].islower())
    # the whole words by stem, and the connectors: a term's words are gathered from its own
    # stems' lists instead of a pass over every word of the text for each term it holds
    by_stem: dict[str, list[int]] = defaultdict(list)
    for k, w in enumerate(plain):
        by_stem[w.stem].append(k)
    # whether each whole word is joined to the next: a term's runs are then found by index
    adjacent = tuple(_joined(english, a, b) for a, b in zip(plain, plain[1:]))
    return tuple(plain), tuple(long), ambiguous, glued, dict(by_stem), adjacent


def _arrange(tokens, glued: bool) -> tuple[list[_Word], list[tuple[int, str]]]:
    """Whole words, and the long words that run several together where spaces were lost."""
    plain, long = [], []
    for at, w in tokens:
        if glued and len(w) > 12 and not w.isupper():
            long.append((at, w))
        else:
            plain.append(_Word(at, at + len(w), dictionary.stem(w), w, w.lower() in _CONNECT))
    return plain, long


class _StemIndex:
    """Where stems occur inside the run-together words of texts: one Aho-Corasick automaton
    over every candidate's stems, run once per text, instead of a search per term and text."""

    def __init__(self, stems):
        import ahocorasick  # the aligner has loaded it already

        self.auto = ahocorasick.Automaton()
        for s in stems:
            if len(s) >= 3:
                self.auto.add_word(s, s)
        if len(self.auto):
            self.auto.make_automaton()
        self.cache: dict[str, dict[str, list[tuple[int, _Word]]]] = {}

    def hits(self, english: str, long) -> dict[str, list[tuple[int, _Word]]]:
        """Stem -> (offset, word) of each place in the text where it stands inside the long
        words, the word running to its end (``_word_end``). Grouped by stem, so a term gathers
        its own stems' places instead of filtering every hit of every term; each word made once
        per text."""
        if english not in self.cache:
            out: dict[str, list[tuple[int, _Word]]] = {}
            if len(self.auto):
                for start, w in long:
                    for end, s in self.auto.iter(w.lower()):
                        pos = start + end - len(s) + 1
                        at = _word_end(english, pos, s)
                        word = _Word(pos, at, s, english[pos:at], english[pos:at].lower() in _CONNECT)
                        out.setdefault(s, []).append((pos, word))
            self.cache[english] = out
        return self.cache[english]


def _word_end(english: str, pos: int, stem: str) -> int:
    """Where the word holding ``stem`` at ``pos`` ends, in English whose spaces were lost: the
    longest dictionary word starting there ("commercializationacross": commercialization), or
    else the stem and a common ending ("Regul" -> "Regulation")."""
    low = english[pos:pos + len(stem) + 16].lower()
    letters = _LETTERS.match(low).end()
    words = dictionary.english_words()
    for k in range(letters, len(stem), -1):
        if low[:k] in words:
            return pos + k
    return pos + len(stem) + len(_ENDING.match(low, len(stem)).group())


def _words(english: str, stems: frozenset, index: _StemIndex | None = None) -> list[_Word] | None:
    """The words of the text that may belong to a rendering (those with one of ``stems``, and
    the connectors), in text order; None when the text's whole words serve as they are (no
    run-together words, no abbreviation the term reads otherwise): runs are then found by index."""
    plain, long, ambiguous, glued, _by_stem, _adjacent = _layout(english)
    if ambiguous & stems:
        plain, long = _arrange(_tokens(english, stems), glued)
        index = None  # the long words differ from the text's usual reading
    elif not long:
        return None
    words = [w for w in plain if w.stem in stems or w.joins]
    if not long:
        return words
    hits = (index or _StemIndex(stems)).hits(english, long)
    at = -1
    for pos, _stem, word in sorted((p, x, w) for x in hits.keys() & stems for p, w in hits[x]):
        if pos < at:
            continue  # inside the previous stem's word
        at = word.end
        words.append(word)
    words.sort(key=lambda w: w.start)
    return words


def _runs(english: str, words: list[_Word], stems: frozenset):
    """Runs of adjacent words with one of ``stems`` (a connector may join two of them)."""
    k, count = 0, len(words)
    while k < count:
        if words[k].stem not in stems:
            k += 1
            continue
        run = [words[k]]
        nxt = k + 1
        while nxt < count:
            w = words[nxt]
            if w.stem in stems and _joined(english, run[-1], w):
                run.append(w)
            elif (w.joins and nxt + 1 < count and words[nxt + 1].stem in stems
                  and _joined(english, run[-1], w) and _joined(english, w, words[nxt + 1])):
                run += [w, words[nxt + 1]]
                nxt += 1
            else:
                break
            nxt += 1
        k = nxt
        yield run


def _indexed_runs(english: str, stems: frozenset):
    """The same runs over the text's whole words, by their indices: only the term's own words
    are visited, and adjacency was settled once per text."""
    plain, _long, _amb, _glued, by_stem, adjacent = _layout(english)
    at = sorted(k for s in by_stem.keys() & stems for k in by_stem[s])
    k, count = 0, len(at)
    while k < count:
        run = [at[k]]
        nxt = k + 1
        while nxt < count:
            q, last = at[nxt], run[-1]
            if q == last + 1 and adjacent[last]:
                run.append(q)
            elif q == last + 2 and plain[last + 1].joins and adjacent[last] and adjacent[last + 1]:
                run += [last + 1, q]
            elif q > last + 1 and not plain[last + 1].joins and _joined(english, plain[last], plain[q]):
                run.append(q)  # only letters between them: spaces were lost
            else:
                break
            nxt += 1
        k = nxt
        yield [plain[x] for x in run]


def _joined(english: str, a: _Word, b: _Word) -> bool:
    """Are two words next to each other: only spaces, hyphens or (run together) a few letters between?"""
    gap = english[a.end:b.start]
    if gap.strip(" -") == "":
        return True
    return " " not in gap and len(gap) <= GLUED_GAP and gap.isalpha()


def renderings_in(term: str, pieces: list[frozenset], whole: frozenset, english: str,
                  index: _StemIndex | None = None, memo: dict | None = None) -> list[tuple[str, str]]:
    """(key, surface) of each rendering of a term in one English text; the key is the sorted
    stems. ``memo``, kept across one term's texts: what a run of these stems trims to and
    whether it covers the term (the same renderings recur from link to link)."""
    compact = _compact(term)
    senses = dictionary.senses(term)
    stems = whole.union(*pieces, *(compact or ()))
    extra = whole - frozenset().union(*pieces)  # glosses of the whole term only: one may stand for a part
    fewest = min(len(pieces), len(compact)) if compact else len(pieces)

    compact_extra = whole - frozenset().union(*compact) if compact else frozenset()

    def cover(content: list[str]) -> bool:
        return _covers(content, pieces, extra) or bool(compact) and _covers(content, compact, compact_extra)
    words = _words(english, stems, index)
    memo = {} if memo is None else memo
    out = []
    for run in _indexed_runs(english, stems) if words is None else _runs(english, words, stems):
        short = len(run) < fewest and not any(_CAPS.fullmatch(w.surface) for w in run)
        if short and not senses:
            continue  # too few words to render each part, and no abbreviation
        # a sense is matched by its words, not stems: then the words are part of the key
        shape = tuple((w.stem, w.joins, w.surface.lower()) for w in run) if senses else \
            tuple((w.stem, w.joins) for w in run)
        got = memo.get(shape, False)
        if got is False:
            if short and not _whole_sense([w.surface for w in run if not w.joins], senses):
                got = None  # too few words, and not a sense of the whole term either
            else:
                lo, hi = _trimmed(run, cover)
                content = [w.stem for w in run[lo:hi] if not w.joins]
                got = (lo, hi, len(content) <= len(term) + 1 and (
                    cover(content) or _whole_sense([w.surface for w in run[lo:hi] if not w.joins], senses)))
            memo[shape] = got
        if got is None:
            continue
        lo, hi, covers = got
        run = run[lo:hi]
        content = [w for w in run if not w.joins]
        if not content or _DONE.fullmatch(content[-1].surface.lower()):
            continue  # a term is named, not done: "Guangdong established" is a clause
        if len(content) == 1 and _CAPS.fullmatch(content[0].surface) and content[0].surface.lower().rstrip("s") in whole:
            pass  # the dictionary's abbreviation of the whole term: IPR
        elif not covers:
            continue
        out.append((" ".join(sorted({w.stem for w in content})), english[run[0].start:run[-1].end]))
    return out


def _trimmed(run: list[_Word], covers) -> tuple[int, int]:
    """The bounds (start, end) of the run without a part joined by "of"/"and" that the
    rendering does not need ("Guangzhou Intellectual Property Court and Guangdong" ->
    "... Court"), but with every word of the part it needs ("intellectual property rights"
    stays whole)."""
    segments: list[list[_Word]] = [[]]
    for w in run:
        if w.joins:
            segments.append([w])
        else:
            segments[-1].append(w)

    def cover(segs):
        return covers([w.stem for s in segs for w in s if not w.joins])

    while len(segments) > 1:
        if cover(segments[:-1]):
            segments.pop()
        elif cover(segments[1:]):
            segments.pop(0)
        else:
            break
    out = [w for s in segments for w in s]
    while out and out[0].joins:
        out.pop(0)
    if not out:
        return 0, 0
    lo = next(k for k, w in enumerate(run) if w is out[0])
    return lo, lo + len(out)


def _whole_sense(words: list[str], senses: tuple[frozenset, ...]) -> bool:
    """Are the words one of the dictionary's senses of the whole term, word for word
    ("task force" for 工作组, "photographer" for 摄影师), where its parts' glosses do not
    stand? Compared as whole words, plurals folded: "photos" is not "photographer"."""
    return bool(words and senses) and frozenset(dictionary.plural_folded(w) for w in words) in senses


def _covers(stems: list[str], pieces: list[frozenset], extra: frozenset = frozenset()) -> bool:
    """Has each piece a word of its own ("cases" alone does not render 典型 + 案例, though
    both gloss as "case")? One piece may be covered by a gloss of the whole term instead
    ("Administration" for the 局 of 市场监管局); more would let a short form pass
    ("Greater Bay Area" for 粤港澳大湾区)."""
    if len(stems) < len(pieces):
        return False
    for chosen in permutations(stems, len(pieces)):
        stand_ins = 0
        for s, p in zip(chosen, pieces):
            if s not in p:
                stand_ins += 1
                if s not in extra or stand_ins > 1:
                    break
        else:
            return True
    return False


def _groups(surfaces: dict[str, Counter]) -> list[tuple[list[str], Counter]]:
    """Rendering keys joined when they are near (center / centre): each group's keys and
    surface forms. Most used first; ties by key, so the order never depends on the text's."""
    keys = sorted(surfaces, key=lambda k: (-sum(surfaces[k].values()), k))
    groups: list[tuple[list[str], Counter]] = []
    for key in keys:
        for g in groups:
            if _same(key, g[0][0]):
                g[0].append(key)
                g[1].update(surfaces[key])
                break
        else:
            groups.append(([key], Counter(surfaces[key])))
    return groups


def _same(a: str, b: str) -> bool:
    """One rendering: spelling variants (centre / center), or a short form of the other
    ("Greater Bay Area" for "Guangdong-Hong Kong-Macao Greater Bay Area")."""
    from rapidfuzz import fuzz  # imported when two renderings are compared: start-up time counts

    if fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")) >= NEAR:
        return True
    x, y = set(a.split()), set(b.split())
    return x <= y or y <= x


def same_rendering(term: str, a: str, b: str) -> bool:
    """Are two English phrases one rendering of ``term`` as mining counts them
    ("geographical indication" and "geographic indication" are)?"""
    pieces, whole = pieces_of(term), frozenset(dictionary.stems_of(term))
    ka, kb = renderings_in(term, pieces, whole, a), renderings_in(term, pieces, whole, b)
    return bool(ka and kb) and _same(ka[0][0], kb[0][0])


def _label_order(item: tuple[str, int]):
    surface, n = item
    return (" " not in surface and len(surface) > 12, -n, surface)  # run-together spellings shown last


def _found(terms: dict[str, set[int]], en_texts: list[str]) -> dict[str, dict[int, list[tuple[str, str]]]]:
    """Each term's renderings (key, surface) in the English texts where its Chinese is, by text
    index; only texts where one was found. One stem index serves all the terms."""
    prepared = []
    for term, links in sorted(terms.items()):
        pieces = pieces_of(term)
        if pieces:
            prepared.append((term, links, pieces, frozenset(dictionary.stems_of(term))))
    index = _StemIndex({s for term, _, pieces, whole in prepared for s in whole.union(*pieces, *(_compact(term) or ()))})
    out = {}
    for term, links, pieces, whole in prepared:
        memo: dict = {}
        found = {n: renderings_in(term, pieces, whole, en_texts[n], index, memo) for n in sorted(links)}
        out[term] = {n: f for n, f in found.items() if f}
    return out


def mine(zh_texts: list[str], en_texts: list[str], skip=(), least: int = 2, links: int = MIN_LINKS) -> list[Mined]:
    """Terms of the Chinese texts (one per aligned link, with its English) that the English
    renders in ``least`` or more materially different ways (1: every term it renders, as a
    reference translation is learnt). ``skip``: Chinese terms already watched; a candidate
    inside or around one is left to them."""
    out = []
    terms = {t: where for t, where in candidates(zh_texts, links).items() if not any(s in t or t in s for s in skip)}
    for term, found in _found(terms, en_texts).items():
        if len(found) < links:
            continue
        surfaces: dict[str, Counter] = defaultdict(Counter)
        for f in found.values():
            for key, surface in f:
                surfaces[key][surface] += 1
        groups = _groups(surfaces)
        if len(groups) < least:
            continue
        renderings, label_of = [], {}
        for keys, counter in groups:
            forms = [s for s, _ in sorted(counter.items(), key=_label_order)]
            renderings.append(Rendering(forms[0], tuple(forms)))
            label_of.update((k, forms[0]) for k in keys)
        rank = {r.label: k for k, r in enumerate(renderings)}
        uses = {}
        for n, f in found.items():
            labels = sorted(dict.fromkeys(label_of[k] for k, _ in f), key=rank.get)
            # more renderings than the Chinese has the term: the rarer ones translate other words
            # (典型案例 once, and "model cases" for 精品案例 beside "typical cases")
            uses[n] = tuple(labels[:zh_texts[n].count(term)])
        uses = _places_apart(term, {n: labels for n, labels in uses.items() if labels}, zh_texts)
        if len({lb for labels in uses.values() for lb in labels}) >= least:
            out.append(Mined(term, [r for r in renderings if any(r.label in lb for lb in uses.values())], uses))
    return out


def _places_apart(term: str, uses: dict[int, tuple[str, ...]], zh_texts: list[str]) -> dict[int, tuple[str, ...]]:
    """A kind of place (开发区, 示范区) names several places, each with its own English name:
    a rendering used only where the term follows other words than before the main
    rendering's (高新技术产业开发区 "Development Zone", 广州开发区 "Development District")
    is another place, not a drift; its uses are left out."""
    if term[-1] not in _PLACE_KINDS or not uses:
        return uses
    main = Counter(lb for labels in uses.values() for lb in labels).most_common(1)[0][0]

    def before(ns):
        return {zh_texts[n][max(0, m.start() - 2):m.start()] for n in ns for m in re.finditer(re.escape(term), zh_texts[n])}
    main_before = before(n for n, labels in uses.items() if main in labels)
    apart = {lb for labels in uses.values() for lb in labels
             if lb != main and not before(n for n, labels in uses.items() if lb in labels) & main_before}
    kept = {n: tuple(lb for lb in labels if lb not in apart) for n, labels in uses.items()}
    return {n: labels for n, labels in kept.items() if labels}


def departures(learnt: dict[str, str], zh_texts: list[str], en_texts: list[str]) -> dict[str, list[tuple[str, list[int]]]]:
    """Where the English renders a term otherwise than a reference translation did. ``learnt``:
    Chinese term -> the reference's rendering. Per term, each other rendering (its most used
    spelling) and the texts that use it; a text that also uses the reference's rendering
    departs only where its Chinese has the term as often as its English has renderings."""
    terms = {t: {n for n, text in enumerate(zh_texts) if t in text} for t in learnt}
    out = {}
    for term, found in _found(terms, en_texts).items():
        pieces, whole = pieces_of(term), frozenset(dictionary.stems_of(term))
        kept = [key for key, _ in renderings_in(term, pieces, whole, learnt[term])]
        if not kept:
            continue
        other: dict[str, tuple[Counter, set[int]]] = {}
        for n, f in found.items():
            if len(f) > zh_texts[n].count(term) and any(_same(key, kept[0]) for key, _ in f):
                continue  # more renderings than the Chinese has the term: others translate other words
            for key, surface in f:
                if _same(key, kept[0]):
                    continue
                group = next((k for k in other if _same(k, key)), key)
                forms, texts = other.setdefault(group, (Counter(), set()))
                forms[surface] += 1
                texts.add(n)
        if other:
            out[term] = [(min(forms.items(), key=_label_order)[0], sorted(texts)) for forms, texts in other.values()]
    return out
