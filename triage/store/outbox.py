"""The outbox: every message an event causes, written in the event's own transaction, then delivered by workers.

A message is never lost (it commits with the change it reports) and never blocks that change (sending happens
later, elsewhere). Workers *claim* due messages with a lease (row locks with SKIP LOCKED on PostgreSQL, so several
workers share the outbox without sending one twice in the normal case; SQLite writers are serial); a worker killed
mid-send leaves its lease to lapse and the next worker re-sends under the same message id (at least once). A
failed send is retried with exponential backoff and marked dead after the last attempt, its error kept.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal, get_args

from sqlalchemy import Connection, func, insert, or_, select, update

from triage.store import notifications
from triage.store.db import Database, canonical_json, iso, utcnow
from triage.store.notifications import Directory, EventKind, Target
from triage.store.schema import outbox

DeliveryStatus = Literal["pending", "delivered", "dead"]
DELIVERY_STATUSES: tuple[DeliveryStatus, ...] = get_args(DeliveryStatus)
ERROR_MAX_CHARS = 500


@dataclass(frozen=True)
class Delivery:
    id: str  # the idempotency id: the same on every attempt (webhook-id, the email's Message-ID)
    event_id: str
    event: EventKind
    case_id: str | None
    channel: Literal["email", "webhook"]
    recipient: str | None
    target: str
    payload: dict[str, Any]
    status: DeliveryStatus
    attempts: int
    next_attempt_at: str
    last_error: str | None
    created_at: str
    updated_at: str
    delivered_at: str | None


def _delivery(row: Any) -> Delivery:
    m = row._mapping
    return Delivery(
        **{name: m[name] for name in Delivery.__dataclass_fields__ if name != "payload"},
        payload=json.loads(m["payload_json"]),
    )


@dataclass(frozen=True)
class CaseNews:
    """What an event says about a case (the message carries no key and, unless the organisation opts in, no plan)."""

    event: EventKind
    case_id: str
    org: str
    submitter: str
    reviewer: str | None
    title: str | None
    route: str | None
    approval_required: bool | None
    triggers: list[str]
    reason: str
    plan: str
    decision: str | None = None
    assignee: str | None = None
    author: str | None = None  # a comment's
    internal: bool = False  # an internal note (contacts only)
    due_at: str | None = None


def _insert(
    conn: Connection,
    event_id: str,
    event: EventKind,
    case_id: str | None,
    found: list[Target],
    payload: dict[str, Any],
    at: str,
) -> list[str]:
    rows: list[dict[str, Any]] = [
        {
            "id": "msg_" + secrets.token_hex(12),
            "event_id": event_id,
            "event": event,
            "case_id": case_id,
            "channel": target.channel,
            "recipient": target.recipient,
            "target": target.target,
            "payload_json": canonical_json({**payload, "recipient_name": target.name} if target.name else payload),
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": at,
            "created_at": at,
            "updated_at": at,
        }
        for target in found
    ]
    conn.execute(insert(outbox), rows)
    return [row["id"] for row in rows]


def record(conn: Connection, news: CaseNews, directory: Directory, *, email: bool, at: str) -> list[str]:
    """Write the messages an event about a case causes, inside the caller's transaction; their ids.

    Args:
        conn: the open write transaction that makes the change the event reports.
        news: the event.
        directory: who is told what (notifications.DirectoryCache.get, read in this transaction).
        email: whether the service sends email (an SMTP host is configured).
        at: the event's time.
    """
    if not email and not directory.webhooks:
        return []
    parties = notifications.Parties(
        org=news.org,
        submitter=news.submitter,
        reviewer=news.reviewer,
        assignee=news.assignee,
        author=news.author,
        internal=news.internal,
    )
    people = notifications.audience(directory, news.event, parties)
    extra = [news.org] if news.event == "reviewed" else []
    found = notifications.targets(directory, news.event, people, email=email, extra_orgs=extra)
    if not found:
        return []
    payload: dict[str, Any] = {
        "type": f"case.{news.event}",
        "event_id": "evt_" + secrets.token_hex(12),
        "at": at,
        "case_id": news.case_id,
        "org": news.org,
        "title": news.title,
        "route": news.route,
        "escalated": news.route == "escalate",
        "approval_required": news.approval_required,
        "triggers": news.triggers,
        "reason": news.reason,
        "decision": news.decision,
        "due_at": news.due_at,
    }
    if notifications.include_plan(directory, news.org):
        payload["plan"] = news.plan
    return _insert(conn, payload["event_id"], news.event, news.case_id, found, payload, at)


def record_test(db: Database, target: Target, *, by: str, lease_s: float) -> tuple[str, Delivery]:
    """An admin's test message to one target, already claimed by the caller (who sends it now): (token, message).
    Should the caller die mid-send, the lease lapses and a worker sends it."""
    now = utcnow()
    event_id = "evt_" + secrets.token_hex(12)
    payload = {"type": "test", "event_id": event_id, "at": iso(now), "reason": f"A test message sent by {by}."}
    token = secrets.token_hex(16)
    with db.transaction() as conn:
        (delivery_id,) = _insert(conn, event_id, "test", None, [target], payload, iso(now))
        row = conn.execute(
            update(outbox)
            .where(outbox.c.id == delivery_id)
            .values(attempts=1, claim_token=token, lease_until=iso(now + timedelta(seconds=lease_s)))
            .returning(outbox)
        ).one()
    return token, _delivery(row)


def _due(now: str) -> list[Any]:
    return [
        outbox.c.status == "pending",
        outbox.c.next_attempt_at <= now,
        or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < now),
    ]


def any_due(db: Database) -> bool:
    """Whether a message is due (a read: idle workers poll with this, not with a claim)."""
    with db.reader.connect() as conn:
        return conn.scalar(select(outbox.c.id).where(*_due(iso(utcnow()))).limit(1)) is not None


def claim(db: Database, *, limit: int, lease_s: float, max_attempts: int) -> tuple[str, list[Delivery]]:
    """Take due messages for sending: (the claim's token, the messages, each with this attempt counted).

    Rows another worker is claiming are skipped (FOR UPDATE SKIP LOCKED on PostgreSQL). A message whose last
    attempt's worker died (its lease lapsed with no attempts left) is marked dead here.
    """
    now = utcnow()
    token = secrets.token_hex(16)
    due = (
        select(outbox)
        .where(*_due(iso(now)))
        .order_by(outbox.c.next_attempt_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    # not durable: a claim lost in a power cut only means the message is sent once more
    with db.transaction(durable=False) as conn:
        rows = conn.execute(due).all()
        spent = [r.id for r in rows if r.attempts >= max_attempts]
        if spent:
            conn.execute(
                update(outbox)
                .where(outbox.c.id.in_(spent))
                .values(
                    status="dead",
                    lease_until=None,
                    updated_at=iso(now),
                    last_error=f"the worker sending attempt {max_attempts} stopped before it finished",
                )
            )
        ids = [r.id for r in rows if r.attempts < max_attempts]
        if not ids:
            return token, []
        claimed = conn.execute(
            update(outbox)
            .where(outbox.c.id.in_(ids))
            .values(
                attempts=outbox.c.attempts + 1,
                claim_token=token,
                lease_until=iso(now + timedelta(seconds=lease_s)),
                updated_at=iso(now),
            )
            .returning(outbox)
        ).all()
    return token, sorted((_delivery(r) for r in claimed), key=lambda d: d.next_attempt_at)


@dataclass(frozen=True)
class Outcome:
    """How one attempt went: delivered (no error), or failed and retried in `retry_in_s` seconds (None: dead)."""

    delivery_id: str
    token: str
    error: str | None = None
    retry_in_s: float | None = None


def settle(db: Database, outcomes: Sequence[Outcome]) -> int:
    """Record attempts' outcomes in one transaction; how many were recorded (an attempt whose claim lapsed, the
    message since claimed by another worker, is not)."""
    now = utcnow()
    recorded = 0
    # not durable: an outcome lost in a power cut only means the message is sent once more
    with db.transaction(durable=False) as conn:
        for outcome in outcomes:
            values: dict[str, Any] = {"updated_at": iso(now), "lease_until": None}
            if outcome.error is None:
                values |= {"status": "delivered", "delivered_at": iso(now), "last_error": None}
            elif outcome.retry_in_s is None:
                values |= {"status": "dead", "last_error": outcome.error[:ERROR_MAX_CHARS]}
            else:
                retry_at = iso(now + timedelta(seconds=outcome.retry_in_s))
                values |= {"next_attempt_at": retry_at, "last_error": outcome.error[:ERROR_MAX_CHARS]}
            mine = (outbox.c.id == outcome.delivery_id, outbox.c.claim_token == outcome.token)
            recorded += conn.execute(update(outbox).where(*mine).values(**values)).rowcount
    return recorded


def get(db: Database, delivery_id: str) -> Delivery | None:
    with db.reader.connect() as conn:
        row = conn.execute(select(outbox).where(outbox.c.id == delivery_id)).first()
    return _delivery(row) if row else None


def deliveries(
    db: Database, *, status: str | None = None, case_id: str | None = None, limit: int = 100
) -> list[Delivery]:
    """Messages newest first, for admins: a dead one's last error says why."""
    query = select(outbox).order_by(outbox.c.created_at.desc(), outbox.c.id).limit(limit)
    if status is not None:
        query = query.where(outbox.c.status == status)
    if case_id is not None:
        query = query.where(outbox.c.case_id == case_id)
    with db.reader.connect() as conn:
        return [_delivery(r) for r in conn.execute(query)]


def counts(db: Database) -> dict[str, int]:
    with db.reader.connect() as conn:
        rows = conn.execute(select(outbox.c.status, func.count()).group_by(outbox.c.status)).all()
    return {status: n for status, n in rows}
