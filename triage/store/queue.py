"""The queue: cases filtered, searched and ordered for the people who work them, a page at a time or all at once.

The default order is the contacts' worklist: overdue cases first, then those needing written approval, then the
oldest (`created_at`, then `id`, so the order is total and pages never overlap); `newest` is the order the list
had before. Overdue is triage.workflow's `is_overdue`, in SQL here: due (`due_at`) by now while the case is open
(awaiting the partner clears the due date: the clock is paused). Each tier is read in its own index's order
(`ix_cases_due_clock`, `ix_cases_approval_created`, `ix_cases_created`; with an organisation, `ix_cases_org_*`),
and only the page's ids are chosen before the rows are read, so the first page does not read every match. A page
can continue from a cursor (keyset: the last row's tier, time and id) as well
as from an offset.

Search matches every word of the query: on PostgreSQL as a word prefix through the full-text index (migration
0007's 'simple' configuration: see there why), on SQLite as a substring, case-insensitively for ASCII letters.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Select, and_, func, literal, literal_column, or_, select, true, tuple_
from sqlalchemy import case as when
from sqlalchemy.dialects import postgresql  # noqa: F401 (registers to_tsvector and to_tsquery with their types)

from triage.records import Route
from triage.store.cases import Decision, Status, effective_route
from triage.store.db import Database, iso, utcnow
from triage.store.errors import InvalidInput
from triage.store.schema import case_triggers, cases
from triage.workflow import OPEN, Stage, is_overdue, parse_iso

Sort = Literal["priority", "newest"]
SORTS: tuple[Sort, ...] = ("priority", "newest")
UNASSIGNED = "none"
SNIPPET_CHARS = 160
_SNIPPET_READ = 4 * SNIPPET_CHARS  # enough of the plan for a snippet once its whitespace is collapsed
_WORD = re.compile(r"\w+")
_BATCH = 500


@dataclass(frozen=True)
class CaseSummary:
    id: str
    org: str
    status: Status
    production_type: str | None
    production_title: str | None
    route: Route | None
    approval_required: bool | None
    review: Decision | None
    review_route: Route | None
    created_at: str
    updated_at: str
    review_stale: bool = False
    stage: Stage = "new"
    assigned_to: str | None = None
    due_at: str | None = None
    snippet: str = ""
    triggers: tuple[str, ...] = ()
    overdue: bool = False

    @property
    def effective_route(self) -> Route | None:
        return effective_route(self.route, self.review_route, self.review_stale)


@dataclass(frozen=True)
class Filters:
    """What a queue shows; None (or empty) is no restriction.

    Args:
        scope: the caller's organisation, always applied (None: a contact, who sees every organisation's).
        org: one organisation's cases, as asked for (a partner asking for another's gets none).
        route: the effective route (a contact's override, else the engine's; see `effective_route`).
        status: received, triaged or failed.
        review: a decision, or "none" for cases not reviewed yet or whose review is stale.
        production: the production type's value.
        stage: the workflow stage.
        assignee: a contact's key id, or UNASSIGNED.
        trigger: a trigger the case's result has.
        created_from: cases created on this day (UTC) or later.
        created_to: cases created on this day (UTC) or earlier.
        search: words that must all appear in the title or the plan (see `search_words`).
    """

    scope: str | None = None
    org: str | None = None
    route: str | None = None
    status: str | None = None
    review: str | None = None
    production: str | None = None
    stage: str | None = None
    assignee: str | None = None
    trigger: str | None = None
    created_from: date | None = None
    created_to: date | None = None
    search: tuple[str, ...] = ()


def search_words(query: str) -> tuple[str, ...]:
    """The words a search matches (letters, digits, underscores), lowercased; none for an empty query."""
    return tuple(w.lower() for w in _WORD.findall(query))


# --- SQL --------------------------------------------------------------------------------------------------------

# effective_route in SQL, for the queue's filter and counts
EFFECTIVE_ROUTE = when(
    (cases.c.review_route.is_(None), cases.c.route),
    (
        cases.c.review_stale.is_(True),
        when((or_(cases.c.route == "escalate", cases.c.review_route == "escalate"), "escalate"), else_=cases.c.route),
    ),
    else_=cases.c.review_route,
)
# literal SQL, not bound parameters: the expression must be migration 0007's index expression to use the index
_SIMPLE: ColumnElement[Any] = literal_column("'simple'::regconfig")
SEARCH_DOCUMENT = func.to_tsvector(
    _SIMPLE,
    func.coalesce(cases.c.production_title, literal_column("''"))
    .op("||")(literal_column("' '"))
    .op("||")(cases.c.text),
)
_SUMMARY_COLUMNS = (
    cases.c.id,
    cases.c.org,
    cases.c.status,
    cases.c.production_type,
    cases.c.production_title,
    cases.c.route,
    cases.c.approval_required,
    cases.c.review,
    cases.c.review_route,
    cases.c.created_at,
    cases.c.updated_at,
    cases.c.review_stale,
    cases.c.stage,
    cases.c.assigned_to,
    cases.c.due_at,
    func.substr(cases.c.text, 1, _SNIPPET_READ).label("plan_start"),
)


def _overdue(now: str) -> ColumnElement[bool]:
    """triage.workflow.is_overdue in SQL (stored timestamps are fixed-width UTC text: they compare as times)."""
    return and_(cases.c.due_at.is_not(None), cases.c.due_at <= now, cases.c.stage.in_(OPEN))


def _tiers(now: str) -> tuple[ColumnElement[bool], ...]:
    """The default order's tiers, in order: overdue, approval required (and not overdue), the rest. (A bare
    `approval_required`, not `IS TRUE`, so that the second tier can walk `ix_cases_approval_created`.)"""
    overdue = _overdue(now)
    approval = cases.c.approval_required
    return (overdue, and_(~overdue, approval), and_(~overdue, approval.is_not(True)))


def _search(dialect: str, words: Sequence[str]) -> ColumnElement[bool]:
    if dialect == "postgresql":  # each word a prefix; \w+ words carry no quote or tsquery operator
        query = " & ".join(f"'{w}':*" for w in words)
        return SEARCH_DOCUMENT.op("@@")(func.to_tsquery(_SIMPLE, literal(query)))
    haystack = func.lower(func.coalesce(cases.c.production_title, "") + " " + cases.c.text)
    escaped = (w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words)
    return and_(*(haystack.like(f"%{w}%", escape="\\") for w in escaped))


def _where(f: Filters, dialect: str) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    for org in {f.scope, f.org} - {None}:
        where.append(cases.c.org == org)
    if f.route is not None:
        where.append(literal(f.route) == EFFECTIVE_ROUTE)
    if f.status is not None:
        where.append(cases.c.status == f.status)
    if f.review == "none":  # not reviewed, or reviewed before the plan changed: back in the queue
        where.append(or_(cases.c.review.is_(None), cases.c.review_stale.is_(True)))
    elif f.review is not None:
        where.append(cases.c.review == f.review)
    if f.production is not None:
        where.append(cases.c.production_type == f.production)
    if f.stage is not None:
        where.append(cases.c.stage == f.stage)
    if f.assignee == UNASSIGNED:
        where.append(cases.c.assigned_to.is_(None))
    elif f.assignee is not None:
        where.append(cases.c.assigned_to == f.assignee)
    if f.trigger is not None:
        tagged = select(case_triggers.c.case_id).where(case_triggers.c.trigger == f.trigger)
        where.append(cases.c.id.in_(tagged))
    if f.created_from is not None:
        where.append(cases.c.created_at >= f.created_from.isoformat())
    if f.created_to is not None:  # the whole day: before the next one starts
        where.append(cases.c.created_at < (f.created_to + timedelta(days=1)).isoformat())
    if f.search:
        where.append(_search(dialect, f.search))
    return where


# --- cursors ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Position:
    """Where a page ended: the last row's tier (0 in the newest-first order), created_at and id."""

    tier: int
    created_at: str
    id: str

    def encode(self) -> str:
        raw = json.dumps([self.tier, self.created_at, self.id], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, cursor: str) -> _Position:
        try:
            tier, created_at, case_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
            if isinstance(tier, int) and isinstance(created_at, str) and isinstance(case_id, str):
                return cls(tier, created_at, case_id)
        except (binascii.Error, ValueError, TypeError):
            pass
        raise InvalidInput("the cursor is not one this queue gave out: start again from the first page")


def _after(position: _Position | None, tier: int, *, newest: bool) -> ColumnElement[bool] | None:
    """Within `tier`, the rows after the cursor's position (None: the whole tier; a tier before it: nothing). A
    row-value comparison, which an index on (created_at, id) answers as a range."""
    if position is None or tier > position.tier:
        return None
    if tier < position.tier:
        return literal(False)
    key, at = tuple_(cases.c.created_at, cases.c.id), tuple_(literal(position.created_at), literal(position.id))
    return key < at if newest else key > at


# --- reading ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    rows: list[CaseSummary]
    total: int  # cases matching the filters, over all pages
    next_cursor: str | None  # where the next page starts; None after the last page


def _summaries(conn: Connection, rows: Sequence[Any], now: str) -> list[CaseSummary]:
    moment = parse_iso(now)
    ids = [r.id for r in rows]
    triggers: dict[str, list[str]] = {}
    if ids:
        tagged = select(case_triggers.c.case_id, case_triggers.c.trigger).where(case_triggers.c.case_id.in_(ids))
        for case_id, trigger in conn.execute(tagged.order_by(case_triggers.c.trigger)):
            triggers.setdefault(case_id, []).append(trigger)
    out = []
    for row in rows:
        values = {k: v for k, v in row._mapping.items() if k not in ("plan_start", "tier", "review_stale")}
        out.append(
            CaseSummary(
                **values,
                review_stale=bool(row.review_stale),
                snippet=snippet(row.plan_start or ""),
                triggers=tuple(triggers.get(row.id, ())),
                overdue=is_overdue(row.stage, row.due_at, moment),
            )
        )
    return out


def snippet(text: str) -> str:
    """The plan's start, whitespace collapsed, cut at SNIPPET_CHARS (on a word boundary when there is one)."""
    flat = " ".join(text.split())
    if len(flat) <= SNIPPET_CHARS:
        return flat
    cut = flat[: SNIPPET_CHARS - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[SNIPPET_CHARS // 2 :] else cut) + "…"


def _tier_queries(f: Filters, dialect: str, sort: Sort, now: str, position: _Position | None) -> list[Select[Any]]:
    """One query per tier of the order, each in its own index's order."""
    where = _where(f, dialect)
    newest = sort == "newest"
    tiers: Sequence[ColumnElement[bool]] = (true(),) if newest else _tiers(now)
    order = (cases.c.created_at.desc(), cases.c.id.desc()) if newest else (cases.c.created_at, cases.c.id)
    queries = []
    for n, tier in enumerate(tiers):
        after = _after(position, n, newest=newest)
        conditions = [*where, tier] + ([after] if after is not None else [])
        queries.append(select(*_SUMMARY_COLUMNS, literal(n).label("tier")).where(*conditions).order_by(*order))
    return queries


def _first(query: Select[Any], n: int, skip: int) -> Select[Any]:
    """The query's n rows after the first `skip`, chosen by their ids first (an index can often find those
    without reading the wide rows, e.g. the overdue tier's from ix_cases_due_clock), then read."""
    chosen = query.with_only_columns(cases.c.id).limit(n).offset(skip)
    return query.where(cases.c.id.in_(chosen.scalar_subquery()))


def list_cases(
    db: Database,
    filters: Filters = Filters(),
    *,
    sort: Sort = "priority",
    limit: int = 50,
    offset: int = 0,
    cursor: str | None = None,
) -> Page:
    """One page of the queue and how many cases match in all.

    Args:
        db: the store.
        filters: which cases.
        sort: "priority" (overdue, approval required, oldest) or "newest" (newest first).
        limit: the page's size.
        offset: how many matching cases come before the page (after the cursor's position, when one is given).
        cursor: a `Page.next_cursor` from an earlier page with the same filters and order.
    """
    position = _Position.decode(cursor) if cursor else None
    now = iso(utcnow())
    rows: list[Any] = []
    with db.reader.connect() as conn:
        total = _count(conn, filters)
        skip = offset
        for query in _tier_queries(filters, conn.dialect.name, sort, now, position):
            if len(rows) > limit:
                break
            got = conn.execute(_first(query, limit + 1 - len(rows), skip)).all()
            if skip and not got:  # the offset lies past this tier: skip all of it
                skip -= conn.scalar(select(func.count()).select_from(query.subquery())) or 0
                continue
            rows += got
            skip = 0
        page = _summaries(conn, rows[:limit], now)
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = _Position(last.tier, last.created_at, last.id).encode() if last is not None else None
    return Page(page, total, next_cursor)


def export(db: Database, filters: Filters, *, sort: Sort = "priority") -> Iterator[CaseSummary]:
    """Every matching case in the queue's order, read in batches (for an export: cap it with `count` first)."""
    now = iso(utcnow())
    with db.reader.connect() as conn:
        for query in _tier_queries(filters, conn.dialect.name, sort, now, None):
            result = conn.execution_options(yield_per=_BATCH).execute(query)
            for batch in result.partitions():
                yield from _summaries(conn, batch, now)


def _count(conn: Connection, filters: Filters) -> int:
    return conn.scalar(select(func.count()).select_from(cases).where(*_where(filters, conn.dialect.name))) or 0


def count(db: Database, filters: Filters) -> int:
    """How many cases match."""
    with db.reader.connect() as conn:
        return _count(conn, filters)


def counts(db: Database, *, scope: str | None = None) -> dict[str, dict[str, int]]:
    """Every case the caller may see (`scope`: one organisation's, else all) by effective route, status and review,
    and (`queue`) how many are overdue and how many need approval: the queue's headline, whatever its filters.
    One pass over the cases (grouped by all three at once, summed here)."""
    now = iso(utcnow())
    review = func.coalesce(cases.c.review, "none")
    flags = {"overdue": _overdue(now), "approval_required": cases.c.approval_required.is_(True)}
    sums = [func.sum(when((flag, 1), else_=0)) for flag in flags.values()]
    where = _where(Filters(scope=scope), "")
    query = select(EFFECTIVE_ROUTE, cases.c.status, review, func.count(), *sums).where(*where)
    out: dict[str, dict[str, int]] = {"route": {}, "status": {}, "review": {}, "queue": dict.fromkeys(flags, 0)}
    with db.reader.connect() as conn:
        for route, status, reviewed, n, *flagged in conn.execute(
            query.group_by(EFFECTIVE_ROUTE, cases.c.status, review)
        ):
            for name, key in (("route", route), ("status", status), ("review", reviewed)):
                if key is not None:
                    out[name][key] = out[name].get(key, 0) + n
            for name, m in zip(flags, flagged, strict=True):
                out["queue"][name] += m or 0
    return out
