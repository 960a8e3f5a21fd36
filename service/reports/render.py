"""Three faces of one report dict: HTML and Markdown (Jinja2 templates) and JSON.

Article text, titles, outlet names and URLs are untrusted. The HTML
environment autoescapes everything; links are kept only for http(s) URLs
(a ``javascript:`` URL would run on click); and the page carries a Content
Security Policy that allows only its own inline style and script, by hash,
so even a slip in escaping could not run an injected script or load
anything from the network. The Markdown environment escapes every printed
value for Markdown (``finalize``), so a sentence cannot become a link,
raw HTML or emphasis.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from service.errors import InputError
from service.reports.bidi import direction, language_tag
from service.reports.highlight import segments
from service.reports.reason_words import REASON_LABELS
from service.reports.stance_words import STANCE_WORDS
from service.reports.timeline_chart import timeline_chart

FORMATS = ("html", "md", "json")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#!])")
_WHITESPACE = re.compile(r"\s+")     # a newline inside a value would end its quote or table row
_LINE_START = re.compile(r"^(\d*)([-+.)=])(?=\s|$)")


def safe_href(url: str | None) -> str | None:
    """The URL when it is a plain http(s) link, else None (no javascript:, data:, relative paths)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def markdown_escape(value) -> str:
    """Text that Markdown prints as it is: no links, HTML, emphasis or table cells; one line."""
    if value is None:
        return ""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", _WHITESPACE.sub(" ", str(value)))
    return _LINE_START.sub(r"\1\\\2", text)   # "- x", "+ x", "1. x" would start a list


def _static(name: str) -> str:
    return resources.files("service.reports").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``1 contradiction``, ``2 contradictions``, ``1 story``, ``3 stories``: the templates' counts."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _common_globals() -> dict:
    return {"segments": segments, "direction": direction, "language_tag": language_tag, "safe_href": safe_href,
            "reason_labels": REASON_LABELS, "stance_words": STANCE_WORDS, "counted": counted}


@lru_cache(maxsize=1)
def _html_environment():
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(loader=jinja2.PackageLoader("service.reports", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals.update(_common_globals(), css=Markup(_static("report.css.j2")),
                       script=Markup(_static("report.js.j2")), content_policy=Markup(content_policy()),
                       timeline_chart=timeline_chart)
    return env


@lru_cache(maxsize=1)
def content_policy() -> str:
    """The HTML page's Content-Security-Policy (also fit for an HTTP header when the API serves it)."""
    css, script = _static("report.css.j2"), _static("report.js.j2")
    return (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(script)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=1)
def _markdown_environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("service.reports", "templates"),
                             autoescape=False, undefined=jinja2.StrictUndefined, finalize=markdown_escape,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(_common_globals())
    return env


def render_report(report: dict, fmt: str = "html") -> str:
    """The report (``build_report``'s dict) as "html", "md" or "json" text."""
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html_environment().get_template("report.html.j2").render(report=report)
    if fmt == "md":
        return _markdown_environment().get_template("report.md.j2").render(report=report)
    raise InputError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
