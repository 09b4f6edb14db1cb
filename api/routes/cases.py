"""Cases: partners submit plans and answer follow-up questions; contacts see every case and review it.

A partner only ever sees its own organisation's cases: another organisation's case is 404, exactly like a case
that does not exist, so ids reveal nothing.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response, status

from api.deps import CaseWorker, JsonBody, PipelineDep, SettingsDep, StoreDep, runs_pipeline
from api.models import (
    AnswersIn,
    CaseCreate,
    CaseDetail,
    CaseList,
    ReviewFilter,
    ReviewIn,
    Status,
    case_out,
    check_text,
    summary_out,
    text_limit,
)
from triage.accounts import Principal
from triage.records import Intake, ProductionType, Route
from triage.store import Case, Conflict, NotFound, Store, TextTooLong, rerun, run_case, submit

router = APIRouter(prefix="/cases", tags=["cases"])

NOT_FOUND = "case not found"


def _unprocessable(message: str) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, message)


def visible_case(store: Store, case_id: str, principal: Principal) -> Case:
    """The case if this caller may see it; 404 otherwise, whether it is missing or another organisation's."""
    case = store.get_case(case_id, org=principal.case_scope)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    return case


def detail(store: Store, case: Case, principal: Principal) -> CaseDetail:
    return case_out(case, principal, store.history(case.id))  # type: ignore[return-value]


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
    try:
        text = check_text(body.text, max_chars=text_limit(settings))
        title = check_text(body.production_title, max_chars=300, what="the title") if body.production_title else None
    except ValueError as exc:
        raise _unprocessable(str(exc)) from None
    intake = Intake(text=text, production_type=body.production_type, production_title=title)
    case = submit(store, pipeline, intake, org=principal.org, actor=principal.key_id, actor_role=principal.role)
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
    return detail(store, visible_case(store, case_id, principal), principal)


@router.post(
    "/{case_id}/answers",
    response_model=CaseDetail,
    operation_id="answer_case",
    dependencies=[JsonBody],
)
@runs_pipeline
def answer_case(
    case_id: str,
    body: AnswersIn,
    principal: CaseWorker,
    store: StoreDep,
    pipeline: PipelineDep,
    settings: SettingsDep,
) -> Any:
    """Append the answers to the plan as a delimited block and triage again; earlier results stay in the history."""
    case = visible_case(store, case_id, principal)
    if case.org != principal.org:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only the organisation that submitted the case answers it")
    try:
        answers = [
            (
                check_text(a.question, max_chars=1000, what="a question") if a.question.strip() else "",
                check_text(a.answer, max_chars=4000, what="an answer"),
            )
            for a in body.answers
        ]
    except ValueError as exc:
        raise _unprocessable(str(exc)) from None
    try:
        _, token = store.add_answers(
            case_id, answers, org=principal.org, actor=principal.key_id, max_chars=text_limit(settings)
        )
    except NotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND) from None
    except Conflict as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    except TextTooLong as exc:
        raise _unprocessable(str(exc)) from None
    run_case(store, pipeline, case_id, token, actor=principal.key_id, actor_role=principal.role)
    return detail(store, visible_case(store, case_id, principal), principal)


@router.post("/{case_id}/reviews", response_model=CaseDetail, operation_id="review_case", dependencies=[JsonBody])
def review_case(case_id: str, body: ReviewIn, principal: CaseWorker, store: StoreDep) -> Any:
    """A contact's decision: approve, request changes, reject, or override the route. A reason is required."""
    visible_case(store, case_id, principal)
    if principal.role != "contact":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only a studio contact reviews cases")
    try:
        reason = check_text(body.reason, max_chars=4000, what="the reason")
    except ValueError as exc:
        raise _unprocessable(str(exc)) from None
    try:
        case = store.add_review(
            case_id,
            decision=body.decision,
            route=body.route,
            reason=reason,
            actor=principal.key_id,
            actor_role=principal.role,
        )
    except Conflict as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    return detail(store, case, principal)


@router.post("/{case_id}/rerun", response_model=CaseDetail, operation_id="rerun_case")
@runs_pipeline
def rerun_case(case_id: str, principal: CaseWorker, store: StoreDep, pipeline: PipelineDep) -> Any:
    """Triage a failed case again (or one whose worker died); 409 when it is triaged or being triaged."""
    case = visible_case(store, case_id, principal)
    if principal.role != "contact" and case.org != principal.org:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_FOUND)
    done = rerun(store, pipeline, case_id, actor=principal.key_id, actor_role=principal.role)
    if done is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "only a failed case, or one whose run was abandoned, is re-run")
    return detail(store, done, principal)
