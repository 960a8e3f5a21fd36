"""People, organisations, places and roles named in a sentence, in any script.

Known actors come from the gazetteer (``lexicon_places``, ``lexicon_actors``),
keyed by a canonical id so that بوتين, Putin and Путина agree. Unknown names
are found by pattern: in Arabic (no capital letters) after a title
(الرائد X, وزير الخارجية الفرنسي X), from a common first name (أحمد رمضان),
or just before an apposition title (X نائب رئيس ...); in Latin and Cyrillic
script as runs of capitalised words; quoted group names («جيش العزة») when a
word like جيش or حركة says they are organisations. Unknown names are keyed by
their cross-script skeleton (``transliterate.to_latin_key``).

Roles ("X will represent the defence ministry", "سيمثل وزارة الدفاع",
"وزير الدفاع سيرغي شويغو") tie a holder to a role and, when named, a body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.claims.lexicon_actors import ACTORS, SAME_AS
from service.claims.lexicon_cues import (ARABIC_ORG_CUES, ARABIC_ORG_HEADS, ARABIC_STOPWORDS,
                                         CAPITALISED_STOPWORDS, ORG_WORDS)
from service.claims.lexicon_places import PLACES
from service.claims.lexicon_roles import (EXCLUSIVE_ROLES, FIRST_NAMES, LATIN_NAME_PARTICLES, NAME_JOINERS,
                                          ROLE_CUES, TITLE_GAP_WORDS, TITLES, RoleCue)
from service.claims.lexicons import ARABIC, LexHit, Lexicon, Token, fold, tokens
from service.claims.transliterate import same_name, to_latin_key


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    kind: str  # person | org | place | role
    key: str  # gazetteer id when known, else the name's skeleton
    known: bool = False  # True when the key comes from the gazetteer


@dataclass(frozen=True)
class Role:
    holder: Entity | None
    role_key: str  # represent, minister, head, spokesperson, envoy, ...
    org_key: str | None
    text: str  # the role wording itself, as written
    start: int
    end: int


_GAZETTEER = Lexicon(PLACES + ACTORS)
_ROLE_WORDS = Lexicon(ROLE_CUES + TITLES)
_ARABIC_GAP = re.compile(r"[\s\"'«»“”]*")
_LATIN_GAP = re.compile(r"[\s\-'’]*")
_QUOTE = re.compile("[\"«»“”]")
_SENTENCE_END = re.compile(r"[.!?؟؛;\n]")
_ADJACENT = re.compile(r"[\s,،\"«»“”]*")
_CLAUSE_OPENER = re.compile(r"(?<!\w)(?:[أإا]ن(?:ه|ها|هم)?|ب[أا]ن|that|que|qu'|что)(?!\w)")
_WORD = re.compile(r"\w+")


def _overlaps(a: LexHit | Entity | Token, spans: list) -> bool:
    return any(s.start < a.end and a.start < s.end for s in spans)


def _arabic_name_word(tok: Token, blocked: list, first: bool) -> bool:
    w = tok.lower
    if not ARABIC.match(w) or w in ARABIC_STOPWORDS or len(w) < 2 or _overlaps(tok, blocked):
        return False
    if w.endswith(("ها", "هم")) and w not in FIRST_NAMES:  # عقدها: a verb or noun with a pronoun
        return False
    if not first:
        return not w.startswith("و")
    # لحركة, بمنظمة, وخالد: a clitic on a body's name or on a first name is not a name start.
    clitic_name = w[1:] in ARABIC_ORG_CUES or w[:1] == "و" and w[1:] in FIRST_NAMES
    return not (w.startswith("ال") or w in ARABIC_ORG_CUES or clitic_name)


def _collect(toks: list[Token], i: int, text: str, blocked: list) -> int:
    """Index after the Arabic name that starts at token i (i itself if none)."""
    j, words = i, 0
    while j < len(toks) and words < 3:
        tok = toks[j]
        if j > i and not _ARABIC_GAP.fullmatch(text[toks[j - 1].end:tok.start]):
            break
        if not _arabic_name_word(tok, blocked, first=j == i):
            break
        family = j > i and tok.lower.startswith("ال") and toks[j - 1].lower not in NAME_JOINERS
        if family and words > 1:  # عبد الحكيم بشار | المجتمع: a noun phrase follows the name
            break
        j += 1
        words += tok.lower not in NAME_JOINERS  # عبد الحكيم is one name word
        if family:
            break  # جميل الصالح: a family name with the article ends the name
    return j


def _person(text: str, toks: list[Token], i: int, j: int, start: int | None = None) -> Entity:
    start = toks[i].start if start is None else start
    name = text[start:toks[j - 1].end]
    return Entity(start, toks[j - 1].end, name, "person", to_latin_key(name) or fold(name))


def _after_title(text: str, toks: list[Token], hit: LexHit, blocked: list, known: list) -> Entity | None:
    """الرائد جميل الصالح; وزير الخارجية الفرنسي جان مارك أيرولت (adjectives and bodies skipped)."""
    i = next((k for k, t in enumerate(toks) if t.start >= hit.end), len(toks))
    for _ in range(3):
        j = _collect(toks, i, text, blocked)
        if j - i >= 2 or j > i and toks[i].lower in FIRST_NAMES:
            return _person(text, toks, i, j)
        inside = [k for k in known if k.start <= toks[i].start < k.end] if i < len(toks) else []
        if j > i or not inside and not (i < len(toks) and toks[i].lower.startswith("ال")):
            return None
        i = next((k for k, t in enumerate(toks) if t.start >= inside[0].end), len(toks)) if inside else i + 1
    return None


def _before_title(text: str, toks: list[Token], hit: LexHit, blocked: list) -> Entity | None:
    """An apposition name before an indefinite title: أن ستانيسلاف حاجي محمدوف نائب رئيس ..."""
    end = next((k for k, t in enumerate(toks) if t.end > hit.start), len(toks))
    i = end
    while i > 0 and end - i < 3 and _arabic_name_word(toks[i - 1], blocked, first=False):
        if not _ARABIC_GAP.fullmatch(text[toks[i - 1].end:toks[i].start if i < end else hit.start]):
            break
        i -= 1
    while i < end and not _arabic_name_word(toks[i], blocked, first=True):
        i += 1
    # Without a boundary in front, the words may be the tail of a longer phrase.
    bounded = i == 0 or toks[i - 1].lower in ARABIC_STOPWORDS or _overlaps(toks[i - 1], blocked) \
        or not _ARABIC_GAP.fullmatch(text[toks[i - 1].end:toks[i].start])
    return _person(text, toks, i, end) if end - i >= 2 and bounded else None


def _arabic_names(text: str, toks: list[Token], cues: list[LexHit], blocked: list, known: list) -> list[Entity]:
    found: list[Entity | None] = []
    for hit in cues:
        role = hit.entry if isinstance(hit.entry, RoleCue) else None
        if not ARABIC.search(hit.text) or role is not None and role.place != "title":
            continue
        found.append(_after_title(text, toks, hit, blocked, known))
        if role is not None and not fold(hit.text).startswith("ال"):
            found.append(_before_title(text, toks, hit, blocked))
    for i, tok in enumerate(toks):
        conj = int(tok.lower[:1] == "و" and tok.lower not in FIRST_NAMES and tok.lower[1:] in FIRST_NAMES)
        if (tok.lower in FIRST_NAMES or conj) and not _overlaps(tok, blocked):
            head = Token(tok.start + conj, tok.end, tok.word[conj:], tok.lower[conj:])  # وخالد -> خالد
            j = _collect([head] + toks[i + 1:], 0, text, blocked) + i
            found.append(_person(text, toks, i, j, head.start) if j - i >= 2 else None)
    return [f for f in found if f is not None]


def _capitalised_names(text: str, toks: list[Token], cues: list[LexHit], blocked: list) -> list[Entity]:
    """Runs of capitalised Latin/Cyrillic words; one word only right after a title."""
    found: list[Entity] = []
    run: list[Token] = []
    for tok in toks + [Token(len(text) + 1, len(text) + 1, "", "")]:
        capital = tok.word[:1].isupper() and not ARABIC.match(tok.word) and tok.lower not in CAPITALISED_STOPWORDS
        if run and _LATIN_GAP.fullmatch(text[run[-1].end:tok.start]) and (capital or tok.lower in LATIN_NAME_PARTICLES) \
                and not _overlaps(tok, blocked):
            run.append(tok)
            continue
        while run and run[-1].lower in LATIN_NAME_PARTICLES:
            run.pop()
        if len(run) >= 2 or run and any(0 <= run[0].start - c.end <= 2 for c in cues):
            kind = "org" if any(t.lower in ORG_WORDS for t in run) else "person"
            name = text[run[0].start:run[-1].end]
            found.append(Entity(run[0].start, run[-1].end, name, kind, to_latin_key(name) or fold(name)))
        run = [tok] if capital and not _overlaps(tok, blocked) else []
    return found


def _quoted_orgs(text: str) -> list[Entity]:
    """«جيش العزة», صحيفة "الحياة": quoted names that a head word or cue marks as bodies."""
    found, marks = [], [m.start() for m in _QUOTE.finditer(text)]
    for left, right in zip(marks, marks[1:]):
        inner = text[left + 1:right].strip()
        words = fold(inner).split()
        before = (fold(text[max(0, left - 30):left]).split() or [""])[-1]
        cued = before in ARABIC_ORG_CUES or before[1:] in ARABIC_ORG_CUES  # لحركة "نور الدين الزنكي"
        if 1 <= len(words) <= 4 and (words[0] in ARABIC_ORG_HEADS or cued):
            start = text.index(inner, left)
            found.append(Entity(start, start + len(inner), inner, "org", to_latin_key(inner) or fold(inner)))
    return found


def _merge(text: str, known: list[Entity], patterns: list[Entity]) -> list[Entity]:
    """Known entities win; patterns come in priority order (titles before first names)."""
    out = list(known)
    for entity in patterns:
        inner = [k for k in out if k.kind == "person" and k.known and entity.start <= k.start < entity.end]
        if inner:  # "Sergei Lavrov" around a known "Lavrov": keep the key, widen to the left only
            out.remove(inner[0])
            out.append(Entity(entity.start, inner[0].end, text[entity.start:inner[0].end], "person", inner[0].key, True))
        elif not _overlaps(entity, out):
            out.append(entity)
    return sorted(out, key=lambda e: (e.start, e.end))


def extract_entities(text: str, lang: str | None = None) -> list[Entity]:
    """Entities in text order; ``lang`` is accepted for symmetry, the script decides."""
    return list(_entities(text))


@lru_cache(maxsize=1024)  # roles and speakers ask again for the same sentence
def _entities(text: str) -> tuple[Entity, ...]:
    hits, cues = _GAZETTEER.find(text), _ROLE_WORDS.find(text)
    known = [Entity(h.start, h.end, h.text, h.entry.kind, h.entry.key, True) for h in hits]
    known += [Entity(h.start, h.end, h.text, "role", h.entry.key, True) for h in cues if isinstance(h.entry, RoleCue)]
    blocked = [h for h in hits if h.entry.kind != "person"] + cues
    toks = tokens(text)
    patterns = _arabic_names(text, toks, cues, blocked, known) + _capitalised_names(text, toks, cues, blocked)
    return tuple(_merge(text, known, patterns + _quoted_orgs(text)))


def _same_sentence(text: str, a: int, b: int) -> bool:
    return not _SENTENCE_END.search(text, min(a, b), max(a, b))


def _bridged(text: str, a: int, b: int, entities: list[Entity]) -> bool:
    """Only names, ال-adjectives and small words between a and b (وزير الخارجية الروسي X)."""
    if not _same_sentence(text, a, b):
        return False
    gap = list(text[a:b])
    for e in entities:                  # names in the gap are blanked out
        gap[max(e.start, a) - a:max(min(e.end, b), a) - a] = " " * max(0, min(e.end, b) - max(e.start, a))
    words = _WORD.findall(fold("".join(gap)))
    return len(words) <= 3 and all(w.startswith("ال") or w in TITLE_GAP_WORDS for w in words)


def _holder(text: str, hit: LexHit, cue: RoleCue, entities: list[Entity]) -> Entity | None:
    """Titles look beside them (X، رئيس / الرئيس X), verbs at their subject; يترأسه X looks right."""
    people = [e for e in entities if e.kind == "person"]
    adjacent = [p for p in people if p.end <= hit.start and _ADJACENT.fullmatch(text[p.end:hit.start])]
    right = next(([p] for p in people if p.start >= hit.end and _bridged(text, hit.end, p.start, entities)), [])
    left = [p for p in people if p.end <= hit.start and _same_sentence(text, p.end, hit.start)
            and not _CLAUSE_OPENER.search(text, p.end, hit.start)][-1:]  # not across "that": أن مجموعات تمثل
    pronoun = ARABIC.search(hit.text) and fold(hit.text).endswith(("ه", "ها"))  # يترأسه: "heads it"
    order = {"title": (adjacent, right), "verb": (right, left) if pronoun else (left, right)}.get(cue.place, ())
    return next((group[0] for group in order if group), None)


def _org(text: str, hit: LexHit, cue: RoleCue, entities: list[Entity], stop: int) -> str | None:
    """The body named by the wording, else the nearest body or place after it, before ``stop``."""
    if cue.org:
        return cue.org
    window = [e for e in entities if e.kind in ("org", "place") and hit.end <= e.start < min(stop, hit.end + 60)
              and _same_sentence(text, hit.end, e.start)]
    if len(window) > 1 and window[0].kind == "place" and window[1].kind == "org" \
            and window[1].start - window[0].end <= 3:
        return window[1].key  # "the Russian defence ministry"
    if window:
        return window[0].key
    left = [e for e in entities if e.kind == "org" and 0 <= hit.start - e.end <= 2]  # "Pentagon spokesman"
    return left[0].key if left else None


def extract_roles(text: str, lang: str | None = None) -> list[Role]:
    """Every role wording in the text, with its holder and body when they can be found."""
    hits = [h for h in _ROLE_WORDS.find(text) if isinstance(h.entry, RoleCue)]
    if not hits:
        return []                 # most sentences name no role: no need to find their names
    entities = extract_entities(text, lang)
    roles = []
    for n, hit in enumerate(hits):
        holder = _holder(text, hit, hit.entry, entities)
        stop = min([h.start for h in hits[n + 1:]] + [len(text)])  # the next role wording owns what follows
        if holder is not None and holder.start >= hit.end:
            stop = min(stop, holder.start)
        org = _org(text, hit, hit.entry, entities, stop)
        roles.append(Role(holder, hit.entry.role, org, hit.text, hit.start, hit.end))
    return roles


@lru_cache(maxsize=None)
def _aliases(key: str) -> tuple[str, ...]:
    terms = [t for t in PLACES + ACTORS + ROLE_CUES if t.key == key]
    return tuple(a.strip("=+-~* ") for t in terms for a in t.aliases.split("|") if a.strip("=+-~* "))


def same_entity(a: Entity, b: Entity) -> bool:
    """Same gazetteer id, or names that match across spellings and scripts."""
    if (a.kind == "role") != (b.kind == "role"):
        return False
    if a.known and b.known:
        return SAME_AS.get(a.key, a.key) == SAME_AS.get(b.key, b.key)
    if a.known or b.known:
        known, other = (a, b) if a.known else (b, a)
        return any(same_name(alias, other.text) for alias in _aliases(known.key) + (known.text,))
    return same_name(a.text, b.text)


def roles_conflict(a: Role, b: Role) -> bool:
    """Same holder, same one-body-at-a-time role, different bodies (defence vs foreign ministry)."""
    if a.role_key != b.role_key or a.role_key not in EXCLUSIVE_ROLES:
        return False
    if a.holder is None or b.holder is None or not a.org_key or not b.org_key:
        return False
    different_bodies = SAME_AS.get(a.org_key, a.org_key) != SAME_AS.get(b.org_key, b.org_key)
    return different_bodies and same_entity(a.holder, b.holder)
