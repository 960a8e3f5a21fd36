"""JSON arrays read one item at a time, and the one-pass spelling fold, against their references."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.errors import InputError
from service.pipeline.jsonlines import iter_json_document
from service.pipeline.normalize import normalize_for_match


def _items(text: str):
    return [item if isinstance(item, InputError) else item[1] for item in iter_json_document(text, source="f")]


@pytest.mark.parametrize("text", ["[]", " [ ]\n", "[1, 2 ,3]", "[[1, 2], {\"a\": [3]}]", '{"a": 1}', '  "s" ',
                                  "[null]"])
def test_valid_documents_give_what_json_loads_gives(text):
    document = json.loads(text)
    assert _items(text) == (document if isinstance(document, list) else [document])


@pytest.mark.parametrize("text", ["[1,]", "[1 2]", "[1,2] x", "[1,2", "", "[\n{\"a\": 1},\n{\"b\":\n]", "{]"])
def test_malformed_documents_end_with_the_error_json_loads_reports(text):
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    *values, error = _items(text)
    assert isinstance(error, InputError) and not any(isinstance(v, InputError) for v in values)
    exc = expected.value
    assert error.line == exc.lineno and f"{exc.msg} (column {exc.colno})" in error.message


def test_array_items_are_numbered_from_one():
    assert [position for position, _ in iter_json_document('[{"a": 1}, {"b": 2}]', source="f")] == [1, 2]


_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
                       "ک": "ك", "ی": "ي", "گ": "ك"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def reference_normalize(text: str) -> str:
    """normalize_for_match as first written: one step at a time."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).replace("\u0640", "").translate(_FOLD).translate(_DIGITS).casefold()
    return re.sub(r"\s+", " ", text).strip()


_ALPHABET = st.sampled_from([chr(c) for c in [*range(0x600, 0x700), *range(0x20, 0x7f), 0xa0, 0x2009, 0x3000,
                                              0x85, 0x1c, 0x200b, 0xdf, 0x130, 0xfb01, 0xfef7, 0x1e9e]])


@given(st.text(alphabet=_ALPHABET, max_size=40) | st.text(max_size=40))
def test_one_pass_fold_equals_the_step_by_step_one(text):
    assert normalize_for_match(text) == reference_normalize(text)
