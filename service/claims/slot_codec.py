"""A sentence's slots as stored text, so that they are read once per sentence, not once per run.

Align reads the slots of every new sentence once (its ``slots`` stage) and
stores them with the sentence; a later night's judging and every ``check``
then take the slots of the stored neighbours from the store instead of
reading the text again, which was most of a one-day increment and of a
check against reports not yet judged in the process.

A payload is JSON: ``{"v": FINGERPRINT, "<slot>": value, ...}`` with each
slot object as the list of its fields. ``FINGERPRINT`` is a hash of the
source of ``service.claims``: a payload written by other extraction code
(another release, an edited word list) is ignored, and read afresh.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import astuple, fields
from pathlib import Path

from service.claims.dates import DateMention, Duration
from service.claims.entities import Entity, Role
from service.claims.lexicon_antonyms import ANTONYM_POLES
from service.claims.lexicons import LexHit
from service.claims.numbers import Quantity
from service.claims.polarity import Cue, PoleHit
from service.claims.slots import ClaimSlots, extract_slots
from service.claims.speakers import Speaker
from service.models import SentenceRecord


def _fingerprint() -> str:
    source = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        source.update(path.name.encode() + b"\0" + path.read_bytes())
    return source.hexdigest()[:16]


FINGERPRINT = _fingerprint()


def _entity(row: list | None) -> Entity | None:
    return None if row is None else Entity(*row)


def _date(row: list) -> DateMention:
    resolved = row[6]
    return DateMention(*row[:6], dt.date.fromisoformat(resolved) if resolved else None, *row[7:])


def _role(row: list) -> Role:
    return Role(_entity(row[0]), *row[1:])


def _speaker(row: list | None) -> Speaker | None:
    return None if row is None else Speaker(*row[:3], _entity(row[3]), *row[4:])


# An antonym cue names word-list entries: stored by their place in the list (the
# fingerprint changes with the list, so a place always means the same entry).
_POLE_AT = {id(pole): i for i, pole in enumerate(ANTONYM_POLES)}


def _pole_row(item: PoleHit) -> list:
    pole, hit, scope = item
    return [_POLE_AT[id(pole)], [_POLE_AT[id(e)] for e in hit.entries], hit.start, hit.end, hit.text, scope]


def _pole(row: list) -> PoleHit:
    pole, entries, start, end, text, scope = row
    return ANTONYM_POLES[pole], LexHit(tuple(ANTONYM_POLES[i] for i in entries), start, end, text), scope


def _row(item) -> list:
    """A slot object's fields as a JSON list (a nested entity as its own list, a date as ISO)."""
    values = []
    for field in fields(item):
        value = getattr(item, field.name)
        if isinstance(value, Entity):
            value = list(astuple(value))
        elif isinstance(value, dt.date):
            value = value.isoformat()
        values.append(value)
    return values


# slot name -> (encode, decode) of its cached value
_SLOTS = {
    "quantities": (lambda v: [_row(q) for q in v], lambda v: tuple(Quantity(*r) for r in v)),
    "dates": (lambda v: [_row(d) for d in v], lambda v: tuple(_date(r) for r in v)),
    "durations": (lambda v: [_row(d) for d in v], lambda v: tuple(Duration(*r) for r in v)),
    "entities": (lambda v: [_row(e) for e in v], lambda v: tuple(Entity(*r) for r in v)),
    "roles": (lambda v: [_row(r) for r in v], lambda v: tuple(_role(r) for r in v)),
    "negated": (bool, bool),
    "negations": (lambda v: [_row(c) for c in v], lambda v: tuple(Cue(*r) for r in v)),
    "hedges": (lambda v: [_row(c) for c in v], lambda v: tuple(Cue(*r) for r in v)),
    "speaker": (lambda v: None if v is None else _row(v), _speaker),
    "poles": (lambda v: [_pole_row(p) for p in v], lambda v: tuple(_pole(r) for r in v)),
}
SLOT_NAMES = tuple(_SLOTS)


def read_all(slots: ClaimSlots) -> ClaimSlots:
    """Every slot of ``slots`` read now (they are otherwise read on first use)."""
    for name in SLOT_NAMES:
        getattr(slots, name)
    return slots


def encode(slots: ClaimSlots) -> str:
    """The slots read so far (all of them after ``read_all``) as a payload."""
    payload = {"v": FINGERPRINT}
    payload.update((name, encode_value(slots.__dict__[name]))
                   for name, (encode_value, _) in _SLOTS.items() if name in slots.__dict__)
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def prime(text: str, reference: dt.date | None, lang: str | None, payload: str | None) -> bool:
    """Put a stored payload's slots into the cached ``extract_slots(text, reference, lang)``.

    Slots the object has already read are kept; a payload from other
    extraction code, or unreadable, is ignored (the slots are then read from
    the text as usual). True when the object now holds every slot.
    """
    return _fill(extract_slots(text, reference, lang), payload)


def record_slots(record: SentenceRecord) -> ClaimSlots:
    """``extract_slots`` of a stored sentence, filled from its stored payload when it carries one.

    Filled on use rather than for a whole chunk up front: a chunk's records
    can outnumber the ``extract_slots`` cache, and a filled object pushed out
    before its pairs are judged would be read from the text again.
    """
    slots = extract_slots(record.sentence, record.published_at, record.language)
    if record.slots:
        _fill(slots, record.slots)
    return slots


def _fill(slots: ClaimSlots, payload: str | None) -> bool:
    cached = slots.__dict__
    if all(name in cached for name in SLOT_NAMES):
        return True                     # read already (this process judged the sentence before)
    if not payload:
        return False
    try:
        stored = json.loads(payload)
        if not isinstance(stored, dict) or stored.get("v") != FINGERPRINT:
            return False
        decoded = {name: _SLOTS[name][1](value) for name, value in stored.items() if name in _SLOTS}
    except (ValueError, TypeError, KeyError, IndexError):
        return False
    # ClaimSlots keeps each slot as a functools.cached_property: its value lives in __dict__.
    for name, value in decoded.items():
        cached.setdefault(name, value)
    return all(name in cached for name in SLOT_NAMES)


def prime_records(records: Iterable[SentenceRecord]) -> None:
    """``record_slots`` for each record now: few enough (a check's candidates) to stay cached until used."""
    for record in records:
        record_slots(record)


def read_payloads(rows: Sequence[tuple[int, str, dt.date | None, str]]) -> list[tuple[int, str]]:
    """(sentence id, payload) for (sentence id, text, published_at, language) rows: every slot read."""
    return [(sentence_id, encode(read_all(ClaimSlots(text, reference, lang))))
            for sentence_id, text, reference, lang in rows]
