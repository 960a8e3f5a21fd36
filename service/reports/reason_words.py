"""A typed reason in words an editor reads without knowing the judge."""

from __future__ import annotations

from service.claims.lexicon_actors import ACTORS
from service.claims.lexicon_places import PLACES
from service.reports.highlight import split_value

# The judge writes a role's body as its gazetteer key: "defence_ministry", "russia".
_BODY_KEYS = frozenset(term.key for term in ACTORS + PLACES)

REASON_LABELS = {
    "number": "Different numbers for the same count",
    "date": "Different dates for the same event",
    "duration": "Different lengths of time",
    "role": "A different role for the same person",
    "entity": "A different person in the same role",
    "negation": "One report affirms what the other denies",
    "scope": "Different scope: who or what the agreement covers",
    "stance": "Opposite stances: support against rejection",
    "antonym": "Opposite wording about the same thing",
    "contradiction": "The language model reads the two as contradicting",
}

# The judge's pole names, as a reader says them.
POLE_WORDS = {
    "include": "includes", "exclude": "excludes", "support": "supports", "oppose": "rejects",
    "attend": "takes part", "boycott": "stays away", "sign": "signed", "refuse_sign": "refused to sign",
    "reduce": "reduces", "increase": "increases", "agree": "agreed", "disagree": "disagreed",
    "holding": "holding", "collapse": "collapsed", "advance": "advanced", "retreat": "retreated",
    "win": "won", "lose": "lost", "confirm": "confirms", "deny": "denies", "affirmed": "affirms it",
}


def label(reason_type: str) -> str:
    return REASON_LABELS.get(reason_type, f"Conflicting {reason_type}")


def _role_value(quoted: str) -> tuple[str, str | None]:
    """"سيرغي شويغو وزير الدفاع defence_ministry" -> the wording, and the body in words."""
    wording, _, body = quoted.rpartition(" ")
    if wording and body in _BODY_KEYS:
        return wording, body.replace("_", " ")
    return quoted, None


def describe(reason: dict) -> dict:
    """The reason plus ``label`` and each side's value and what it says, for the renderers."""
    if reason["type"] == "role":
        (a_value, a_body), (b_value, b_body) = _role_value(reason["claim"]), _role_value(reason["evidence"])
        return {**reason, "label": label("role"), "a_value": a_value, "a_says": a_body,
                "b_value": b_value, "b_says": b_body}
    a_value, a_pole = split_value(reason["claim"])
    b_value, b_pole = split_value(reason["evidence"])
    return {
        **reason,
        "label": label(reason["type"]),
        "a_value": a_value, "a_says": _says(reason["type"], a_value, a_pole),
        "b_value": b_value, "b_says": _says(reason["type"], b_value, b_pole),
    }


def _says(reason_type: str, value: str, pole: str | None) -> str | None:
    if pole:
        return POLE_WORDS.get(pole, pole)
    if reason_type == "negation" and value:
        return "denies"            # the side whose quoted value is the negation cue itself
    return None
