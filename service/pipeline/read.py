"""Files and folders to article records.

Yields ``(ArticleIn, html_or_None)`` for every article and an ``InputError``
for every piece that cannot be read, so that one bad file or line never
stops the others. Formats: .txt, .html/.htm, .json (an object or an array of
objects), .jsonl (one object per line), .zip (any of these inside).
A ``manifest.jsonl`` in a folder gives outlet, language, published_at,
title and url for the text and HTML files beside it (matched on ``file``).

Everything streams: files are read one at a time, a zip one member at a
time, and a JSON array one article at a time, so a corpus of any size is
read in the memory of its largest file (one day of SaudiNewsNet: 12 MB).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from service.errors import InputError
from service.models import ArticleIn
from service.pipeline.decode import decode_text
from service.pipeline.jsonlines import iter_json_document, iter_json_lines
from service.pipeline.records import record_to_article

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | {".zip"}
MANIFEST = "manifest.jsonl"



@dataclass(frozen=True)
class ReadNotice:
    """An article read, but not as its reader may think: said once, beside the errors, never fatal."""

    message: str
    source: str

    def to_json(self) -> dict:
        return {"message": f"{self.source}: {self.message}", "source": self.source}


Item = tuple[ArticleIn, str | None] | InputError | ReadNotice


def missing_manifest(path: Path, manifest_exists: bool) -> ReadNotice:
    """A text or HTML file with no manifest line goes in as outlet 'unknown': say so, and how to fix it."""
    why = f"{MANIFEST} has no line for it" if manifest_exists else f"no {MANIFEST} beside it"
    date = "no date" if path.suffix.lower() in TEXT_SUFFIXES else "no date unless the page gives one"
    fix = (f'{{"file": "{path.name}", "outlet": "...", "language": "..", "published_at": "YYYY-MM-DD"}}')
    return ReadNotice(f"{why}: stored as outlet 'unknown' with {date}; add the line {fix} "
                      f"to {path.parent / MANIFEST}", str(path))


def iter_paths(paths: list[Path]) -> Iterator[Path | InputError]:
    """Every supported file under the given paths, in a stable order."""
    for path in paths:
        if not path.exists():
            yield InputError("no such file or folder", source=str(path))
        elif path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and _wanted(p))
        elif path.suffix.lower() in SUPPORTED:
            yield path
        else:
            yield InputError(f"unsupported file type {path.suffix or '(none)'}; expected one of "
                             f"{', '.join(sorted(SUPPORTED))}", source=str(path))


def _wanted(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED and path.name != MANIFEST and not path.name.startswith(".")


def read_articles(paths: list[Path], *, max_bytes: int,
                  on_file: Callable[[Path], None] | None = None) -> Iterator[Item]:
    """Every article under ``paths``; ``on_file`` is called after each file is read."""
    manifests: dict[Path, dict[str, dict] | InputError] = {}
    for path in iter_paths(paths):
        if isinstance(path, InputError):
            yield path
            continue
        folder = path.parent
        if folder not in manifests:
            manifests[folder] = load_manifest(folder / MANIFEST)
        manifest = manifests[folder]
        if isinstance(manifest, InputError):
            yield manifest
            manifests[folder] = {}
            manifest = {}
        meta = manifest.get(path.name)
        if meta is None and path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
            yield missing_manifest(path, (folder / MANIFEST).exists())
        yield from read_file(path, meta, max_bytes=max_bytes)
        if on_file:
            on_file(path)


def load_manifest(path: Path) -> dict[str, dict] | InputError:
    """file name -> manifest record; an unreadable manifest is reported once."""
    if not path.exists():
        return {}
    entries: dict[str, dict] = {}
    try:
        text = decode_text(path.read_bytes(), source=str(path))
    except InputError as exc:
        return exc
    for item in iter_json_lines(text, source=str(path), what="JSON in manifest"):
        if isinstance(item, InputError):
            return item
        _, record = item
        if isinstance(record, dict) and record.get("file"):
            entries[str(record["file"])] = record
    return entries


def read_file(path: Path, meta: dict | None, *, max_bytes: int) -> Iterator[Item]:
    if path.suffix.lower() == ".zip":
        yield from read_zip(path, max_bytes=max_bytes)     # opens the archive itself
        return
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror}", source=source)
        return
    yield from read_member(path.name, data, meta, source=source, max_bytes=max_bytes)


def read_zip(path: Path, *, max_bytes: int) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield InputError(f"not a readable zip archive: {exc}", source=str(path))
        return
    with archive:
        for info in archive.infolist():
            name = info.filename
            if info.is_dir() or not _wanted(Path(name)):
                continue
            source = f"{path}!{name}"
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, OSError) as exc:
                yield InputError(f"cannot read archive member: {exc}", source=source)
                continue
            yield from read_member(name, data, None, source=source, max_bytes=max_bytes)


def read_member(name: str, data: bytes, meta: dict | None, *, source: str, max_bytes: int) -> Iterator[Item]:
    suffix = Path(name).suffix.lower()
    # JSON files hold many articles: the per-article limit applies to each text.
    limit = None if suffix in JSON_SUFFIXES else max_bytes
    try:
        text = decode_text(data, source=source, max_bytes=limit)
    except InputError as exc:
        yield exc
        return
    if suffix == ".jsonl":
        yield from _jsonl_records(text, source=source)
    elif suffix == ".json":
        yield from _json_records(text, source=source)
    else:
        yield from _single_file(text, meta, html=suffix in HTML_SUFFIXES, source=source)


def _single_file(text: str, meta: dict | None, *, html: bool, source: str) -> Iterator[Item]:
    record = dict(meta or {})
    record.pop("html", None)
    record["html" if html else "text"] = text
    if html:
        record.pop("text", None)
    yield from _convert(record, source=source, line=None)


def _convert(record, *, source: str, line: int | None, item: int | None = None) -> Iterator[Item]:
    try:
        yield record_to_article(record, source=source, line=line)
    except InputError as exc:
        yield exc.at_item(item, line) if item is not None else exc


def _jsonl_records(text: str, *, source: str) -> Iterator[Item]:
    for item in iter_json_lines(text, source=source):
        if isinstance(item, InputError):
            yield item
        else:
            number, record = item
            yield from _convert(record, source=source, line=number)


def _json_records(text: str, *, source: str) -> Iterator[Item]:
    for item in iter_json_document(text, source=source, with_lines=True):
        if isinstance(item, InputError):
            yield item
        else:
            # An array's object is named by its position and the line it starts on: "item 287" of a
            # 10,281-line file is not on line 287.
            position, line, record = item
            yield from _convert(record, source=source, line=line if position else None, item=position)
