"""Reading files and folders: formats, manifests, and every kind of bad input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from service.errors import InputError
from service.pipeline.read import ReadNotice, read_articles

LIMIT = 1_000_000


def _read(*paths: Path):
    items = [i for i in read_articles(list(paths), max_bytes=LIMIT) if not isinstance(i, ReadNotice)]
    articles = [i[0] for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    return articles, errors


def test_manifest_gives_metadata_for_text_files(tmp_path):
    (tmp_path / "a.txt").write_text("نص الخبر الأول هنا.", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps(
        {"file": "a.txt", "outlet": "Outlet A", "language": "ar", "published_at": "2017-01-02",
         "title": "T", "url": "http://x/a", "id": "a1"}) + "\n", encoding="utf-8")
    [article], errors = _read(tmp_path)
    assert not errors
    assert (article.outlet, article.language, article.published_at.isoformat(), article.id, article.url) == (
        "Outlet A", "ar", "2017-01-02", "a1", "http://x/a")


def test_bad_files_are_reported_and_the_rest_still_read(tmp_path):
    (tmp_path / "good.txt").write_text("A real sentence about the talks.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me".encode("latin-1"))
    articles, errors = _read(tmp_path)
    assert [a.text for a in articles] == ["A real sentence about the talks."]
    messages = {Path(e.source).name: e.message for e in errors}
    assert "empty" in messages["empty.txt"] and "empty" in messages["blank.txt"]
    assert "binary" in messages["binary.txt"]
    assert "not UTF-8" in messages["latin1.txt"] and "latin1.txt" in messages["latin1.txt"]


def test_malformed_json_line_names_file_and_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"text": "first article text here", "outlet": "X"}\n{"text": "broken\n'
                    '{"content": "third article", "source": "Y", "date": "2015-07-21 02:16:13"}\n',
                    encoding="utf-8")
    articles, [error] = _read(path)
    assert [a.outlet for a in articles] == ["X", "Y"]
    assert articles[1].published_at.isoformat() == "2015-07-21"
    assert error.line == 2 and str(path) in error.message and "malformed JSON" in error.message


@pytest.mark.parametrize("record, expected", [
    ({"outlet": "X"}, "no 'text'"),
    ({"text": "x y z", "language": "klingon"}, "unknown language"),
    ({"text": "x y z", "published_at": "yesterday"}, "not a date"),
    (["not", "an", "object"], "expected a JSON object"),
    ({"text": 42}, "must be strings"),
])
def test_bad_records_get_clear_messages(tmp_path, record, expected):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    articles, [error] = _read(path)
    assert not articles and expected in error.message and error.line == 1


def test_json_array_and_zip_members(tmp_path):
    records = [{"content": f"article number {i} text", "source": "sabq", "url": f"u{i}"} for i in range(3)]
    archive = tmp_path / "day.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("day.json", json.dumps(records))
        zf.writestr("notes.bin", b"\x00\x01")
    articles, errors = _read(archive)
    assert [a.url for a in articles] == ["u0", "u1", "u2"] and not errors
    assert all(a.outlet == "sabq" for a in articles)
    assert "day.zip!day.json" in articles[0].source


def test_html_file_is_returned_as_html(tmp_path):
    (tmp_path / "page.html").write_text("<html><body><p>Hello world of news</p></body></html>", encoding="utf-8")
    notice, (article, html) = list(read_articles([tmp_path], max_bytes=LIMIT))
    assert article.text == "" and "<p>Hello" in html
    assert isinstance(notice, ReadNotice) and "no date unless the page gives one" in notice.message


def test_missing_path_and_unsupported_type(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    _, errors = _read(tmp_path / "nope", tmp_path / "x.pdf")
    assert "no such file" in errors[0].message and "unsupported file type .pdf" in errors[1].message


def test_oversized_text_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 300, encoding="utf-8")
    items = [i for i in read_articles([path], max_bytes=100) if not isinstance(i, ReadNotice)]
    assert isinstance(items[0], InputError) and "limit" in items[0].message
