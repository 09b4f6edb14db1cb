"""Fixtures for the fault and crash tests: one misbehaving LLM server and one built policy index per module.

Everything here listens on 127.0.0.1 only; tests that connect to a server mark themselves `local_server`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fake_llm import FakeLLMServer

from triage.config import Settings
from triage.policy import load_policy
from triage.retrieval import PolicyIndex


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: starts server processes or waits on timeouts (deselect: -m 'not slow')")


@pytest.fixture(scope="module")
def fake_llm() -> Iterator[FakeLLMServer]:
    with FakeLLMServer() as server:
        yield server


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose Chroma index is built once per module (building costs seconds; reading it, milliseconds)."""
    data_dir = tmp_path_factory.mktemp("index")
    settings = Settings(data_dir=data_dir)
    PolicyIndex(load_policy(settings.knowledge_dir), settings).collection()
    return data_dir


@pytest.fixture(scope="module")
def policy_index(index_dir: Path) -> PolicyIndex:
    settings = Settings(data_dir=index_dir)
    return PolicyIndex(load_policy(settings.knowledge_dir), settings)
