"""`triage audit verify`: the chain intact, and every case and key shown as its latest audit record left it.

The chain (triage.store.audit) proves its records were not edited, deleted or reordered. This module also
compares the tables with it: each case's visible state (triage.store.state) with the state its latest record
carries, each key's row with its latest key record, cases or keys with no record at all, records whose case or
key is gone, and an empty chain beside stored cases. With `expect_head` (a `seq:hash` kept outside the
database) it also catches a rewrite of the whole chain and its head.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from triage.store import audit
from triage.store.schema import api_keys, audit_log, cases
from triage.store.state import IN_FLIGHT, case_state, differences, key_state

KEY_KINDS = ("key_created", "key_revoked", "key_adopted", "key_migrated")


@dataclass(frozen=True)
class Report:
    chain: audit.Verification
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.problems

    @property
    def message(self) -> str:
        return "\n".join((self.chain.message, *self.problems))


def _latest_states(conn: Connection) -> tuple[dict[str, tuple[int, str | None]], dict[str, tuple[int, str | None]]]:
    """(case id → (seq, state_json), key id → (seq, state_json)) of each one's newest record."""
    by_case: dict[str, tuple[int, str | None]] = {}
    by_key: dict[str, tuple[int, str | None]] = {}
    query = select(
        audit_log.c.seq, audit_log.c.kind, audit_log.c.case_id, audit_log.c.result_json, audit_log.c.state_json
    )
    for row in conn.execution_options(yield_per=1000).execute(query.order_by(audit_log.c.seq)):
        if row.case_id is not None:
            by_case[row.case_id] = (row.seq, row.state_json)
        elif row.kind in KEY_KINDS:
            by_key[json.loads(row.result_json)["key_id"]] = (row.seq, row.state_json)
    return by_case, by_key


def _compare(what: str, seq: int, recorded_json: str | None, current: dict[str, Any]) -> str | None:
    if recorded_json is None:  # written before records carried a state (migration 0003): the chain covers it
        return None
    changed = differences(json.loads(recorded_json), current)
    if not changed:
        return None
    return f"{what}: {', '.join(changed)} differ from its latest audit record (#{seq})"


def _head_problem(conn: Connection, expect_head: str) -> str | None:
    """The chain must still hold the anchored head: the same hash at the same seq (it may have grown since)."""
    seq_text, _, wanted = expect_head.strip().rpartition(":")
    if not seq_text.isdigit():
        return f"the expected head {expect_head!r} is not of the form SEQ:HASH (as `triage audit head` prints it)"
    found = conn.scalar(select(audit_log.c.hash).where(audit_log.c.seq == int(seq_text)))
    if found != wanted:
        return f"the chain does not hold the expected head #{seq_text}: it was rewritten or cut back"
    return None


def verify(conn: Connection, *, expect_head: str | None = None) -> Report:
    """The chain walked, and every case and key checked against its latest record."""
    chain = audit.verify(conn)
    problems: list[str] = []
    if expect_head:
        problem = _head_problem(conn, expect_head)
        if problem:
            problems.append(problem)
    case_count = conn.scalar(select(func.count()).select_from(cases)) or 0
    if chain.checked == 0 and case_count:
        problems.append(f"the audit trail is empty but {case_count} cases are stored")
    by_case, by_key = _latest_states(conn)
    for case_id, status in conn.execute(select(cases.c.id, cases.c.status).order_by(cases.c.created_at)):
        current = case_state(conn, case_id)
        if case_id not in by_case:
            if status != IN_FLIGHT:  # a new case has no record until its first run ends
                problems.append(f"case {case_id} has no audit record")
            continue
        assert current is not None
        problem = _compare(f"case {case_id}", *by_case.pop(case_id), current)
        if problem:
            problems.append(problem)
    problems += [f"case {case_id} was deleted (its audit records remain)" for case_id in by_case]
    for (key_id,) in conn.execute(select(api_keys.c.id).order_by(api_keys.c.created_at)):
        current = key_state(conn, key_id)
        if key_id not in by_key:
            problems.append(f"key {key_id} has no audit record")
            continue
        assert current is not None
        problem = _compare(f"key {key_id}", *by_key.pop(key_id), current)
        if problem:
            problems.append(problem)
    problems += [f"key {key_id} was deleted (its audit records remain)" for key_id in by_key]
    return Report(chain, tuple(problems))
