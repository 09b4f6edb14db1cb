"""The review workflow's persistence: a contact's moves that are not decisions (start the review, close, reopen),
who holds a case, its comment thread, and the due-date reminders.

Every change a user can see is written with its history entry and its audit record in one transaction, under the
case's row lock (Store._audited), so `triage audit verify` keeps matching the tables. The moves follow the one
table in triage.workflow (Store.move); decisions are reviews (Store.add_review).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, get_args

from sqlalchemy import Connection, func, insert, or_, select, update

from triage.store.cases import Case, Store
from triage.store.db import iso, utcnow
from triage.store.errors import Conflict, Forbidden, InvalidInput
from triage.store.schema import api_keys, case_comments, cases
from triage.workflow import OPEN, Action, Stage, due_at

log = logging.getLogger(__name__)

Visibility = Literal["shared", "internal"]  # shared: the partner's organisation sees it; internal: contacts only
VISIBILITIES: tuple[Visibility, ...] = get_args(Visibility)
PLAIN_MOVES: tuple[Action, ...] = ("start_review", "close", "reopen")  # the moves that are not decisions


@dataclass(frozen=True)
class Comment:
    seq: int
    visibility: Visibility
    body: str
    actor: str
    actor_role: str
    at: str


def _set(conn: Connection, case_id: str, now: str, **values: Any) -> None:
    conn.execute(update(cases).where(cases.c.id == case_id).values(updated_at=now, **values))


def move(store: Store, case_id: str, action: Action, *, reason: str | None, actor: str, actor_role: str) -> Case:
    """Start the review, close a decided case, or reopen a decided or closed one, as the table allows.

    Args:
        store: where the case is.
        case_id: the case moved.
        action: one of PLAIN_MOVES.
        reason: why (already checked; a reopen needs one), or None.
        actor: the contact moving it (not the one who submitted it: Forbidden).
        actor_role: that actor's role.
    """
    if action not in PLAIN_MOVES:
        raise InvalidInput("decisions are reviews: approve, approve with conditions, request changes or reject")
    now = iso(utcnow())
    with store.transaction() as conn:
        case = store._locked_case(conn, case_id)
        stage = store.move(case, action, actor)
        due = case.due_at if stage in OPEN else None
        if action == "reopen":  # back in review: the contact's clock starts again
            restart = due_at(store.sla, case.effective_route, case.approval_required, utcnow())
            due = iso(restart) if restart else None
        _set(conn, case_id, now, stage=stage, due_at=due)
        data = {"action": action, "from": case.stage, "to": stage, "reason": reason}
        store.audit_change(conn, case, "stage", data, actor=actor, actor_role=actor_role, at=now)
        case = store._locked_case(conn, case_id)
    log.info("case %s: %s -> %s", case_id, data["from"], stage)
    return case


def _active_contact(conn: Connection, key_id: str) -> bool:
    row = conn.execute(select(api_keys.c.role, api_keys.c.revoked_at).where(api_keys.c.id == key_id)).first()
    return row is not None and row.role == "contact" and row.revoked_at is None


def assign(store: Store, case_id: str, assignee: str | None, *, actor: str, actor_role: str) -> Case:
    """Give the case to a contact (None: nobody). Taking it yourself starts its review when it is new.

    Args:
        store: where the case is.
        case_id: the case.
        assignee: an active contact's key id (a partner's, an unknown or a revoked key: InvalidInput), or None.
        actor: the contact assigning.
        actor_role: that actor's role.
    """
    now = iso(utcnow())
    with store.transaction() as conn:
        case = store._locked_case(conn, case_id)
        if case.stage == "closed":
            raise Conflict("the case is closed: reopen it before assigning it")
        if assignee is not None and not _active_contact(conn, assignee):
            raise InvalidInput("assign the case to an active studio contact's key")
        if assignee == actor == case.created_by:
            raise Forbidden("you submitted this case: another studio contact reviews it")
        if assignee is not None and assignee == case.created_by:
            raise InvalidInput("that contact submitted the case: another contact reviews it")
        stage: Stage = case.stage
        if assignee == actor and case.stage == "new":
            stage = store.move(case, "start_review", actor)
        _set(conn, case_id, now, assigned_to=assignee, stage=stage)
        data = {"assigned_to": assignee, "from": case.stage, "to": stage}
        store.audit_change(conn, case, "assignment", data, actor=actor, actor_role=actor_role, at=now)
        case = store._locked_case(conn, case_id)
    return case


def add_comment(
    store: Store, case_id: str, body: str, visibility: Visibility, *, org: str | None, actor: str, actor_role: str
) -> Comment:
    """A comment on the case's thread (an internal note when `internal`), audited, its news in the outbox.

    Args:
        store: where the case is.
        case_id: the case.
        body: the text, already checked.
        visibility: shared (the partner's organisation sees it) or internal (contacts only: the caller checks).
        org: the commenting partner's organisation (another's case is NotFound); None for a contact.
        actor: who wrote it.
        actor_role: that actor's role.
    """
    now = iso(utcnow())
    with store.transaction() as conn:
        case = store._locked_case(conn, case_id, org)
        last = conn.scalar(select(func.max(case_comments.c.seq)).where(case_comments.c.case_id == case_id)) or 0
        comment = Comment(last + 1, visibility, body, actor, actor_role, now)
        conn.execute(insert(case_comments).values(case_id=case_id, **comment.__dict__))
        data = {"comment": comment.seq, "visibility": visibility}
        store.audit_change(conn, case, "comment", data, actor=actor, actor_role=actor_role, at=now)
        internal = visibility == "internal"
        store._news(
            conn, case, "commented", now, reviewer=case.reviewed_by, reason=body, author=actor, internal=internal
        )
    return comment


def comments(store: Store, case_id: str, *, internal: bool) -> list[Comment]:
    """The case's thread, oldest first; internal notes only when `internal` (for contacts)."""
    query = select(case_comments).where(case_comments.c.case_id == case_id)
    if not internal:
        query = query.where(case_comments.c.visibility == "shared")
    with store.reader.connect() as conn:
        rows = conn.execute(query.order_by(case_comments.c.seq)).all()
    return [Comment(r.seq, r.visibility, r.body, r.actor, r.actor_role, r.at) for r in rows]


def queue_reminders(store: Store, *, lead: timedelta, now: datetime | None = None, limit: int = 100) -> list[str]:
    """Queue a reminder for each open case whose due date is within `lead` (or past), once per case and due date:
    to its assignee, else the contacts routed to its organisation. Safe beside other workers (each case is locked
    and re-checked). Returns the ids of the cases reminded.

    Args:
        store: the store.
        lead: how long before the due date the reminder goes.
        now: the time to measure from (tests); the current time by default.
        limit: the most cases one call reminds.
    """
    moment = now or utcnow()
    horizon = iso(moment + lead)
    due = (
        cases.c.stage.in_(list(OPEN)),
        cases.c.due_at.is_not(None),
        cases.c.due_at <= horizon,
        or_(cases.c.reminded_due.is_(None), cases.c.reminded_due != cases.c.due_at),
    )
    with store.reader.connect() as conn:
        candidates = list(conn.scalars(select(cases.c.id).where(*due).order_by(cases.c.due_at).limit(limit)))
    reminded = []
    for case_id in candidates:
        with store.transaction() as conn:
            locked = conn.execute(select(cases.c.id).where(cases.c.id == case_id, *due).with_for_update()).first()
            if locked is None:  # another worker reminded it, or it moved on, since the read
                continue
            case = store._locked_case(conn, case_id)
            conn.execute(update(cases).where(cases.c.id == case_id).values(reminded_due=case.due_at))
            reason = f"A reply is due by {(case.due_at or '')[:16].replace('T', ' ')} UTC."
            store._news(conn, case, "reminder", iso(utcnow()), reviewer=case.reviewed_by, reason=reason)
        reminded.append(case_id)
    if reminded:
        log.info("queued due-date reminders for %d case(s)", len(reminded))
    return reminded
