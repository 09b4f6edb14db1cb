"""The precedent tests' fixture: a store on each backend with a real precedent index beside it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from precedent_support import World
from triage_support import BACKENDS, open_store

from triage.config import Settings
from triage.precedents.index import PrecedentIndex
from triage.precedents.sync import Sync


@pytest.fixture(params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    with open_store(request.param, tmp_path) as store:
        index = PrecedentIndex(Settings(data_dir=tmp_path))
        try:
            yield World(store, index, Sync(store, index))
        finally:
            index.close()
