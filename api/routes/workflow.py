"""The review workflow over the API: a contact's moves (the transition table in triage.workflow), who holds a case,
and its comment thread. Partners read and write shared comments on their own organisation's cases; everything else
here is a contact's. Refusals come from triage.casework, mapped to HTTP in one place."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, status

from api.deps import CaseWorker, Contact, JsonBody, StoreDep
from api.models import AssignmentIn, CaseDetail, CommentIn, CommentOut, TransitionIn
from api.presenters import comment_out
from api.routes.cases import detail
from triage import casework, service

router = APIRouter(prefix="/cases", tags=["workflow"])


@router.post("/{case_id}/transitions", response_model=CaseDetail, operation_id="move_case", dependencies=[JsonBody])
def move_case(case_id: str, body: TransitionIn, principal: Contact, store: StoreDep) -> Any:
    """Move the case as the workflow allows from its stage (`actions` lists the caller's moves): 409 naming the
    stage otherwise, 403 for the contact who submitted it."""
    case = casework.act(
        store,
        case_id,
        body.action,
        principal=principal,
        reason=body.reason,
        conditions=body.conditions,
        route=body.route,
    )
    return detail(store, case, principal)


@router.put("/{case_id}/assignee", response_model=CaseDetail, operation_id="assign_case", dependencies=[JsonBody])
def assign_case(case_id: str, body: AssignmentIn, principal: Contact, store: StoreDep) -> Any:
    """Give the case to an active contact (`"me"`: take it, which starts a new case's review), or to nobody (null).
    A partner's, an unknown or a revoked key is 422."""
    case = casework.assign(store, case_id, body.assignee, principal=principal)
    return detail(store, case, principal)


@router.get("/{case_id}/comments", response_model=list[CommentOut], operation_id="list_comments")
def list_comments(case_id: str, principal: CaseWorker, store: StoreDep) -> Any:
    """The case's thread, oldest first (internal notes for contacts only)."""
    case = service.visible_case(store, case_id, principal)
    comments = casework.visible_comments(store, case, principal)
    names = service.people(store, [c.actor for c in comments])
    return [comment_out(c, principal, names) for c in comments]


@router.post(
    "/{case_id}/comments",
    response_model=CommentOut,
    status_code=status.HTTP_201_CREATED,
    operation_id="add_comment",
    dependencies=[JsonBody],
)
def add_comment(case_id: str, body: CommentIn, principal: CaseWorker, store: StoreDep) -> Any:
    """A comment: `shared` (the partner's organisation and the contacts see it) or `internal` (contacts only; a
    partner's is 403). The other side is notified (`commented`)."""
    comment = casework.comment(store, case_id, body.body, body.visibility, principal=principal)
    return comment_out(comment, principal, service.people(store, [comment.actor]))
