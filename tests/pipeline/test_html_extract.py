"""extract_html: article paragraphs in; navigation, comments and footer out."""

from __future__ import annotations

import builtins
import sys

import pytest

from service.errors import InputError, MissingDependencyError
from service.pipeline.clean import clean_text
from service.pipeline.html_extract import extract_html

PARAGRAPHS = [
    "قررت جماعات المعارضة السورية حضور محادثات السلام التي تدعمها روسيا وتركيا في قازاخستان "
    "للسعي من أجل تنفيذ وقف شامل لإطلاق النار تقول إن الحكومة وحلفاءها ارتكبوا انتهاكات له.",
    "وبدأت روسيا، أقوى حلفاء الرئيس السوري بشار الأسد، الجهود الدبلوماسية الجديدة بعد أن تعرضت "
    "المعارضة لهزيمة كبيرة الشهر الماضي وفقدت المناطق الخاضعة لسيطرتها في شرق حلب.",
    "واتخذت جماعات المعارضة القرار خلال اجتماعات جارية في أنقرة وتعمل الآن على تشكيل وفد "
    "سيرأسه محمد علوش رئيس المكتب السياسي لجماعة جيش الإسلام.",
    "وقال مسؤول في جماعة مسلحة تنتمي للجيش السوري الحر إن الفصائل سوف تذهب وسوف يكون أول "
    "بحثها موضوع وقف إطلاق النار والخروقات الأخيرة من قبل النظام.",
]
TITLE = "المعارضة السورية ستحضر محادثات أستانة"

PAGE = """<!DOCTYPE html>
<html lang="{lang}" dir="rtl">
<head>
<meta charset="utf-8">
<title>{title} | أخبار الشرق</title>
<meta property="og:title" content="{title}">
{date_meta}
<meta property="og:site_name" content="أخبار الشرق">
</head>
<body>
<header class="site-header">
  <nav class="main-nav"><ul>
    <li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
    <li><a href="/economy">اقتصاد</a></li><li><a href="/sports">رياضة</a></li>
    <li><a href="/contact">اتصل بنا</a></li>
  </ul></nav>
</header>
<main>
<article class="post">
  <h1 class="entry-title">{title}</h1>
  <div class="entry-content">
    {paragraphs}
  </div>
</article>
<section id="comments" class="comments-area">
  <h3 class="comments-title">التعليقات (2)</h3>
  <ol class="comment-list">
    <li class="comment"><div class="comment-author">ابو حمد</div>
      <div class="comment-content"><p>الخطر هو إيران وميليشياتها وهي لا تريد حلا في سوريا على
      الإطلاق مهما قالوا في المؤتمرات الدولية.</p></div></li>
    <li class="comment"><div class="comment-author">سامر</div>
      <div class="comment-content"><p>لن تنجح هذه المفاوضات لأن النظام لا يلتزم بأي اتفاق
      يوقعه مع المعارضة منذ سنوات طويلة.</p></div></li>
  </ol>
</section>
</main>
<aside class="sidebar"><h4>الأكثر قراءة</h4><ul>
  <li><a href="/a">ارتفاع أسعار الذهب في الأسواق المحلية</a></li>
  <li><a href="/b">المنتخب يفوز في مباراة ودية</a></li>
</ul></aside>
<footer class="site-footer">
  <p>جميع الحقوق محفوظة © 2017 أخبار الشرق</p>
  <p><a href="/privacy">سياسة الخصوصية</a> | <a href="/about">من نحن</a></p>
</footer>
</body>
</html>
"""
DATE_META = '<meta property="article:published_time" content="2017-01-17T08:51:00+03:00">'


def _page(*, lang: str = "ar", date_meta: str = DATE_META) -> str:
    paragraphs = "\n    ".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return PAGE.format(lang=lang, title=TITLE, date_meta=date_meta, paragraphs=paragraphs)


def test_article_paragraphs_are_extracted_and_furniture_is_not():
    page = extract_html(_page(), url="https://example.org/news/1")
    for paragraph in PARAGRAPHS:
        assert paragraph in page.text
    for furniture in ["الرئيسية", "اتصل بنا", "التعليقات", "الخطر هو إيران", "ابو حمد",
                      "لن تنجح هذه المفاوضات", "ارتفاع أسعار الذهب", "جميع الحقوق محفوظة",
                      "سياسة الخصوصية"]:
        assert furniture not in page.text


def test_metadata_is_read_from_the_page():
    page = extract_html(_page())
    assert (page.title, page.published_at, page.language) == (TITLE, "2017-01-17", "ar")


def test_extracted_text_cleans_to_the_paragraphs():
    page = extract_html(_page())
    result = clean_text(page.text, title=page.title)
    assert [page.text[r.start:r.end] for r in result.kept] == PARAGRAPHS


def test_no_date_markup_gives_no_date():
    assert extract_html(_page(date_meta="")).published_at is None


@pytest.mark.parametrize(("lang", "expected"), [
    ("ar-EG", "ar"),
    ("en-US", "ar"),   # a theme's stale default on an Arabic page
    ("fa", "fa"),      # another Arabic-script language is believed
    ("", "ar"),        # nothing declared: the text's script decides
])
def test_language(lang, expected):
    assert extract_html(_page(lang=lang)).language == expected


def test_english_page_language_comes_from_markup():
    html = _page(lang="en-GB").replace(PARAGRAPHS[0], "Opposition groups will attend the talks "
                                       "in Kazakhstan, their spokesman said on Monday evening.")
    for paragraph in PARAGRAPHS[1:]:
        html = html.replace(paragraph, "The delegation will be led by a senior commander of "
                                       "the armed opposition, officials told reporters.")
    assert extract_html(html).language == "en"


@pytest.mark.parametrize("html", [
    "",
    "   \n",
    "<html></html>",
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
])
def test_pages_without_an_article_are_input_errors(html):
    with pytest.raises(InputError, match="HTML"):
        extract_html(html, url="https://example.org/empty")


def test_missing_trafilatura_names_the_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes the import fail
    with pytest.raises(MissingDependencyError, match="pip install trafilatura"):
        extract_html(_page())


def test_missing_lxml_html_clean_names_that_package(monkeypatch):
    # lxml >= 5.2 moved its HTML cleaner out; trafilatura's import then fails.
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(MissingDependencyError, match="pip install lxml_html_clean"):
        extract_html(_page())
