"""The runtime tables (triage.store.schema) must match what the numbered migrations created, on every backend."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from sqlalchemy import inspect
from triage_support import BACKENDS, open_store

from triage.store import schema
from triage.store.cases import Store


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    with open_store(request.param, tmp_path) as store:
        yield store


def test_module_tables_match_the_migrated_schema(store: Store) -> None:
    """The query-side table definitions must not drift from what the migrations created."""
    inspector = inspect(store.engine)
    assert set(schema.metadata.tables) <= set(inspector.get_table_names())
    for name, table in schema.metadata.tables.items():
        migrated = {c["name"]: c["nullable"] for c in inspector.get_columns(name)}
        assert migrated == {c.name: c.nullable for c in table.columns}, name
        assert set(inspector.get_pk_constraint(name)["constrained_columns"]) == set(table.primary_key.columns.keys())


ADDED_COLUMNS = {  # by later migrations (0003, 0004, 0005, 0006, 0009)
    "audit_log": ["state_json"],
    "api_keys": ["name", "email"],
    "cases": ["version", "review_stale", "stage", "assigned_to", "due_at", "conditions", "reminded_due"],
}


def test_the_runtime_schema_is_the_initial_migration_plus_what_came_after() -> None:
    initial = importlib.import_module("triage.store.migrations.0001_initial").metadata
    for name, frozen in initial.tables.items():
        runtime = schema.metadata.tables[name]
        describe = [(c.name, repr(c.type), c.nullable, c.primary_key, c.unique) for c in frozen.columns]
        now = [(c.name, repr(c.type), c.nullable, c.primary_key, c.unique) for c in runtime.columns]
        assert describe == now[: len(describe)], name  # later migrations only add columns after these
        assert [c[0] for c in now[len(describe) :]] == ADDED_COLUMNS.get(name, []), name
