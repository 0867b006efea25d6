"""A linear intent model: TF-IDF word and character n-grams, one linear SVM, calibrated scores.

Why not DIET: on this assistant's short messages the linear model classifies the held-out set
better (macro-F1 0.94 against 0.90 for a feed-forward DIET plus ResponseSelector) and answers in
well under a millisecond instead of two TensorFlow calls per message (docs/performance.md).
It predicts full retrieval labels (`faq/aim`) directly, so one model replaces both.

The SVM's scores become probabilities through a softmax whose temperature is fitted on
cross-validated scores of the training data (temperature scaling), so thresholds such as the
FallbackClassifier's mean roughly what they say.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

# A float matrix (one row per text) or vector of scores or probabilities.
Scores = npt.NDArray[np.float64]

TEMPERATURES = np.geomspace(0.5, 50, 60)


def _features() -> Any:  # sklearn is untyped: a FeatureUnion
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union

    return make_union(
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True),
    )


def _svm(c: float) -> Any:  # sklearn is untyped: a LinearSVC
    from sklearn.svm import LinearSVC

    return LinearSVC(C=c, class_weight="balanced", random_state=0)


def softmax(scores: Scores, temperature: float) -> Scores:
    """Row-wise softmax of `temperature * scores`."""
    z = scores * temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    probabilities: Scores = e / e.sum(axis=1, keepdims=True)
    return probabilities


def fit_temperature(scores: Scores, truth: Scores) -> float:
    """The temperature with the lowest negative log-likelihood of the true labels."""
    rows = np.arange(len(truth))
    losses = [-np.log(softmax(scores, t)[rows, truth] + 1e-12).mean() for t in TEMPERATURES]
    return float(TEMPERATURES[int(np.argmin(losses))])


class LinearIntentModel:
    """fit(texts, labels) once; rank(texts) gives (label, probability) lists, best first."""

    def __init__(self, c: float = 1.0) -> None:
        self.c = c
        self.features = _features()
        self.svm = _svm(c)
        self.temperature = 1.0

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.svm.classes_]

    def fit(self, texts: Sequence[str], labels: Sequence[str], folds: int = 5) -> LinearIntentModel:
        """Trains on all examples after fitting the temperature on `folds`-fold held-back scores."""
        from sklearn.model_selection import StratifiedKFold
        from sklearn.pipeline import make_pipeline

        y = np.asarray(labels)
        classes, truth = np.unique(y, return_inverse=True)
        smallest = int(np.bincount(truth).min())
        if len(classes) > 1 and smallest >= 2:
            scores = np.zeros((len(y), len(classes)))
            splitter = StratifiedKFold(n_splits=min(folds, smallest), shuffle=True, random_state=0)
            for train, held in splitter.split(np.zeros(len(y)), truth):
                fold = make_pipeline(_features(), _svm(self.c)).fit([texts[i] for i in train], y[train])
                fold_scores = fold.decision_function([texts[i] for i in held])
                if fold_scores.ndim == 1:  # two labels: one score column, as in scores()
                    fold_scores = np.stack([-fold_scores, fold_scores], axis=1)
                columns = np.searchsorted(classes, fold.classes_)
                scores[np.ix_(held, columns)] = fold_scores
            self.temperature = fit_temperature(scores, truth)
        self.svm.fit(self.features.fit_transform(texts), y)
        return self

    def scores(self, texts: Sequence[str]) -> Scores:
        """The SVM's decision scores, one row per text (sklearn's own computation)."""
        scores: Scores = self.svm.decision_function(self.features.transform(texts))
        if scores.ndim == 1:  # two labels: sklearn gives one score column
            scores = np.stack([-scores, scores], axis=1)
        return scores

    def probabilities(self, texts: Sequence[str]) -> Scores:
        """One row per text, one column per label (in `labels` order)."""
        if len(self.labels) < 3:
            return softmax(self.scores(texts), self.temperature)
        if self.__dict__.get("_compiled") is None:
            self._compiled = CompiledScorer(self.features, self.svm)
        return softmax(np.stack([self._compiled.scores(text) for text in texts]), self.temperature)

    def rank(self, texts: Sequence[str]) -> list[list[tuple[str, float]]]:
        """For each text, every label with its probability, most likely first."""
        labels = self.labels
        ranked = []
        for row in self.probabilities(texts):
            order = np.argsort(-row)
            ranked.append([(labels[i], float(row[i])) for i in order])
        return ranked

    def save(self, path: Path) -> None:
        """Writes the fitted state as plain arrays and JSON in one `.npz` file (no pickle).

        Why not skops: its file holds every n-gram of the vocabularies as a node of a 70 MB
        schema, and reading two models back took a Rasa worker most of its start-up (about 27 s
        of CPU on this machine); this file loads in a fraction of a second and runs no code.
        """
        parts = [vectorizer for _, vectorizer in self.features.transformer_list]
        state = {
            "c": self.c,
            "temperature": self.temperature,
            "labels": self.labels,
            # Each part's n-grams in column order (vocabulary_ maps n-gram -> column).
            "vocabularies": [sorted(v.vocabulary_, key=v.vocabulary_.__getitem__) for v in parts],
        }
        arrays = {f"idf_{i}": np.asarray(v.idf_, dtype=np.float64) for i, v in enumerate(parts)}
        with path.open("wb") as file:
            np.savez(
                file,
                state=np.frombuffer(json.dumps(state, ensure_ascii=False).encode(), dtype=np.uint8),
                coef=self.svm.coef_,
                intercept=self.svm.intercept_,
                **arrays,
            )

    @classmethod
    def load(cls, path: Path) -> LinearIntentModel:
        """Reads a model `save` wrote; arrays only (a pickled object in the file is refused)."""
        with np.load(path, allow_pickle=False) as saved:
            state = json.loads(saved["state"].tobytes().decode())
            model = cls(c=float(state["c"]))
            model.temperature = float(state["temperature"])
            offset = 0
            for i, (_, vectorizer) in enumerate(model.features.transformer_list):
                terms = state["vocabularies"][i]
                vectorizer.vocabulary_ = {term: column for column, term in enumerate(terms)}
                vectorizer.fixed_vocabulary_ = False
                vectorizer.stop_words_ = set()
                vectorizer.idf_ = saved[f"idf_{i}"]
                offset += len(terms)
            coef = saved["coef"]
            if coef.shape[1] != offset:
                raise ValueError(f"{path.name}: {coef.shape[1]} weights for {offset} n-grams")
            model.svm.coef_ = coef
            model.svm.intercept_ = saved["intercept"]
            model.svm.classes_ = np.asarray(state["labels"])
            model.svm.n_features_in_ = offset
        return model


class CompiledScorer:
    """The fitted TF-IDF union and SVM as look-ups: sklearn's scores for one text, faster.

    sklearn's transform pays, per call, joblib's machinery (FeatureUnion), fitted-state checks
    and the idf vector rebuilt from a sparse diagonal: about a millisecond for one message,
    most of the classifier's time. Here each part's n-grams are counted, weighted (sublinear
    tf x idf), L2-normalised and multiplied by the SVM's weights for those n-grams only; the
    tests hold it equal to sklearn's decision_function.
    """

    def __init__(self, features: Any, svm: Any) -> None:
        self._parts = []
        offset = 0
        for _, vectorizer in features.transformer_list:
            if vectorizer.norm != "l2" or not vectorizer.use_idf:
                raise ValueError("CompiledScorer expects L2-normalised TF-IDF parts")
            self._parts.append(
                (
                    _analysis(vectorizer),
                    vectorizer.vocabulary_,
                    offset,
                    np.asarray(vectorizer.idf_),
                    vectorizer.sublinear_tf,
                )
            )
            offset += len(vectorizer.vocabulary_)
        self._weights = np.ascontiguousarray(svm.coef_.T)  # features x labels
        self._intercept = np.asarray(svm.intercept_, dtype=float)

    def scores(self, text: str) -> Scores:
        """Decision scores of every label for one text."""
        total = self._intercept.copy()
        for analysis, vocabulary, offset, idf, sublinear in self._parts:
            terms, counts = _counted(analysis, text)
            # Looked up in C (map over dict.get): a Python loop over a message's character n-grams
            # was most of the time a message spent here.
            columns = np.fromiter(map(vocabulary.get, terms, repeat(-1)), dtype=np.int64, count=len(terms))
            known = columns >= 0
            if not known.any():
                continue
            tf = counts[known]
            columns = columns[known]
            values = (np.log(tf) + 1 if sublinear else tf) * idf[columns]
            values /= np.sqrt(values @ values)
            total += values @ self._weights[columns + offset]
        return total


# The settings that decide which n-grams a vectorizer reads in a text (not how it weighs them).
_ANALYSIS_SETTINGS = (
    "analyzer",
    "ngram_range",
    "lowercase",
    "strip_accents",
    "preprocessor",
    "tokenizer",
    "token_pattern",
    "stop_words",
    "input",
    "encoding",
    "decode_error",
)
_ANALYZERS: dict[tuple[tuple[str, str], ...], Callable[[str], list[str]]] = {}


def _analysis(vectorizer: Any) -> tuple[tuple[str, str], ...]:
    """A key for the vectorizer's way of reading n-grams; its analyzer is kept under it."""
    settings = vectorizer.get_params()
    key = tuple((name, repr(settings[name])) for name in _ANALYSIS_SETTINGS)
    _ANALYZERS.setdefault(key, vectorizer.build_analyzer())
    return key


@functools.lru_cache(maxsize=256)
def _counted(analysis: tuple[tuple[str, str], ...], text: str) -> tuple[tuple[str, ...], Scores]:
    """A text's n-grams and how often each occurs, in the order first seen. Every model of
    `_features()` reads a text the same way, and one message is scored by several (the intents,
    the emergency model, a language's two), so it is read once for all of them."""
    counts = Counter(_ANALYZERS[analysis](text))
    frequencies = np.fromiter(counts.values(), dtype=float, count=len(counts))
    frequencies.setflags(write=False)
    return tuple(counts), frequencies
