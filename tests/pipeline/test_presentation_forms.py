"""Arabic presentation forms (glyph codes some outlets publish) read as the letters they shape."""

from service.claims.entities import extract_entities
from service.models import ArticleIn
from service.pipeline.normalize import standard_letters
from service.pipeline.segment import segment
from service.retrieval.check import validate_claim

# «عدد القتلى في اليمن وصل إلى 3800 شخص» written in presentation forms (U+FExx).
SHAPED = "ﻋﺪﺩ ﺍﻟﻘﺘﻠﻰ ﺑﺴﺒﺐ ﺍﻟﺼﺮﺍﻉ ﺍﻟﺪﺍﺋﺮ ﻓﻲ ﺍﻟﻴﻤﻦ ﻭﺻﻞ ﺇﻟﻰ 3800 ﺷﺨﺺ."


def test_shaped_letters_become_the_letters_they_shape():
    assert standard_letters(SHAPED) == "عدد القتلى بسبب الصراع الدائر في اليمن وصل إلى 3800 شخص."


def test_lam_alef_ligature_becomes_two_letters_and_word_ligatures_stay():
    assert standard_letters("ﻻ") == "لا"
    assert standard_letters("رسول الله ﷺ") == "رسول الله ﷺ"
    plain = "نص عادي بلا أشكال"
    assert standard_letters(plain) is plain


def test_a_shaped_article_is_stored_and_parsed_as_plain_letters():
    article = ArticleIn(text=SHAPED + "\n" + SHAPED.replace("3800", "4000"), outlet="x", language="ar")
    seg = segment(article, max_chars=1000)
    assert seg.article.text.startswith("عدد القتلى")
    sentences = [seg.article.text[s.start:s.end] for s in seg.sentences]
    assert sentences and all("\ufe70" > ch or ch > "\ufefc" for s in sentences for ch in s)
    assert "اليمن" in {e.text for e in extract_entities(sentences[0], lang="ar")}


def test_a_shaped_claim_is_checked_as_plain_letters():
    assert validate_claim("  " + SHAPED + " ") == standard_letters(SHAPED)
