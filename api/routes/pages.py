"""Server-rendered pages: partners paste a plan, read the decision and answer questions; contacts work the queue.

No JavaScript. Sign-in exchanges an API key for a signed, httponly, SameSite=Lax session cookie, and every form
carries the session's CSRF token. The pages call the same store functions as the JSON API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from api.deps import AppState, PipelineLike, StateDep, enforce_rate_limit, get_pipeline, get_store, runs_pipeline
from api.models import FAILED_FOR_PARTNER, check_text, text_limit
from api.security import COOKIE_NAME, SESSION_MAX_AGE_S, Session, csrf_ok, sign, unsign
from triage.accounts import Principal, authenticate, principal_for_id
from triage.records import Intake, ProductionType
from triage.store import (
    DECISIONS,
    STATUSES,
    Case,
    Conflict,
    NotFound,
    Store,
    StoreError,
    TextTooLong,
    rerun,
    run_case,
    submit,
)

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
NOT_PAGES = ("/v1/", "/healthz", "/readyz", "/static/", "/docs", "/redoc", "/openapi.json")
PAGE_SIZE = 25

router = APIRouter(include_in_schema=False)


def safe_url(url: Any) -> str | None:
    """Only http(s) links are rendered: a policy file could otherwise smuggle a javascript: URL into a page."""
    if not isinstance(url, str):
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.filters["safe_url"] = safe_url
templates.env.globals["production_types"] = [p.value for p in ProductionType]
templates.env.globals["decisions"] = DECISIONS
templates.env.globals["statuses"] = STATUSES


def is_page(request: Request) -> bool:
    return not request.url.path.startswith(NOT_PAGES)


def error_page(request: Request, status_code: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status_code": status_code, "message": message, "principal": None, "csrf": None},
        status_code=status_code,
        headers=headers,
    )


@dataclass
class Page:
    request: Request
    state: AppState
    store: Store
    secret: str
    session: Session
    principal: Principal | None
    renew: bool  # the cookie must be (re)written


def _secret(state: AppState, store: Store) -> str:
    if state.settings.secret_key:
        return state.settings.secret_key.get_secret_value()
    if state.session_secret is None:
        state.session_secret = store.secret("session")  # shared by every worker through the database
    return state.session_secret


def page_context(request: Request, state: StateDep) -> Page:
    store = get_store(state)
    secret = _secret(state, store)
    session = unsign(secret, request.cookies.get(COOKIE_NAME))
    renew = session is None
    principal = None
    if session is not None and session.key_id:
        principal = principal_for_id(store, session.key_id)
        if principal is None:  # the key was revoked: the session ends
            session, renew = None, True
    return Page(request, state, store, secret, session or Session.new(), principal, renew)


PageDep = Annotated[Page, Depends(page_context)]


def _set_cookie(page: Page, response: Response, session: Session) -> None:
    response.set_cookie(
        COOKIE_NAME,
        sign(page.secret, session),
        max_age=SESSION_MAX_AGE_S,
        httponly=True,
        samesite="lax",
        secure=page.request.url.scheme == "https",
        path="/",
    )


def render(page: Page, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    response = templates.TemplateResponse(
        page.request,
        template,
        {"principal": page.principal, "csrf": page.session.csrf, **context},
        status_code=status_code,
    )
    if page.renew:
        _set_cookie(page, response, page.session)
    return response


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


def _check_csrf(page: Page, token: str) -> None:
    if page.renew or not csrf_ok(page.session, token):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "This form has expired. Go back, reload the page and try again.")


def _sentence(exc: BaseException) -> str:
    message = str(exc).rstrip(".")
    return message[:1].upper() + message[1:] + "."


def _worker(page: Page) -> Principal | None:
    if page.principal is not None and page.principal.role not in ("partner", "contact"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Admin keys manage keys through the API; they see no cases.")
    return page.principal


def _visible(page: Page, principal: Principal, case_id: str) -> Case:
    case = page.store.get_case(case_id, org=principal.case_scope)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "There is no such case.")
    return case


# --- evidence highlighting ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool
    anchor: str | None = None


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where a quote sits in the plan: exactly, else ignoring case and runs of whitespace."""
    quote = quote.strip()
    if not quote:
        return None
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    words = quote.split()
    match = re.search(r"\s+".join(re.escape(w) for w in words), text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def highlight(text: str, findings: list[dict[str, Any]]) -> tuple[list[Segment], list[str | None]]:
    """The plan cut into plain and highlighted segments, and for each finding the anchor of its evidence."""
    spans: list[tuple[int, int, int]] = []
    for i, finding in enumerate(findings):
        found = locate(text, finding.get("evidence") or "")
        if found:
            spans.append((found[0], found[1], i))
    anchors: list[str | None] = [None] * len(findings)
    segments: list[Segment] = []
    pos = 0
    for start, end, i in sorted(spans):
        if start >= pos:
            if start > pos:
                segments.append(Segment(text[pos:start], False))
            anchor = f"evidence-{i + 1}"
            segments.append(Segment(text[start:end], True, anchor))
            anchors[i] = anchor
            pos = end
        else:  # overlaps the previous highlight: extend it, and point this finding at it
            previous = segments[-1]
            if end > pos:
                segments[-1] = Segment(previous.text + text[pos:end], True, previous.anchor)
                pos = end
            anchors[i] = previous.anchor
    if pos < len(text):
        segments.append(Segment(text[pos:], False))
    return segments, anchors


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
    _check_csrf(page, csrf_token)
    principal = authenticate(page.store, api_key)
    if principal is None:
        return render(page, "signin.html", {"error": "That key was not recognised."}, status.HTTP_401_UNAUTHORIZED)
    response = redirect("/")
    _set_cookie(page, response, Session.new(principal.key_id))  # a fresh CSRF token with every sign-in
    return response


@router.post("/signout", response_class=HTMLResponse)
def signout(page: PageDep, csrf_token: Annotated[str, Form()]) -> Response:
    _check_csrf(page, csrf_token)
    response = redirect("/signin")
    _set_cookie(page, response, Session.new())
    return response


# --- partners: submit a plan --------------------------------------------------------------------------------


def _submit_form(page: Page, **context: Any) -> dict[str, Any]:
    return {"max_chars": text_limit(page.state.settings), "form": {}, **context}


@router.get("/submit", response_class=HTMLResponse)
def submit_form(page: PageDep) -> Response:
    if _worker(page) is None:
        return redirect("/signin")
    return render(page, "submit.html", _submit_form(page))


@router.post("/submit", response_class=HTMLResponse)
@runs_pipeline
def submit_plan(
    page: PageDep,
    csrf_token: Annotated[str, Form()],
    text: Annotated[str, Form()] = "",
    production_type: Annotated[str, Form()] = "",
    production_title: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    principal = _worker(page)
    if principal is None:
        return redirect("/signin")
    _check_csrf(page, csrf_token)
    form = {"text": text, "production_type": production_type, "production_title": production_title}
    try:
        text = check_text(text, max_chars=text_limit(page.state.settings))
        title = check_text(production_title, max_chars=300, what="the title") if production_title.strip() else None
        if production_type and production_type not in {p.value for p in ProductionType}:
            raise ValueError("choose a production type from the list")
    except ValueError as exc:
        context = _submit_form(page, error=_sentence(exc), form=form)
        return render(page, "submit.html", context, status.HTTP_422_UNPROCESSABLE_CONTENT)
    enforce_rate_limit(page.state, page.store, principal)
    pipeline: PipelineLike = get_pipeline(page.state)
    intake = Intake(text=text, production_type=production_type or None, production_title=title)
    case = submit(page.store, pipeline, intake, org=principal.org, actor=principal.key_id, actor_role=principal.role)
    return redirect(f"/cases/{case.id}")


# --- cases --------------------------------------------------------------------------------------------------


def _choice(value: str | None, allowed: Any, name: str) -> str | None:
    if not value:
        return None
    if value not in allowed:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"Unknown {name} filter: choose one from the list.")
    return value


@router.get("/cases", response_class=HTMLResponse)
def case_list(
    page: PageDep,
    route: str | None = None,
    status_: Annotated[str | None, Query(alias="status")] = None,
    review: str | None = None,
    production: str | None = None,
    page_no: int = 1,
) -> Response:
    principal = _worker(page)
    if principal is None:
        return redirect("/signin")
    filters = {
        "route": _choice(route, ("notify", "escalate"), "route"),
        "status": _choice(status_, STATUSES, "status"),
        "review": _choice(review, ("none", *DECISIONS), "review"),
        "production": _choice(production, {p.value for p in ProductionType}, "production"),
    }
    page_no = max(1, min(page_no, 100_000))
    rows, total = page.store.list_cases(
        org=principal.case_scope, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE, **filters
    )
    query = {k: v for k, v in filters.items() if v}
    pages = max(1, -(-total // PAGE_SIZE))
    context = {
        "rows": rows,
        "total": total,
        "filters": filters,
        "counts": page.store.counts(org=principal.case_scope),
        "page_no": page_no,
        "pages": pages,
        "prev_url": f"/cases?{urlencode({**query, 'page_no': page_no - 1})}" if page_no > 1 else None,
        "next_url": f"/cases?{urlencode({**query, 'page_no': page_no + 1})}" if page_no < pages else None,
    }
    return render(page, "cases.html", context)


def _case_context(page: Page, principal: Principal, case: Case) -> dict[str, Any]:
    result = case.result or {}
    findings = result.get("findings") or []
    segments, anchors = highlight(case.text, findings)
    history = page.store.history(case.id)
    partner = principal.role == "partner"
    for event in history:
        if partner and event.kind == "failed":
            event.data["error"] = FAILED_FOR_PARTNER
    return {
        "case": case,
        "result": result,
        "findings": list(zip(findings, anchors, strict=True)),
        "segments": segments,
        "questions": result.get("questions") or [],
        "history": history,
        "error": FAILED_FOR_PARTNER if (partner and case.error) else case.error,
        "is_owner": case.org == principal.org and principal.role in ("partner", "contact"),
        "is_contact": principal.role == "contact",
    }


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(page: PageDep, case_id: str) -> Response:
    principal = _worker(page)
    if principal is None:
        return redirect("/signin")
    case = _visible(page, principal, case_id)
    return render(page, "case.html", _case_context(page, principal, case))


@router.post("/cases/{case_id}/answers", response_class=HTMLResponse)
@runs_pipeline
def answer_questions(
    page: PageDep,
    case_id: str,
    csrf_token: Annotated[str, Form()],
    question: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI copies defaults)
    answer: Annotated[list[str], Form()] = [],  # noqa: B006
) -> Response:
    principal = _worker(page)
    if principal is None:
        return redirect("/signin")
    case = _visible(page, principal, case_id)
    _check_csrf(page, csrf_token)
    if case.org != principal.org:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only the organisation that submitted the case answers it.")
    questions = question + [""] * max(0, len(answer) - len(question))
    pairs = [(q.strip(), a) for q, a in zip(questions, answer, strict=False) if a.strip()]
    try:
        if not pairs:
            raise ValueError("write at least one answer")
        pairs = [
            (
                check_text(q, max_chars=1000, what="a question") if q else "",
                check_text(a, max_chars=4000, what="an answer"),
            )
            for q, a in pairs
        ]
        enforce_rate_limit(page.state, page.store, principal)
        pipeline = get_pipeline(page.state)
        _, token = page.store.add_answers(
            case_id, pairs, org=principal.org, actor=principal.key_id, max_chars=text_limit(page.state.settings)
        )
    except (ValueError, TextTooLong, Conflict) as exc:
        context = _case_context(page, principal, case)
        context["answer_error"] = _sentence(exc)
        code = status.HTTP_409_CONFLICT if isinstance(exc, Conflict) else status.HTTP_422_UNPROCESSABLE_CONTENT
        return render(page, "case.html", context, code)
    except NotFound:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "There is no such case.") from None
    run_case(page.store, pipeline, case_id, token, actor=principal.key_id, actor_role=principal.role)
    return redirect(f"/cases/{case_id}")


@router.post("/cases/{case_id}/review", response_class=HTMLResponse)
def review(
    page: PageDep,
    case_id: str,
    csrf_token: Annotated[str, Form()],
    decision: Annotated[str, Form()] = "",
    route: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    principal = _worker(page)
    if principal is None:
        return redirect("/signin")
    case = _visible(page, principal, case_id)
    _check_csrf(page, csrf_token)
    if principal.role != "contact":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only a studio contact reviews cases.")
    try:
        if decision not in DECISIONS:
            raise ValueError("choose a decision")
        if decision == "override" and route not in ("notify", "escalate"):
            raise ValueError("an override needs the route it sets")
        reason = check_text(reason, max_chars=4000, what="the reason")
        page.store.add_review(
            case_id,
            decision=decision,
            route=route if decision == "override" else None,
            reason=reason,
            actor=principal.key_id,
            actor_role=principal.role,
        )
    except (ValueError, StoreError) as exc:
        context = _case_context(page, principal, case)
        context["review_error"] = _sentence(exc)
        context["review_form"] = {"decision": decision, "route": route, "reason": reason}
        code = status.HTTP_409_CONFLICT if isinstance(exc, Conflict) else status.HTTP_422_UNPROCESSABLE_CONTENT
        return render(page, "case.html", context, code)
    return redirect(f"/cases/{case_id}")


@router.post("/cases/{case_id}/rerun", response_class=HTMLResponse)
def rerun_page(page: PageDep, case_id: str, csrf_token: Annotated[str, Form()]) -> Response:
    principal = _worker(page)
    if principal is None:
        return redirect("/signin")
    _visible(page, principal, case_id)
    _check_csrf(page, csrf_token)
    pipeline = get_pipeline(page.state)
    if rerun(page.store, pipeline, case_id, actor=principal.key_id, actor_role=principal.role) is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "This case is not waiting for a re-run.")
    return redirect(f"/cases/{case_id}")
