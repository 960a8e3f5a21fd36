"""A short label for a claim cluster: its representative sentence.

A cluster is a list of members; a reader scanning a hundred of them needs
one line each saying what the cluster is about. The representative is the
text carried by the most outlets (wire copy counts once per outlet), then the
shortest such text: the plainest statement of the claim.
"""

from __future__ import annotations

from service.pipeline.segment import text_hash

LABEL_CHARS = 100


def representative(members: list[dict]) -> str:
    outlets: dict[str, set[str]] = {}
    first: dict[str, str] = {}
    for member in members:
        key = text_hash(member["sentence"])
        outlets.setdefault(key, set()).add(member["outlet"])
        first.setdefault(key, member["sentence"])
    if not first:
        return ""
    best = min(first, key=lambda key: (-len(outlets[key]), len(first[key]), first[key]))
    return first[best]


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """The text cut at a word boundary within ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut}…"


def with_labels(clusters: list[dict]) -> list[dict]:
    """Each cluster with its ``representative`` sentence and ``label`` (that sentence shortened),
    for the CLI and the API alike."""
    labelled = []
    for cluster in clusters:
        text = representative(cluster["members"])
        labelled.append({**cluster, "representative": text, "label": short_label(text)})
    return labelled
