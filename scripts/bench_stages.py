"""Where a submission's CPU goes, stage by stage, without HTTP: the calls `POST /v1/cases` makes, in order.

Run: .venv/bin/python scripts/bench_stages.py [--n 600]. Lexical extractor, a fresh SQLite store in a temp dir,
every plan of evals/cases.jsonl in turn with a serial number woven in (as scripts/load.py --vary does).
Reports CPU time (time.process_time) per submission for each stage.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

from load import vary  # noqa: E402

from api.presenters import case_out  # noqa: E402
from triage.config import Settings  # noqa: E402
from triage.pipeline import Pipeline  # noqa: E402
from triage.records import Intake  # noqa: E402
from triage.store import counters  # noqa: E402
from triage.store.accounts import Principal, authenticate, issue_key  # noqa: E402
from triage.store.cases import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600)
    args = parser.parse_args()
    plans = [json.loads(line)["text"] for line in (ROOT / "evals" / "cases.jsonl").read_text().splitlines() if line]
    cpu: dict[str, float] = {}

    def timed(stage: str, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        value = call(*args, **kwargs)
        cpu[stage] = cpu.get(stage, 0.0) + time.process_time() - started
        return value

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), extractor="lexical", chroma_host=None)
        store = Store.open(settings)
        pipeline = Pipeline(settings)
        pipeline.run(Intake(text="We will use ChatGPT for mood boards."))  # load the index and rule vectors
        key = issue_key(store, "partner", "acme")[1]
        principal = Principal(key_id="bench", role="partner", org="acme")
        for i in range(args.n):
            intake = Intake(text=vary(plans[i % len(plans)], i))
            timed("key lookup", authenticate, store, key)
            timed("rate-limit count", counters.hit, store, "key:bench", limit=10**9)
            case, token = timed("case received", store.create_case, intake, org="acme", actor="bench")
            result = timed("pipeline (extraction, rules, citations)", pipeline.run, intake)
            write = store.complete
            done = timed("result + audit + history write", write, case.id, token, result, actor="bench",
                         actor_role="partner", latency_us=0)  # fmt: skip
            events = timed("history read", store.history, case.id)
            body = timed("response model", case_out, done, principal, events)
            timed("JSON encoding", body.model_dump_json)
        store.close()
    for stage, seconds in cpu.items():
        print(f"{stage:<42} {seconds / args.n * 1000:6.2f} ms")
    print(f"{'total':<42} {sum(cpu.values()) / args.n * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
