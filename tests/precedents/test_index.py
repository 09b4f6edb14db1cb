"""The precedent index: exact time filters, one collection per database, and no partner text in Chroma."""

from __future__ import annotations

from pathlib import Path

from precedent_support import MOOD, VOICE, World

from triage.config import Settings
from triage.precedents.index import collection_name, micros


def test_timestamps_become_exact_microseconds() -> None:
    assert micros("1970-01-01T00:00:00.000001Z") == 1
    earlier, later = "2026-03-01T12:00:00.999999Z", "2026-03-01T12:00:01.000000Z"
    assert micros(later) - micros(earlier) == 1


def test_each_database_has_its_own_collection(tmp_path: Path) -> None:
    sqlite = Settings(data_dir=tmp_path)
    postgres = Settings(data_dir=tmp_path, database_url="postgresql+psycopg://u:secret@db.example/triage")
    other = Settings(data_dir=tmp_path, database_url="postgresql+psycopg://u:other@db.example/triage")
    assert collection_name(sqlite) != collection_name(postgres)
    assert collection_name(postgres) == collection_name(other)  # the password is not part of the name


def test_the_index_holds_vectors_and_metadata_never_the_plan(world: World) -> None:
    world.submit(VOICE)
    world.submit(MOOD)
    world.sync.poll()
    stored = world.index.collection().get(include=["documents", "metadatas"])
    assert len(stored["ids"]) == 2 and stored["documents"] == [None, None]
    assert all(set(m) == {"org", "created_at", "created_us", "route", "version"} for m in stored["metadatas"] or [])
