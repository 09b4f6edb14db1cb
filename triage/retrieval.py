"""Find the policy passages a finding rests on, or that answer a question, through a Chroma index of the policy.

Chroma only proposes passages: every citation is re-checked against the loaded Policy (its section exists and its
text is one of that section's passages, verbatim) so a stale or foreign index can make the service silent, never
wrong. The index is keyed by the policy's content hash and rebuilds itself when the knowledge files change.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import re
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.client import Client
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Embeddable, EmbeddingFunction, Metadata
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError

from triage.config import QuoteRanking, Settings, get_settings
from triage.embedding import MODEL_SHA256, MiniLMInt8EmbeddingFunction
from triage.policy import Policy, load_policy, policy_files, policy_version
from triage.records import Citation

QUERY_CACHE_SIZE = 1024
# How much a partner quote's word overlap with a passage counts against the rule's semantic similarity to it: of
# 0.25, 0.5 and 1, the best precision on the dev set's hand-labeled citations (scripts/bench_citations.py).
QUOTE_WORD_WEIGHT = 0.5
STOPWORDS = frozenset(
    "a about after all also an and any are as at be been before being but by can could do does for from had has have"
    " how if in into is it its may might more must no not of on or other our out over should so some such than that"
    " the their them then there these they this those through to under up use used uses using was we were what when"
    " where which while who will with without would you your ours us".split()
)
_WORD_RE = re.compile(r"[^\W\d_]{3,}")


def stems(text: str) -> list[str]:
    """Content words, lower-cased and crudely stemmed ("cloning", "cloned", "clones" -> "clon"): enough to match a
    partner's wording to a passage's, which is all the quote ranking asks of them."""
    out = []
    for word in _WORD_RE.findall(text.lower()):
        if word in STOPWORDS:
            continue
        for suffix in ("ing", "ed", "es", "s", "e"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        out.append(word)
    return out


class PassageWords:
    """TF-IDF vectors of the passages' words, for ranking them against a partner's quote in microseconds."""

    def __init__(self, passages: list[str]) -> None:
        counts = [Counter(stems(p)) for p in passages]
        documents = Counter(word for c in counts for word in c)
        self.unseen_idf = math.log(len(passages) + 1) + 1.0
        self.idf = {word: math.log((len(passages) + 1) / (n + 1)) + 1.0 for word, n in documents.items()}
        self.vectors = [self._unit({w: n * self.idf[w] for w, n in c.items()}) for c in counts]

    @staticmethod
    def _unit(weights: dict[str, float]) -> dict[str, float]:
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {w: v / norm for w, v in weights.items()}

    def scores(self, text: str) -> np.ndarray:
        """Cosine similarity of text's words to each passage's (words the policy never uses count as rare)."""
        query = self._unit({w: n * self.idf.get(w, self.unseen_idf) for w, n in Counter(stems(text)).items()})
        return np.array([sum(v * p.get(w, 0.0) for w, v in query.items()) for p in self.vectors], dtype=np.float32)


@dataclass(frozen=True)
class Hit:
    """A verified citation with its cosine distance to the query (smaller is closer)."""

    citation: Citation
    distance: float


_clients: dict[tuple[Any, ...], ClientAPI] = {}
_clients_lock = threading.Lock()


def _location(settings: Settings) -> tuple[Any, ...]:
    if settings.chroma_host:
        return ("http", settings.chroma_host, settings.chroma_port)
    return ("path", str((Path(settings.data_dir) / "chroma").resolve()))


def open_chroma_client(settings: Settings) -> Client:
    """A new client: the embedded store under the data dir by default, a Chroma server when configured. Its owner
    closes it (`close()`); embedded clients of one location share their store within the process."""
    location = _location(settings)
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    else:
        Path(location[1]).mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=location[1], settings=chroma_settings)
    return cast(Client, client)  # what both constructors build (declared as the abstract ClientAPI)


def chroma_client(settings: Settings) -> ClientAPI:
    """One client per process and location, kept open (the policy index's)."""
    key = _location(settings)
    with _clients_lock:
        client = _clients.get(key)
        if client is None:
            client = _clients[key] = open_chroma_client(settings)
        return client


def collection_name(policy: Policy) -> str:
    """A stable, Chroma-safe name per policy (the version lives in the collection's metadata)."""
    slug = re.sub(r"[^a-z0-9]+", "-", policy.name.lower()).strip("-")[:40].strip("-") or "policy"
    return f"policy-{slug}-{hashlib.sha256(policy.name.encode()).hexdigest()[:8]}"


class PolicyIndex:
    """Semantic search over one policy's passages, filtered by section, returning verified citations."""

    def __init__(
        self,
        policy: Policy,
        settings: Settings | None = None,
        *,
        client: ClientAPI | None = None,
        embedding_function: MiniLMInt8EmbeddingFunction | None = None,
        query_cache_size: int = QUERY_CACHE_SIZE,
    ) -> None:
        self.policy = policy
        self.settings = settings or get_settings()
        self.client = client or chroma_client(self.settings)
        self.embedding_function = embedding_function or MiniLMInt8EmbeddingFunction()
        self.name = collection_name(policy)
        self._collection: Collection | None = None
        self._matrix: tuple[Collection, np.ndarray, list[tuple[str, str]], PassageWords] | None = None
        self._lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._query_cache_size = query_cache_size
        self.build_seconds: float | None = None  # set when this instance (re)built the index

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> PolicyIndex:
        settings = settings or get_settings()
        return cls(load_policy(settings.knowledge_dir), settings)

    # -- building ---------------------------------------------------------------------------------------------

    def _expected_metadata(self) -> dict[str, str | int]:
        return {
            "policy_name": self.policy.name,
            "policy_version": self.policy.version,
            "embedding": self.embedding_function.name(),
            "model_sha256": MODEL_SHA256,
            "max_length": self.embedding_function.max_length,
            "passages": sum(len(s.passages) for s in self.policy.sections.values()),
        }

    def _is_current(self, collection: Collection) -> bool:
        metadata = collection.metadata or {}
        expected = self._expected_metadata()
        return all(metadata.get(key) == value for key, value in expected.items()) and (
            collection.count() == expected["passages"]
        )

    def _chroma_function(self) -> EmbeddingFunction[Embeddable]:
        """Our text-only embedding function as the type Chroma's collection API declares (it embeds documents only)."""
        return cast("EmbeddingFunction[Embeddable]", self.embedding_function)

    def collection(self) -> Collection:
        """The up-to-date collection, built on first use and rebuilt when the policy or model changed."""
        if self._collection is not None:
            return self._collection
        with self._lock:
            if self._collection is None:
                try:
                    existing = self.client.get_collection(self.name, embedding_function=self._chroma_function())
                except (NotFoundError, ValueError):
                    existing = None
                self._collection = existing if existing is not None and self._is_current(existing) else self._build()
            return self._collection

    def rebuild(self) -> int:
        """Drop and rebuild the index (`triage index`); returns the number of passages indexed."""
        with self._lock:
            self._collection = self._build()
        return self._collection.count()

    def _build(self) -> Collection:
        started = time.perf_counter()
        with contextlib.suppress(NotFoundError, ValueError):
            self.client.delete_collection(self.name)
        metadata: dict[str, Any] = {**self._expected_metadata(), "built_at": datetime.now(UTC).isoformat()}
        collection = self.client.create_collection(
            self.name, embedding_function=self._chroma_function(), metadata=metadata
        )
        ids: list[str] = []
        documents: list[str] = []
        metadatas: list[Metadata] = []
        for section, index, passage in self.policy.passages():
            ids.append(f"{section.id}#{index}")
            documents.append(passage)
            metadatas.append({"section": section.id, "title": section.title, "url": section.url, "index": index})
        # Passages are embedded alone: prefixing section titles (often questions) measured worse on the eval set.
        collection.add(ids=ids, documents=documents, metadatas=metadatas)
        self.build_seconds = time.perf_counter() - started
        return collection

    # -- querying ---------------------------------------------------------------------------------------------

    def _query_vector(self, text: str) -> np.ndarray:
        """The query's vector; repeated queries (a rule's fixed citation query) skip the model."""
        with self._cache_lock:
            vector = self._query_cache.get(text)
            if vector is not None:
                self._query_cache.move_to_end(text)
                return vector
        vector = self.embedding_function.embed_query([text])[0]
        if self._query_cache_size > 0:
            with self._cache_lock:
                self._query_cache[text] = vector
                while len(self._query_cache) > self._query_cache_size:
                    self._query_cache.popitem(last=False)
        return vector

    def _vectors(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Vectors for many texts, embedding only the ones not cached, in one batch."""
        found: dict[str, np.ndarray] = {}
        with self._cache_lock:
            for text in texts:
                vector = self._query_cache.get(text)
                if vector is not None:
                    found[text] = vector
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            for text, vector in zip(missing, self.embedding_function.embed_query(missing), strict=True):
                found[text] = np.asarray(vector)
            with self._cache_lock:
                for text in missing:
                    self._query_cache[text] = found[text]
                while len(self._query_cache) > self._query_cache_size:
                    self._query_cache.popitem(last=False)
        return found

    def cite_findings(
        self, requests: list[tuple[str, str | None, list[str]]], k: int = 2, *, quotes: QuoteRanking = "words"
    ) -> list[list[Citation]]:
        """Citations for many findings at once: (rule text, partner evidence, sections) each, best first.

        A passage's score is its similarity to the rule's text (an embedding, cached across cases) plus its
        similarity to the partner's quote: by word overlap (`words`, the default: microseconds), by embedding the
        quote (`embedding`: one batched model run per case, most of a lexical triage's CPU), or not at all (`off`).
        """
        by_embedding = quotes == "embedding"
        texts = [rule for rule, _, _ in requests]
        if by_embedding:
            texts += [evidence for _, evidence, _ in requests if evidence]
        vectors = self._vectors(texts)
        matrix, passages, words = self._passage_matrix()
        cited: list[list[Citation]] = []
        for rule, evidence, sections in requests:
            if by_embedding and evidence:
                vector = vectors[rule] + vectors[evidence]
                scores = matrix @ (vector / (np.linalg.norm(vector) or 1.0))
            else:
                scores = matrix @ vectors[rule]
                if evidence and quotes == "words":
                    scores = scores + QUOTE_WORD_WEIGHT * words.scores(evidence)
            wanted = set(sections) & set(self.policy.sections)
            order = [i for i in np.argsort(-scores) if passages[i][0] in wanted] or list(np.argsort(-scores))
            cited.append([self.policy.citation(*passages[i]) for i in order[:k]])
        return cited

    def _passage_matrix(self) -> tuple[np.ndarray, list[tuple[str, str]], PassageWords]:
        """The indexed passages' vectors (read from Chroma once per collection) and their words.

        A policy has tens of passages, so an exact dot product over all of them is both more precise and far
        cheaper per finding than a filtered approximate Chroma query; only verified passages are kept.
        """
        collection = self.collection()
        if self._matrix is not None and self._matrix[0] is collection:
            return self._matrix[1], self._matrix[2], self._matrix[3]
        stored = collection.get(include=["embeddings", "documents", "metadatas"])
        rows, passages = [], []
        vectors = stored["embeddings"] if stored["embeddings"] is not None else []
        for vector, document, metadata in zip(
            list(vectors), stored["documents"] or [], stored["metadatas"] or [], strict=True
        ):
            section_id = str((metadata or {}).get("section", ""))
            if document is not None and self.policy.has_passage(section_id, document):  # cited or silent
                rows.append(np.asarray(vector, dtype=np.float32))
                passages.append((section_id, document))
        matrix = np.vstack(rows) if rows else np.zeros((0, 1), dtype=np.float32)
        matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        words = PassageWords([text for _, text in passages])
        self._matrix = (collection, matrix, passages, words)
        return matrix, passages, words

    def search(self, query: str, sections: list[str] | None = None, k: int = 3) -> list[Hit]:
        """Up to k verified hits, best first; sections=None searches the whole policy."""
        if k <= 0 or not query.strip():
            return []
        return self._search_vector(self._query_vector(query), sections, k)

    def _search_vector(self, vector: np.ndarray, sections: list[str] | None, k: int) -> list[Hit]:
        collection = self.collection()
        where: dict[str, Any] | None = None
        if sections is not None:
            if not sections:
                return []
            where = {"section": sections[0]} if len(sections) == 1 else {"section": {"$in": list(sections)}}
        try:
            result = collection.query(
                query_embeddings=[vector], n_results=k, where=where, include=["documents", "metadatas", "distances"]
            )
        except NotFoundError:  # another process rebuilt the index under us: reopen it once
            self._collection = None
            result = self.collection().query(
                query_embeddings=[vector], n_results=k, where=where, include=["documents", "metadatas", "distances"]
            )
        documents = (result.get("documents") or [[]])[0]
        metadatas = (result.get("metadatas") or [[]])[0]
        distances = (result.get("distances") or [[]])[0]
        hits: list[Hit] = []
        seen: set[tuple[str, str]] = set()
        for document, metadata, distance in zip(documents, metadatas, distances, strict=False):
            section_id = str((metadata or {}).get("section", ""))
            if document is None or (section_id, document) in seen:
                continue
            if not self.policy.has_passage(section_id, document):  # cited or silent
                continue
            seen.add((section_id, document))
            hits.append(Hit(self.policy.citation(section_id, document), float(distance)))
        return hits

    def cite(self, query: str, sections: list[str], k: int = 2) -> list[Citation]:
        """The k passages within these sections closest to query; the whole policy only if they yield nothing.

        One finding's worth of `cite_findings`, so every citation is ranked the same way."""
        return self.cite_findings([(query, None, sections)], k, quotes="off")[0]

    def ask(self, question: str, k: int = 3) -> list[Citation]:
        """The k passages of the whole policy that best answer a free-text question."""
        return [hit.citation for hit in self.search(question, None, k)]


_indexes: dict[tuple[Any, ...], PolicyIndex] = {}
_indexes_lock = threading.Lock()


def get_policy_index(settings: Settings | None = None) -> PolicyIndex:
    """The process-wide index for the configured knowledge folder, reloaded when its files change."""
    settings = settings or get_settings()
    knowledge = Path(settings.knowledge_dir).resolve()
    version = policy_version(policy_files(knowledge))
    key = (str(knowledge), str(Path(settings.data_dir).resolve()), settings.chroma_host, settings.chroma_port)
    with _indexes_lock:
        index = _indexes.get(key)
        if index is None or index.policy.version != version:
            index = PolicyIndex(load_policy(knowledge), settings)
            _indexes[key] = index
        return index
