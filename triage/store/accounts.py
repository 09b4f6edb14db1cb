"""API keys and roles: partners see their own organisation's cases, contacts see and review all, admins manage keys.

A key is `tri_<id>_<secret>` with 256 random bits of secret. Only its sha256 is stored: a high-entropy key needs
no slow hash, and a leaked table gives no usable key. The id finds the row; the hash is compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, delete, insert, select, update

from triage.store import audit
from triage.store.db import Database, canonical_json, iso, utcnow
from triage.store.schema import ORG_MAX_CHARS, api_keys, sessions
from triage.store.state import key_state

Role = Literal["partner", "contact", "admin"]
ROLES: tuple[Role, ...] = ("partner", "contact", "admin")
KEY_PREFIX = "tri"


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's id (the actor in the audit trail), role and organisation."""

    key_id: str
    role: Role
    org: str

    def can_see(self, case_org: str) -> bool:
        return self.role == "contact" or (self.role == "partner" and case_org == self.org)

    @property
    def case_scope(self) -> str | None:
        """The organisation a case query is restricted to (None: all cases)."""
        return None if self.role == "contact" else self.org


@dataclass(frozen=True)
class KeyInfo:
    id: str
    role: Role
    org: str
    label: str | None
    created_at: str
    revoked_at: str | None


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def parse_key(key: str) -> str | None:
    """The key id inside a well-formed key, else None."""
    parts = key.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1] or not parts[2]:
        return None
    if len(parts[1]) > 40 or not all(c in "0123456789abcdef" for c in parts[1]):
        return None
    return parts[1]


def _check(role: str, org: str) -> tuple[Role, str]:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    org = org.strip()
    if not org or len(org) > ORG_MAX_CHARS:
        raise ValueError(f"an organisation name of 1 to {ORG_MAX_CHARS} characters is needed")
    return role, org  # type: ignore[return-value]


def _audit_key(db: Database, conn: Connection, kind: str, key_id: str, *, actor: str, at: str) -> None:
    """Audit a key's creation or revocation with the key's row after it, in the change's transaction."""
    state = key_state(conn, key_id)
    assert state is not None
    summary = {"key_id": key_id, "role": state["role"], "org": state["org"], "label": state["label"]}
    audit.append(
        conn, lock=db.advisory_lock, kind=kind, actor=actor, at=at, result_json=canonical_json(summary), state=state
    )


def issue_key(
    db: Database, role: str, org: str, label: str | None = None, *, actor: str = "cli"
) -> tuple[KeyInfo, str]:
    """Create a key, audited as `actor`'s; the key itself is returned once and never stored."""
    role_, org_ = _check(role, org)
    key_id = secrets.token_hex(8)
    key = f"{KEY_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    info = KeyInfo(id=key_id, role=role_, org=org_, label=label, created_at=iso(utcnow()), revoked_at=None)
    with db.transaction() as conn:
        conn.execute(
            insert(api_keys).values(
                id=key_id, key_hash=hash_key(key), role=role_, org=org_, label=label, created_at=info.created_at
            )
        )
        _audit_key(db, conn, "key_created", key_id, actor=actor, at=info.created_at)
    return info, key


def authenticate(db: Database, key: str) -> Principal | None:
    """The principal a presented key stands for, or None (unknown, malformed or revoked)."""
    key_id = parse_key(key)
    if key_id is None:
        return None
    with db.reader.connect() as conn:
        row = conn.execute(select(api_keys).where(api_keys.c.id == key_id)).first()
    if row is None or not hmac.compare_digest(row.key_hash, hash_key(key.strip())) or row.revoked_at:
        return None
    return Principal(key_id=row.id, role=row.role, org=row.org)


def list_keys(db: Database) -> list[KeyInfo]:
    with db.reader.connect() as conn:
        rows = conn.execute(select(api_keys).order_by(api_keys.c.created_at)).all()
    return [
        KeyInfo(id=r.id, role=r.role, org=r.org, label=r.label, created_at=r.created_at, revoked_at=r.revoked_at)
        for r in rows
    ]


def revoke_key(db: Database, key_id: str, *, actor: str = "cli") -> bool:
    """Revoke a key at once, audited as `actor`'s, ending its sessions; False when there is no such active key."""
    now = iso(utcnow())
    with db.transaction() as conn:
        done = conn.execute(
            update(api_keys).where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None)).values(revoked_at=now)
        )
        if done.rowcount != 1:
            return False
        conn.execute(delete(sessions).where(sessions.c.key_id == key_id))
        _audit_key(db, conn, "key_revoked", key_id, actor=actor, at=now)
    return True
