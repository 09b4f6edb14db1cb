"""Numbered schema migrations: `NNNN_name.py` modules, each with `upgrade(conn)`, applied in order once.

A migration is a frozen snapshot of the change it made: never edit one that has shipped, add the next number
(and mirror it in triage.store.schema). This module applies them.
"""

from __future__ import annotations

import importlib
import logging
import re
from importlib import resources

from sqlalchemy import func, insert, select

from triage.store.db import Database, iso, utcnow
from triage.store.schema import schema_version

log = logging.getLogger(__name__)


def available() -> list[tuple[int, str]]:
    """(number, module name) of every migration in this package, in order."""
    found = []
    for path in resources.files(__name__).iterdir():
        match = re.fullmatch(r"(\d{4})_(\w+)\.py", path.name)
        if match:
            found.append((int(match.group(1)), path.name[:-3]))
    return sorted(found)


def migrate(db: Database) -> int:
    """Apply the numbered migrations not yet applied; safe when several workers start at once."""
    with db.transaction() as conn:
        db.advisory_lock(conn, "triage.migrate")
        schema_version.create(conn, checkfirst=True)
        applied = set(conn.scalars(select(schema_version.c.version)))
        for version, module_name in available():
            if version in applied:
                continue
            module = importlib.import_module(f"{__name__}.{module_name}")
            module.upgrade(conn)
            conn.execute(insert(schema_version).values(version=version, name=module_name, applied_at=iso(utcnow())))
            log.info("applied migration %s", module_name)
        return max(conn.scalars(select(schema_version.c.version)), default=0)


def current_version(db: Database) -> int:
    """The newest migration applied (0 on an empty database that has the version table)."""
    with db.reader.connect() as conn:
        return conn.scalar(select(func.max(schema_version.c.version))) or 0


def ping(db: Database) -> None:
    """Raises when the database cannot be reached or is not migrated."""
    with db.reader.connect() as conn:
        conn.execute(select(func.count()).select_from(schema_version))
