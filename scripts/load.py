"""Load test: the real API in N uvicorn workers on 127.0.0.1, plans submitted concurrently, every accepted case counted.

Usage:
  .venv/bin/python scripts/load.py [--db sqlite|postgres] [--workers 2] [--requests 3000] [--duration 60]
                                   [--concurrency 16] [--vary] [--json-out report.json]

Bounded and local: it starts its own server on a free loopback port over a fresh database (a temporary SQLite file,
or a fresh schema on the PostgreSQL server at --pg-url, dropped afterwards), sends at most --requests plans or for
at most --duration seconds, whichever ends first, then stops the server. Plans come from evals/cases.jsonl in turn;
`--vary` weaves a serial number into every sentence so no two submissions share a quote (the citation query cache,
keyed by quote, then never hits: the cost of genuinely new plans). Reports throughput, latency p50/p95/p99, errors,
and whether the database holds exactly the accepted cases, each triaged, with an intact audit chain.
The client runs on the same machine, so its CPU is taken from the server: the numbers are a floor.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PG_DEFAULT = os.environ.get("TRIAGE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
INHERITED_CONFIG = ("TRIAGE_", "OPENAI_", "DATABASE_URL", "LOCAL_LLM_")
MAX_REQUESTS = 100_000
MAX_DURATION_S = 600.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def load_plans() -> list[dict[str, Any]]:
    lines = (ROOT / "evals" / "cases.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def vary(text: str, serial: int) -> str:
    """The plan with a serial number in every sentence: the same uses, quotes no other submission has."""
    return re.sub(r"([.!?])(\s+|$)", lambda m: f" (ref {serial}){m.group(1)}{m.group(2)}", text)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Database:
    """A fresh database for one run: a temporary SQLite file, or a fresh PostgreSQL schema dropped afterwards."""

    def __init__(self, kind: str, workdir: Path, pg_url: str) -> None:
        self.kind = kind
        self.schema: str | None = None
        self._admin: Any = None
        if kind == "sqlite":
            self.url = f"sqlite:///{workdir / 'triage.db'}"
            return
        from sqlalchemy import create_engine, text

        self.schema = "load_" + secrets.token_hex(6)
        self._admin = create_engine(pg_url)
        with self._admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{self.schema}"'))
        options = quote(f"-csearch_path={self.schema}", safe="")
        self.url = f"{pg_url}{'&' if '?' in pg_url else '?'}options={options}"

    def drop(self) -> None:
        if self._admin is not None:
            from sqlalchemy import text

            with self._admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{self.schema}" CASCADE'))
            self._admin.dispose()


def prepare(data_dir: Path, database_url: str) -> tuple[Any, str]:
    """Migrate, build the policy index once (not in every worker at once) and issue a partner key."""
    from triage.config import Settings
    from triage.policy import load_policy
    from triage.retrieval import PolicyIndex
    from triage.store.accounts import issue_key
    from triage.store.cases import Store

    settings = Settings(data_dir=data_dir, database_url=database_url, extractor="lexical")
    PolicyIndex(load_policy(settings.knowledge_dir), settings).collection()
    store = Store.open(settings)
    return store, issue_key(store, "partner", "loadtest")[1]


def start_server(env: dict[str, str], workdir: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    log = (workdir / "server.log").open("wb")
    proc = subprocess.Popen(cmd, env=env, cwd=workdir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {(workdir / 'server.log').read_text()[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    raise SystemExit("the server did not start within 60 s")


def server_cpu_s(proc: subprocess.Popen[bytes]) -> float:
    """CPU seconds used so far by the server and its worker processes (Linux /proc; 0 elsewhere).

    The honest measure on a shared machine: capacity = cores / CPU per triage, whatever else runs beside it.
    """
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    pids, todo = [], [proc.pid]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            todo += [int(child) for child in task.read_text().split()]
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


class Run:
    """Client threads on keep-alive connections (http.client: cheap, so the server gets the CPU)."""

    def __init__(self, port: int, key: str, plans: list[dict[str, Any]], *, vary_text: bool) -> None:
        self.port, self.key, self.plans, self.vary_text = port, key, plans, vary_text
        self.lock = threading.Lock()
        self.next = 0
        self.accepted: list[str] = []
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}
        self.routes: dict[str, int] = {}

    def _take(self, limit: int, deadline: float) -> int | None:
        with self.lock:
            if self.next >= limit or time.monotonic() >= deadline:
                return None
            self.next += 1
            return self.next - 1

    def _body(self, n: int) -> bytes:
        case = self.plans[n % len(self.plans)]
        text = vary(case["text"], n) if self.vary_text else case["text"]
        payload = {"text": text}
        if case.get("production_type"):
            payload["production_type"] = case["production_type"]
        return json.dumps(payload).encode()

    def worker(self, limit: int, deadline: float, record: bool) -> None:
        headers = {"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"}
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while (n := self._take(limit, deadline)) is not None:
            body = self._body(n)
            started = time.perf_counter()
            try:
                conn.request("POST", "/v1/cases", body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                with self.lock:
                    self.errors[type(exc).__name__] = self.errors.get(type(exc).__name__, 0) + 1
                continue
            elapsed = time.perf_counter() - started
            with self.lock:
                if status == 201:
                    case = json.loads(data)
                    self.accepted.append(case["id"])
                    route = (case.get("result") or {}).get("route", "none")
                    if record:
                        self.latencies.append(elapsed)
                        self.routes[route] = self.routes.get(route, 0) + 1
                else:
                    self.errors[f"HTTP {status}"] = self.errors.get(f"HTTP {status}", 0) + 1
        conn.close()

    def go(self, concurrency: int, limit: int, duration_s: float, record: bool = True) -> float:
        deadline = time.monotonic() + duration_s
        threads = [
            threading.Thread(target=self.worker, args=(limit, deadline, record), daemon=True)
            for _ in range(concurrency)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started


def check_store(store: Any, accepted: list[str]) -> dict[str, Any]:
    """Every accepted case stored and triaged, nothing else, and the audit chain intact."""
    from sqlalchemy import select

    from triage.store import audit
    from triage.store.schema import cases

    with store.engine.connect() as conn:
        rows = dict(conn.execute(select(cases.c.id, cases.c.status)).all())
        verified = audit.verify(conn)
        records = audit.records(conn)
    statuses: dict[str, int] = {}
    for status in rows.values():
        statuses[status] = statuses.get(status, 0) + 1
    triage_records = sum(1 for r in records if r.kind == "triage")
    return {
        "stored": len(rows),
        "statuses": statuses,
        "lost": len(set(accepted) - set(rows)),
        "stored_not_accepted": len(set(rows) - set(accepted)),
        "audit_ok": verified.ok,
        "audit_records": triage_records,
        "audit_message": verified.message,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg-url", default=PG_DEFAULT, help="PostgreSQL server for --db postgres (a schema is made)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--concurrency", type=int, default=16, help="client connections")
    parser.add_argument("--requests", type=int, default=3000, help=f"at most this many plans (cap {MAX_REQUESTS})")
    parser.add_argument(
        "--duration", type=float, default=60.0, help=f"at most this many seconds (cap {MAX_DURATION_S:g})"
    )
    parser.add_argument("--warmup", type=int, default=0, help="unmeasured requests first (default: 25 per worker)")
    parser.add_argument("--vary", action="store_true", help="a unique serial in every sentence (no cache hits)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="extra server setting")
    parser.add_argument("--json-out", type=Path, help="write the report as JSON here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (server log, SQLite file)")
    args = parser.parse_args(argv)
    limit = max(1, min(args.requests, MAX_REQUESTS))
    duration = max(1.0, min(args.duration, MAX_DURATION_S))

    workdir = Path(tempfile.mkdtemp(prefix="triage-load-"))
    data_dir = workdir / "data"
    database = Database(args.db, workdir, args.pg_url)
    proc = None
    store = None
    try:
        store, key = prepare(data_dir, database.url)
        env = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED_CONFIG)}
        env |= {
            "TRIAGE_DATA_DIR": str(data_dir),
            "DATABASE_URL": database.url,
            "TRIAGE_EXTRACTOR": "lexical",
            "TRIAGE_RATE_LIMIT": "100000000",  # counted on every request as usual, never refused
            "TRIAGE_MAX_TRIAGES_PER_ORG": "100000",  # one client is measured: the fairness cap is lifted
        }
        for item in args.env:
            name, _, value = item.partition("=")
            env[name] = value
        port = free_port()
        proc = start_server(env, workdir, port, args.workers)
        run = Run(port, key, load_plans(), vary_text=args.vary)
        warmup = args.warmup or 25 * args.workers
        run.go(min(args.concurrency, 2 * args.workers), warmup, 120, record=False)  # loads the pipeline per worker
        run.errors.clear()
        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        cpu_before, client_before = server_cpu_s(proc), time.process_time()
        elapsed = run.go(args.concurrency, warmup + limit, duration)
        server_cpu, client_cpu = server_cpu_s(proc) - cpu_before, time.process_time() - client_before
        measured = len(run.latencies)
        stop_server(proc)
        proc = None
        stored = check_store(store, run.accepted)
        lat = [x * 1000 for x in run.latencies]
        report = {
            "db": args.db,
            "workers": args.workers,
            "concurrency": args.concurrency,
            "vary": args.vary,
            "env": args.env,
            "requests": measured + sum(run.errors.values()),
            "accepted": measured,
            "errors": run.errors,
            "seconds": round(elapsed, 2),
            "throughput_per_s": round(measured / elapsed, 1) if elapsed else 0.0,
            "latency_ms": {
                "p50": round(percentile(lat, 0.5), 1),
                "p95": round(percentile(lat, 0.95), 1),
                "p99": round(percentile(lat, 0.99), 1),
                "max": round(max(lat), 1) if lat else 0.0,
                "mean": round(statistics.fmean(lat), 1) if lat else 0.0,
            },
            "server_cpu_ms_per_triage": round(1000 * server_cpu / measured, 2) if measured else None,
            "client_cpu_ms_per_triage": round(1000 * client_cpu / measured, 2) if measured else None,
            "cores": os.cpu_count(),
            "capacity_per_s_on_idle_cores": round((os.cpu_count() or 1) * measured / server_cpu, 1)
            if server_cpu
            else None,
            "load_average_before": round(load_before, 2),
            "routes": run.routes,
            "accepted_total_incl_warmup": len(run.accepted),
            **stored,
        }
    finally:
        if proc is not None:
            stop_server(proc)
        if store is not None:
            store.close()
        database.drop()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"{report['db']}, {report['workers']} worker(s), {report['concurrency']} connections"
        f"{', varied text' if report['vary'] else ''}: {report['accepted']} triaged in {report['seconds']} s = "
        f"{report['throughput_per_s']}/s; latency p50 {report['latency_ms']['p50']} ms, "
        f"p95 {report['latency_ms']['p95']} ms, p99 {report['latency_ms']['p99']} ms; "
        f"errors {sum(report['errors'].values())} {report['errors'] or ''}; stored {report['stored']} "
        f"(accepted {report['accepted_total_incl_warmup']}), lost {report['lost']}, statuses {report['statuses']}, "
        f"audit {'ok' if report['audit_ok'] else 'BROKEN'} ({report['audit_records']} triage records)\n"
        f"server CPU {report['server_cpu_ms_per_triage']} ms per triage "
        f"(client {report['client_cpu_ms_per_triage']} ms)"
        f" -> {report['capacity_per_s_on_idle_cores']}/s if the server had all {report['cores']} cores; "
        f"load average before the run {report['load_average_before']}"
    )
    if args.json_out:
        args.json_out.write_text(json.dumps(report, indent=2) + "\n")
    ok = (
        not report["errors"]
        and report["lost"] == 0
        and report["audit_ok"]
        and report["statuses"] == {"triaged": report["stored"]}
        and report["stored"] == report["accepted_total_incl_warmup"]
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
