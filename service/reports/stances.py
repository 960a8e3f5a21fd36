"""Actor stance maps: what each outlet reports a person or body said or did about the truce.

Each stored sentence about the truce is read with ``stance_cues`` (the
rules are there); a report is one (sentence, actor, stance). An actor's map
lists them newest first, per outlet, and flags opposite stances
(supports/rejects, signed/did not sign, took part/stayed away): *changed*
when every report of one side is dated before every report of the other (a
change of stance over time), *disputed* when the dates overlap (outlets
disagree about the same moment).

A name matches an actor mention as the judge matches entities
(``same_entity``: one gazetteer id, or the same name across scripts), and
also when both are unlisted names of two words or more whose skeletons are
one edit apart (Jamil al-Saleh = جميل الصالح: Latin drops the final h that
Arabic writes as ح).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from sqlalchemy.orm import Session

from service.claims.entities import Entity, extract_entities, same_entity
from service.claims.lexicon_actors import ACTORS, SAME_AS
from service.claims.lexicons import fold
from service.claims.transliterate import name_similarity, to_latin_key
from service.errors import InputError
from service.models import SentenceRecord
from service.reports.queries import sentences_between
from service.reports.stance_cues import ACTOR_KINDS, StanceMention, stance_mentions
from service.reports.stance_words import OPPOSED_STANCES, STANCE_WORDS
from service.store.database import Database

LOOSE_NAME = 80.0       # name_similarity of two multi-word unlisted names: one edit in a short skeleton
REPORT_ACTOR_KINDS = ("person", "org")


def parse_actor(name: str) -> Entity:
    """The actor a user typed: the gazetteer's when it knows the name, else the name itself."""
    name = " ".join(name.split())
    if not name:
        raise InputError("give the name of a person or organisation")
    if len(name) > 200:
        raise InputError("an actor name is at most 200 characters")
    found = [e for e in extract_entities(name) if e.kind in ACTOR_KINDS]
    if found:
        return max(found, key=lambda e: e.end - e.start)
    return Entity(0, len(name), name, "person", to_latin_key(name) or fold(name))


def names_match(query: Entity, mention: Entity) -> bool:
    if same_entity(query, mention):
        return True
    if query.known or mention.known or len(query.text.split()) < 2 or len(mention.text.split()) < 2:
        return False
    return name_similarity(query.text, mention.text) >= LOOSE_NAME


def actor_key(entity: Entity) -> str:
    return SAME_AS.get(entity.key, entity.key)


@lru_cache(maxsize=None)
def english_name(key: str) -> str | None:
    """A listed actor's first capitalised Latin alias ("Syrian National Coalition"): the page is in English."""
    for term in ACTORS:
        if term.key == key:
            aliases = (a.strip("=+-~* ") for a in term.aliases.split("|"))
            return next((a for a in aliases if a.isascii() and a[:1].isupper() and len(a) > 3), None)
    return None


def display_name(entity: Entity, names: Counter) -> str:
    return (entity.known and english_name(actor_key(entity))) or names.most_common(1)[0][0]


def stance_reports(session: Session, since: dt.date | None = None,
                   until: dt.date | None = None) -> Iterator[tuple[SentenceRecord, StanceMention]]:
    """Every (sentence, actor stance) in the window."""
    for record in sentences_between(session, since, until):
        for mention in stance_mentions(record.sentence):
            yield record, mention


def report_json(record: SentenceRecord, mention: StanceMention) -> dict:
    actor, cue = mention.actor, mention.cue
    return {
        **record.to_json(), "title": record.title,
        "actor_text": actor.text, "stance": cue.stance, "stance_words": STANCE_WORDS[cue.stance],
        "cue": cue.text, "negated": cue.negated,
        "highlights": sorted([{"start": actor.start, "end": actor.end, "type": "actor"},
                              {"start": cue.start, "end": cue.end, "type": "stance"}],
                             key=lambda span: span["start"]),
    }


def _newest_first(report: dict) -> tuple:
    return (report["published_at"] or "", -report["sentence_id"])


def by_outlet(reports: list[dict]) -> list[dict]:
    outlets: dict[str, list[dict]] = {}
    for report in reports:
        outlets.setdefault(report["outlet"], []).append(report)
    rows = []
    for outlet, items in sorted(outlets.items()):
        dates = sorted(r["published_at"] for r in items if r["published_at"])
        stances = list(dict.fromkeys(r["stance"] for r in sorted(items, key=_newest_first)))
        rows.append({"outlet": outlet, "stances": stances, "reports": len(items),
                     "first": dates[0] if dates else None, "last": dates[-1] if dates else None})
    return rows


def conflicts(reports: list[dict]) -> list[dict]:
    """Opposite stances of one actor: changed over time, or disputed (see the module notes)."""
    found = []
    for x, y in OPPOSED_STANCES:
        side_x = [r for r in reports if r["stance"] == x]
        side_y = [r for r in reports if r["stance"] == y]
        if not side_x or not side_y:
            continue
        dates_x = [r["published_at"] for r in side_x]
        dates_y = [r["published_at"] for r in side_y]
        kind, order = "disputed", (x, y)
        if None not in dates_x + dates_y and max(dates_x) < min(dates_y):
            kind = "changed"
        elif None not in dates_x + dates_y and max(dates_y) < min(dates_x):
            kind, order = "changed", (y, x)
        found.append({"kind": kind, "stances": list(order),
                      "outlets": {s: sorted({r["outlet"] for r in reports if r["stance"] == s}) for s in order}})
    return found


def stance_map(name: str, actor: dict, reports: list[dict]) -> dict:
    reports = sorted(reports, key=_newest_first, reverse=True)
    found = conflicts(reports)
    status = ("disputed" if any(c["kind"] == "disputed" for c in found)
              else "changed" if found else "consistent" if reports else "unreported")
    return {
        "name": name, "actor": actor, "status": status, "conflicts": found,
        "stances": dict(Counter(r["stance"] for r in reports)),
        "outlets": by_outlet(reports), "reports": reports,
    }


def stances_for(db: Database, name: str, *, since: dt.date | None = None, until: dt.date | None = None) -> dict:
    """The stance map of one person or organisation, named in any script.

    An actor no stored sentence reports a stance of gets a map with
    status "unreported" and empty lists; an empty name is an ``InputError``.
    """
    query = parse_actor(name)
    with db.session() as session:
        reports = [report_json(record, mention) for record, mention in stance_reports(session, since, until)
                   if names_match(query, mention.actor)]
    actor = {"text": query.text, "kind": query.kind, "key": actor_key(query), "known": query.known,
             "names": sorted({r["actor_text"] for r in reports})}
    return stance_map(name.strip(), actor, reports)


def actor_stance_maps(session: Session, since: dt.date | None = None, until: dt.date | None = None,
                      limit: int = 12) -> list[dict]:
    """The report's actors: people and bodies with reported stances, disputed and changed ones first."""
    grouped: dict[str, list[tuple[Entity, dict]]] = {}
    for record, mention in stance_reports(session, since, until):
        if mention.actor.kind in REPORT_ACTOR_KINDS:
            grouped.setdefault(actor_key(mention.actor), []).append((mention.actor, report_json(record, mention)))
    maps = []
    for key, items in grouped.items():
        names = Counter(entity.text for entity, _ in items)
        entity = items[0][0]
        actor = {"text": display_name(entity, names), "kind": entity.kind, "key": key,
                 "known": entity.known, "names": sorted(names)}
        maps.append(stance_map(actor["text"], actor, [report for _, report in items]))
    rank = {"disputed": 0, "changed": 1, "consistent": 2}
    maps.sort(key=lambda m: (rank[m["status"]], -len(m["outlets"]), -len(m["reports"]), m["name"]))
    return maps[:limit]
