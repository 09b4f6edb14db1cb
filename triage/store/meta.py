"""Settings every worker shares through the database's `meta` table."""

from __future__ import annotations

import secrets

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from triage.store.db import Database
from triage.store.schema import meta


def secret(db: Database, name: str) -> str:
    """A random secret shared by every worker (e.g. for signing session cookies), created on first use."""
    key = f"secret:{name}"
    with db.reader.connect() as conn:
        value = conn.scalar(select(meta.c.value).where(meta.c.key == key))
    if value:
        return value
    try:
        with db.transaction() as conn:
            conn.execute(insert(meta).values(key=key, value=secrets.token_hex(32)))
    except IntegrityError:
        pass  # another worker created it first
    with db.reader.connect() as conn:
        return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar_one()
