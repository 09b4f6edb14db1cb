"""Liveness (the process answers) and readiness (the database answers and is migrated)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status

from api.deps import StateDep
from api.models import Health
from triage.store import migrations

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, operation_id="healthz")
async def healthz() -> Any:
    """Answered on the event loop, not a worker thread: hanging LLM calls can hold every worker thread, and a
    liveness probe that then times out would get a healthy process (and its in-flight cases) killed."""
    return Health(status="ok")


@router.get("/readyz", response_model=Health, operation_id="readyz")
def readyz(state: StateDep) -> Any:
    try:
        store = state.store()
        migrations.ping(store)
        version = migrations.current_version(store)
    except Exception as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "the database is not reachable") from exc
    return Health(status="ready", schema_version=version)
