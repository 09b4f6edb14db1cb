"""The precedent index: a Chroma collection with one vector per decided case, embedded from its current plan.

It holds vectors and metadata only (organisation, creation time, route, version), never the plan text: partner text
stays in the store, which is the source of truth (triage.precedents.sync rebuilds the index from it). The client
and the embedding model are the policy index's (triage.retrieval): the embedded Chroma under TRIAGE_DATA_DIR, or
the Chroma server when one is configured. One collection per database, so two deployments sharing a Chroma server
never see each other's cases.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import numpy as np
from chromadb.api.client import Client
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Embeddable, EmbeddingFunction, Metadata
from chromadb.errors import NotFoundError

from triage.config import Settings
from triage.embedding import MODEL_SHA256, MiniLMInt8EmbeddingFunction
from triage.records import Route
from triage.retrieval import open_chroma_client
from triage.store.db import database_url, iso, utcnow
from triage.store.precedents import Document, Indexed

PAGE = 5000  # entries per read when listing the whole index
NOT_BUILT = "the precedent index has not been built yet (it builds itself while the service runs)"
OTHER_MODEL = "the precedent index was embedded with another model; it is rebuilt from the stored cases"
REBUILT = "the precedent index is being rebuilt; try again in a moment"


class IndexUnavailable(RuntimeError):
    """No usable precedent index; the message says why in a sentence safe to show."""


@dataclass(frozen=True)
class Neighbour:
    """A case the index proposes: its id, the version its vector was embedded from, its cosine distance."""

    case_id: str
    version: int
    distance: float


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def micros(timestamp: str) -> int:
    """A stored timestamp (triage.store.db.iso) as whole microseconds since the epoch, exactly: Chroma's filters
    compare numbers, not text."""
    moment = datetime.strptime(timestamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return (moment - EPOCH) // timedelta(microseconds=1)


def _version(metadata: Metadata | None) -> int:
    """The plan version an entry was embedded from (0, never a version, for an entry without a valid one)."""
    version = (metadata or {}).get("version")
    return version if isinstance(version, int) else 0


def collection_name(settings: Settings) -> str:
    """The collection of this database's cases (the URL's hash, its password left out)."""
    url = database_url(settings.sqlalchemy_url).render_as_string(hide_password=True)
    return f"precedents-{hashlib.sha256(url.encode()).hexdigest()[:16]}"


class PrecedentIndex:
    """Vectors of decided cases, nearest-neighbour search filtered by organisation and creation time."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # one intra-op thread: the sweep runs at a low priority on its own thread, and a thread onnxruntime starts
        # would not inherit that priority
        self.embedding_function = MiniLMInt8EmbeddingFunction(threads=1)
        self.name = collection_name(settings)
        self._client: Client | None = None
        self._collection: Collection | None = None
        self._lock = threading.RLock()

    @property
    def client(self) -> Client:
        """The Chroma client, opened on first use (a server that cannot be reached fails the call, not the setup)."""
        with self._lock:
            if self._client is None:
                self._client = open_chroma_client(self.settings)
            return self._client

    def close(self) -> None:
        """Release the client (its store's files and threads, once no other client of the process uses them)."""
        with self._lock:
            client, self._client, self._collection = self._client, None, None
        if client is not None:
            client.close()

    def _expected_metadata(self) -> dict[str, str | int]:
        return {
            "kind": "precedents",
            "embedding": self.embedding_function.name(),
            "model_sha256": MODEL_SHA256,
            "max_length": self.embedding_function.max_length,
        }

    def _chroma_function(self) -> EmbeddingFunction[Embeddable]:
        return cast("EmbeddingFunction[Embeddable]", self.embedding_function)

    def collection(self) -> Collection:
        """The index as built; IndexUnavailable when it is missing or was embedded with another model."""
        if self._collection is not None:
            return self._collection
        with self._lock:
            if self._collection is None:
                client = self.client
                try:  # vectors are given, never embedded by Chroma: the metadata says which model made them
                    found = client.get_collection(self.name)
                except NotFoundError:
                    raise IndexUnavailable(NOT_BUILT) from None
                metadata = found.metadata or {}
                if any(metadata.get(key) != value for key, value in self._expected_metadata().items()):
                    raise IndexUnavailable(OTHER_MODEL)
                self._collection = found
            return self._collection

    def ensure(self) -> Collection:
        """The index, created empty when missing and rebuilt when embedded with another model (for the sweep)."""
        try:
            return self.collection()
        except IndexUnavailable:
            return self.rebuild()

    def rebuild(self) -> Collection:
        """Drop the index and start an empty one (`triage precedents reindex` then fills it from the store)."""
        with self._lock:
            with contextlib.suppress(NotFoundError, ValueError):
                self.client.delete_collection(self.name)
            metadata: dict[str, Any] = {**self._expected_metadata(), "built_at": iso(utcnow())}
            self._collection = self.client.create_collection(
                self.name, embedding_function=self._chroma_function(), metadata=metadata
            )
            return self._collection

    @contextlib.contextmanager
    def _open(self) -> Iterator[Collection]:
        """The collection for one call; another process dropping it under us (a reindex) is IndexUnavailable."""
        try:
            yield self.collection()
        except NotFoundError:
            self._collection = None
            raise IndexUnavailable(REBUILT) from None

    # -- what the sweep writes ----------------------------------------------------------------------------------

    def embed(self, text: str) -> np.ndarray:
        """The plan's vector (its first 256 tokens: the model's input length)."""
        return np.asarray(self.embedding_function([text])[0], dtype=np.float32)

    def add(self, documents: Sequence[Document]) -> None:
        """Embed each case's plan (one at a time: batching measured slower on this model) and store them at once."""
        if not documents:
            return
        metadatas: list[Metadata] = [
            {"org": d.org, "created_at": d.created_at, "created_us": micros(d.created_at), "route": d.route,
             "version": d.version}
            for d in documents
        ]  # fmt: skip
        embeddings = [self.embed(d.text) for d in documents]
        with self._open() as collection:
            collection.upsert(ids=[d.id for d in documents], embeddings=embeddings, metadatas=metadatas)

    def set_routes(self, routes: dict[str, Route]) -> None:
        """Record cases' new final routes (a review) without embedding their plans again."""
        if routes:
            metadatas: list[Metadata] = [{"route": route} for route in routes.values()]
            with self._open() as collection:
                collection.update(ids=list(routes), metadatas=metadatas)

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if ids:
            with self._open() as collection:
                collection.delete(ids=ids)

    def indexed(self) -> dict[str, Indexed]:
        """Every entry's case id with the version and route it was indexed with."""
        found: dict[str, Indexed] = {}
        offset = 0
        while True:
            with self._open() as collection:
                page = collection.get(include=["metadatas"], limit=PAGE, offset=offset)
            for case_id, metadata in zip(page["ids"], page["metadatas"] or [], strict=True):
                found[case_id] = Indexed(_version(metadata), cast(Route, metadata.get("route")))
            if len(page["ids"]) < PAGE:
                return found
            offset += PAGE

    # -- what a case page reads ---------------------------------------------------------------------------------

    def vector(self, case_id: str, version: int) -> np.ndarray | None:
        """The case's stored vector when it was embedded from this version of its plan."""
        with self._open() as collection:
            stored = collection.get(ids=[case_id], include=["embeddings", "metadatas"])
        metadatas = stored["metadatas"] or []
        if not stored["ids"] or _version(metadatas[0]) != version or stored["embeddings"] is None:
            return None
        return np.asarray(stored["embeddings"][0], dtype=np.float32)

    def nearest(self, vector: np.ndarray, *, before: str, org: str | None, n: int) -> list[Neighbour]:
        """Up to n entries nearest to `vector`, best first, among the cases created before `before` and (unless
        `org` is None) of organisation `org`: the filter is part of the query, so no other entry is even read."""
        where: dict[str, Any] = {"created_us": {"$lt": micros(before)}}
        if org is not None:
            where = {"$and": [where, {"org": {"$eq": org}}]}
        with self._open() as collection:
            found = collection.query(
                query_embeddings=[vector], n_results=n, where=where, include=["metadatas", "distances"]
            )
        ids, metadatas, distances = found["ids"][0], (found["metadatas"] or [[]])[0], (found["distances"] or [[]])[0]
        return [
            Neighbour(case_id, _version(metadata), float(distance))
            for case_id, metadata, distance in zip(ids, metadatas, distances, strict=True)
        ]
