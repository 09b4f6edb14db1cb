"""Persistence: cases and their history, the audit chain, API keys, shared settings, rate-limit counters,
notifications (who is told what, and the outbox of messages to send), and the reads the precedent index makes.

Modules import one way, each only from those below it:

    cases ─┬─> audit ──> schema          accounts, counters, meta ──> schema, db
           ├─> outbox ──> notifications ──> schema, db   (accounts ──> notifications too)
           ├─> migrations ──> schema, db
           └─> db
    precedents ──> cases

Running the pipeline on a case is the service's job (triage.service), not this package's.
"""

from triage.store.cases import Store
from triage.store.db import make_engine

__all__ = ["Store", "make_engine"]
