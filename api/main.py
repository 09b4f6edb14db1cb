"""The FastAPI app: the JSON API under /v1, health checks, and the server-rendered pages.

`uvicorn api.main:app` (what `triage serve` runs) builds the app from the environment's Settings; tests call
`create_app(settings, pipeline=...)` with their own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from api.deps import AppState, http_status
from api.docs import add_docs
from api.limits import BodySizeLimit, SecurityHeaders
from api.models import ErrorOut, ValidationErrorOut
from api.pools import exit_after
from api.routes import cases, health, keys, notify, pages, policy, precedents, queue, workflow
from api.web import SignInNeeded, error_page, is_page, redirect, sentence
from triage import casework
from triage.config import Settings, get_settings
from triage.notify.worker import Worker
from triage.precedents.sync import Sync
from triage.service import PipelineLike, rerun_pending
from triage.store.errors import StoreError

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
SHUTDOWN_GRACE_S = 2.0  # after the app's shutdown, for threads to finish before the process exits regardless

ERROR_DESCRIPTIONS = {
    400: "the body could not be decoded",
    401: "no valid API key",
    403: "the key's role may not do this",
    404: "no such case or key (another organisation's case included)",
    409: "the case is not in a state that allows this",
    413: "the request body is too large",
    415: "the body is not application/json",
    422: "the request is not valid",
    429: "too many requests for this key (see Retry-After)",
    503: "the database or the triage engine is not available",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The errors a router can answer, in the schema, so clients (and schema checks) know their shape."""
    return {
        code: {"model": ValidationErrorOut if code == 422 else ErrorOut, "description": ERROR_DESCRIPTIONS[code]}
        for code in codes
    }


API_ERRORS = (400, 401, 403, 413, 415, 422, 429, 503)


def body_limit(settings: Settings) -> int:
    """64 KiB, or more when the text limit needs it: 20,000 CJK characters are ~180 KB form-encoded."""
    return max(64 * 1024, 9 * settings.max_text_chars + 16 * 1024)


def rerun_interval(settings: Settings) -> float:
    """How often a worker looks for cases to re-run: twice per lease, at least once a minute."""
    return max(0.5, min(60.0, settings.effective_lease_s / 2))


def _rerun_in_background(state: AppState, stop: threading.Event) -> threading.Thread:
    """Re-run what a crash or a failing LLM left behind, and queue the due-date reminders: at start-up, then
    periodically, without delaying start-up.

    Not only at start-up: a worker restarted right after a crash finds its cases still leased, and a case whose
    worker died (in this process or another) becomes re-runnable only once its lease lapses. Claims are atomic,
    so any number of workers may sweep the same database.
    """
    interval = rerun_interval(state.settings)

    def work() -> None:
        while True:
            try:
                rerun_pending(state.store(), state.build_pipeline())
            except Exception as exc:
                log.error("re-run of pending cases skipped: %s", type(exc).__name__)
            try:
                casework.send_reminders(state.store(), state.settings)
            except Exception as exc:
                log.error("due-date reminders skipped: %s", type(exc).__name__)
            if stop.wait(interval):
                return

    thread = threading.Thread(target=work, name="triage-rerun", daemon=True)
    thread.start()
    return thread


def _deliver_in_background(state: AppState, stop: threading.Event) -> threading.Thread:
    """Send the outbox's messages from this process (TRIAGE_NOTIFY_WORKER), beside the requests, never in them."""

    def work() -> None:
        worker = Worker(state.store(), state.settings)
        try:
            worker.run(stop)
        finally:
            worker.close()

    thread = threading.Thread(target=work, name="triage-notify", daemon=True)
    thread.start()
    return thread


def _index_precedents_in_background(state: AppState, stop: threading.Event) -> threading.Thread:
    """Keep the precedent index up to date from this process (TRIAGE_PRECEDENTS_WORKER), never in a request."""
    sync = Sync(state.store(), state.precedent_index())
    try:
        sync.prepare()
    except Exception as exc:  # the sweep retries; a case page says the index is unavailable meanwhile
        log.error("precedent index not ready at start-up: %s", type(exc).__name__)
    lock = Path(state.settings.data_dir) / "precedents.lock"
    thread = threading.Thread(target=sync.run, args=(stop, lock), name="triage-precedents", daemon=True)
    thread.start()
    return thread


def create_app(
    settings: Settings | None = None,
    *,
    pipeline: PipelineLike | None = None,
    rerun_on_startup: bool = True,
    rate_limit_per_minute: int | None = None,
    exit_after_shutdown_s: float | None = None,
) -> FastAPI:
    """The app. `exit_after_shutdown_s`: for the served process only (api.pools.exit_after), never in tests."""
    settings = settings or get_settings()
    state = AppState(settings, pipeline, rate_limit_per_minute)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        background: list[threading.Thread] = []
        try:
            state.store()  # migrate before the first request
        except Exception as exc:  # /readyz reports it; the process stays up to say so
            log.error("database not ready at start-up: %s", type(exc).__name__)
        else:
            if rerun_on_startup:
                background.append(_rerun_in_background(state, stop))
            if settings.notify_worker:
                background.append(_deliver_in_background(state, stop))
            if settings.precedents_worker:
                background.append(_index_precedents_in_background(state, stop))
        yield
        stop.set()
        for thread in background:
            thread.join(timeout=2)
        state.close()
        if exit_after_shutdown_s is not None:
            exit_after(exit_after_shutdown_s)

    app = FastAPI(
        title="GenAI use triage",
        version="1",
        summary="Triage of generative-AI use plans in film and TV production against a studio's partner guidance",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    if settings.api_docs:
        add_docs(app)
    app.state.triage = state

    app.include_router(queue.router, prefix="/v1", responses=error_responses(*API_ERRORS))
    app.include_router(cases.router, prefix="/v1", responses=error_responses(*API_ERRORS, 404, 409))
    app.include_router(precedents.router, prefix="/v1", responses=error_responses(*API_ERRORS, 404))
    app.include_router(workflow.router, prefix="/v1", responses=error_responses(*API_ERRORS, 404, 409))
    app.include_router(policy.router, prefix="/v1", responses=error_responses(*API_ERRORS))
    app.include_router(keys.router, prefix="/v1", responses=error_responses(*API_ERRORS, 404))
    app.include_router(notify.router, prefix="/v1", responses=error_responses(*API_ERRORS, 404))
    app.include_router(health.router, responses=error_responses(503))
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if is_page(request):
            return error_page(request, exc.status_code, str(exc.detail), exc.headers)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(StoreError)
    async def refused(request: Request, exc: StoreError) -> Response:
        """Every refusal of the service or the store, for every route and page: one status per kind."""
        if is_page(request):
            return error_page(request, http_status(exc), sentence(str(exc)))
        return JSONResponse({"detail": str(exc)}, status_code=http_status(exc))

    @app.exception_handler(SignInNeeded)
    async def sign_in(request: Request, exc: SignInNeeded) -> Response:
        return redirect("/signin")

    @app.exception_handler(StarletteHTTPException)
    async def routing_error(request: Request, exc: StarletteHTTPException) -> Response:
        """Starlette's 405 names only the first matching route's methods; Allow must name all the path has. An
        unknown page gets the HTML error page, as every page's refusal does."""
        if exc.status_code != 405:
            page_404 = exc.status_code == 404 and is_page(request)
            detail = "There is no such page." if page_404 else exc.detail
            return await http_error(request, HTTPException(exc.status_code, detail, exc.headers))
        allowed = [
            method
            for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
            if any(route.matches({**request.scope, "method": method})[0] == Match.FULL for route in app.router.routes)
        ]
        return await http_error(request, HTTPException(405, exc.detail, {"Allow": ", ".join(allowed)}))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]  # without the input: it may be a partner's text
        if is_page(request):
            message = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
            return error_page(request, 422, message or "the form could not be read")
        return JSONResponse({"detail": errors}, status_code=422)

    app.add_middleware(BodySizeLimit, max_bytes=body_limit(settings))
    app.add_middleware(SecurityHeaders)  # outermost: its headers go on every response, a 413 included
    return app


app = create_app(exit_after_shutdown_s=SHUTDOWN_GRACE_S)  # what uvicorn serves
