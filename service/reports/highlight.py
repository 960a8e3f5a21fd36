"""Where, in each original sentence, the conflicting values are.

A stored reason quotes the value on each side as written ("62 ألف مقاتل",
"يستثني (exclude)", "(affirmed)"): reason ``claim`` comes from side A and
``evidence`` from side B. The quoted value is looked up first among the
sentence's own slots (numbers, dates, durations, negation cues, antonym
cues, names and roles, each with its character offsets), so that the span
is the one the judge read; only when no slot has that exact text is the
value searched for as a whole word. Values that are not in the sentence
("(affirmed)", a role summary naming a body's key) highlight nothing, or
only the parts that are there.
"""

from __future__ import annotations

import datetime as dt
import re

from service.claims.entities import extract_entities, same_entity
from service.claims.lexicon_antonyms import ANTONYM_POLES
from service.claims.lexicons import Lexicon
from service.claims.slots import ClaimSlots, extract_slots

# "يستثني (exclude)": the cue as written, then the pole the judge read.
_POLE_SUFFIX = re.compile(r"^(?P<value>.*?)\s*\((?P<pole>[a-z_]+)\)$")
_ANTONYM_CUES = Lexicon(ANTONYM_POLES)


def split_value(quoted: str) -> tuple[str, str | None]:
    """("يستثني", "exclude") from "يستثني (exclude)"; ("", "affirmed") from "(affirmed)"."""
    match = _POLE_SUFFIX.match(quoted.strip())
    if match:
        return match["value"], match["pole"]
    return quoted.strip(), None


# The slots a reason of each type quotes from (a negation may be a participation antonym: "غاب").
SLOTS_OF_TYPE = {
    "number": ("quantities",), "date": ("dates",), "duration": ("durations",),
    "negation": ("negations", "antonyms"), "scope": ("antonyms",), "stance": ("antonyms",),
    "antonym": ("antonyms",), "entity": ("entities", "roles"), "role": ("roles",),
}
ALL_SLOTS = ("quantities", "dates", "durations", "negations", "entities", "roles", "antonyms")


def slot_spans(slots: ClaimSlots, kinds: tuple[str, ...] = ALL_SLOTS) -> list[tuple[int, int, str]]:
    """The sentence's slots of those kinds with their offsets: the places a reason can point at."""
    spans = []
    for kind in kinds:
        if kind == "roles":
            for role in slots.roles:
                spans.append((role.start, role.end, role.text))
                if role.holder is not None:
                    spans.append((role.holder.start, role.holder.end, role.holder.text))
        elif kind == "antonyms":
            spans += [(hit.start, hit.end, hit.text) for hit in _ANTONYM_CUES.find(slots.text)]
        else:
            spans += [(s.start, s.end, s.text) for s in getattr(slots, kind)]
    return spans


def value_spans(text: str, value: str, slots: ClaimSlots, kinds: tuple[str, ...] = ALL_SLOTS) -> list[tuple[int, int]]:
    """Offsets of ``value`` in ``text``: the slots with exactly that text, else whole-word matches."""
    if not value or value == text:
        return []                  # "(affirmed)", or an NLI reason quoting the whole sentence
    exact = sorted({(start, end) for start, end, slot_text in slot_spans(slots, kinds) if slot_text == value})
    if exact:
        return exact
    pattern = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)")
    return [m.span() for m in pattern.finditer(text)]


def role_spans(text: str, quoted: str, slots: ClaimSlots) -> list[tuple[int, int]]:
    """A role reason quotes "holder role body-key": highlight the holder and the role wording."""
    for role in slots.roles:
        holder = role.holder.text + " " if role.holder else ""
        if quoted.startswith(f"{holder}{role.text}"):
            parts = [(role.start, role.end)]
            if role.holder is not None:
                parts.append((role.holder.start, role.holder.end))
            return sorted(parts)
    return value_spans(text, quoted, slots)


def reason_spans(text: str, reason: dict, side: str, *, published_at: dt.date | None = None,
                 language: str | None = None) -> list[dict]:
    """Highlights for one reason on one side ("a" reads ``claim``, "b" reads ``evidence``)."""
    quoted = reason["claim"] if side == "a" else reason["evidence"]
    slots = extract_slots(text, published_at, language)
    if reason["type"] == "role":
        spans = role_spans(text, quoted, slots)
    else:
        spans = value_spans(text, split_value(quoted)[0], slots, SLOTS_OF_TYPE.get(reason["type"], ALL_SLOTS))
    return [{"start": start, "end": end, "type": reason["type"]} for start, end in spans]


def shared_actor_spans(a_text: str, b_text: str) -> tuple[list[dict], list[dict]]:
    """The actors both sentences name (same entity across spellings and scripts), on each side.

    For a scope, stance or negation conflict the cue alone does not say what
    is in dispute: "يستثني" and "تضم" are about Fateh al-Sham, which both name.
    """
    kinds = ("person", "org", "place")
    a_found = [e for e in extract_entities(a_text) if e.kind in kinds]
    b_found = [e for e in extract_entities(b_text) if e.kind in kinds]
    pairs = [(x, y) for x in a_found for y in b_found if same_entity(x, y)]
    a_spans = sorted({(x.start, x.end) for x, _ in pairs})
    b_spans = sorted({(y.start, y.end) for _, y in pairs})
    return ([{"start": s, "end": e, "type": "shared"} for s, e in a_spans],
            [{"start": s, "end": e, "type": "shared"} for s, e in b_spans])


def side_highlights(text: str, reasons: list[dict], side: str, *, published_at: dt.date | None = None,
                    language: str | None = None, extra: list[dict] = ()) -> list[dict]:
    """All reasons' highlights on one side, then ``extra``, in text order; on overlap the first wins."""
    found = [span for reason in reasons
             for span in reason_spans(text, reason, side, published_at=published_at, language=language)]
    found += list(extra)
    kept: list[dict] = []
    for span in found:
        if not any(span["start"] < k["end"] and k["start"] < span["end"] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s["start"])


def segments(text: str, highlights: list[dict]) -> list[dict]:
    """The text cut at the highlights: [{"text", "mark": reason type or None}], joined = text."""
    out, position = [], 0
    for span in sorted(highlights, key=lambda s: s["start"]):
        start, end = max(span["start"], position), min(span["end"], len(text))
        if start >= end:
            continue
        if start > position:
            out.append({"text": text[position:start], "mark": None})
        out.append({"text": text[start:end], "mark": span["type"]})
        position = end
    if position < len(text):
        out.append({"text": text[position:], "mark": None})
    return out
