"""Persistence: cases and their history, the audit chain, API keys, shared settings and rate-limit counters.

Modules import one way, each only from those below it:

    cases ─┬─> audit ──> schema          accounts, counters, meta ──> schema, db
           ├─> migrations ──> schema, db
           └─> db

Running the pipeline on a case is the service's job (triage.service), not this package's.
"""

from triage.store.cases import Store
from triage.store.db import make_engine

__all__ = ["Store", "make_engine"]
