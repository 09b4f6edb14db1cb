"""A case's precedents: the earlier decided cases nearest to its plan, reviewed ones first.

The index only proposes: each candidate is read back from the store under the caller's scope (a partner's own
organisation, or every organisation for a contact), must be decided, created before the case, and indexed from
the plan version the store holds now. So a stale index shows fewer precedents, never another organisation's
case, a later one, or the case itself; a missing or unreachable one shows none, with the reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

from triage.precedents.index import IndexUnavailable, PrecedentIndex
from triage.store.cases import Case
from triage.store.db import Database
from triage.store.precedents import DecidedCase, decided

log = logging.getLogger(__name__)

K = 5  # precedents shown
POOL = 2  # a reviewed precedent comes first when it is among the 2k nearest: never ahead of much closer ones
CANDIDATES = 25  # nearest entries read from the index, so those the store rejects can be replaced
UNREADABLE = "the precedent index could not be read"

Basis = Literal["reviewed", "triaged"]


@dataclass(frozen=True)
class Precedent:
    case: DecidedCase
    similarity: float  # cosine similarity of the two plans' vectors, 1.0 the same

    @property
    def basis(self) -> Basis:
        """`reviewed`: a contact decided this version of the plan; `triaged`: the engine's decision alone."""
        return "reviewed" if self.case.reviewed else "triaged"


@dataclass(frozen=True)
class Precedents:
    items: list[Precedent] = field(default_factory=list)
    unavailable: str | None = None  # why no precedents could be looked for (the index is missing or unreadable)


def find(db: Database, index: PrecedentIndex, case: Case, *, scope: str | None, k: int = K) -> Precedents:
    """Up to k precedents of `case` visible in `scope`, nearest first, except that a reviewed one among the 2k
    nearest comes before the triaged ones.

    Args:
        db: the store.
        index: the precedent index.
        case: the case whose precedents are wanted (its current version's plan is compared).
        scope: the caller's `Principal.case_scope`: an organisation, or None for every organisation's cases.
        k: how many at most.
    """
    try:
        vector = index.vector(case.id, case.version)
        if vector is None:  # not indexed yet, or indexed from an earlier version
            vector = index.embed(case.text)
        neighbours = index.nearest(vector, before=case.created_at, org=scope, n=CANDIDATES)
    except IndexUnavailable as exc:
        return Precedents(unavailable=str(exc))
    except Exception as exc:  # a Chroma server down, a damaged index: the case page still renders
        log.warning("precedents for case %s: the index raised %s", case.id, type(exc).__name__)
        return Precedents(unavailable=f"{UNREADABLE} ({type(exc).__name__})")
    found = decided(db, [n.case_id for n in neighbours], org=scope, before=case.created_at)
    shown = [
        Precedent(found[n.case_id], 1.0 - n.distance)
        for n in neighbours
        if n.case_id in found and n.case_id != case.id and found[n.case_id].version == n.version
    ]
    pool = sorted(shown[: POOL * k], key=lambda p: p.basis != "reviewed")  # stable: nearest first within each
    return Precedents(items=pool[:k])
