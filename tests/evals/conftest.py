"""Fixtures for the eval tests: isolated settings, the CLI over a scripted extractor, a fresh store."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval_support import ScriptedExtractor

from triage.config import Settings, get_settings
from triage.evals import run
from triage.pipeline import Pipeline
from triage.store import Store


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("TRIAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRIAGE_LLM_MODEL", raising=False)
    monkeypatch.delenv("TRIAGE_EXTRACTOR", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> Callable[..., ScriptedExtractor]:
    """Make the CLI build pipelines over a scripted extractor (no citations: the metrics tests need no index)."""
    holder: dict[str, ScriptedExtractor] = {"extractor": ScriptedExtractor()}

    def make(settings: Settings, *, cite: bool = True) -> Pipeline:
        return Pipeline(settings, extractor=holder["extractor"], cite=False)

    def use(overrides: dict[str, str] | None = None) -> ScriptedExtractor:
        holder["extractor"] = ScriptedExtractor(overrides)
        return holder["extractor"]

    monkeypatch.setattr(run, "make_pipeline", make)
    return use


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(Settings(data_dir=tmp_path / "data"))
    yield store
    store.close()
