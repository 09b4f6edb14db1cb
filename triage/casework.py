"""The review workflow's use cases, shared by the API, the pages and the command line: a contact's moves, who holds
a case, the comment thread, what a viewer may do next, and the due-date reminders.

The rules live in one table (triage.workflow); the store applies it under the case's lock. Refusals are StoreError
subclasses (mapped to HTTP once): another organisation's case is NotFound, a partner doing a contact's job or a
contact moving a case they submitted is Forbidden, a move the table does not allow is Conflict, bad text
InvalidInput.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import cast

from triage import service
from triage.config import Settings
from triage.store import accounts
from triage.store import workflow as store_workflow
from triage.store.accounts import KeyInfo, Principal
from triage.store.cases import DECISIONS, Case, Store
from triage.store.db import utcnow
from triage.store.errors import Forbidden, InvalidInput
from triage.store.workflow import PLAIN_MOVES, VISIBILITIES, Comment, Visibility
from triage.workflow import NEEDS_REASON, Action, available, is_overdue

ME = "me"  # an assignee that means the caller


def contacts(store: Store) -> list[KeyInfo]:
    """The active studio contacts a case may be given to."""
    return [k for k in accounts.list_keys(store) if k.role == "contact" and not k.revoked_at]


def _contact(principal: Principal, what: str) -> None:
    if principal.role != "contact":
        raise Forbidden(f"only a studio contact {what}")


def act(
    store: Store,
    case_id: str,
    action: str,
    *,
    principal: Principal,
    reason: str | None = None,
    conditions: str | None = None,
    route: str | None = None,
) -> Case:
    """A contact's move on a case, by the workflow's table: a decision is a review (service.review), the others
    (start the review, close, reopen) move the stage alone.

    Args:
        store: where the case is.
        case_id: the case.
        action: one of triage.workflow.CONTACT_ACTIONS.
        principal: the caller; only a contact, and not the one who submitted the case.
        reason: why; needed by the decisions and a reopen, optional for the others.
        conditions: with an approval with conditions, and only then.
        route: with an override, and only then.
    """
    service.visible_case(store, case_id, principal)
    if action in DECISIONS:
        return service.review(
            store,
            case_id,
            principal=principal,
            decision=action,
            route=route,
            reason=reason or "",
            conditions=conditions,
        )
    _contact(principal, "moves a case through the review")
    if action not in PLAIN_MOVES:
        raise InvalidInput("choose an action from the list")
    if route is not None or conditions is not None:
        raise InvalidInput("a route goes with an override, conditions with an approval with conditions")
    move = cast(Action, action)
    if move in NEEDS_REASON or (reason or "").strip():
        reason = service.check_text(reason or "", max_chars=service.REASON_MAX_CHARS, what="the reason")
    else:
        reason = None
    return store_workflow.move(store, case_id, move, reason=reason, actor=principal.key_id, actor_role=principal.role)


def assign(store: Store, case_id: str, assignee: str | None, *, principal: Principal) -> Case:
    """Give the case to a contact (an active contact's key id), take it (the caller's own id, or ME: a new case's
    review starts), or leave it with nobody (None)."""
    service.visible_case(store, case_id, principal)
    _contact(principal, "assigns cases")
    if assignee == ME:
        assignee = principal.key_id
    return store_workflow.assign(store, case_id, assignee, actor=principal.key_id, actor_role=principal.role)


def comment(store: Store, case_id: str, body: str, visibility: str, *, principal: Principal) -> Comment:
    """A comment on the case's thread: `shared` with the partner's organisation, or an `internal` note (contacts
    only). The other side is told through the outbox.

    Args:
        store: where the case is.
        case_id: the case (another organisation's is NotFound).
        body: the text, checked like every text people type.
        visibility: shared or internal.
        principal: a partner of the case's organisation or a contact.
    """
    case = service.visible_case(store, case_id, principal)
    if visibility not in VISIBILITIES:
        raise InvalidInput("a comment is shared or internal")
    if visibility == "internal":
        _contact(principal, "writes internal notes")
    body = service.check_text(body, max_chars=service.COMMENT_MAX_CHARS, what="the comment")
    shared: Visibility = "internal" if visibility == "internal" else "shared"
    org = case.org if principal.role == "partner" else None
    return store_workflow.add_comment(
        store, case_id, body, shared, org=org, actor=principal.key_id, actor_role=principal.role
    )


def visible_comments(store: Store, case: Case, principal: Principal) -> list[Comment]:
    """The thread as this caller may read it: internal notes for contacts only."""
    return store_workflow.comments(store, case.id, internal=principal.role == "contact")


def actions_for(case: Case, principal: Principal) -> list[Action]:
    """The moves this caller may make on the case now (none for partners, for the contact who submitted it, or
    while it is being triaged)."""
    if principal.role != "contact" or case.created_by == principal.key_id or case.status == "received":
        return []
    return available(case.stage)


def overdue(case: Case, now: datetime | None = None) -> bool:
    return is_overdue(case.stage, case.due_at, now or utcnow())


def send_reminders(store: Store, settings: Settings, *, now: datetime | None = None) -> list[str]:
    """The due-date sweep: one reminder per open case and due date, `TRIAGE_REMINDER_LEAD_H` ahead of it."""
    return store_workflow.queue_reminders(store, lead=timedelta(hours=settings.reminder_lead_h), now=now)
