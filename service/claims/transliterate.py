"""Cross-script name keys: أستانة, Astana and Астана should compare as equal.

``to_latin_key`` reduces a name in Arabic, Latin or Cyrillic script to a rough
consonant skeleton over a small alphabet of sound classes. Short vowels are
not written in Arabic, so they are dropped everywhere; a word-initial vowel
(or ع) is kept as "a" because every script writes it (Idlib/إدلب, Ankara/أنقرة)
and it keeps short skeletons apart. Classes merge what
transliteration conventions confuse: k/q/c, g/j/dj/dzh/ج/غ/ж, sh/ch/ш/ч/ش,
kh/h/х/ح/خ, f/v/ph/ف/в (Lavrov is لافروف), s/z/ts/ص/ز/ц, t/ط/ث, d/ض/ذ.

``name_similarity`` scores 0..100: rapidfuzz ratio on the folded text when
both names are in the same script, and a length-normalised Levenshtein
similarity on skeletons (strict on purpose: skeletons are short, and one
edit in "alb" must not make Aleppo look like Idlib).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from service.pipeline.normalize import fold_arabic

SAME_NAME = 85.0  # name_similarity at or above this: the same name

_VOWEL = "·"  # placeholder for a vowel, dropped unless word-initial
_ARABIC_MAP = str.maketrans({
    "ا": _VOWEL, "ى": _VOWEL, "ع": _VOWEL, "ء": _VOWEL, "ة": "",
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "g", "غ": "g", "گ": "g", "ژ": "g",
    "چ": "x", "ش": "x", "ح": "h", "خ": "h", "ه": "h", "د": "d", "ض": "d", "ذ": "d", "ر": "r",
    "ز": "s", "س": "s", "ص": "s", "ظ": "s", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "ک": "k",
    "ل": "l", "م": "m", "ن": "n",
})
_CYRILLIC_MAP = str.maketrans({
    **{c: _VOWEL for c in "аеёиоуыэюяйіїєў"},
    "ъ": "", "ь": "", "б": "b", "п": "b", "в": "f", "ф": "f", "г": "g", "ґ": "g", "ж": "g",
    "д": "d", "з": "s", "с": "s", "ц": "s", "к": "k", "л": "l", "м": "m", "н": "n", "р": "r",
    "т": "t", "х": "h", "ч": "x", "ш": "x", "щ": "x",
})
# Letters NFKD would strip to a different sound (Çavuşoğlu: ç is "ch", not "c").
_LATIN_SPECIAL = str.maketrans({"ç": "ch", "ş": "sh", "š": "sh", "ž": "zh", "č": "ch", "ı": "i",
                                "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l"})
_LATIN_RULES = [
    (r"x", "ks"), (r"dzh|dj|zh|j", "g"), (r"sch|tch|sh|ch", "x"), (r"kh", "h"), (r"gh", "g"), (r"ph", "f"),
    (r"th", "t"), (r"dh", "d"), (r"ts|tz", "s"), (r"ck|qu|q", "k"), (r"c(?=[eiy])", "s"), (r"c", "k"),
    (r"z", "s"), (r"v", "f"), (r"w", "u"), (r"p", "b"), (r"(?<=[aeiou])h$", ""),
]
_LATIN_RULES_RE = [(re.compile(p), r) for p, r in _LATIN_RULES]
_ARABIC_ARTICLE = re.compile(r"^ال(?=\w\w)")
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|az|an|at)-(?=\w)")
_CYRILLIC_ARTICLE = re.compile(r"^(?:аль|эль|ал|ад|ар|ас|аш|аз|ан|ат)-(?=\w)")     # ар-Рабиа is الربيعة
_WORDS = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")


def _script(word: str) -> str:
    for char in word:
        if "\u0600" <= char <= "\u06ff":
            return "arabic"
        if "\u0400" <= char <= "\u04ff":
            return "cyrillic"
    return "latin"


def _finish(word: str) -> str:
    """Initial vowel -> "a", other vowels dropped, doubled letters collapsed."""
    head = "a" if word.startswith(_VOWEL) else ""
    consonants = re.sub("[^bdfghklmnrstx]", "", word)  # letters with no class (ٮ, ѣ, a stray Latin i) drop
    return re.sub(r"(.)\1+", r"\1", head + consonants)


def _arabic_key(word: str) -> str:
    word = _ARABIC_ARTICLE.sub("", word)
    # و and ي are consonants at the start of a word and vowels elsewhere.
    head = {"و": "w", "ي": "y"}.get(word[:1], "")
    body = word[1:] if head else word
    body = re.sub("ه$", "", body.replace("و", _VOWEL).replace("ي", _VOWEL))
    return head + _finish(body.translate(_ARABIC_MAP))


def _cyrillic_key(word: str) -> str:
    word = _CYRILLIC_ARTICLE.sub("", word.lower()).replace("-", "").replace("дж", "ж")  # Джавад: one sound, ج
    head = "y" if word[:1] in "еёюя" and len(word) > 1 else ""  # Евгений is Yevgeny
    body = word[1:] if head else word
    return head + _finish(body.translate(_CYRILLIC_MAP))


def _latin_key(word: str) -> str:
    word = word.lower().translate(_LATIN_SPECIAL)
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    word = _LATIN_ARTICLE.sub("", word).replace("'", "").replace("-", "")
    head = {"y": "y", "w": "w"}.get(word[:1], "") if word[1:2] in tuple("aeiou") else ""
    body = word[1:] if head else word
    for pattern, replacement in _LATIN_RULES_RE:
        body = pattern.sub(replacement, body)
    body = re.sub("[aeiouy]", _VOWEL, body)
    return head + _finish(re.sub("[^a-z" + _VOWEL + "]", "", body))


# Words that link the parts of a name (son of, family of): never what tells two names apart.
_NAME_LINKS = frozenset("bin ben ibn bint бен бин ибн бинт بن ابن بنت آل ال аль эль al el".split())


_KEYERS = {"arabic": _arabic_key, "cyrillic": _cyrillic_key, "latin": _latin_key}
_PARTICLES = frozenset({"al", "el", "ال"})


# Entity matching compares the same few hundred names over and over when the
# alignment job judges thousands of pairs: memoise the string-level work.
@lru_cache(maxsize=100_000)
def to_latin_key(text: str) -> str:
    """Consonant skeleton of a name, comparable across Arabic, Latin and Cyrillic."""
    text = fold_arabic(unicodedata.normalize("NFKC", text))
    words = [w for w in _WORDS.findall(text) if w.lower() not in _PARTICLES]
    return "".join(_KEYERS[_script(w)](w) for w in words)


@lru_cache(maxsize=100_000)
def _folded(text: str) -> str:
    text = fold_arabic(unicodedata.normalize("NFKC", text)).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_WORDS.findall(text))


def name_similarity(a: str, b: str) -> float:
    """0..100; at or above ``SAME_NAME`` the two strings name the same thing."""
    folded_a, folded_b = _folded(a), _folded(b)
    if not folded_a or not folded_b:
        return 0.0
    if folded_a == folded_b:
        return 100.0
    key_a, key_b = to_latin_key(a), to_latin_key(b)
    skeleton = 100.0 * Levenshtein.normalized_similarity(key_a, key_b) if key_a and key_b else 0.0
    if _script(folded_a) == _script(folded_b):
        return max(skeleton, fuzz.ratio(folded_a, folded_b))
    return skeleton


@lru_cache(maxsize=200_000)
def same_name(a: str, b: str) -> bool:
    """Similar enough, or one is the family name of the other (محمدوف / Stanislav Hajimohammedov)."""
    if name_similarity(a, b) >= SAME_NAME:
        return True
    for short, long in ((a, b), (b, a)):
        words = long.split()
        if len(short.split()) < len(words) and len(to_latin_key(short)) >= 3:
            if any(name_similarity(short, " ".join(words[-k:])) >= SAME_NAME for k in (1, 2)):
                return True
            # A name read one word too long ("خالد الفيصل المعرض"): its first words are the name.
            if len(short.split()) >= 2 and name_similarity(short, " ".join(words[:len(short.split())])) >= SAME_NAME:
                return True
    return False


# Skeletons of one name word that are alike enough to be one word told in two scripts
# (Jesus / جيسوس), looser than SAME_NAME: used where two names must be *told apart*.
SAME_WORD = 75.0


def _name_words(text: str, links: bool = True) -> list[tuple[str, str]]:
    """(word, script) of each word of a name, articles and particles dropped; with ``links=False``
    the words that link its parts too ("bin" is in half the names of the Gulf)."""
    words = _WORDS.findall(fold_arabic(unicodedata.normalize("NFKC", text)))
    return [(w, _script(w)) for w in words if w.lower() not in _PARTICLES and (links or w.lower() not in _NAME_LINKS)]


def name_word_keys(text: str, links: bool = True) -> list[str]:
    """The skeleton of each word of a name (``_name_words``)."""
    keys = [_KEYERS[script](w) for w, script in _name_words(text, links)]
    return [k for k in keys if len(k) >= 2]


def shares_name_word(a: str, b: str, ignore: frozenset[str] = frozenset()) -> bool:
    """Whether two names have a word in common across scripts (skeletons in ``ignore``, such as
    common first names, do not count): Jorge Jesus and «خورخي جيسوس» may be one person even
    where the whole names, transliterated differently, are not ``same_name``."""
    words_b = [k for k in name_word_keys(b, links=False) if k not in ignore]
    return any(100.0 * Levenshtein.normalized_similarity(x, y) >= SAME_WORD
               for x in name_word_keys(a, links=False) if x not in ignore for y in words_b)


# Letters an Arabic word carries before a name: "and", "by/in", "to/for", "as", "so" (والوحدة,
# بجازان, لليستر). Each word of a text is tried with and without them.
_ARABIC_PROCLITICS = re.compile(r"^(?:[وف]?(?:[بلك]|لل)?)(?=\w\w\w)")


def _loose(key: str) -> str:
    """A skeleton with a vowel heard after a word-initial w/y dropped: Latin writes the short
    vowel of "Wehda", Arabic «وحدة» does not."""
    return key[0] + key[2:] if key[:2] in ("wa", "ya") else key


@lru_cache(maxsize=20_000)
def _text_word_keys(text: str) -> frozenset[str]:
    keys: set[str] = set()
    for word in _WORDS.findall(fold_arabic(unicodedata.normalize("NFKC", text))):
        keys |= _word_keys(word)
    return frozenset(keys)


@lru_cache(maxsize=200_000)
def _word_keys(word: str) -> frozenset[str]:
    """A text word's skeletons, with and without the Arabic letters it carries before a name."""
    script = _script(word)
    forms = {word}
    if script == "arabic":
        stripped = _ARABIC_PROCLITICS.sub("", word)
        forms |= {stripped, "ال" + stripped[2:] if stripped.startswith("لل") else stripped}
    return frozenset(key for key in (_loose(_KEYERS[script](form)) for form in forms) if len(key) >= 2)


# A name word's skeleton needs this many letters to be looked for in a text: shorter ones
# ("bn", "al", "mr") match too many words.
NAME_WORD_MIN = 3


@lru_cache(maxsize=20_000)
def _name_word_variants(name: str) -> tuple[frozenset[str], ...]:
    """Each word's skeletons: a Latin word ending in a vowel and "h" may be an Arabic ح
    ("Saleh" is «صالح», "slh", where the key drops the h as in "Abdullah")."""
    variants = []
    for word, script in _name_words(name, links=False):
        key = _loose(_KEYERS[script](word))
        keys = {key}
        if script == "latin" and re.search(r"[aeiou]h$", word.lower()):
            keys.add(key + "h")
        keys = {k for k in keys if len(k) >= NAME_WORD_MIN - 1}
        if keys:
            variants.append(frozenset(keys))
    return tuple(variants)


def _present(key: str, present: frozenset[str], listed: tuple[str, ...]) -> bool:
    if key in present:
        return True
    if len(key) < 5:
        return False        # short skeletons only as written ("xr" for Shura, «الشورى»; one edit is a name apart)
    # One letter apart in a long skeleton is one name (Австралия "afstrl", «أستراليا» "astrl").
    return process.extractOne(key, listed, scorer=Levenshtein.distance, score_cutoff=1) is not None


def named_across(name: str, text: str, ignore: frozenset[str] = frozenset(), *, every: bool = False) -> bool:
    """Whether ``text`` (any script) names ``name`` word by word: at least half of the name's
    words (skeletons of two letters or more), other than those in ``ignore`` (common first
    names), are words of the text, told in any script («ماجد عبدالله» for Majed Abdullah,
    «والوحدة» for Al-Wehda). A name made only of common first names ("Nabil Al Saleh") needs
    all of them. Where the named-entity reader missed or merged the name in the other script
    ("Former Al-Nassr" for «النصر»), this finds it. With ``every``, all the words must be
    there: where two people must be told apart, "Turki bin Khalid" is not «فهد بن خالد»."""
    words = list(_name_word_variants(name))
    telling = [w for w in words if not w & ignore and any(len(k) >= NAME_WORD_MIN for k in w)]
    if not telling:
        telling, every = [w for w in words if any(len(k) >= NAME_WORD_MIN for k in w)], True
    telling += [w for w in words if w not in telling and all(len(k) < NAME_WORD_MIN for k in w) and not w & ignore]
    if not telling:
        return False
    present = _text_word_keys(text)
    listed = tuple(present)
    found = sum(1 for w in telling if any(_present(k, present, listed) for k in w))
    return found == len(telling) if every else 2 * found >= len(telling)
