"""Wire copy in check's lists: one item per distinct text, with every outlet that carried it.

An agency report republished by five outlets is one report, not five: the
store counts agreement once per source (``independent_sources``), and a
list of evidence shows the same. Two sentences are copies when their
spelling-folded texts are equal (``text_hash``, the identity the store
keeps one vector per); copies then share a vector, so they score the same.
"""

from __future__ import annotations

from service.models import Evidence
from service.pipeline.segment import text_hash


def copy_key(item: Evidence) -> str:
    return text_hash(item.record.sentence)


def group_copies(evidence: list[Evidence]) -> list[list[Evidence]]:
    """Evidence grouped by text, in the order of each text's best item (the list is best first)."""
    groups: dict[str, list[Evidence]] = {}
    for item in evidence:
        groups.setdefault(copy_key(item), []).append(item)
    return list(groups.values())


def grouped_json(copies: list[Evidence], first: dict) -> dict:
    """``first`` (the JSON of the group's best item) with the copies and their outlets.

    The earliest copy is listed first: it is the likeliest to be the source.
    """
    ordered = sorted(copies, key=lambda c: (c.record.published_at is None, c.record.published_at or 0,
                                            c.record.outlet))
    outlets = list(dict.fromkeys(c.record.outlet for c in ordered))
    return {**first, "copies": [c.record.source_json() for c in ordered], "outlets": outlets, "copy_count": len(copies)}
