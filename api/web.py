"""The pages' plumbing: templates, the session cookie, CSRF checks and who is signed in.

Sign-in exchanges an API key for a server-side session (triage.store.sessions) whose random token travels in an
httponly, SameSite=Lax cookie (api.security), and every form carries the session's CSRF token. The JSON API uses
bearer keys and none of this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from api.deps import AppState, StateDep, client_address, enforce_limit, enforce_rate_limit, get_store
from api.presenters import safe_url
from api.security import COOKIE_NAME, Session, csrf_ok
from triage.queue import SEARCH_MAX_CHARS
from triage.records import ProductionType, Trigger
from triage.store import sessions
from triage.store.accounts import Principal
from triage.store.cases import DECISIONS, STAGES, STATUSES, Store

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
NOT_PAGES = ("/v1/", "/healthz", "/readyz", "/static/", "/docs", "/redoc", "/openapi.json")

templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.filters["safe_url"] = safe_url
templates.env.globals["production_types"] = [p.value for p in ProductionType]
templates.env.globals["decisions"] = DECISIONS
templates.env.globals["statuses"] = STATUSES
templates.env.globals["stages"] = STAGES
templates.env.globals["triggers"] = [t.value for t in Trigger]
templates.env.globals["search_max_chars"] = SEARCH_MAX_CHARS


def is_page(request: Request) -> bool:
    return not request.url.path.startswith(NOT_PAGES)


def sentence(message: str) -> str:
    """A refusal's message as a sentence on a page: capitalised, with a full stop."""
    message = message.rstrip(".")
    return message[:1].upper() + message[1:] + "."


def error_page(request: Request, status_code: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
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
    session: Session
    principal: Principal | None
    renew: bool  # the cookie must be (re)written


def page_context(request: Request, state: StateDep) -> Page:
    """The browser's session and who it is signed in as (no one once it was signed out, expired or revoked)."""
    store = get_store(state)
    session = Session.from_cookie(request.cookies.get(COOKIE_NAME))
    principal = sessions.principal(store, session.token) if session else None
    if principal is not None:
        enforce_rate_limit(state, store, principal)
    else:
        enforce_limit(store, f"page:{client_address(request)}", state.rate_limit, "page views from this address")
    return Page(request, state, store, session or Session.new(), principal, renew=session is None)


PageDep = Annotated[Page, Depends(page_context)]


class SignInNeeded(Exception):
    """No one is signed in to this page's session: answered with a redirect to the sign-in page."""


async def signed_in_worker(page: PageDep) -> Principal:
    """The signed-in partner or contact (admins see no cases: 403); SignInNeeded when no one is signed in."""
    if page.principal is None:
        raise SignInNeeded
    if page.principal.role not in ("partner", "contact"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Admin keys manage keys through the API; they see no cases.")
    return page.principal


Worker = Annotated[Principal, Depends(signed_in_worker)]


def set_cookie(page: Page, response: Response, session: Session) -> None:
    response.set_cookie(
        COOKIE_NAME,
        session.token,
        max_age=sessions.SESSION_MAX_AGE_S,
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
        set_cookie(page, response, page.session)
    return response


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


def check_csrf(page: Page, token: str) -> None:
    if page.renew or not csrf_ok(page.session, token):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "This form has expired. Go back, reload the page and try again.")
