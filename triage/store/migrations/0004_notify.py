"""People and notifications: a key's holder (name, email), contact routing, notification settings, webhook targets,
and the outbox that delivers each event at least once. Existing keys keep working: a key's name becomes its label.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()

Table(
    "contact_routes",
    metadata,
    Column("contact_id", String(40), nullable=False),
    Column("org", String(200), nullable=False),
    PrimaryKeyConstraint("contact_id", "org"),
    Index("ix_contact_routes_org", "org"),
)

Table(
    "notify_settings",
    metadata,
    Column("owner_kind", String(10), nullable=False),
    Column("owner", String(200), nullable=False),
    Column("email_events", Text),
    Column("include_plan", Boolean),
    PrimaryKeyConstraint("owner_kind", "owner"),
)

Table(
    "webhooks",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("owner_kind", String(10), nullable=False),
    Column("owner", String(200), nullable=False),
    Column("url", Text, nullable=False),
    Column("secret", String(100), nullable=False),
    Column("format", String(20), nullable=False),
    Column("events", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

Table(
    "outbox",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("event_id", String(40), nullable=False),
    Column("event", String(40), nullable=False),
    Column("case_id", String(40)),
    Column("channel", String(20), nullable=False),
    Column("recipient", String(40)),
    Column("target", String(400), nullable=False),
    Column("payload_json", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", String(40), nullable=False),
    Column("lease_until", String(40)),
    Column("claim_token", String(40)),
    Column("last_error", Text),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("delivered_at", String(40)),
    Index("ix_outbox_due", "status", "next_attempt_at"),
)


def upgrade(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE api_keys ADD COLUMN name VARCHAR(200)"))
    conn.execute(text("ALTER TABLE api_keys ADD COLUMN email VARCHAR(320)"))
    conn.execute(text("UPDATE api_keys SET name = label"))
    metadata.create_all(conn)
