"""A small bag-of-concepts vector of what a report describes (description + people), cheap to keep and compare.

Words are lower-cased, common English and reporting words dropped, plural/-ing/-ed endings
trimmed, and words that say the same thing in a report folded to one concept ("filming",
"photographing", "recording", "camera" -> photo; "gate", "entrance", "door" -> entrance). The
words are hashed by scikit-learn's HashingVectorizer into 2^20 columns with sublinear term
frequency (who was seen counting half) and L2 norm, and the strongest VECTOR_TERMS kept: a fixed-size record of 288 bytes,
so that thousands are compared with one numpy expression. Similarity is their cosine.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

from reading import regex

VECTOR_TERMS = 48
N_FEATURES = 2**20
PAD = np.uint32(0xFFFFFFFF)
RECORD_BYTES = VECTOR_TERMS * 6

_WORD = regex.compile(r"[a-z]+")
# The words (text_words.yml beside this file): those in nearly every report, or about where it
# happened (the place rule's business), and those folded into one concept.
_WORDS = yaml.safe_load(Path(__file__).with_name("text_words.yml").read_text(encoding="utf-8"))
_REPORT_WORDS: list[str] = _WORDS["report_words"]
_CONCEPTS: dict[str, list[str]] = _WORDS["concepts"]
_CONCEPT_OF = {word: concept for concept, words in _CONCEPTS.items() for word in words}
_SUFFIXES = ("ing", "ed", "es", "s")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | frozenset(_REPORT_WORDS)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms(text: str | None) -> list[str]:
    """The concepts and trimmed words of a text, in order (what the vector counts)."""
    stop = _stop_words()
    found = []
    for word in _WORD.findall((text or "").lower().replace("’", "'")):
        concept = _CONCEPT_OF.get(word)
        if concept is not None:
            found.append(concept)
        elif word not in stop and len(word) > 2:
            found.append(_stem(word))
    return found


@lru_cache(maxsize=1)
def _hasher() -> Any:  # Any: scikit-learn ships no types
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer=terms, n_features=N_FEATURES, alternate_sign=False, norm=None)


PEOPLE_WEIGHT = 0.5


def vectors(texts: Sequence[str], people: Sequence[str] | None = None) -> list[bytes]:
    """One fixed-size record per report: the strongest terms' columns and weights (sublinear tf, L2-normalised).

    `people` (who was seen) counts at PEOPLE_WEIGHT: what happened says more than what someone wore.
    """
    hasher = _hasher()
    matrix = hasher.transform(list(texts)).tocsr().astype(np.float64)
    matrix.data = 1.0 + np.log(matrix.data)
    if people is not None:
        extra = hasher.transform(list(people)).tocsr().astype(np.float64)
        extra.data = PEOPLE_WEIGHT * (1.0 + np.log(extra.data))
        matrix = (matrix + extra).tocsr()
    records = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        columns, weights = matrix.indices[start:end], matrix.data[start:end]
        if len(weights) > VECTOR_TERMS:
            keep = np.argsort(-weights, kind="stable")[:VECTOR_TERMS]
            columns, weights = columns[keep], weights[keep]
        norm = float(np.sqrt(weights @ weights)) if len(weights) else 0.0
        order = np.argsort(columns)
        index = np.full(VECTOR_TERMS, PAD, dtype=np.uint32)
        value = np.zeros(VECTOR_TERMS, dtype=np.float16)
        index[: len(order)] = columns[order]
        if norm:
            value[: len(order)] = weights[order] / norm
        records.append(index.tobytes() + value.tobytes())
    return records


def vector(text: str, people: str = "") -> bytes:
    return vectors([text], [people])[0]


def _unpack(records: Sequence[bytes]) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.float32]]:
    raw = np.frombuffer(b"".join(records), dtype=np.uint8).reshape(len(records), RECORD_BYTES)
    index = raw[:, : VECTOR_TERMS * 4].copy().view(np.uint32)
    value = raw[:, VECTOR_TERMS * 4 :].copy().view(np.float16).astype(np.float32)
    return index, value


def cosines(query: bytes, records: Sequence[bytes]) -> npt.NDArray[np.float32]:
    """Cosine similarity of `query` with each record (0 for empty vectors)."""
    if not records:
        return np.zeros(0, dtype=np.float32)
    q_index, q_value = _unpack([query])
    q_index, q_value = q_index[0], q_value[0]
    used = q_value > 0
    q_index, q_value = q_index[used], q_value[used]
    if not len(q_index):
        return np.zeros(len(records), dtype=np.float32)
    index, value = _unpack(records)
    position = np.clip(np.searchsorted(q_index, index), 0, len(q_index) - 1)
    match = q_index[position] == index
    similarity: npt.NDArray[np.float32] = (np.where(match, q_value[position], 0.0) * value).sum(axis=1)
    return similarity
