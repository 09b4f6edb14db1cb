"""Benchmark the LLM extractor against a real OpenAI-compatible server, and optionally record the exchanges.

Measures per case: extraction latency, prompt and completion tokens, LLM calls (target exactly 1), and the share
of the model's claims whose quote was verified in the plan. With --record, every HTTP exchange is written under
tests/data/llm_recordings/ (no headers, so no keys) together with cases.json, which the replay test
(tests/test_llm_replay.py) re-runs offline and compares record for record. Also reports, for the same cases, the
route each extractor leads to (lexical, llm, hybrid) against the labels, using the deterministic engine.

    local-llm start; eval "$(local-llm env)"
    .venv/bin/python scripts/bench_llm.py --model "$LOCAL_LLM_MODEL" --n 20 --record

Always bypasses the response cache: it measures the model, not the cache.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent

from triage.config import Settings  # noqa: E402
from triage.engine import evaluate  # noqa: E402
from triage.extract.hybrid import merge  # noqa: E402
from triage.extract.lexical.reader import LexicalExtractor  # noqa: E402
from triage.extract.llm.extractor import LLMExtractor  # noqa: E402
from triage.extract.llm.recording import RecordingTransport  # noqa: E402
from triage.intake import read_intake  # noqa: E402
from triage.records import AIUse, Intake  # noqa: E402
from triage.rules import load_rules  # noqa: E402

RECORDINGS = ROOT / "tests" / "data" / "llm_recordings"
TAG_PRIORITY = (
    "near_miss", "talent", "injection", "multilingual", "scoped_negation", "hedge", "multi_use", "documentary",
    "proprietary", "final_cut", "union", "third_party_ip", "misleading", "enterprise", "consumer_tool",
    "personal_data", "vendor", "training", "consent_obtained", "consent_promised", "unreadable", "background",
    "key_art", "marketing", "animation", "long",
)  # fmt: skip


def pick_cases(cases: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """A varied, deterministic subset: about 30% notify cases, then one escalate case per tag in turn, at most
    three non-English plans, preferring typical lengths (near 35 words) so a slow local server finishes."""
    by_len = sorted(cases, key=lambda c: (abs(len(c["text"].split()) - 35), c["id"]))
    notify = [c for c in by_len if c["expected"]["route"] == "notify"]
    chosen: list[dict[str, Any]] = []

    def take(pool: list[dict[str, Any]], tag: str | None) -> bool:
        for c in pool:
            tags = c.get("tags", [])
            multilingual = sum("multilingual" in x.get("tags", []) for x in chosen)
            if c in chosen or (tag and tag not in tags) or ("multilingual" in tags and multilingual >= 3):
                continue
            chosen.append(c)
            return True
        return False

    for tag in ("near_miss", "injection", "multilingual", "ideation", "enterprise", "temporary"):
        if len(chosen) < round(n * 0.3):
            take(notify, tag)
    escalate = [c for c in by_len if c["expected"]["route"] == "escalate"]
    while len(chosen) < min(n, len(cases)):
        progress = False
        for tag in TAG_PRIORITY:
            if len(chosen) >= n:
                break
            progress |= take(escalate, tag)
        if not progress and not take(by_len, None):
            break
    return sorted(chosen, key=lambda c: c["id"])


def claim_counts(uses: list[AIUse]) -> int:
    """Claims that survived verification: every yes/no answer and known choice left carries a verbatim quote."""
    verified = 0
    for u in uses:
        for name, field in u:
            value = getattr(field, "value", None)
            if name in ("stage", "consent", "data_handling"):
                verified += str(getattr(value, "value", value)) != "unknown" and bool(field.evidence)
            elif value in ("yes", "no"):
                verified += bool(field.evidence)
    return verified


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=Path, default=ROOT / "evals" / "cases.jsonl")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--ids", help="comma-separated case ids instead of an automatic pick")
    ap.add_argument("--model", help="model name (default TRIAGE_LLM_MODEL)")
    ap.add_argument("--base-url", help="server URL (default TRIAGE_LLM_BASE_URL / OPENAI_BASE_URL)")
    ap.add_argument("--method", choices=["auto", "json_schema", "function_calling", "json_mode"])
    ap.add_argument("--timeout", type=float, default=600.0, help="per-call timeout, seconds (slow CPUs need a lot)")
    ap.add_argument("--record", action="store_true", help=f"write the exchanges and cases.json to {RECORDINGS}")
    ap.add_argument("--json-out", type=Path, help="write the per-case measurements and the summary here")
    args = ap.parse_args()

    overrides: dict[str, Any] = {"llm_cache": False, "llm_timeout_s": args.timeout, "llm_max_retries": 0}
    if args.model:
        overrides["llm_model"] = args.model
    if args.base_url:
        overrides["llm_base_url"] = args.base_url
    if args.method:
        overrides["llm_structured_method"] = args.method
    settings = Settings().model_copy(update=overrides)
    if not settings.llm_model:
        ap.error("no model: pass --model or set TRIAGE_LLM_MODEL")

    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.ids:
        wanted = args.ids.split(",")
        cases = [c for c in cases if c["id"] in wanted]
    else:
        cases = pick_cases(cases, args.n)

    if args.record:  # a fresh set: stale exchanges from an older prompt would never be hit again
        for old in RECORDINGS.glob("*.json"):
            old.unlink()
    recorder = RecordingTransport(RECORDINGS) if args.record else None
    client = httpx.Client(transport=recorder, timeout=args.timeout) if recorder else None
    llm = LLMExtractor(settings, http_client=client, no_cache=True)
    lexical = LexicalExtractor()
    rules = load_rules(settings.rules_path)
    print(f"{llm.name} via {llm.method} at {settings.llm_base_url or 'OpenAI'}; prompt {llm.prompt_version}")
    print(f"{len(cases)} cases: {', '.join(c['id'] for c in cases)}\n", flush=True)

    rows: list[dict[str, Any]] = []
    recorded: list[dict[str, Any]] = []
    for case in cases:
        intake = read_intake(Intake(text=case["text"], production_type=case.get("production_type")))
        if recorder:
            recorder.label = case["id"]
        started = time.perf_counter()
        result = llm.extract(intake)
        wall_ms = (time.perf_counter() - started) * 1000
        lex = lexical.extract(intake)
        hybrid = merge(lex, result, intake.text, f"hybrid:{llm.model}")
        expected = case["expected"]["route"]
        routes = {
            name: evaluate(extraction, intake, rules).route
            for name, extraction in (("lexical", lex), ("llm", result), ("hybrid", hybrid))
        }
        verified = claim_counts(result.uses)
        dropped_unquoted = sum("without quoting" in n for n in result.notes)
        row = {
            "id": case["id"],
            "words": len(case["text"].split()),
            "failure": result.failure,
            "uses": len(result.uses),
            "latency_ms": round(wall_ms, 1),
            "llm_calls": result.stats.llm_calls,
            "prompt_tokens": result.stats.prompt_tokens,
            "completion_tokens": result.stats.completion_tokens,
            "claims_verified": verified,
            "claims_dropped": result.stats.evidence_dropped,
            "claims_dropped_unquoted": dropped_unquoted,
            "expected_route": expected,
            "routes": routes,
            "hybrid_disagreements": sum("tripwire:" in n and "LLM" in n for n in hybrid.notes),
        }
        rows.append(row)
        print(
            f"{row['id']:>6} {row['words']:>4}w  {row['latency_ms'] / 1000:6.1f}s  calls={row['llm_calls']}"
            f"  tok={row['prompt_tokens']}+{row['completion_tokens']}  uses={row['uses']}"
            f"  verified={verified} dropped={row['claims_dropped']} ({dropped_unquoted} unquoted)"
            f"  route exp={expected} lex={routes['lexical']} llm={routes['llm']} hyb={routes['hybrid']}"
            + (f"  FAILURE: {result.failure}" if result.failure else ""),
            flush=True,
        )
        if recorder:
            recorded.append(
                {
                    "id": case["id"],
                    "text": intake.text,
                    "production_type": intake.production_type.value if intake.production_type else None,
                    "failure": result.failure,
                    "language": result.language,
                    "uses": [u.model_dump(mode="json") for u in result.uses],
                    "stats": {k: getattr(result.stats, k) for k in ("llm_calls", "prompt_tokens", "completion_tokens")},
                }
            )

    ok = [r for r in rows if not r["failure"]]
    lat = [r["latency_ms"] for r in rows]
    claims_v = sum(r["claims_verified"] for r in rows)
    claims_d = sum(r["claims_dropped"] for r in rows)
    claims_du = sum(r["claims_dropped_unquoted"] for r in rows)
    quoted = claims_v + claims_d - claims_du
    summary = {
        "extractor": llm.name,
        "method": llm.method,
        "prompt_version": llm.prompt_version,
        "n": len(rows),
        "failures": len(rows) - len(ok),
        "latency_ms": {"p50": round(pct(lat, 0.5), 1), "p95": round(pct(lat, 0.95), 1), "max": max(lat, default=0)},
        "prompt_tokens_per_case": round(statistics.mean(r["prompt_tokens"] for r in rows), 1) if rows else 0,
        "completion_tokens_per_case": round(statistics.mean(r["completion_tokens"] for r in rows), 1) if rows else 0,
        "llm_calls_per_case": round(statistics.mean(r["llm_calls"] for r in rows), 3) if rows else 0,
        "share_cases_with_exactly_one_call": round(sum(r["llm_calls"] == 1 for r in rows) / len(rows), 3)
        if rows
        else 0,
        "claims_verified": claims_v,
        "claims_dropped": claims_d,
        "claims_dropped_unquoted": claims_du,
        "share_claims_verified": round(claims_v / (claims_v + claims_d), 3) if claims_v + claims_d else None,
        "share_quoted_claims_verified": round(claims_v / quoted, 3) if quoted else None,
        "route_accuracy": {
            name: round(sum(r["routes"][name] == r["expected_route"] for r in rows) / len(rows), 3) if rows else 0
            for name in ("lexical", "llm", "hybrid")
        },
        "escalate_recall": {
            name: round(
                sum(r["routes"][name] == "escalate" for r in rows if r["expected_route"] == "escalate")
                / max(1, sum(r["expected_route"] == "escalate" for r in rows)),
                3,
            )
            for name in ("lexical", "llm", "hybrid")
        },
    }
    print("\n" + json.dumps(summary, indent=1))
    if recorder:
        (RECORDINGS / "cases.json").write_text(
            json.dumps(
                {"model": llm.model, "method": llm.method, "prompt_version": llm.prompt_version, "cases": recorded},
                indent=1,
                ensure_ascii=False,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"recorded {len(recorder.written)} exchanges under {RECORDINGS}")
    if args.json_out:
        args.json_out.write_text(json.dumps({"summary": summary, "cases": rows}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
