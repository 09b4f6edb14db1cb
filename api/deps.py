"""Dependencies shared by the routers: settings, the store, the pipeline and who is calling.

The app keeps only caches in memory (the engine's pool, the built pipeline); every fact lives in the database,
so any number of workers can serve the same clients.
"""

from __future__ import annotations

import logging
import threading
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from triage.config import Settings
from triage.precedents.index import PrecedentIndex
from triage.service import PipelineLike
from triage.store import counters
from triage.store.accounts import Principal, Role, authenticate
from triage.store.cases import Store
from triage.store.errors import Conflict, Forbidden, NotFound, StoreError

log = logging.getLogger(__name__)

STORE_ERROR_STATUS: dict[type[StoreError], int] = {
    NotFound: status.HTTP_404_NOT_FOUND,
    Forbidden: status.HTTP_403_FORBIDDEN,
    Conflict: status.HTTP_409_CONFLICT,
}


def http_status(exc: StoreError) -> int:
    """The one HTTP status for a refusal, for every route and page: 422 unless a subclass says otherwise."""
    for cls in type(exc).__mro__:
        if cls in STORE_ERROR_STATUS:
            return STORE_ERROR_STATUS[cls]
    return status.HTTP_422_UNPROCESSABLE_CONTENT


class AppState:
    """Per-process caches, built on first use so the app also works without its lifespan (e.g. bare TestClient)."""

    def __init__(self, settings: Settings, pipeline: PipelineLike | None = None, rate_limit: int | None = None):
        self.settings = settings
        self.pipeline = pipeline
        self.rate_limit = rate_limit or settings.rate_limit_per_minute
        self._store: Store | None = None
        self._precedents: PrecedentIndex | None = None
        self._lock = threading.Lock()

    @property
    def open_store(self) -> Store | None:
        """The store if it is open already (no I/O)."""
        return self._store

    def store(self) -> Store:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = Store.open(self.settings)
        return self._store

    def build_pipeline(self) -> PipelineLike:
        if self.pipeline is None:
            with self._lock:
                if self.pipeline is None:
                    from triage.pipeline import Pipeline

                    self.pipeline = Pipeline(self.settings)
        return self.pipeline

    def precedent_index(self) -> PrecedentIndex:
        """The precedent index (nothing is opened until it is first read)."""
        if self._precedents is None:
            with self._lock:
                if self._precedents is None:
                    self._precedents = PrecedentIndex(self.settings)
        return self._precedents

    def close(self) -> None:
        if self._precedents is not None:
            self._precedents.close()
        if self._store is not None:
            self._store.close()
            self._store = None


# Dependencies that do no I/O are `async def`: FastAPI runs a plain `def` dependency on a worker thread, and
# those hops cost more CPU than a lexical triage's rules. Only what may block (a database or a model) takes one.


async def app_state(request: Request) -> AppState:
    return request.app.state.triage


StateDep = Annotated[AppState, Depends(app_state)]


async def get_settings(state: StateDep) -> Settings:
    return state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_store(state: StateDep) -> Store:
    try:
        return state.store()
    except Exception as exc:
        log.error("database unavailable: %s", type(exc).__name__)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "the database is not available") from exc


async def store_dependency(state: StateDep) -> Store:
    """The open store, or open it on a worker thread (migrations may run: the first request only)."""
    store = state.open_store
    return store if store is not None else await run_in_threadpool(get_store, state)


StoreDep = Annotated[Store, Depends(store_dependency)]


def get_pipeline(state: StateDep) -> PipelineLike:
    """The pipeline, or 503 before anything is written when it cannot be built (e.g. the knowledge is broken)."""
    try:
        return state.build_pipeline()
    except Exception as exc:
        log.error("triage pipeline unavailable: %s", type(exc).__name__)
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE, f"the triage engine is not available ({type(exc).__name__})"
        ) from exc


async def pipeline_dependency(state: StateDep) -> PipelineLike:
    """The built pipeline, or build it on a worker thread (loading policy, rules and models takes seconds)."""
    pipeline = state.pipeline
    return pipeline if pipeline is not None else await run_in_threadpool(get_pipeline, state)


PipelineDep = Annotated[PipelineLike, Depends(pipeline_dependency)]


async def precedent_index_dependency(state: StateDep) -> PrecedentIndex:
    return state.precedent_index()


PrecedentIndexDep = Annotated[PrecedentIndex, Depends(precedent_index_dependency)]

bearer = HTTPBearer(auto_error=False, description="An API key from `triage keys create`.")


def client_address(request: Request) -> str:
    """The caller's address, for limits on callers without a key (behind a proxy, run uvicorn with
    --proxy-headers and --forwarded-allow-ips so this is the client's, not the proxy's)."""
    return request.client.host if request.client else "unknown"


def enforce_limit(store: Store, subject: str, limit: int, what: str) -> None:
    """429 with Retry-After once `subject` has made `limit` of these requests this minute."""
    wait = counters.hit(store, subject, limit=limit)
    if wait:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"too many {what}: at most {limit} a minute",
            headers={"Retry-After": str(wait)},
        )


def enforce_rate_limit(state: AppState, store: Store, principal: Principal) -> None:
    """Every request made with a key (API calls and page views alike) counts against the key's limit."""
    enforce_limit(store, f"key:{principal.key_id}", state.rate_limit, "requests for this key")


def get_principal(
    request: Request,
    state: StateDep,
    store: StoreDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    unauthorized = HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "a valid API key is needed: Authorization: Bearer <key>",
        headers={"WWW-Authenticate": "Bearer"},
    )
    if credentials is None:
        raise unauthorized
    principal = authenticate(store, credentials.credentials)
    if principal is None:  # every wrong key costs a lookup: an address that keeps sending them is slowed down
        limit = state.settings.auth_failure_rate_limit
        enforce_limit(store, f"auth-failure:{client_address(request)}", limit, "requests with an invalid key")
        raise unauthorized
    enforce_rate_limit(state, store, principal)
    return principal


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require(*roles: Role) -> Any:
    """A dependency admitting only these roles (403 for the others, who are signed in)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"this needs the {' or '.join(roles)} role")
        return principal

    return Depends(check)


CaseWorker = Annotated[Principal, require("partner", "contact")]
Contact = Annotated[Principal, require("contact")]
Admin = Annotated[Principal, require("admin")]


async def require_json(request: Request) -> None:
    """JSON endpoints say so: a form or a binary upload gets 415 instead of a confusing validation error."""
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "send the body as application/json")


JsonBody = Depends(require_json)
