"""What the precedent index reads from the cases: the decided ones, as the index and the case page need them.

A case is *decided* once it has a result (status `triaged`); a contact's review, unless the plan changed since
(stale), makes it *reviewed*. The store is the source of truth: the index (triage.precedents) holds only vectors
and is rebuilt from these reads, and every precedent it proposes is read back through `decided` before it is shown.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import RowMapping, select

from triage.records import Route
from triage.store.cases import CASE_ID_RE, Decision, effective_route
from triage.store.db import Database
from triage.store.schema import cases

BATCH = 1000  # rows per read when walking every decided case


@dataclass(frozen=True)
class Indexed:
    """What the index keeps about a case: the version its vector was embedded from, and its route then."""

    version: int
    route: Route


@dataclass(frozen=True)
class Document:
    """A decided case as the index embeds it: the current version's plan and the metadata its query filters on."""

    id: str
    org: str
    created_at: str
    version: int
    route: Route
    text: str


@dataclass(frozen=True)
class DecidedCase:
    """An earlier decided case as a precedent shows it."""

    id: str
    org: str
    production_title: str | None
    production_type: str | None
    created_at: str
    version: int
    text: str
    route: Route  # the final route: a contact's override, else the engine's (triage.store.cases.effective_route)
    approval_required: bool | None
    review: Decision | None
    review_reason: str | None
    reviewed_at: str | None
    review_stale: bool

    @property
    def reviewed(self) -> bool:
        """A contact decided on this version of the plan (a stale review no longer counts)."""
        return self.review is not None and not self.review_stale


_ROUTE_COLUMNS = (cases.c.route, cases.c.review_route, cases.c.review_stale)
_STATE_COLUMNS = (cases.c.id, cases.c.version, *_ROUTE_COLUMNS)


def _final_route(m: RowMapping) -> Route:
    """A decided case's final route from its row (a decided case always has the engine's route)."""
    return effective_route(m["route"], m["review_route"], bool(m["review_stale"])) or m["route"]


def _indexed(m: RowMapping) -> tuple[str, Indexed]:
    return m["id"], Indexed(m["version"], _final_route(m))


def decided_states(db: Database) -> Iterator[tuple[str, Indexed]]:
    """Every decided case's id with its current version and final route, in id order, read a batch at a time."""
    last = ""
    while True:
        query = select(*_STATE_COLUMNS).where(cases.c.status == "triaged", cases.c.id > last)
        with db.reader.connect() as conn:
            rows = conn.execute(query.order_by(cases.c.id).limit(BATCH)).all()
        yield from (_indexed(row._mapping) for row in rows)
        if len(rows) < BATCH:
            return
        last = rows[-1].id


def changed_since(db: Database, since: str) -> list[tuple[str, Indexed]]:
    """The decided cases written at or after `since` (an ISO timestamp), with their version and final route."""
    query = select(*_STATE_COLUMNS).where(cases.c.status == "triaged", cases.c.updated_at >= since)
    with db.reader.connect() as conn:
        return [_indexed(row._mapping) for row in conn.execute(query)]


def documents(db: Database, ids: Sequence[str]) -> list[Document]:
    """The decided cases among `ids`, as the index embeds them."""
    columns = (cases.c.id, cases.c.org, cases.c.created_at, cases.c.version, cases.c.text, *_ROUTE_COLUMNS)
    query = select(*columns).where(cases.c.id.in_(list(ids)), cases.c.status == "triaged")
    with db.reader.connect() as conn:
        rows = conn.execute(query).all()
    return [
        Document(
            id=r.id, org=r.org, created_at=r.created_at, version=r.version, route=_final_route(r._mapping), text=r.text
        )
        for r in rows
    ]


def decided(db: Database, ids: Sequence[str], *, org: str | None, before: str) -> dict[str, DecidedCase]:
    """The cases among `ids` that may be shown as precedents of a case created at `before`: decided, created
    strictly earlier, and of organisation `org` (None: any organisation's).

    Args:
        db: the store.
        ids: the candidates the index proposed (anything that is not a case id is ignored).
        org: the caller's scope (`Principal.case_scope`): a partner's own organisation, or None for a contact.
        before: the case's own `created_at`; later and simultaneous cases are never its precedents.
    """
    wanted = [i for i in ids if CASE_ID_RE.fullmatch(i)]
    if not wanted:
        return {}
    where = [cases.c.id.in_(wanted), cases.c.status == "triaged", cases.c.created_at < before]
    if org is not None:
        where.append(cases.c.org == org)
    columns = [
        cases.c.id,
        cases.c.org,
        cases.c.production_title,
        cases.c.production_type,
        cases.c.created_at,
        cases.c.version,
        cases.c.text,
        cases.c.approval_required,
        cases.c.review,
        cases.c.review_reason,
        cases.c.reviewed_at,
        *_ROUTE_COLUMNS,
    ]
    with db.reader.connect() as conn:
        rows = conn.execute(select(*columns).where(*where)).all()
    return {
        r.id: DecidedCase(
            id=r.id,
            org=r.org,
            production_title=r.production_title,
            production_type=r.production_type,
            created_at=r.created_at,
            version=r.version,
            text=r.text,
            route=_final_route(r._mapping),
            approval_required=r.approval_required,
            review=r.review,
            review_reason=r.review_reason,
            reviewed_at=r.reviewed_at,
            review_stale=bool(r.review_stale),
        )
        for r in rows
    }
