"""The queue: cases filtered, searched and ordered (overdue, approval required, oldest), as JSON pages or one CSV.

A partner's queue is its own organisation's (another organisation, or an assignee filter, is 403); a contact's
holds every case. The use cases are triage.queue's, shared with the queue page.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.deps import CaseWorker, StoreDep
from api.export import csv_response
from api.models import CaseList, QueueQuery
from api.presenters import summary_out
from triage import queue

router = APIRouter(tags=["cases"])


@router.get("/cases", response_model=CaseList, operation_id="list_cases")
def list_cases(
    principal: CaseWorker,
    store: StoreDep,
    query: Annotated[QueueQuery, Query()],
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    cursor: Annotated[str | None, Query(max_length=400, description="a page's `next_cursor`")] = None,
) -> Any:
    """Overdue first, then approval required, then oldest (`sort=newest`: newest first). A partner sees its own
    organisation's cases; a contact sees all. `q` matches every word in the title or the plan."""
    found = queue.page(store, principal, query.filters(), sort=query.sort, limit=limit, offset=offset, cursor=cursor)
    return CaseList(
        data=[summary_out(r, principal) for r in found.page.rows],
        count=found.page.total,
        limit=limit,
        offset=offset,
        next_cursor=found.page.next_cursor,
        counts=found.counts,
    )


@router.get(
    "/cases.csv",
    response_class=StreamingResponse,
    operation_id="export_cases",
    responses={200: {"content": {"text/csv": {}}, "description": "every matching case, in the queue's order"}},
)
def export_cases(principal: CaseWorker, store: StoreDep, query: Annotated[QueueQuery, Query()]) -> StreamingResponse:
    """The queue with the same filters and order as CSV: every matching case (at most 50,000, `EXPORT_MAX_ROWS`;
    more is 422, never a file cut short), streamed as an attachment."""
    return csv_response(queue.export(store, principal, query.filters(), sort=query.sort))
