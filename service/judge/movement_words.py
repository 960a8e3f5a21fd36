"""Rise and fall words of price and trend headlines (Arabic), in the folded token form.

Written in ordinary spelling and folded at import, so the lists stay readable
and match what ``features.match_tokens`` produces. Only whole inflected forms
are listed: these are learned evidence for the classifier, not rules.
"""

from __future__ import annotations

from service.pipeline.normalize import normalize_for_match

_RISE = """
ارتفاع يرتفع ترتفع ارتفع ارتفعت مرتفع مرتفعة صعود يصعد تصعد صعد صعدت قفز يقفز تقفز قفزت قفزة
زيادة يزيد تزيد زاد زادت مكاسب يكسب تكسب أعلى لأعلى تعافي يتعافى تتعافى تعافى انتعاش ينتعش
تنتعش يرفع ترفع رفع نمو ينمو تنمو
"""
_FALL = """
انخفاض ينخفض تنخفض انخفض انخفضت منخفض منخفضة هبوط يهبط تهبط هبط هبطت تراجع يتراجع تتراجع
تراجعت تدهور يتدهور تتدهور يهوي تهوي هوى انهيار ينهار تنهار خسائر خسارة يخسر تخسر أدنى لأدنى
نزول ينزل تنزل يفقد تفقد قلة يخفض تخفض خفض ركود
"""


def _folded(words: str) -> frozenset[str]:
    return frozenset(normalize_for_match(w) for w in words.split())


RISE_WORDS = _folded(_RISE)
FALL_WORDS = _folded(_FALL)

# The same moves as adverbial accusatives («سجل تراجعاً بنسبة 51 %», «ارتفاعاً»), read only by
# ``tiers.moving_figures``: the classifier's features keep the lists it was trained with.
MOVE_ADVERBS = _folded("""
ارتفاعا صعودا قفزا زيادة نموا تحسنا انتعاشا تعافيا
انخفاضا هبوطا تراجعا تدهورا انهيارا نزولا خسارة تقلصا
""")
