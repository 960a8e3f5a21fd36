"""Furniture at corpus level: lines an outlet repeats across its articles, and markup.

The per-article cleaner (``clean.py``) and the per-batch detector
(``boilerplate_lines.py``) keep what they cannot see from one page or one
batch: a columnist's SMS footer ("أرسل كود 159 ثم الرسالة" under every
column, the code changing by columnist), an outlet's "link to the story at
..." line, stylesheet text that leaked into the body ("no-repeat"). Across
the whole store they stand out: the same line, its figures masked, in many
articles of one outlet. Such a sentence is not a claim: it stays in the
store for display and is never judged, linked, clustered or flagged.

- Only one outlet's repetition counts: wire copy in five outlets is news.
- Figures are masked, so a footer whose code or count
  changes is still one line; a line that repeats with its figures masked
  must also be short (not prose), because a market report's "the index
  closed at N points" sentence is a new claim each day and often long.
- Exactly repeated lines need no length rule: the same sentence, figures
  and all, in MIN_ARTICLES articles of one outlet on two days or more is an
  outlet's stock line, not a report of the day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from service.pipeline.normalize import normalize_for_match

MIN_ARTICLES = 4
PROSE_WORDS = 20
_DIGITS = re.compile(r"\d+(?:[.,،٫]\d+)*")
_WORD = re.compile(r"\w+")
# Stylesheet, script and markup that leaked into the text of a page.
_MARKUP = re.compile(
    r"\b[a-z-]+\s*:\s*[^;:{}]{1,60};|no-repeat|!important|\{[^{}]*[:;][^{}]*\}|\b(?:px|em|rgba?)\b\s*[;)]|#[0-9a-f]{3,6}\b|"
    r"\bfunction\s*\(|\bvar\s+\w+\s*=|</?[a-z]+[^>]*>|&[a-z]+;|\burl\(|\bwindow\.|\bdocument\.", re.IGNORECASE)
MARKUP_MAX_WORDS = 6


def is_markup(text: str) -> bool:
    """Stylesheet or script text: markup signs, and few words left once they are taken out
    (a sentence quoting a tag or two is still a sentence, and is shown escaped)."""
    hits = _MARKUP.findall(text)
    if not hits:
        return False
    words = _WORD.findall(_MARKUP.sub(" ", text))
    return len(words) < MARKUP_MAX_WORDS


@dataclass(frozen=True)
class Line:
    sentence_id: int
    article_id: str
    outlet: str
    day: str | None
    text: str


def furniture_ids(lines: Iterable[Line]) -> set[int]:
    """The sentences among ``lines`` (the whole store) that are furniture."""
    exact: dict[tuple[str, str], tuple[set[str], set]] = {}
    masked: dict[tuple[str, str], tuple[set[str], set]] = {}
    keys: list[tuple[Line, str, str]] = []
    found = set()
    for line in lines:
        if is_markup(line.text):
            found.add(line.sentence_id)
            continue
        folded = normalize_for_match(line.text)
        shape = _DIGITS.sub("0", folded)
        articles, days = exact.setdefault((line.outlet, folded), (set(), set()))
        articles.add(line.article_id)
        days.add(line.day)
        shaped, spread = masked.setdefault((line.outlet, shape), (set(), set()))
        shaped.add(line.article_id)
        spread.update((("day", line.day), ("text", folded)))
        keys.append((line, folded, shape))
    for line, folded, shape in keys:
        articles, days = exact[(line.outlet, folded)]
        if len(articles) >= MIN_ARTICLES and len(days) >= 2:
            found.add(line.sentence_id)
            continue
        shaped, spread = masked[(line.outlet, shape)]
        # Over two days or in two spellings (another code, another count): one day's
        # four updates of a story repeating a sentence are not a footer.
        if len(shaped) >= MIN_ARTICLES and len(spread) >= 3 and len(_WORD.findall(shape)) < PROSE_WORDS:
            found.add(line.sentence_id)
    return found
