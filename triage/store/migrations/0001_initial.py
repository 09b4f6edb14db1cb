"""Cases, their history, the audit chain, API keys, shared settings and rate-limit counters.

Timestamps are ISO-8601 UTC text (portable, exact, sortable); the audit chain hashes only text and integers so a
record reads back byte-for-byte the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

Table(
    "cases",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("org", String(200), nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("status", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("production_type", String(40)),
    Column("production_title", String(300)),
    Column("route", String(20)),
    Column("approval_required", Boolean),
    Column("result_json", Text),
    Column("error", Text),
    Column("review", String(40)),
    Column("review_route", String(20)),
    Column("review_reason", Text),
    Column("reviewed_by", String(40)),
    Column("reviewed_at", String(40)),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("run_token", String(40)),
    Column("lease_until", String(40)),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Index("ix_cases_org_created", "org", "created_at"),
    Index("ix_cases_status", "status"),
)

Table(
    "case_events",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("actor", String(40), nullable=False),
    Column("at", String(40), nullable=False),
    Column("data_json", Text, nullable=False),
    PrimaryKeyConstraint("case_id", "seq"),
)

Table(
    "audit_log",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("case_id", String(40)),
    Column("actor", String(40), nullable=False),
    Column("actor_role", String(20)),
    Column("input_sha256", String(64)),
    Column("result_json", Text),
    Column("policy_version", String(200)),
    Column("prompt_version", String(200)),
    Column("extractor", String(200)),
    Column("model", String(200)),
    Column("prompt_tokens", Integer),
    Column("completion_tokens", Integer),
    Column("latency_us", BigInteger),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False, unique=True),
)

Table(
    "api_keys",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("key_hash", String(64), nullable=False),
    Column("role", String(20), nullable=False),
    Column("org", String(200), nullable=False),
    Column("label", String(200)),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

Table(
    "rate_limits",
    metadata,
    Column("bucket", String(100), primary_key=True),
    Column("count", Integer, nullable=False),
    Column("expires_at", String(40), nullable=False),
)


def upgrade(conn: Connection) -> None:
    metadata.create_all(conn)
