"""Lines an outlet prints on every page, learned from the corpus itself.

Page furniture differs per site ("يمكنكم التواصل معنا ... واتساب", a footer
disclaimer, a newsletter plug), so a fixed pattern list never covers it; but
furniture repeats across an outlet's pages while its news does not. A line is
flagged for an outlet when, spelling-folded, it was seen in at least
``min_articles`` distinct articles *of that outlet* and it is not prose-like.

- Only same-outlet repetition counts: wire copy (one Reuters paragraph in five
  outlets) is real news, and its cross-outlet repetition is exactly what the
  comparison stage is for.
- Prose-like lines (``prose_words`` words or more and a sentence-ending mark)
  are never flagged, even when repeated: an outlet's stock background
  paragraph ("the war began in April 2023 and has killed ...") is a claim.
- Memory is bounded: lines are stored as 64-bit hashes of (outlet, line) with
  a count, in a table of at most ``max_lines`` entries. When it fills, entries
  with the lowest counts (first 1, then 2, ...) are evicted until it is half
  full, as in lossy counting: one-off prose lines go, templates that recur
  stay. An evicted line that comes back needs a few more articles to qualify.
- An article added twice (same outlet, same folded text) counts once.
- Numbers are part of the line: "سجلت الوزارة 120 إصابة جديدة" in a daily
  report is a new claim each day. Lines whose numbers vary but are furniture
  (view counts, dates, comment counts) are ``clean_text``'s pattern rules.

Typical use: ``add_article`` for every article of a batch, then
``clean_text(..., known_boilerplate=detector.predicate(outlet))``. Not
thread-safe.
"""

from __future__ import annotations

import hashlib
import re
from functools import partial
from typing import Callable

from service.errors import ConfigError
from service.pipeline.normalize import normalize_for_match

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?؟…。]")


def _digest(*parts: str) -> int:
    data = "\x1f".join(parts).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


class RepeatedLineDetector:
    """Counts, per outlet, in how many articles each (normalised) line occurs."""

    def __init__(self, *, min_articles: int = 3, prose_words: int = 20,
                 max_lines: int = 200_000, max_articles: int = 100_000):
        if min_articles < 2 or max_lines < 2 or max_articles < 1:
            raise ConfigError("RepeatedLineDetector needs min_articles >= 2, max_lines >= 2 "
                              "and max_articles >= 1")
        self.min_articles = min_articles
        self.prose_words = prose_words
        self.max_lines = max_lines
        self.max_articles = max_articles
        self._counts: dict[int, int] = {}
        self._articles: dict[int, None] = {}  # insertion-ordered: oldest evicted first

    def __len__(self) -> int:
        """How many line hashes the table holds now (at most ``max_lines``)."""
        return len(self._counts)

    def add_article(self, outlet: str, text: str) -> None:
        outlet_key = normalize_for_match(outlet)
        if not self._first_time(outlet_key, text):
            return
        templates = {normalize_for_match(line) for line in text.splitlines()}
        for template in templates:
            if _WORD.search(template):
                key = _digest(outlet_key, template)
                self._counts[key] = self._counts.get(key, 0) + 1
        if len(self._counts) > self.max_lines:
            self._evict()

    def is_boilerplate(self, outlet: str, line: str) -> bool:
        template = normalize_for_match(line)
        if not _WORD.search(template) or self._is_prose(template):
            return False
        key = _digest(normalize_for_match(outlet), template)
        return self._counts.get(key, 0) >= self.min_articles

    def predicate(self, outlet: str) -> Callable[[str], bool]:
        """``is_boilerplate`` bound to one outlet, for ``clean_text(known_boilerplate=...)``."""
        return partial(self.is_boilerplate, outlet)

    def _is_prose(self, template: str) -> bool:
        return len(_WORD.findall(template)) >= self.prose_words and bool(
            _SENTENCE_END.search(template))

    def _first_time(self, outlet_key: str, text: str) -> bool:
        """Record the article; False when this outlet already sent the same text."""
        key = _digest(outlet_key, normalize_for_match(text))
        if key in self._articles:
            return False
        self._articles[key] = None
        if len(self._articles) > self.max_articles:
            del self._articles[next(iter(self._articles))]
        return True

    def _evict(self) -> None:
        floor = 1
        while len(self._counts) > self.max_lines // 2:
            self._counts = {k: n for k, n in self._counts.items() if n > floor}
            floor += 1
