"""Names too common to tell one claim from another: the kingdom, its capital, the king's formula.

``service/data/common_names.json`` counts, over the non-furniture sentences
of some SaudiNewsNet days, how many name each entity key (a gazetteer id or
a name's cross-script skeleton, as ``entities.py`` keys them), for the keys
named by at least ``COMMON_SHARE`` of them (``benchmarks/common_names.py``
makes it). A name that many sentences carry (المملكة, الرياض, «سلمان بن
عبدالعزيز» after خادم الحرمين الشريفين, واس) says which country's news a
sentence is, not which claim: the cross-script link test (``cross_script.py``)
does not count it as a shared fact. Counted once, on the development days,
and shipped: the same file in the night's run and a full re-run, so the two
read every edge alike.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

from service.errors import ConfigError

PATH = Path(__file__).resolve().parents[1] / "data" / "common_names.json"
# Named by one sentence in 300 or more of a day's news: a formula or the day's setting, not a claim's.
COMMON_SHARE = 1 / 300


@lru_cache(maxsize=1)
def common_keys(path: Path = PATH) -> frozenset[str]:
    """The keys named by at least ``COMMON_SHARE`` of the counted sentences."""
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
        total, counts = int(table["sentences"]), table["names"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read the common-names table {path}: {exc}; "
                          "rebuild it with `python benchmarks/common_names.py`") from exc
    return frozenset(key for key, count in counts.items() if count >= COMMON_SHARE * total)


def is_common(key: str) -> bool:
    return key in common_keys()


def count_names(slot_sets, minimum_share: float = COMMON_SHARE / 2) -> dict:
    """The table ``common_keys`` reads, from the slots of the counted sentences (keys at least
    ``minimum_share`` of them name, so that the file stays small and the threshold can move)."""
    counts: Counter[str] = Counter()
    total = 0
    for slots in slot_sets:
        total += 1
        counts.update(slots.entity_keys())
    kept = {key: n for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= minimum_share * total}
    return {"sentences": total, "names": kept}
