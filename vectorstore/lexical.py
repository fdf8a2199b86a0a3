"""Vietnamese BM25 over chunk texts (bm25s), robust to queries typed without diacritics.

One bm25s vocabulary holds four kinds of terms for every text:
  syllables      "kế", "hoạch"          bigrams        "kế_hoạch"
  folded         "~ke", "~hoach"        folded bigrams "~ke_hoach"
Vietnamese words span syllables, so bigrams reward phrase matches ("cao bằng" the province vs "cao" and
"bằng" apart). Bigrams never cross punctuation or line breaks. A query without any diacritics uses only
the folded terms; a query with diacritics uses the exact terms plus the folded ones, down-weighted, so a
partly accented query still matches.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ground.vi import fold, has_diacritics, syllables

FORMAT_VERSION = 1  # bump when tokenize() changes: persisted indexes are then rebuilt
FOLD = "~"
JOIN = "_"  # cannot occur inside a syllable (ground.vi syllables exclude "_")

# Phrase boundaries: sentence punctuation and line breaks. "/" and "-" are kept inside a phrase so
# that "726/KH-UBND" and "2025-2030" still form bigrams.
_BOUNDARY = re.compile(r"[\n\r.,;:!?()\[\]{}\"“”‘’«»…•|]+")

# Very common function syllables; dropped from queries (never from documents) only when asked.
FUNCTION_SYLLABLES = frozenset(
    "và của các những là có cho được trong với để theo về từ này đó thì mà một như tại do bị "
    "đã sẽ đang cũng nào gì ra vào trên dưới".split()
)


@dataclass(frozen=True)
class LexicalParams:
    # k1 and bigram_weight tuned on ALQAC (bench/retrieval.py --tune; MRR@10 of this BM25 alone
    # .862 → .887 from k1 1.2 → 0.5 and bigrams 0.5 → 1; flat for k1 0.3-0.7, b 0.6-0.85) and checked
    # on the sample plans (passage MRR@10 of the hybrid .949 → .95+).
    k1: float = 0.5
    b: float = 0.75
    # query-side weight of bigram terms relative to syllables. Known-item check on the sample plans
    # (MRR@10, phrase / scrambled-word queries): 0 → .75/.91, 0.5 → .82/.90, 1 → .83/.88
    bigram_weight: float = 1.0
    folded_weight: float = 0.3  # query-side weight of folded terms when the query has diacritics
    drop_function_syllables: bool = False  # measured: no gain on the sample plans (IDF already does it)

    def signature(self) -> str:
        """Changes whenever a persisted index would score differently (k1 and b are baked in)."""
        return f"v{FORMAT_VERSION}-k{self.k1}-b{self.b}"


@lru_cache(maxsize=200_000)
def _fold_syllable(syllable: str) -> str:
    # Vietnamese has a few thousand distinct syllables: caching makes folding nearly free.
    return fold(syllable)


def phrases(text: str) -> list[list[str]]:
    """Syllables of each punctuation-free stretch of text."""
    return [s for s in (syllables(p) for p in _BOUNDARY.split(text)) if s]


def _grams(sylls: list[str], prefix: str = "") -> list[str]:
    out = [prefix + s for s in sylls]
    out.extend(f"{prefix}{a}{JOIN}{b}" for a, b in zip(sylls, sylls[1:], strict=False))
    return out


def tokenize(text: str) -> list[str]:
    """Document terms: syllables and bigrams, exact and folded."""
    tokens: list[str] = []
    for sylls in phrases(text):
        tokens.extend(_grams(sylls))
        tokens.extend(_grams([_fold_syllable(s) for s in sylls], FOLD))
    return tokens


def query_tokens(query: str, drop_function_syllables: bool = False) -> list[str]:
    """Query terms: folded only for a query without diacritics, exact plus folded otherwise."""
    accented = has_diacritics(query)
    tokens: list[str] = []
    for sylls in phrases(query):
        unigrams_ok = [s for s in sylls if not (drop_function_syllables and s in FUNCTION_SYLLABLES)]
        folded = [_fold_syllable(s) for s in sylls]
        if accented:
            tokens.extend(unigrams_ok)
            tokens.extend(f"{a}{JOIN}{b}" for a, b in zip(sylls, sylls[1:], strict=False))
        tokens.extend(FOLD + _fold_syllable(s) for s in unigrams_ok)
        tokens.extend(f"{FOLD}{a}{JOIN}{b}" for a, b in zip(folded, folded[1:], strict=False))
    return tokens


def token_weight(token: str, accented_query: bool, params: LexicalParams) -> float:
    weight = params.bigram_weight if JOIN in token else 1.0
    if token.startswith(FOLD) and accented_query:
        weight *= params.folded_weight
    return weight


class LexicalIndex:
    """BM25 over (id, text) pairs; search returns (id, score) best first."""

    def __init__(self, params: LexicalParams | None = None):
        self.params = params or LexicalParams()
        self.ids: list[str] = []
        self._position: dict[str, int] = {}
        self._vocab: dict[str, int] = {}
        self._data = np.zeros(0, dtype=np.float32)
        self._indices = np.zeros(0, dtype=np.int32)
        self._indptr = np.zeros(1, dtype=np.int64)
        self.loaded_from: Path | None = None  # set by load(): tells a rebuilt index from a loaded one

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(cls, ids: list[str], texts: Iterable[str], params: LexicalParams | None = None) -> LexicalIndex:
        import bm25s

        index = cls(params)
        vocab: dict[str, int] = {}
        corpus_ids: list[list[int]] = []
        # Token strings are turned into ids one text at a time: 10k chunks stay a few tens of MB.
        for text in texts:
            corpus_ids.append([vocab.setdefault(t, len(vocab)) for t in tokenize(text)])
        if len(corpus_ids) != len(ids):
            raise ValueError(f"{len(ids)} ids but {len(corpus_ids)} texts")
        index.ids = list(ids)
        index._position = {doc_id: i for i, doc_id in enumerate(index.ids)}
        if not ids or not vocab:
            return index
        bm25 = bm25s.BM25(k1=index.params.k1, b=index.params.b, method="lucene")
        bm25.index((corpus_ids, vocab), create_empty_token=False, show_progress=False)
        index._adopt(bm25.scores, bm25.vocab_dict)
        return index

    def _adopt(self, scores: dict, vocab: dict[str, int]) -> None:
        self._data = np.asarray(scores["data"], dtype=np.float32)
        self._indices = np.asarray(scores["indices"])
        self._indptr = np.asarray(scores["indptr"])
        self._vocab = vocab

    # -- querying -----------------------------------------------------------------------
    def _weighted_terms(self, query: str) -> dict[int, float]:
        accented = has_diacritics(query)
        terms: dict[int, float] = {}
        for token in query_tokens(query, self.params.drop_function_syllables):
            term = self._vocab.get(token)
            if term is not None:
                terms[term] = terms.get(term, 0.0) + token_weight(token, accented, self.params)
        return terms

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every indexed text for this query (0 where nothing matches)."""
        out = np.zeros(len(self.ids), dtype=np.float32)
        indptr, indices, data = self._indptr, self._indices, self._data
        for term, weight in self._weighted_terms(query).items():
            start, end = indptr[term], indptr[term + 1]
            # a term's postings hold each document once, so plain fancy-index += is exact (and
            # much faster than np.add.at)
            out[indices[start:end]] += weight * data[start:end]
        return out

    def search(self, query: str, k: int, allowed_ids: set[str] | None = None) -> list[tuple[str, float]]:
        if k <= 0 or not self.ids:
            return []
        scores = self.scores(query)
        if allowed_ids is not None:
            keep = np.fromiter(
                (self._position[i] for i in allowed_ids if i in self._position), dtype=np.int64
            )
            candidates = keep[scores[keep] > 0]
        else:
            candidates = np.flatnonzero(scores > 0)
        if len(candidates) > k:
            candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
        # best first; ties broken by id so results are deterministic
        ranked = sorted(candidates.tolist(), key=lambda i: (-float(scores[i]), self.ids[i]))
        return [(self.ids[i], float(scores[i])) for i in ranked]

    # -- persistence ----------------------------------------------------------------------
    def save(self, directory: Path | str) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / "data.npy", self._data)
        np.save(directory / "indices.npy", self._indices)
        np.save(directory / "indptr.npy", self._indptr)
        (directory / "vocab.json").write_text(json.dumps(self._vocab, ensure_ascii=False), encoding="utf-8")
        (directory / "ids.json").write_text(json.dumps(self.ids, ensure_ascii=False), encoding="utf-8")
        meta = {"format": FORMAT_VERSION, "params": asdict(self.params)}
        (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path | str, params: LexicalParams | None = None) -> LexicalIndex:
        """Load a saved index; query-side params may be overridden, k1 and b must match the saved ones."""
        directory = Path(directory)
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"lexical index in {directory} has format {meta.get('format')}, expected {FORMAT_VERSION}")
        saved = LexicalParams(**meta["params"])
        if params is not None and (params.k1, params.b) != (saved.k1, saved.b):
            raise ValueError(f"lexical index in {directory} was built with k1={saved.k1}, b={saved.b}")
        index = cls(params or saved)
        index.ids = json.loads((directory / "ids.json").read_text(encoding="utf-8"))
        index._position = {doc_id: i for i, doc_id in enumerate(index.ids)}
        vocab = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        scores = {
            "data": np.load(directory / "data.npy"),
            "indices": np.load(directory / "indices.npy"),
            "indptr": np.load(directory / "indptr.npy"),
        }
        index._adopt(scores, vocab)
        index.loaded_from = directory
        return index
