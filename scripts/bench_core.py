"""Benchmark: per-case time of extraction + rules (the deterministic core) over the labeled plans.

Usage: .venv/bin/python scripts/bench_core.py [--rounds 3] [--cite]
Reports p50/p95 per case in ms. With --cite, citation retrieval (embedding + Chroma) is included.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from triage.config import Settings
from triage.extract.lexical.reader import LexicalExtractor
from triage.pipeline import Pipeline
from triage.records import Intake

ROOT = Path(__file__).resolve().parent.parent


def load_intakes() -> list[Intake]:
    intakes = []
    for name in ("cases.jsonl", "regressions.jsonl", "holdout.jsonl"):
        path = ROOT / "evals" / name
        if path.exists():
            for line in path.read_text().splitlines():
                case = json.loads(line)
                intakes.append(Intake(text=case["text"], production_type=case.get("production_type")))
    return intakes


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cite", action="store_true", help="include citation retrieval")
    args = parser.parse_args()
    pipeline = Pipeline(Settings(), extractor=LexicalExtractor(), cite=args.cite)
    intakes = load_intakes()
    pipeline.run(intakes[0])  # warm: compiled patterns, embedding model, index
    times = []
    for _ in range(args.rounds):
        for intake in intakes:
            start = time.perf_counter()
            pipeline.run(intake)
            times.append((time.perf_counter() - start) * 1000)
    print(f"plans={len(intakes)} runs={len(times)} cite={args.cite}")
    print(
        f"per case: p50={percentile(times, 0.5):.2f} ms  p95={percentile(times, 0.95):.2f} ms  "
        f"mean={statistics.fmean(times):.2f} ms  max={max(times):.2f} ms"
    )


if __name__ == "__main__":
    main()
