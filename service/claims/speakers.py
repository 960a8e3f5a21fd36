"""Who a sentence says is speaking: "وقال علوش إن ...", "according to Reuters", "Lavrov said".

Arabic reporting verbs come first and their subject follows (وأكد مصدر عسكري
في الجيش السوري الحر لـ"أورينت نت" أن ...); the subject runs until أن/إن, a
time word, the outlet it was said to (لـ, لوكالة), "في تصريح/بيان" or
punctuation. When a verb's subject passes the words on from someone else
("نقلت وكالة X عن Y قوله", "أكدت وكالة X عن مصادر ..."), the speaker is the
one quoted, Y. Attribution phrases (بحسب X, حسبما صرح X, according to X,
selon X, по словам X) name the speaker after them. In English, French and
Russian the subject precedes the verb ("X said", "X a déclaré", "X заявил")
or, after a quotation, follows it (", said X", "— заявил X").

When a sentence has several, the cue that comes first wins: it usually
governs the rest ("بحسب مصادر ... التي أكدت ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.claims.entities import Entity, extract_entities
from service.claims.lexicon_cues import ARABIC_ORG_CUES, ARABIC_STOPWORDS, HEDGES, SPEECH_VERBS
from service.claims.lexicons import ARABIC, LexHit, Lexicon, Token, fold_with_offsets, folded_words, tokens


@dataclass(frozen=True)
class Speaker:
    text: str
    start: int
    end: int
    entity: Entity | None  # the person or body the phrase names, when recognised
    cue: str = ""  # the reporting word or phrase: قال, بحسب, according to, said


_VERBS = Lexicon(SPEECH_VERBS)
_ATTRIBUTION = Lexicon([h for h in HEDGES if h.key == "attribution"])
# Inside an Arabic subject: في (مصدر في الجيش), من, and the article-less words.
_AR_STOP = ARABIC_STOPWORDS - folded_words("في فى من")
_STATEMENT = folded_words("تصريح تصريحات بيان بيانها بيانه حديث مؤتمر مقابلة اتصال رسالة كلمة")
_OUTLET = folded_words("وكالة صحيفة قناة موقع ـ")
_SOURCE_WORDS = folded_words("مصدر مصادر مسؤول مسؤولين مسؤولون المتحدث الناطق المتحدثة الناطقة")
_LATIN_BOUNDARY = frozenset("""that and but which who when while as after because if since though
    que qui et mais car lorsque что и но а как если когда""".split())
_LATIN_AUX = frozenset("has have had was were is are also later earlier previously already a ont avait avaient aurait "
                       "est sont été il elle".split())
_PRONOUNS = frozenset("he she it they we i you il elle ils elles nous on он она оно они мы я".split())
_GAP = re.compile(r"[\s\"'«»“”]*")
_QUOTE = re.compile("[\"«»“”]")
_APPOSITION = re.compile(r"\s*[،,]\s*")
_INVERSION = re.compile(r"[,\"”»—–-]\s*$")  # '"...," said X' / '— заявил X'



def _index_after(toks: list[Token], pos: int) -> int:
    return next((i for i, t in enumerate(toks) if t.start >= pos), len(toks))


def _arabic_np(text: str, toks: list[Token], i: int, verbs: list[LexHit], ents: list) -> tuple[int, int] | None:
    """Span of the Arabic noun phrase starting at token i (see the module notes)."""
    j, quoted = i, False
    while j < len(toks) and j - i < 8:
        tok = toks[j]
        gap = text[toks[j - 1].end if j > i else tok.start:tok.start]
        if gap and not _GAP.fullmatch(gap) or tok.lower in _AR_STOP or any(v.start <= tok.start < v.end for v in verbs):
            break
        if _QUOTE.search(gap):  # a quote opens a quotation, or closes a quoted name (وكالة "سبوتنيك" الروسية)
            opens_name = toks[j - 1].lower in ARABIC_ORG_CUES and not quoted
            if not (opens_name or quoted and tok.lower.startswith("ال") and tok.lower.endswith(("ي", "يه"))):
                break
            quoted = opens_name
        if tok.lower in ("في", "فى") and j + 1 < len(toks) and toks[j + 1].lower in _STATEMENT:
            break
        outlet = tok.lower[:1] == "ل" and (tok.lower[1:] in _OUTLET or any(e.start == tok.start + 1 for e in ents))
        if tok.lower == "ل" or outlet and j > i:  # لـ"أورينت نت", لوكالة, لرويترز
            break
        j += 1
    if j == i:
        return None
    start, end = _trim(toks[i].start, toks[j - 1].end, ents)
    named = [e for e in ents if e.kind == "person" and _APPOSITION.fullmatch(text[end:e.start])]
    return (start, named[0].end) if named and not any(start <= e.start < end and e.kind == "person" for e in ents) \
        else (start, end)  # رئيس الدائرة الإعلامية في الائتلاف، أحمد رمضان، ...


def _trim(start: int, end: int, ents: list[Entity]) -> tuple[int, int]:
    """End at the first person named, else at the last body: وزير الخارجية سيرغي لافروف | بدء ..."""
    inside = [e for e in ents if start <= e.start and e.end <= end]
    people = [e for e in inside if e.kind == "person"]
    if people:
        return start, people[0].end
    return (start, max(e.end for e in inside)) if inside else (start, end)


def _quoted_source(text: str, toks: list[Token], end: int, verbs: list[LexHit], ents: list) -> tuple | None:
    """"... عن مصادر في الوفد الروسي": the one a reporter quotes, soon after عن."""
    k = _index_after(toks, end)
    for k in range(k, min(k + 3, len(toks) - 1)):
        if toks[k].lower == "عن":
            nxt = toks[k + 1]
            if nxt.lower in _SOURCE_WORDS or any(e.start == nxt.start for e in ents):
                return _arabic_np(text, toks, k + 1, verbs, ents)
            return None
        if toks[k].lower in _AR_STOP:
            return None
    return None


def _arabic_speaker(text: str, toks: list[Token], hit: LexHit, verbs: list[LexHit], ents: list) -> tuple | None:
    start = _index_after(toks, hit.end)
    if start < len(toks) and toks[start].lower == "ما":  # بحسب ما صرح X
        start += 1
    follow = next((v for v in verbs if start < len(toks) and v.start == toks[start].start), None)
    if follow is not None:  # حسبما صرح X: the speaker follows the verb
        start = _index_after(toks, follow.end)
    clitic = 0
    if start < len(toks) and toks[start].lower[:1] == "ل" and fold_with_offsets(hit.text).text == "وفقا":
        clitic = 2 if toks[start].lower[:2] == "لل" else 1  # وفقا للمرصد: the speaker is المرصد
        tok = toks[start]
        toks = toks[:start] + [Token(tok.start + clitic, tok.end, tok.word[clitic:], tok.lower[clitic:])] + toks[start + 1:]
    span = _arabic_np(text, toks, start, verbs, ents)
    if span is None:
        return None
    return _quoted_source(text, toks, span[1], verbs, ents) or span


def _latin_before(text: str, toks: list[Token], hit: LexHit) -> tuple[int, int] | None:
    i = _index_after(toks, hit.start)
    j = i
    while j > 0 and i - j < 8 and toks[j - 1].lower not in _LATIN_BOUNDARY:
        if not re.fullmatch(r"[\s\-'’]*", text[toks[j - 1].end:toks[j].start if j < i else hit.start]):
            break
        j -= 1
    while i > j and toks[i - 1].lower in _LATIN_AUX:
        i -= 1
    if i == j or toks[j].lower in _PRONOUNS:
        return None
    return toks[j].start, toks[i - 1].end


def _latin_after(text: str, toks: list[Token], pos: int, limit: int = 6) -> tuple[int, int] | None:
    i = j = _index_after(toks, pos)
    while j < len(toks) and j - i < limit and toks[j].lower not in _LATIN_BOUNDARY:
        if not re.fullmatch(r"[\s\-'’]*", text[toks[j - 1].end if j > i else pos:toks[j].start]):
            break
        j += 1
    if j == i or toks[i].lower in _PRONOUNS:
        return None
    return toks[i].start, toks[j - 1].end


def _before_verb(text: str, toks: list[Token], hit: LexHit) -> str:
    """Text before the verb and its auxiliary (", a déclaré X" looks past "a")."""
    i = _index_after(toks, hit.start)
    while i > 0 and toks[i - 1].lower in _LATIN_AUX:
        i -= 1
    return text[:toks[i].start] if i < len(toks) else text[:hit.start]


def _candidates(text: str, ents: list[Entity], attributions: list[LexHit],
                verbs: list[LexHit]) -> list[tuple[LexHit, tuple[int, int]]]:
    toks = tokens(text)
    found = []
    for hit in attributions:
        span = _arabic_speaker(text, toks, hit, verbs, ents) if ARABIC.search(hit.text) \
            else _latin_after(text, toks, hit.end)
        found.append((hit, span))
    for hit in verbs:
        if ARABIC.search(hit.text):
            span = _arabic_speaker(text, toks, hit, verbs, ents)
        else:
            span = _latin_before(text, toks, hit)
            if span is None and _INVERSION.search(_before_verb(text, toks, hit)):
                span = _latin_after(text, toks, hit.end, limit=4)
        found.append((hit, span))
    return sorted([(h, s) for h, s in found if s is not None], key=lambda f: f[0].start)


def extract_speaker(text: str, lang: str | None = None) -> Speaker | None:
    """The speaker the sentence attributes its content to, or None."""
    attributions, verbs = _ATTRIBUTION.find(text), _VERBS.find(text)
    if not attributions and not verbs:
        return None               # nothing attributes the sentence: no need to find its names
    entities = extract_entities(text, lang)
    found = _candidates(text, entities, attributions, verbs)
    if not found:
        return None
    hit, (start, end) = found[0]
    inside = [e for e in entities if start <= e.start and e.end <= end and e.kind != "role"]
    inside.sort(key=lambda e: (e.kind != "person", e.kind != "org", e.start))
    return Speaker(text[start:end], start, end, inside[0] if inside else None, hit.text)
