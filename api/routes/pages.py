"""Server-rendered pages: partners paste a plan, read the decision use by use, answer questions and revise the
plan; contacts work the queue and see what changed since their review.

No JavaScript. The pages call the same use cases (triage.service) as the JSON API; a refusal re-renders the form
with its message, or (when there is no form to show it on) becomes the error page.
"""

from __future__ import annotations

from typing import Annotated, Any, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, status
from fastapi.responses import HTMLResponse, Response

from api.deps import client_address, enforce_limit, get_pipeline, http_status
from api.export import csv_response
from api.models import QueueForm
from api.pools import runs_pipeline
from api.presenters import (
    case_actors,
    highlight,
    precedents_out,
    version_changes,
    visible_actor,
    visible_answers,
    visible_error,
    visible_history,
    visible_versions,
    workflow_fields,
)
from api.routes.cases import approval_record
from api.security import Session
from api.web import Page, PageDep, Worker, check_csrf, redirect, render, sentence, set_cookie
from triage import casework, queue, service
from triage.by_use import group_by_use
from triage.records import Route, TriageResult
from triage.store import sessions
from triage.store.accounts import Principal, authenticate
from triage.store.cases import Case
from triage.store.errors import Conflict, Forbidden, InvalidInput, StoreError, TextTooLong
from triage.store.schema import TITLE_MAX_CHARS

PAGE_SIZE = 25
ROUTES: tuple[Route, ...] = get_args(Route)

router = APIRouter(include_in_schema=False)


# --- sign-in ------------------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(page: PageDep) -> Response:
    if page.principal is None:
        return redirect("/signin")
    return redirect("/submit" if page.principal.role == "partner" else "/cases")


@router.get("/signin", response_class=HTMLResponse)
def signin_form(page: PageDep) -> Response:
    return render(page, "signin.html", {})


@router.post("/signin", response_class=HTMLResponse)
def signin(
    page: PageDep, api_key: Annotated[str, Form(max_length=500)], csrf_token: Annotated[str, Form()]
) -> Response:
    check_csrf(page, csrf_token)
    limit = page.state.settings.signin_rate_limit
    enforce_limit(page.store, f"signin:{client_address(page.request)}", limit, "sign-in attempts from this address")
    principal = authenticate(page.store, api_key)
    if principal is None:
        return render(page, "signin.html", {"error": "That key was not recognised."}, status.HTTP_401_UNAUTHORIZED)
    if page.principal is not None:  # signing in again: the earlier session ends
        sessions.end(page.store, page.session.token)
    response = redirect("/")
    set_cookie(page, response, Session(sessions.start(page.store, principal.key_id)))  # a new token and CSRF token
    return response


@router.post("/signout", response_class=HTMLResponse)
def signout(page: PageDep, csrf_token: Annotated[str, Form()]) -> Response:
    check_csrf(page, csrf_token)
    sessions.end(page.store, page.session.token)  # the old cookie, or any copy of it, signs in no one any more
    response = redirect("/signin")
    set_cookie(page, response, Session.new())
    return response


# --- partners: submit a plan --------------------------------------------------------------------------------


def _submit_form(page: Page, **context: Any) -> dict[str, Any]:
    return {"max_chars": service.text_limit(page.state.settings), "form": {}, **context}


@router.get("/submit", response_class=HTMLResponse)
def submit_form(page: PageDep, principal: Worker) -> Response:
    return render(page, "submit.html", _submit_form(page))


@router.post("/submit", response_class=HTMLResponse)
@runs_pipeline
def submit_plan(
    page: PageDep,
    principal: Worker,
    csrf_token: Annotated[str, Form()],
    text: Annotated[str, Form()] = "",
    production_type: Annotated[str, Form()] = "",
    production_title: Annotated[str, Form(max_length=TITLE_MAX_CHARS)] = "",
) -> Response:
    check_csrf(page, csrf_token)
    try:
        intake = service.make_intake(
            text,
            production_type or None,
            production_title if production_title.strip() else None,
            max_chars=service.text_limit(page.state.settings),
        )
    except InvalidInput as exc:
        form = {"text": text, "production_type": production_type, "production_title": production_title}
        context = _submit_form(page, error=sentence(str(exc)), form=form)
        return render(page, "submit.html", context, http_status(exc))
    pipeline = get_pipeline(page.state)
    case = service.submit(
        page.store, pipeline, intake, org=principal.org, actor=principal.key_id, actor_role=principal.role
    )
    return redirect(f"/cases/{case.id}")


# --- cases --------------------------------------------------------------------------------------------------


@router.get("/cases", response_class=HTMLResponse)
def case_list(
    page: PageDep,
    principal: Worker,
    query: Annotated[QueueForm, Query()],
    page_no: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The queue: search, filters, the CSV of the same filters, and numbered pages (an offset: the API's cursor
    is for scripts that walk the whole queue)."""
    found = queue.page(
        page.store, principal, query.filters(), sort=query.sort, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE
    )
    params = query.link_params()
    pages = max(1, -(-found.page.total // PAGE_SIZE))
    context = {
        "rows": found.page.rows,
        "total": found.page.total,
        "filters": query,
        "counts": found.counts,
        "page_no": page_no,
        "pages": pages,
        "csv_url": f"/cases.csv?{urlencode(params)}" if params else "/cases.csv",
        "prev_url": f"/cases?{urlencode({**params, 'page_no': page_no - 1})}" if page_no > 1 else None,
        "next_url": f"/cases?{urlencode({**params, 'page_no': page_no + 1})}" if page_no < pages else None,
    }
    return render(page, "cases.html", context)


@router.get("/cases.csv")
def case_export(page: PageDep, principal: Worker, query: Annotated[QueueForm, Query()]) -> Response:
    """The queue page's download: the same filters and order, every matching case (as `GET /v1/cases.csv`)."""
    return csv_response(queue.export(page.store, principal, query.filters(), sort=query.sort))


def _case_context(page: Page, principal: Principal, case: Case) -> dict[str, Any]:
    result = case.result or {}
    findings = result.get("findings") or []
    segments, anchors = highlight(case.text, findings)
    events, versions = page.store.history(case.id), page.store.versions(case.id)
    answers = page.store.answers(case.id, case.version)
    comments = casework.visible_comments(page.store, case, principal)
    names = service.people(page.store, case_actors(case, events, answers, versions, comments))
    history = visible_history(events, principal, names)
    return {
        "case": case,
        "result": result,
        "groups": group_by_use(TriageResult.model_validate(result)) if result else [],
        "anchors": anchors,
        "segments": segments,
        "history": history,
        "names": names,
        "versions": visible_versions(versions, principal, names),
        "changes": version_changes(case, versions, history),
        "answers": visible_answers(answers, principal, names),
        "error": visible_error(case.error, principal),
        "reviewed_by": visible_actor(case.reviewed_by, principal, reviewer=True, names=names),
        "precedents": precedents_out(
            case.id, service.precedents(page.store, page.state.precedent_index(), case.id, principal=principal)
        ),
        "is_owner": case.org == principal.org and principal.role in ("partner", "contact"),
        "is_contact": principal.role == "contact",
        "workflow": workflow_fields(case, principal, comments, names),
        "contacts": casework.contacts(page.store) if principal.role == "contact" else [],
    }


def _case_form_error(page: Page, principal: Principal, case: Case, exc: StoreError, **context: Any) -> Response:
    """The case page again, with a form's refusal shown beside the form."""
    return render(page, "case.html", {**_case_context(page, principal, case), **context}, http_status(exc))


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(page: PageDep, principal: Worker, case_id: str) -> Response:
    case = service.visible_case(page.store, case_id, principal)
    return render(page, "case.html", _case_context(page, principal, case))


@router.get("/cases/{case_id}/record", response_class=HTMLResponse)
def record_page(page: PageDep, principal: Worker, case_id: str) -> Response:
    """The approval record as a page that prints cleanly (the same record as `GET /v1/cases/{id}/record`)."""
    case = service.visible_case(page.store, case_id, principal)
    return render(page, "record.html", {"record": approval_record(page.store, case, principal)})


@router.post("/cases/{case_id}/answers", response_class=HTMLResponse)
@runs_pipeline
def answer_questions(
    page: PageDep,
    principal: Worker,
    case_id: str,
    csrf_token: Annotated[str, Form()],
    question_id: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI copies defaults)
    answer: Annotated[list[str], Form()] = [],  # noqa: B006
) -> Response:
    """One use's questions answered: blank answers are left out (the question stays asked)."""
    case = service.visible_case(page.store, case_id, principal)
    check_csrf(page, csrf_token)
    given = [
        service.AnswerInput(text=a, question_id=q or None)
        for q, a in zip(question_id, answer, strict=False)
        if a.strip()
    ]
    try:
        pipeline = get_pipeline(page.state)
        service.answer(
            page.store,
            pipeline,
            case_id,
            given,
            principal=principal,
            max_chars=service.text_limit(page.state.settings),
        )
    except (InvalidInput, TextTooLong, Conflict) as exc:
        return _case_form_error(page, principal, case, exc, answer_error=sentence(str(exc)))
    return redirect(f"/cases/{case_id}")


@router.post("/cases/{case_id}/revise", response_class=HTMLResponse)
@runs_pipeline
def revise_plan(
    page: PageDep,
    principal: Worker,
    case_id: str,
    csrf_token: Annotated[str, Form()],
    text: Annotated[str, Form()] = "",
) -> Response:
    case = service.visible_case(page.store, case_id, principal)
    check_csrf(page, csrf_token)
    try:
        pipeline = get_pipeline(page.state)
        service.revise(
            page.store,
            pipeline,
            case_id,
            text,
            principal=principal,
            max_chars=service.text_limit(page.state.settings),
        )
    except (InvalidInput, TextTooLong, Conflict) as exc:
        return _case_form_error(page, principal, case, exc, revise_error=sentence(str(exc)), revise_text=text)
    return redirect(f"/cases/{case_id}")


@router.post("/cases/{case_id}/review", response_class=HTMLResponse)
def review(
    page: PageDep,
    principal: Worker,
    case_id: str,
    csrf_token: Annotated[str, Form()],
    decision: Annotated[str, Form()] = "",
    route: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    conditions: Annotated[str, Form()] = "",
) -> Response:
    """A decision, checked as the API's are (service.review): a route only with an override, conditions only with
    an approval with conditions."""
    case = service.visible_case(page.store, case_id, principal)
    check_csrf(page, csrf_token)
    try:
        service.review(
            page.store,
            case_id,
            principal=principal,
            decision=decision,
            route=route or None,
            reason=reason,
            conditions=conditions if conditions.strip() else None,
        )
    except (InvalidInput, Conflict, Forbidden) as exc:
        form = {"decision": decision, "route": route, "reason": reason, "conditions": conditions}
        return _case_form_error(page, principal, case, exc, review_error=sentence(str(exc)), review_form=form)
    return redirect(f"/cases/{case_id}")


@router.post("/cases/{case_id}/move", response_class=HTMLResponse)
def move(
    page: PageDep,
    principal: Worker,
    case_id: str,
    csrf_token: Annotated[str, Form()],
    action: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Start the review, close or reopen (the workflow's table decides from which stages)."""
    case = service.visible_case(page.store, case_id, principal)
    check_csrf(page, csrf_token)
    try:
        casework.act(page.store, case_id, action, principal=principal, reason=reason)
    except (InvalidInput, Conflict, Forbidden) as exc:
        return _case_form_error(page, principal, case, exc, workflow_error=sentence(str(exc)))
    return redirect(f"/cases/{case_id}")


@router.post("/cases/{case_id}/assign", response_class=HTMLResponse)
def assign(
    page: PageDep,
    principal: Worker,
    case_id: str,
    csrf_token: Annotated[str, Form()],
    assignee: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Take the case (`me`), give it to another contact, or to nobody (empty)."""
    case = service.visible_case(page.store, case_id, principal)
    check_csrf(page, csrf_token)
    try:
        casework.assign(page.store, case_id, assignee or None, principal=principal)
    except (InvalidInput, Conflict, Forbidden) as exc:
        return _case_form_error(page, principal, case, exc, workflow_error=sentence(str(exc)))
    return redirect(f"/cases/{case_id}")


@router.post("/cases/{case_id}/comments", response_class=HTMLResponse)
def comment(
    page: PageDep,
    principal: Worker,
    case_id: str,
    csrf_token: Annotated[str, Form()],
    body: Annotated[str, Form()] = "",
    visibility: Annotated[str, Form()] = "shared",
) -> Response:
    case = service.visible_case(page.store, case_id, principal)
    check_csrf(page, csrf_token)
    try:
        casework.comment(page.store, case_id, body, visibility, principal=principal)
    except (InvalidInput, Forbidden) as exc:
        form = {"body": body, "visibility": visibility}
        return _case_form_error(page, principal, case, exc, comment_error=sentence(str(exc)), comment_form=form)
    return redirect(f"/cases/{case_id}#comments-h")


@router.post("/cases/{case_id}/rerun", response_class=HTMLResponse)
@runs_pipeline
def rerun_page(page: PageDep, principal: Worker, case_id: str, csrf_token: Annotated[str, Form()]) -> Response:
    service.visible_case(page.store, case_id, principal)
    check_csrf(page, csrf_token)
    service.rerun_visible(page.store, get_pipeline(page.state), case_id, principal=principal)
    return redirect(f"/cases/{case_id}")
