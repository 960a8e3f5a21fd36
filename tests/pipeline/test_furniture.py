"""Furniture at corpus level: an outlet's repeated lines and markup are not claims."""

from __future__ import annotations

from service.pipeline.furniture import Line, furniture_ids, is_markup

FOOTER = "للتواصل أرسل رسالة نصية تبدأ بالرمز {code} ثم الرسالة إلى الرقم 88548"
NEWS = "أعلنت وزارة الصحة تسجيل {n} إصابات جديدة بفيروس كورونا في المنطقة الشرقية خلال الأيام الماضية وفق بيان رسمي نشرته الوزارة اليوم"


def _lines(texts, outlet="okaz", days=None):
    days = days or ["2015-07-2%d" % (i % 3 + 1) for i in range(len(texts))]
    return [Line(i, f"{outlet}-{i}", outlet, day, text) for i, (text, day) in enumerate(zip(texts, days))]


def test_a_footer_whose_code_changes_is_furniture_in_one_outlet():
    lines = _lines([FOOTER.format(code=c) for c in (123, 159, 178, 262)])
    assert furniture_ids(lines) == {0, 1, 2, 3}


def test_the_same_line_in_several_outlets_is_wire_copy_not_furniture():
    lines = [Line(i, f"a{i}", outlet, "2015-07-21", FOOTER.format(code=123))
             for i, outlet in enumerate(("okaz", "alyaum", "alriyadh", "sabq"))]
    assert furniture_ids(lines) == set()


def test_a_long_daily_report_with_new_figures_is_news():
    assert furniture_ids(_lines([NEWS.format(n=n) for n in (12, 15, 9, 31)])) == set()


def test_one_days_updates_repeating_a_sentence_are_not_furniture():
    text = "وصل الرئيس إلى الرياض في زيارة رسمية"
    assert furniture_ids(_lines([text] * 4, days=["2015-07-21"] * 4)) == set()
    assert furniture_ids(_lines([text] * 4, days=["2015-07-21", "2015-07-22"] * 2)) == {0, 1, 2, 3}


def test_a_line_under_the_threshold_stays_a_claim():
    assert furniture_ids(_lines([FOOTER.format(code=c) for c in (123, 159, 178)])) == set()


def test_stylesheet_and_script_text_is_markup():
    assert is_markup("background: url(img.png) no-repeat; margin: 0 auto;")
    assert is_markup("var x = document.getElementById('a');")
    assert not is_markup("ارتفع المؤشر العام 0.5% إلى 9000 نقطة")
    assert furniture_ids([Line(1, "a", "x", None, "no-repeat center top")]) == {1}
