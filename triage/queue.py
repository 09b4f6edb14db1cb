"""The queue's use cases, shared by the JSON API and the pages: a page of the filtered queue with its headline
counts, and an export of every matching case.

Who sees what: a contact sees every organisation's cases and may filter by organisation and assignee ("me" is
the caller); a partner's queue is always its own organisation's: asking for another organisation finds nothing
(exactly as if it had no cases), and filtering by assignee is refused (403): assignees are contacts' key ids,
which partners never see.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from triage.service import people
from triage.store import queue
from triage.store.accounts import Principal
from triage.store.cases import Store
from triage.store.errors import Forbidden, InvalidInput
from triage.store.queue import CaseSummary, Filters, Sort

ME = "me"
SEARCH_MAX_CHARS = 200
EXPORT_MAX_ROWS = 50_000


@dataclass(frozen=True)
class QueuePage:
    page: queue.Page
    counts: dict[str, dict[str, int]]  # every case the caller may see, whatever the filters (queue.counts)


def scoped(principal: Principal, filters: Filters) -> Filters:
    """The filters as this caller's queue applies them (see the module's docstring)."""
    if principal.role == "partner":
        if filters.assignee is not None:
            raise Forbidden("only studio contacts filter by assignee")
        return replace(filters, scope=principal.org)
    if principal.role != "contact":
        raise Forbidden("only partners and studio contacts see cases")
    return replace(filters, scope=None, assignee=principal.key_id if filters.assignee == ME else filters.assignee)


def page(
    store: Store,
    principal: Principal,
    filters: Filters,
    *,
    sort: Sort = "priority",
    limit: int = 50,
    offset: int = 0,
    cursor: str | None = None,
) -> QueuePage:
    """One page of the caller's queue and its headline counts.

    Args:
        store: the store.
        principal: who is asking.
        filters: as asked for (an assignee may be ME); the caller's scope is applied here.
        sort: "priority" (overdue, approval required, oldest) or "newest".
        limit: the page's size.
        offset: how many matching cases come before the page.
        cursor: the `next_cursor` of the page before (keyset pagination: as fast deep in as on page one).
    """
    mine = scoped(principal, filters)
    found = queue.list_cases(store, mine, sort=sort, limit=limit, offset=offset, cursor=cursor)
    return QueuePage(found, queue.counts(store, scope=principal.case_scope))


def export(
    store: Store, principal: Principal, filters: Filters, *, sort: Sort = "priority"
) -> Iterator[tuple[CaseSummary, str]]:
    """Every case of the caller's queue in its order, each with its assignee's name (for contacts; partners get
    none). Refused up front (InvalidInput) when more than EXPORT_MAX_ROWS match, so an export is never cut short."""
    mine = scoped(principal, filters)
    matching = queue.count(store, mine)
    if matching > EXPORT_MAX_ROWS:
        raise InvalidInput(f"{matching} cases match; an export holds at most {EXPORT_MAX_ROWS}: narrow the filters")
    return _with_names(store, principal, queue.export(store, mine, sort=sort))


def _with_names(store: Store, principal: Principal, rows: Iterator[CaseSummary]) -> Iterator[tuple[CaseSummary, str]]:
    names: dict[str, str] = {}
    for row in rows:
        assignee = row.assigned_to if principal.role == "contact" else None
        if assignee and assignee not in names:
            names[assignee] = people(store, [assignee]).get(assignee, "")
        yield row, names.get(assignee or "", "")
