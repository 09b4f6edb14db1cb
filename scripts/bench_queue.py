"""The queue at scale: the first page, a search, filters and deep pages over 10,000 and 100,000 stored cases.

Run: .venv/bin/python scripts/bench_queue.py --db postgres --sizes 10000,100000 [--json-out r.json]
(--db sqlite for reference). Synthetic cases (twenty organisations, plans of 30-120 words drawn from a
multilingual vocabulary, 30% needing approval, some overdue, triggers indexed) are bulk-inserted with executemany
into a throwaway database: a temporary SQLite file, or a fresh PostgreSQL schema dropped at the end
(TRIAGE_TEST_POSTGRES_URL, default the local server). Each query is timed through the store (triage.queue) and
through the HTTP endpoint (uvicorn on loopback, a contact's key), p50/p95 over --repeat calls.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import uvicorn
from sqlalchemy import create_engine, insert, text

from api.main import create_app
from triage import queue
from triage.config import Settings
from triage.records import Trigger
from triage.store import migrations
from triage.store import queue as store_queue
from triage.store.accounts import Principal, issue_key
from triage.store.cases import Store
from triage.store.db import iso, make_engine
from triage.store.queue import Filters, search_words
from triage.store.schema import case_triggers, cases

PG_URL = os.environ.get("TRIAGE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
WORDS = (
    "we will use midjourney for mood boards chatgpt to draft the schedule runway generates shop signs in the "
    "market scene elevenlabs clones a temp voice for the animatic descript cleans interview audio the final cut "
    "background extras digital replica of the lead actor archive footage usaremos inteligencia artificial para "
    "los storyboards la voz del narrador nous utiliserons une voix synthétique pour la bande annonce vamos usar "
    "imagens geradas para o cenário wir verwenden generierte Hintergründe für die Titelsequenz"
).split()
BATCH = 5000


def plan(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 120))).capitalize() + "."


def synthetic(n: int, start: int, rng: random.Random) -> Iterator[tuple[dict[str, Any], list[dict[str, str]]]]:
    """Case rows and their trigger rows; created over two years, 10% with a due date (half of them past)."""
    now = datetime.now(UTC)
    triggers = [t.value for t in Trigger]
    for i in range(start, start + n):
        created = now - timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
        approval = rng.random() < 0.3
        due = None
        if rng.random() < 0.1:
            due = iso(now + timedelta(days=rng.choice((-3, -1, 2, 5))))
        case_id = f"c_{i:016x}"
        row = {
            "id": case_id,
            "org": f"org{i % 20}",
            "created_by": "bench",
            "status": "triaged",
            "text": plan(rng),
            "production_type": rng.choice(("documentary", "scripted", "unscripted", None)),
            "production_title": f"Production {i} {rng.choice(WORDS)}",
            "route": "escalate" if approval or rng.random() < 0.3 else "notify",
            "approval_required": approval,
            "result_json": None,
            "attempts": 1,
            "created_at": iso(created),
            "updated_at": iso(created),
            "version": 1,
            "review_stale": False,
            "stage": rng.choice(("new", "new", "in_review", "awaiting_partner", "approved")),
            "due_at": due,
        }
        tags = rng.sample(triggers, rng.choice((0, 0, 1, 2))) if approval or rng.random() < 0.2 else []
        yield row, [{"case_id": case_id, "trigger": t} for t in tags]


def fill(store: Store, n: int, start: int, seed: int) -> float:
    rng = random.Random(seed)
    started = time.perf_counter()
    rows = list(synthetic(n, start, rng))
    for i in range(0, n, BATCH):
        chunk = rows[i : i + BATCH]
        with store.transaction() as conn:
            conn.execute(insert(cases), [r for r, _ in chunk])
            tags = [t for _, ts in chunk for t in ts]
            if tags:
                conn.execute(insert(case_triggers), tags)
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE" if store.is_postgres else "ANALYZE"))
    return time.perf_counter() - started


def measure(call: Callable[[], Any], repeat: int) -> dict[str, float]:
    call()  # warm
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        call()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2)}


@contextmanager
def database(kind: str) -> Iterator[tuple[Store, Settings]]:
    with tempfile.TemporaryDirectory() as tmp:
        if kind == "sqlite":
            settings = Settings(data_dir=Path(tmp))
            store = Store.open(settings)
            try:
                yield store, settings
            finally:
                store.close()
            return
        schema = "bench_" + secrets.token_hex(4)
        admin = create_engine(PG_URL)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        options = f"-csearch_path={schema}"
        settings = Settings(data_dir=Path(tmp), database_url=f"{PG_URL}?options={quote(options, safe='')}")
        store = Store(make_engine(PG_URL, connect_args={"options": options}))
        migrations.migrate(store)
        try:
            yield store, settings
        finally:
            store.close()
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


@contextmanager
def served(settings: Settings) -> Iterator[str]:
    app = create_app(settings, pipeline=None, rerun_on_startup=False, rate_limit_per_minute=10**9)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def scenarios(size: int, cursor: str | None) -> dict[str, tuple[Filters, dict[str, Any]]]:
    """name → (store filters and keyword arguments, the same as a query string)."""
    return {
        "first page (priority)": (Filters(), {}),
        "first page (newest)": (Filters(), {"sort": "newest"}),
        "one organisation": (Filters(org="org7"), {"org": "org7"}),
        "search, common word": (Filters(search=search_words("voice")), {"q": "voice"}),
        "search, two words": (Filters(search=search_words("narrador storyboards")), {"q": "narrador storyboards"}),
        "trigger + stage": (
            Filters(trigger="talent_likeness", stage="new"),
            {"trigger": "talent_likeness", "stage": "new"},
        ),
        "deep offset (last page)": (Filters(), {"offset": size - 50}),
        "deep cursor (middle)": (Filters(), {"cursor": cursor}),
    }


def timings(
    store: Store, http: httpx.Client, contact: Principal, filters: Filters, params: dict[str, Any], repeat: int
) -> dict[str, dict[str, float]]:
    """One query's p50/p95 through the store (the use case the endpoint calls) and through HTTP."""
    sort, offset, cursor = params.get("sort", "priority"), params.get("offset", 0), params.get("cursor")

    def direct() -> Any:
        return queue.page(store, contact, filters, sort=sort, limit=50, offset=offset, cursor=cursor)

    def over_http() -> Any:
        http.get("/v1/cases", params={"limit": 50, **params}).raise_for_status()

    return {"store": measure(direct, repeat), "http": measure(over_http, repeat)}


def run(kind: str, sizes: list[int], repeat: int) -> list[dict[str, Any]]:
    out = []
    with database(kind) as (store, settings):
        key_id, key = issue_key(store, "contact", "studio")
        contact = Principal(key_id=key_id, role="contact", org="studio")
        stored = 0
        with served(settings) as base, httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}) as http:
            for size in sizes:
                fill_s = fill(store, size - stored, stored, seed=size)
                stored = size
                middle = store_queue.list_cases(store, limit=50, offset=size // 2).next_cursor
                row: dict[str, Any] = {"db": kind, "cases": size, "fill_s": round(fill_s, 1)}
                for name, (filters, params) in scenarios(size, middle).items():
                    row[name] = timings(store, http, contact, filters, params, repeat)
                    print(f"{kind} {size:>7,} {name:<24} {row[name]}", file=sys.stderr, flush=True)
                out.append(row)
    return out


def cell(timing: dict[str, float]) -> str:
    return f"{timing['p50_ms']} ({timing['p95_ms']})"


def markdown(rows: list[dict[str, Any]]) -> str:
    names = [k for k in rows[0] if isinstance(rows[0][k], dict)]
    lines = ["| query | " + " | ".join(f"{r['db']} {r['cases']:,}: store / HTTP p50 (p95) ms" for r in rows) + " |"]
    lines.append("|---|" + "---|" * len(rows))
    for name in names:
        cells = [
            " / ".join(f"{r[name][via]['p50_ms']} ({r[name][via]['p95_ms']})" for via in ("store", "http"))
            for r in rows
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="postgres")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    rows = run(args.db, sorted(int(s) for s in args.sizes.split(",")), args.repeat)
    print(markdown(rows))
    if args.json_out:
        args.json_out.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
