"""Measure the policy index: model load, index build, and per-query latency over the retrieval question set.

Run: .venv/bin/python scripts/bench_retrieval.py [--rounds 5]. Uses a throw-away data dir so the numbers include
a real build; query latency is measured with the query-embedding cache off (every query embedded) and on.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from triage import embedding  # noqa: E402
from triage.config import Settings  # noqa: E402
from triage.policy import load_policy  # noqa: E402
from triage.retrieval import PolicyIndex  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "retrieval_questions.jsonl"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def summary(name: str, values_ms: list[float]) -> str:
    return (
        f"{name:<34} n={len(values_ms):<4} p50 {percentile(values_ms, 50):7.2f} ms   "
        f"p95 {percentile(values_ms, 95):7.2f} ms   mean {statistics.fmean(values_ms):7.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the question set")
    parser.add_argument("--builds", type=int, default=3, help="timed rebuilds after the first build")
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    args = parser.parse_args()

    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line]
    policy = load_policy(args.knowledge)
    passages = sum(len(s.passages) for s in policy.sections.values())

    started = time.perf_counter()
    embedding.MiniLMInt8EmbeddingFunction().warm()
    load_s = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), knowledge_dir=args.knowledge, chroma_host=None)
        index = PolicyIndex(policy, settings, query_cache_size=0)
        started = time.perf_counter()
        index.collection()
        first_build_s = time.perf_counter() - started
        rebuilds = []
        for _ in range(args.builds):
            started = time.perf_counter()
            index.rebuild()
            rebuilds.append(time.perf_counter() - started)

        reopened = PolicyIndex(policy, settings)
        started = time.perf_counter()
        reopened.collection()
        reopen_s = time.perf_counter() - started

        embed_ms, cite_ms, ask_ms, cached_ms = [], [], [], []
        for question in questions:  # warm-up pass, not timed
            index.ask(question)
        for _ in range(args.rounds):
            for question in questions:
                started = time.perf_counter()
                embedding.embed([question])
                embed_ms.append((time.perf_counter() - started) * 1e3)
                started = time.perf_counter()
                index.cite(question, ["talent-performance", "talent-enhancement", "use-case-matrix"], k=2)
                cite_ms.append((time.perf_counter() - started) * 1e3)
                started = time.perf_counter()
                index.ask(question, k=3)
                ask_ms.append((time.perf_counter() - started) * 1e3)
                started = time.perf_counter()
                reopened.ask(question, k=3)
                cached_ms.append((time.perf_counter() - started) * 1e3)

    print(f"policy: {policy.name} ({passages} passages, version {policy.version[:12]})")
    print(f"model load (hash check + session):  {load_s * 1e3:8.1f} ms")
    print(f"first index build (empty store):    {first_build_s * 1e3:8.1f} ms")
    print(f"rebuild, median of {args.builds}:              {statistics.median(rebuilds) * 1e3:8.1f} ms")
    print(f"open existing index (no rebuild):   {reopen_s * 1e3:8.1f} ms")
    print(f"queries: {len(questions)} questions x {args.rounds} rounds, onnxruntime threads={embedding.THREADS}")
    print(summary("embed one query", embed_ms))
    print(summary("cite (3 sections, k=2), uncached", cite_ms))
    print(summary("ask (whole policy, k=3), uncached", ask_ms))
    print(summary("ask, query embedding cached", cached_ms))


if __name__ == "__main__":
    main()
