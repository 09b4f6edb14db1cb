"""The runtime tables, in one MetaData, as the numbered migrations left them (tests check they never drift).

Queries are built from these; the schema itself is created and changed only by the migrations (a frozen snapshot
each), so editing a table here changes no database. Add a migration, then mirror it here.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

# Column widths that are also limits on what people type (the API, the pages and the service reuse them).
ORG_MAX_CHARS = 200
LABEL_MAX_CHARS = 200
TITLE_MAX_CHARS = 300
NAME_MAX_CHARS = 200
EMAIL_MAX_CHARS = 320
URL_MAX_CHARS = 2000

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

cases = Table(
    "cases",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("org", String(ORG_MAX_CHARS), nullable=False),
    Column("created_by", String(40), nullable=False),
    Column("status", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("production_type", String(40)),
    Column("production_title", String(TITLE_MAX_CHARS)),
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
    Column("version", Integer, nullable=False, server_default="1"),  # 0005
    Column("review_stale", Boolean, nullable=False, server_default="0"),  # 0005
    Column("stage", String(30), nullable=False, server_default="new"),  # 0006: the workflow's, not the pipeline's
    Column("assigned_to", String(40)),  # 0006: a contact's key id
    Column("due_at", String(40)),  # 0006
    Column("conditions", Text),  # 0006: what a partner sees with an approval with conditions
    Column("reminded_due", String(40)),  # 0009: the due date a reminder was queued for (once per due date)
    Index("ix_cases_org_created", "org", "created_at"),
    Index("ix_cases_status", "status"),
    Index("ix_cases_created", "created_at", "id"),  # 0002
    Index("ix_cases_stage", "stage"),  # 0006
    Index("ix_cases_assigned", "assigned_to"),  # 0006
    Index("ix_cases_due", "due_at"),  # 0006
    Index("ix_cases_approval_created", "approval_required", "created_at", "id"),  # 0007
    Index("ix_cases_org_approval_created", "org", "approval_required", "created_at", "id"),  # 0007
    Index("ix_cases_due_clock", "due_at", "stage", "created_at", "id"),  # 0007
    Index(  # 0007
        "ix_cases_headline",
        *("org", "status", "route", "review_route", "review_stale", "review", "stage", "due_at", "approval_required"),
    ),
    # 0007, PostgreSQL only: ix_cases_search, a GIN index over to_tsvector('simple', title || ' ' || text)
    Index("ix_cases_updated", "updated_at"),  # 0008: the precedent index's sweep
)

case_events = Table(
    "case_events",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("seq", Integer, nullable=False, autoincrement=False),
    Column("kind", String(40), nullable=False),
    Column("actor", String(40), nullable=False),
    Column("at", String(40), nullable=False),
    Column("data_json", Text, nullable=False),
    PrimaryKeyConstraint("case_id", "seq"),
)

case_versions = Table(  # 0005
    "case_versions",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("version", Integer, nullable=False, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("actor", String(40), nullable=False),
    Column("at", String(40), nullable=False),
    PrimaryKeyConstraint("case_id", "version"),
)

case_answers = Table(  # 0005
    "case_answers",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("seq", Integer, nullable=False, autoincrement=False),
    Column("version", Integer, nullable=False),
    Column("question_id", String(40)),
    Column("use_index", Integer),
    Column("use_summary", Text),
    Column("facts_json", Text, nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("actor", String(40), nullable=False),
    Column("at", String(40), nullable=False),
    PrimaryKeyConstraint("case_id", "seq"),
)

case_comments = Table(  # 0006: a case's thread; `internal` notes only contacts see, `shared` ones its partner too
    "case_comments",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("seq", Integer, nullable=False, autoincrement=False),
    Column("visibility", String(20), nullable=False),
    Column("body", Text, nullable=False),
    Column("actor", String(40), nullable=False),
    Column("actor_role", String(20), nullable=False),
    Column("at", String(40), nullable=False),
    PrimaryKeyConstraint("case_id", "seq"),
)

case_triggers = Table(  # 0007: each case's triggers, as its stored result has them (derived; for the queue's filter)
    "case_triggers",
    metadata,
    Column("case_id", String(40), ForeignKey("cases.id"), nullable=False),
    Column("trigger", String(40), nullable=False),
    PrimaryKeyConstraint("case_id", "trigger"),
    Index("ix_case_triggers_trigger", "trigger", "case_id"),
)

audit_log = Table(
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
    Column("state_json", Text),  # 0003: the case's or key's visible state after the change
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("key_hash", String(64), nullable=False),
    Column("role", String(20), nullable=False),
    Column("org", String(ORG_MAX_CHARS), nullable=False),
    Column("label", String(LABEL_MAX_CHARS)),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
    Column("name", String(NAME_MAX_CHARS)),  # 0004: the person the key was issued to
    Column("email", String(EMAIL_MAX_CHARS)),  # 0004
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

rate_limits = Table(
    "rate_limits",
    metadata,
    Column("bucket", String(100), primary_key=True),
    Column("count", Integer, nullable=False),
    Column("expires_at", String(40), nullable=False),
)

sessions = Table(  # 0003
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the random token the cookie carries
    Column("key_id", String(40), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Index("ix_sessions_key", "key_id"),
)

# --- 0004: people and notifications ---------------------------------------------------------------------------

contact_routes = Table(  # which partner organisations a contact handles (an organisation with none: every contact)
    "contact_routes",
    metadata,
    Column("contact_id", String(40), nullable=False),
    Column("org", String(ORG_MAX_CHARS), nullable=False),
    PrimaryKeyConstraint("contact_id", "org"),
    Index("ix_contact_routes_org", "org"),
)

notify_settings = Table(  # per organisation ("org") or person ("person", a key id): email events, plan text opt-in
    "notify_settings",
    metadata,
    Column("owner_kind", String(10), nullable=False),
    Column("owner", String(ORG_MAX_CHARS), nullable=False),
    Column("email_events", Text),  # JSON list; NULL: the default (every event)
    Column("include_plan", Boolean),
    PrimaryKeyConstraint("owner_kind", "owner"),
)

webhooks = Table(
    "webhooks",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("owner_kind", String(10), nullable=False),
    Column("owner", String(ORG_MAX_CHARS), nullable=False),
    Column("url", Text, nullable=False),
    Column("secret", String(100), nullable=False),
    Column("format", String(20), nullable=False),
    Column("events", Text, nullable=False),  # JSON list
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

outbox = Table(  # one row per message: written with the event, delivered at least once under the same id
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
