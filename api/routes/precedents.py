"""A case's precedents: the earlier decided cases most like it, with their final decisions and the reviewers' reasons.

The same rules as the case itself: a partner sees its own organisation's cases only (another organisation's case is
404, and its precedents are its own organisation's), a contact sees every organisation's.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import CaseWorker, PrecedentIndexDep, StoreDep
from api.models import PrecedentsOut
from api.presenters import precedents_out
from triage import service

router = APIRouter(prefix="/cases", tags=["cases"])


@router.get("/{case_id}/precedents", response_model=PrecedentsOut, operation_id="case_precedents")
def case_precedents(case_id: str, principal: CaseWorker, store: StoreDep, index: PrecedentIndexDep) -> Any:
    """Up to five earlier decided cases nearest to this one's plan, reviewed ones first; `available` false (with
    the `reason`) when the precedent index cannot be read, which never fails the request."""
    return precedents_out(case_id, service.precedents(store, index, case_id, principal=principal))
