"""Bytes to text, refusing what is not text with a message a person can act on."""

from __future__ import annotations

from service.errors import InputError

_BOM = b"\xef\xbb\xbf"


def decode_text(data: bytes, *, source: str, max_bytes: int | None = None) -> str:
    """UTF-8 text of a file, or an InputError naming the file and the problem."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"file is {len(data):,} bytes, over the {max_bytes:,}-byte limit", source=source)
    if not data.strip():
        raise InputError("file is empty", source=source)
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not text: expected UTF-8 .txt/.html/.json/.jsonl", source=source)
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save the file as UTF-8 (e.g. `iconv -f WINDOWS-1256 -t UTF-8`)",
            source=source, line=line,
        ) from None
