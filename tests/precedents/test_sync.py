"""Keeping the index in step with the store: what is missing or stale is embedded, what the store lacks is dropped,
a missing, stale or unreachable index degrades to no precedents with the reason, and one sweep runs per machine."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from precedent_support import ACME, CONTACT, MOOD, VOICE, VOICE_AGAIN, World
from triage_support import FakePipeline

from triage import cli, service
from triage.config import Settings, get_settings
from triage.precedents.find import find
from triage.precedents.index import NOT_BUILT, OTHER_MODEL, PrecedentIndex
from triage.precedents.sync import Sync, reindex, take_lock
from triage.records import Intake
from triage.store.precedents import Document


def test_reconcile_embeds_what_is_missing_and_drops_what_the_store_lacks(world: World) -> None:
    first = world.submit(VOICE)
    world.sync.poll()
    world.index.delete([first.id])
    world.index.add([Document("c_00000000000000aa", "acme", first.created_at, 1, "notify", first.text)])  # not stored
    second = world.submit(MOOD)
    fresh = Sync(world.store, world.index)  # another process, or this one restarted
    assert fresh.reconcile() == 2
    assert set(world.index.indexed()) == {first.id, second.id}
    assert fresh.poll() == 0  # nothing changed since


def test_a_missing_index_is_no_precedents_with_the_reason(world: World) -> None:
    case = world.submit(VOICE)
    found = service.precedents(world.store, world.index, case.id, principal=CONTACT)
    assert found.items == [] and found.unavailable == NOT_BUILT
    world.sync.poll()
    assert service.precedents(world.store, world.index, case.id, principal=CONTACT).unavailable is None


def test_an_index_from_another_model_is_no_precedents_until_rebuilt(world: World, tmp_path: Path) -> None:
    earlier = world.submit(VOICE)
    case = world.submit(VOICE_AGAIN)
    world.sync.poll()
    world.index.collection().modify(metadata={**(world.index.collection().metadata or {}), "model_sha256": "0" * 64})
    reopened = PrecedentIndex(Settings(data_dir=tmp_path))
    try:
        found = find(world.store, reopened, case, scope=None)
        assert found.items == [] and found.unavailable == OTHER_MODEL
        assert reindex(world.store, reopened) == 2
        assert [p.case.id for p in find(world.store, reopened, case, scope=None).items] == [earlier.id]
    finally:
        reopened.close()


@pytest.mark.local_server
def test_an_unreachable_chroma_server_is_no_precedents_not_an_error(world: World, tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    case = world.submit(VOICE)
    index = PrecedentIndex(Settings(data_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=port))
    found = find(world.store, index, case, scope=ACME.org)
    assert found.items == [] and found.unavailable and "could not be read" in found.unavailable


def test_one_process_per_machine_holds_the_sweep(tmp_path: Path) -> None:
    held = take_lock(tmp_path / "precedents.lock")
    assert held is not None
    assert take_lock(tmp_path / "precedents.lock") is None
    held.close()
    again = take_lock(tmp_path / "precedents.lock")
    assert again is not None
    again.close()


def test_the_sweep_indexes_triaged_cases_until_stopped(world: World, tmp_path: Path) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=world.sync.run, args=(stop, tmp_path / "precedents.lock"), daemon=True)
    thread.start()
    try:
        case = world.submit(VOICE)
        deadline = time.monotonic() + 30
        while case.id not in world.sync.known and time.monotonic() < deadline:
            time.sleep(0.05)
        assert case.id in world.index.indexed()
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_reindex_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TRIAGE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        with service.opened(get_settings()) as store:
            for text in (VOICE, MOOD):
                service.submit(store, FakePipeline(), Intake(text=text), org="acme", actor="k", actor_role="partner")
        assert cli.main(["precedents", "reindex"]) == 0
        assert capsys.readouterr().out.startswith("indexed 2 decided case(s)")
    finally:
        get_settings.cache_clear()
