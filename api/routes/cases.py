"""Cases: partners submit plans, answer follow-up questions and revise; contacts see every case and review it.

A partner only ever sees its own organisation's cases: another organisation's case is 404, exactly like a case
that does not exist, so ids reveal nothing. Refusals come from triage.service, mapped to HTTP in one place.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from api.deps import CaseWorker, JsonBody, PipelineDep, SettingsDep, StoreDep
from api.models import (
    AnswersBody,
    AnswersIn,
    ApprovalRecord,
    CaseCreate,
    CaseDetail,
    CaseList,
    ReviewFilter,
    ReviewIn,
    RevisionIn,
    Status,
)
from api.pools import runs_pipeline
from api.presenters import case_actors, case_out, record_out, summary_out
from triage import casework, service
from triage.records import ProductionType, Route
from triage.store.accounts import Principal
from triage.store.cases import Case, Store
from triage.store.db import iso, utcnow

router = APIRouter(prefix="/cases", tags=["cases"])


def detail(store: Store, case: Case, principal: Principal) -> CaseDetail:
    events, answers, versions = store.history(case.id), store.answers(case.id), store.versions(case.id)
    comments = casework.visible_comments(store, case, principal)
    names = service.people(store, case_actors(case, events, answers, versions, comments))
    return case_out(case, principal, events, answers, versions, names, comments)  # type: ignore[return-value]


@router.post(
    "",
    response_model=CaseDetail,
    status_code=status.HTTP_201_CREATED,
    operation_id="create_case",
    dependencies=[JsonBody],
    responses={413: {"description": "body too large"}, 415: {"description": "not JSON"}},
)
@runs_pipeline
def create_case(
    body: CaseCreate,
    principal: CaseWorker,
    store: StoreDep,
    pipeline: PipelineDep,
    settings: SettingsDep,
    response: Response,
) -> Any:
    """Store the plan, then triage it. The case is kept even if triage fails (status `failed`, re-runnable)."""
    intake = service.make_intake(
        body.text, body.production_type, body.production_title or None, max_chars=service.text_limit(settings)
    )
    case = service.submit(store, pipeline, intake, org=principal.org, actor=principal.key_id, actor_role=principal.role)
    response.headers["Location"] = f"/v1/cases/{case.id}"
    return detail(store, case, principal)


@router.get("", response_model=CaseList, operation_id="list_cases")
def list_cases(
    principal: CaseWorker,
    store: StoreDep,
    route: Route | None = None,
    status_: Annotated[Status | None, Query(alias="status")] = None,
    review: Annotated[ReviewFilter | None, Query(description="`none`: not reviewed yet")] = None,
    production: ProductionType | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Any:
    """Newest first. A partner sees its own organisation's cases; a contact sees all."""
    scope = principal.case_scope
    rows, total = store.list_cases(
        org=scope,
        route=route,
        status=status_,
        review=review,
        production=production.value if production else None,
        limit=limit,
        offset=offset,
    )
    return CaseList(
        data=[summary_out(r) for r in rows],
        count=total,
        limit=limit,
        offset=offset,
        counts=store.counts(org=scope),
    )


@router.get("/{case_id}", response_model=CaseDetail, operation_id="get_case")
def get_case(case_id: str, principal: CaseWorker, store: StoreDep) -> Any:
    """The case with its plan text, result and history."""
    return detail(store, service.visible_case(store, case_id, principal), principal)


def approval_record(store: Store, case: Case, principal: Principal) -> ApprovalRecord:
    return record_out(detail(store, case, principal), service.audit_anchor(store, case), iso(utcnow()))


@router.get("/{case_id}/record", response_model=ApprovalRecord, operation_id="get_approval_record")
def get_record(case_id: str, principal: CaseWorker, store: StoreDep) -> Any:
    """The case's approval record, to archive: the case as the caller may see it (plan and versions, uses,
    findings with evidence and citations, questions and answers, reviews, comments), every stage it reached with
    who and when, the policy and prompt versions, and its newest audit record (`/cases/{id}/record` prints it)."""
    return approval_record(store, service.visible_case(store, case_id, principal), principal)


@router.post("/{case_id}/answers", response_model=CaseDetail, operation_id="answer_case", dependencies=[JsonBody])
@runs_pipeline
def answer_case(
    case_id: str,
    body: AnswersBody,
    principal: CaseWorker,
    store: StoreDep,
    pipeline: PipelineDep,
    settings: SettingsDep,
) -> Any:
    """Answer follow-up questions and triage again: a list of `{"question_id", "text"}`, each read with the use its
    question concerns. (Deprecated: `{"answers": [{"question", "answer"}]}`, read with the whole plan.) Unknown
    question ids are 422, settled ones 409; a review given before stays, marked stale."""
    if isinstance(body, AnswersIn):
        answers = [service.AnswerInput(text=a.answer, question=a.question) for a in body.answers]
    else:
        answers = [service.AnswerInput(text=a.text, question_id=a.question_id) for a in body]
    case = service.answer(
        store, pipeline, case_id, answers, principal=principal, max_chars=service.text_limit(settings)
    )
    return detail(store, case, principal)


@router.post("/{case_id}/revisions", response_model=CaseDetail, operation_id="revise_case", dependencies=[JsonBody])
@runs_pipeline
def revise_case(
    case_id: str,
    body: RevisionIn,
    principal: CaseWorker,
    store: StoreDep,
    pipeline: PipelineDep,
    settings: SettingsDep,
) -> Any:
    """A new version of the plan, triaged again; every version is kept (`versions`, `changes`). The same text as
    the current version is 422; a review given before stays, marked stale."""
    case = service.revise(
        store, pipeline, case_id, body.text, principal=principal, max_chars=service.text_limit(settings)
    )
    return detail(store, case, principal)


@router.post("/{case_id}/reviews", response_model=CaseDetail, operation_id="review_case", dependencies=[JsonBody])
def review_case(case_id: str, body: ReviewIn, principal: CaseWorker, store: StoreDep) -> Any:
    """A contact's decision: approve (with `conditions` for approve_with_conditions), request changes, reject, or
    override the route (an open case only). A reason is required; a decision the case's stage does not allow is
    409, and the contact who submitted the case may not review it (403)."""
    case = service.review(
        store,
        case_id,
        principal=principal,
        decision=body.decision,
        route=body.route,
        reason=body.reason,
        conditions=body.conditions,
    )
    return detail(store, case, principal)


@router.post("/{case_id}/rerun", response_model=CaseDetail, operation_id="rerun_case")
@runs_pipeline
def rerun_case(case_id: str, principal: CaseWorker, store: StoreDep, pipeline: PipelineDep) -> Any:
    """Triage a failed case again (or one whose worker died); 409 when it is triaged or being triaged."""
    return detail(store, service.rerun_visible(store, pipeline, case_id, principal=principal), principal)
