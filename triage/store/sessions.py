"""Sign-in sessions for the web pages, kept server-side: sign-out, key revocation and expiry end them at once.

The browser's cookie carries a random 256-bit token; the table keeps only its sha256 (a reader of the database
cannot turn a row back into a cookie), the key it signed in with, and when it expires. Nothing signs sessions, so
there is no secret to keep. Revoking a key deletes its sessions (triage.store.accounts.revoke_key).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, insert, select

from triage.store.accounts import Principal
from triage.store.db import Database, iso, utcnow
from triage.store.schema import api_keys, sessions

SESSION_MAX_AGE_S = 12 * 3600


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(db: Database, key_id: str, *, max_age_s: int = SESSION_MAX_AGE_S) -> str:
    """A new session for this key; returns the token for the cookie (never stored). Drops the key's expired ones."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with db.transaction() as conn:
        conn.execute(delete(sessions).where(sessions.c.key_id == key_id, sessions.c.expires_at < iso(now)))
        conn.execute(
            insert(sessions).values(
                token_hash=token_hash(token),
                key_id=key_id,
                created_at=iso(now),
                expires_at=iso(now + timedelta(seconds=max_age_s)),
            )
        )
    return token


def principal(db: Database, token: str) -> Principal | None:
    """Who a cookie's token is signed in as: None when the session ended, expired, or its key was revoked."""
    query = (
        select(api_keys.c.id, api_keys.c.role, api_keys.c.org)
        .join(sessions, sessions.c.key_id == api_keys.c.id)
        .where(
            sessions.c.token_hash == token_hash(token),
            sessions.c.expires_at > iso(utcnow()),
            api_keys.c.revoked_at.is_(None),
        )
    )
    with db.reader.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else Principal(key_id=row.id, role=row.role, org=row.org)


def end(db: Database, token: str) -> None:
    """Sign-out: the session's row goes, so the cookie (or any copy of it) signs in no one any more."""
    with db.transaction() as conn:
        conn.execute(delete(sessions).where(sessions.c.token_hash == token_hash(token)))
