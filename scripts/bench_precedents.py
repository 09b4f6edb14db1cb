"""Measure precedents: how often a case's nearest precedents share its decision, and what indexing costs per triage.

Run: .venv/bin/python scripts/bench_precedents.py [--cases evals/cases.jsonl] [--k 3] [--json-out FILE]

Agreement (leave-one-out): every labeled case's expected route and approval flag stand for its final decision; all
cases go into a precedent index (the product's, in a throw-away data dir) and each case's nearest other cases are
read from it as precedents. Reported: how often the nearest one has the same route (and approval flag), how often
the majority of the nearest three does, beside two baselines that use no similarity at all: always guessing the
most common decision, and a precedent drawn at random (the chance two random cases agree).

Cost: the same plans triaged into a fresh SQLite store by the real lexical pipeline, then indexed by the sweep the
API runs (triage.precedents.sync), each timed in CPU; then a case page's precedent lookup (triage.precedents.find)
for every case, timed in wall-clock.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

from triage import service  # noqa: E402
from triage.config import Settings  # noqa: E402
from triage.pipeline import Pipeline  # noqa: E402
from triage.precedents.find import find  # noqa: E402
from triage.precedents.index import PrecedentIndex  # noqa: E402
from triage.precedents.sync import Sync  # noqa: E402
from triage.records import Intake  # noqa: E402
from triage.store.db import iso, utcnow  # noqa: E402
from triage.store.precedents import Document  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def majority(values: list[Any]) -> Any:
    """The most common value; a tie goes to the nearest precedent's (values are nearest first)."""
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def agreement(cases: list[dict[str, Any]], index: PrecedentIndex, k: int) -> dict[str, Any]:
    """Leave-one-out agreement of each case's decision with its nearest precedents' (see the module docstring)."""
    by_id = {c["id"]: c for c in cases}
    documents = [Document(c["id"], "dev", iso(utcnow()), 1, c["expected"]["route"], c["text"]) for c in cases]
    index.rebuild()
    index.add(documents)
    future = "9999-12-31T00:00:00.000000Z"
    out: dict[str, Any] = {"n": len(cases), "k": k}
    hits: dict[str, list[bool]] = {
        "route@1": [],
        f"route_majority@{k}": [],
        "approval@1": [],
        f"approval_majority@{k}": [],
    }
    nearest_similarity = []
    for case in cases:
        vector = index.vector(case["id"], 1)
        assert vector is not None
        neighbours = [n for n in index.nearest(vector, before=future, org=None, n=k + 1) if n.case_id != case["id"]][:k]
        nearest_similarity.append(1.0 - neighbours[0].distance)
        for field in ("route", "approval"):
            key = "route" if field == "route" else "approval_required"
            mine = case["expected"][key]
            theirs = [by_id[n.case_id]["expected"][key] for n in neighbours]
            hits[f"{field}@1"].append(theirs[0] == mine)
            hits[f"{field}_majority@{k}"].append(majority(theirs) == mine)
    out["agreement"] = {name: round(sum(v) / len(v), 3) for name, v in hits.items()}
    for route in ("escalate", "notify"):  # how often the nearest precedent of a case with this route shares it
        mine = [hit for hit, c in zip(hits["route@1"], cases, strict=True) if c["expected"]["route"] == route]
        out["agreement"][f"route@1_when_{route}"] = round(sum(mine) / max(1, len(mine)), 3)
    for field, key in (("route", "route"), ("approval", "approval_required")):
        counts = Counter(c["expected"][key] for c in cases)
        n = len(cases)
        out[f"{field}_baselines"] = {
            "most_common": round(max(counts.values()) / n, 3),
            # a random other case: the chance two distinct cases share the decision
            "random_precedent": round(sum(m * (m - 1) for m in counts.values()) / (n * (n - 1)), 3),
        }
    out["nearest_similarity"] = {
        "p10": round(percentile(nearest_similarity, 10), 3),
        "p50": round(percentile(nearest_similarity, 50), 3),
        "p90": round(percentile(nearest_similarity, 90), 3),
    }
    return out


def cost(cases: list[dict[str, Any]], data_dir: Path) -> dict[str, Any]:
    """CPU per triage and per indexed case, and the wall-clock time of a case page's precedent lookup."""
    settings = Settings(data_dir=data_dir, extractor="lexical")
    pipeline = Pipeline(settings)
    pipeline.run(Intake(text=cases[0]["text"]))  # load the policy index and the model before timing
    index = PrecedentIndex(settings)
    index.embed("warm up")
    with service.opened(settings) as store, contextlib.closing(index):
        stored = []
        started = time.process_time()
        for case in cases:
            intake = Intake(text=case["text"])
            stored.append(service.submit(store, pipeline, intake, org="dev", actor="bench", actor_role="partner"))
        triage_ms = (time.process_time() - started) * 1000 / len(cases)
        sync = Sync(store, index)
        started = time.process_time()
        embedded = sync.poll()
        index_ms = (time.process_time() - started) * 1000 / max(1, embedded)
        lookups = []
        for case in stored:
            started = time.perf_counter()
            find(store, index, case, scope=None)
            lookups.append((time.perf_counter() - started) * 1000)
    return {
        "triage_cpu_ms_per_case": round(triage_ms, 1),
        "indexing_cpu_ms_per_case": round(index_ms, 1),
        "cases_indexed": embedded,
        "lookup_ms": {"p50": round(percentile(lookups, 50), 1), "p95": round(percentile(lookups, 95), 1)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=ROOT / "evals" / "cases.jsonl")
    parser.add_argument("--k", type=int, default=3, help="precedents in the majority vote")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        index = PrecedentIndex(Settings(data_dir=Path(tmp) / "loo"))
        try:
            report = agreement(cases, index, args.k)
        finally:
            index.close()
        report["cost"] = cost(cases, Path(tmp) / "cost")
    print(json.dumps(report, indent=2))
    if args.json_out:
        args.json_out.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
