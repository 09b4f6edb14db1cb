"""CPU cost of reading a long run-on plan against a normal one (the offline reader plus rules, no citations).

Usage: .venv/bin/python scripts/bench_long_plan.py [--chars 20000] [--rounds 3]

A normal plan is the median CPU time over the dev set (evals/cases.jsonl). The long plans are valid text of
`--chars` characters with no sentence break: random plan vocabulary, one word repeated, and the dev set's plans
joined with their sentence ends removed; and, for comparison, the dev plans joined as they are. Reports CPU
milliseconds and the ratio to the normal plan; the target is at most 50x. CPU time (not wall time) so other jobs on
the machine do not move the figures much.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from pathlib import Path

from triage.config import Settings
from triage.pipeline import Pipeline
from triage.records import Intake

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY = (
    "we will use the ai tool to generate temp final voice mood boards for the cast and crew list script pages "
    "without any label not only the lead actor's face in episode two with consent pending"
).split()


def cpu_ms(pipeline: Pipeline, text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        pipeline.run(Intake(text=text))
        best = min(best, time.process_time() - started)
    return best * 1000


def long_plans(chars: int, dev_texts: list[str]) -> dict[str, str]:
    rng = random.Random(7)
    joined = " ".join(re.sub(r"[.!?;\n]+", ",", t) for t in dev_texts)
    return {
        "random plan words": " ".join(rng.choice(VOCABULARY) for _ in range(chars // 3))[:chars],
        "one word repeated": ("voice " * (chars // 6))[:chars],
        "dev plans, no breaks": (joined * (chars // len(joined) + 1))[:chars],
        "dev plans, with breaks": ("\n\n".join(dev_texts) * (chars // sum(map(len, dev_texts)) + 1))[:chars],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pipeline = Pipeline(Settings(extractor="lexical"), cite=False)
    lines = (ROOT / "evals" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    dev = [json.loads(line)["text"] for line in lines]
    normal = statistics.median(cpu_ms(pipeline, text, args.rounds) for text in dev)
    print(f"normal plan (dev median over {len(dev)}): {normal:.2f} ms CPU")
    for name, text in long_plans(args.chars, dev).items():
        cost = cpu_ms(pipeline, text, args.rounds)
        print(f"{name:24s} {len(text):6d} chars: {cost:8.1f} ms CPU  = {cost / normal:5.1f}x normal")


if __name__ == "__main__":
    main()
