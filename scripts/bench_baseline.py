"""Side by side in one run: our pipeline (hybrid, one LLM call per case) vs a naive LLM-as-judge baseline.

The baseline is how a typical "LLM-as-judge" checker works: per plan, one yes/no question per guiding principle
(P1-P5) and one per always-needs-approval area (4), i.e. 9 calls through the same `make_chat_model(settings)`;
escalate if any principle is no/unsure or any area yes, approval if any area yes. It is a benchmark baseline only.

Backends, both in one run:
- fake: a chat model returning fixed valid replies (ours: a record-ai-uses tool call; baseline: "unsure"/"no"),
  counting calls and approximating tokens as len(text)//4 of what is sent (tool schema included) and returned;
  exact call and prompt-size ratios, in seconds, over all cases;
- local: the real OpenAI-compatible server (TRIAGE_LLM_BASE_URL/MODEL, or --base-url/--model) on a small stratified
  sample, sequentially, retries off; tokens from the response usage. Also measures the non-LLM overhead of our
  pipeline (total minus time inside the model call) and the cache replay speed-up (the live replies seeded into a
  cache in a temp dir, then the same plans re-run with the cache on).

    eval "$(/work/shared/tools/local-llm env)"
    .venv/bin/python scripts/bench_baseline.py --n 3 --timeout 600 --json-out reports/bench-baseline.json
    .venv/bin/python scripts/bench_baseline.py --fake-only            # the fake backend alone (seconds)
    .venv/bin/python scripts/bench_baseline.py --stored 10,100,1000,10000   # queue listing / re-triage vs store size

`--stored` grows a SQLite store in a temp dir (cases submitted through `triage.service.submit` with the lexical
pipeline; results memoised per distinct plan so the loop measures the store) and times `queue.list_cases` (first
page), `Store.counts` and re-triaging a sample of stored cases (claim + `run_case`), with tracemalloc peaks.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

from bench_llm import pct, pick_cases  # noqa: E402
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage  # noqa: E402
from langchain_core.outputs import ChatGeneration, ChatResult  # noqa: E402

from triage.config import Settings  # noqa: E402
from triage.engine import evaluate  # noqa: E402
from triage.extract.factory import build_extractor  # noqa: E402
from triage.extract.hybrid import HybridExtractor  # noqa: E402
from triage.extract.lexical.reader import LexicalExtractor  # noqa: E402
from triage.extract.llm.cache import CACHE_FILE, CachedResponse, LLMCache  # noqa: E402
from triage.extract.llm.client import make_chat_model  # noqa: E402
from triage.extract.llm.extractor import LLMExtractor  # noqa: E402
from triage.extract.llm.scripted import ScriptedChatModel, example_output, tool_call_message  # noqa: E402
from triage.intake import Submission, read_intake  # noqa: E402
from triage.pipeline import Pipeline  # noqa: E402
from triage.records import Intake  # noqa: E402

PRINCIPLES = {
    "P1": "the generated outputs do not reproduce or closely recreate material the production does not own, "
    "and infringe no one's copyright",
    "P2": "the GenAI tools do not store, reuse or train on the production's inputs or outputs",
    "P3": "the GenAI tools run in an enterprise-secured environment that protects the production's inputs",
    "P4": "what GenAI generates is temporary and does not become part of the final deliverables",
    "P5": "GenAI does not replace or generate talent performances or union-covered work without consent",
}
AREAS = {
    "data use": "putting scripts, unreleased assets, production images or personal data into a GenAI tool, "
    "or third-party material without rights",
    "creative output": "generating main characters, key visual elements, fictional settings central to the story, "
    "or key art",
    "talent & performance": "digital replicas, voice clones or likenesses of real people, or significant changes to "
    "a performance",
    "ethics & representation": "content an audience could mistake for real events, people or statements, or that "
    "misrepresents people or cultures",
}
JUDGE_SYSTEM = "You check a film/TV production's plan for using generative AI. Answer with one word."
QUESTIONS = [(k, f"Can the partner affirm: {v}? Answer yes, no or unsure.") for k, v in PRINCIPLES.items()] + [
    (k, f"Does this plan involve {v} ({k}) needing written approval? Answer yes or no.") for k, v in AREAS.items()
]


# --- backends --------------------------------------------------------------------------------------------------


def approx_tokens(text: str) -> int:
    return len(text) // 4


class CountingFake(ScriptedChatModel):
    """A fake chat model: a fixed valid reply, usage approximated from the characters sent (tool schema included)."""

    reply: Callable[[list[BaseMessage]], AIMessage]
    n_calls: int = 0

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any) -> Any:
        self.n_calls += 1
        sent = "".join(str(m.content) for m in messages) + (json.dumps(kw["tools"]) if kw.get("tools") else "")
        msg = self.reply(messages)
        out = msg.content if msg.content else json.dumps([c["args"] for c in msg.tool_calls])
        n_in, n_out = approx_tokens(sent), approx_tokens(str(out))
        msg.usage_metadata = {"input_tokens": n_in, "output_tokens": n_out, "total_tokens": n_in + n_out}
        return ChatResult(generations=[ChatGeneration(message=msg)])


def fake_ours() -> CountingFake:
    return CountingFake(script=[], calls=[], bound=[], reply=lambda _m: tool_call_message(example_output()))


def fake_judge() -> CountingFake:
    def reply(messages: list[BaseMessage]) -> AIMessage:  # principles: "unsure", areas: "no"
        return AIMessage(content="unsure" if "affirm" in str(messages[-1].content) else "no")

    return CountingFake(script=[], calls=[], bound=[], reply=reply)


# --- the two contenders ----------------------------------------------------------------------------------------


def parse_word(content: Any) -> str:
    words = str(content or "").strip().lower().lstrip("*\"' ").split()
    first = words[0].strip(".,:;!*\"'") if words else ""
    return first if first in ("yes", "no", "unsure") else "unsure"  # unparseable counts as unsure


def run_judge(chat: Any, text: str) -> dict[str, Any]:
    calls = pt = ct = 0
    llm_ms = 0.0
    answers: dict[str, str] = {}
    errors = 0
    for key, question in QUESTIONS:
        calls += 1
        started = time.perf_counter()
        try:
            msg = chat.invoke([SystemMessage(JUDGE_SYSTEM), HumanMessage(f"Plan:\n{text}\n\n{question}")])
            answers[key] = parse_word(msg.content)
            usage = msg.usage_metadata or {}
            pt += int(usage.get("input_tokens") or 0)
            ct += int(usage.get("output_tokens") or 0)
        except Exception:  # a failed judge call is "unsure" (and counted)
            answers[key] = "unsure"
            errors += 1
        llm_ms += (time.perf_counter() - started) * 1000
    area_yes = any(answers[a] == "yes" for a in AREAS)
    escalate = area_yes or any(answers[p] != "yes" for p in PRINCIPLES)
    return {
        "route": "escalate" if escalate else "notify",
        "approval_required": area_yes,
        "llm_calls": calls,
        "prompt_tokens": pt,
        "completion_tokens": ct,
        "llm_ms": llm_ms,
        "errors": errors,
        "answers": answers,
    }


class Ours:
    """Our pipeline (hybrid, cache off) with the time inside the model call measured and each live reply kept,
    so the cache can later be seeded with exactly what the model said."""

    def __init__(self, settings: Settings, llm: LLMExtractor, index: Any = None) -> None:
        self.llm = llm
        self.pipeline = Pipeline(settings, extractor=HybridExtractor(LexicalExtractor(), llm), index=index)
        self.llm_ms = 0.0
        self.plans: list[tuple[str, CachedResponse]] = []
        invoke, ask = llm._invoke, llm._ask

        def timed_invoke(messages: Any, stats: Any) -> Any:
            started = time.perf_counter()
            try:
                return invoke(messages, stats)
            finally:
                self.llm_ms += (time.perf_counter() - started) * 1000

        def keeping_ask(intake: Submission, stats: Any) -> Any:
            plan = ask(intake, stats)
            entry = CachedResponse(plan.model_dump(), stats.llm_calls, stats.prompt_tokens, stats.completion_tokens, 0)
            self.plans.append((llm._key(intake), entry))
            return plan

        llm._invoke, llm._ask = timed_invoke, keeping_ask  # type: ignore[method-assign]

    def run(self, text: str, production_type: str | None) -> dict[str, Any]:
        self.llm_ms = 0.0
        started = time.perf_counter()
        result = self.pipeline.run(Intake(text=text, production_type=production_type))
        total = (time.perf_counter() - started) * 1000
        return {
            "route": result.route,
            "approval_required": result.approval_required,
            "llm_calls": result.stats.llm_calls,
            "prompt_tokens": result.stats.prompt_tokens,
            "completion_tokens": result.stats.completion_tokens,
            "llm_ms": self.llm_ms,
            "total_ms": total,
            "overhead_ms": total - self.llm_ms,
        }


# --- measuring -------------------------------------------------------------------------------------------------


def mean(rows: list[dict[str, Any]], key: str) -> float:
    return statistics.mean(r[key] for r in rows) if rows else 0.0


def agreement(rows: list[dict[str, Any]], cases: list[dict[str, Any]], key: str) -> float:
    hits = [
        r[key] == c["expected"]["route" if key == "route" else "approval_required"]
        for r, c in zip(rows, cases, strict=True)
    ]
    return sum(hits) / len(hits) if hits else 0.0


def summarise(ours: list[dict[str, Any]], base: list[dict[str, Any]], cases: list[dict[str, Any]]) -> dict[str, Any]:
    def side(rows: list[dict[str, Any]], latency_key: str) -> dict[str, float]:
        esc = [r for r, c in zip(rows, cases, strict=True) if c["expected"]["route"] == "escalate"]
        return {
            "llm_calls": mean(rows, "llm_calls"),
            "prompt_tokens": mean(rows, "prompt_tokens"),
            "completion_tokens": mean(rows, "completion_tokens"),
            "latency_p50_ms": pct([r[latency_key] for r in rows], 0.5),
            "route_agreement": agreement(rows, cases, "route"),
            "approval_agreement": agreement(rows, cases, "approval_required"),
            "escalate_recall": sum(r["route"] == "escalate" for r in esc) / len(esc) if esc else 0.0,
        }

    o, b = side(ours, "total_ms"), side(base, "llm_ms")
    return {"n": len(cases), "ours": o, "baseline": b, "ratio": {k: b[k] / o[k] if o[k] else None for k in o}}


def compare(settings: Settings, cases: list[dict[str, Any]], ours: Ours, chat: Any, label: str) -> dict[str, Any]:
    """All plans through ours, then all through the baseline: not interleaved, so each keeps the server's prompt
    prefix cache (llama.cpp, one slot) as it would in production (ours: the shared system prompt and schema;
    the judge: the plan, shared by its 9 questions)."""
    o_rows, b_rows = [], []
    for case in cases:
        intake = read_intake(Intake(text=case["text"], production_type=case.get("production_type")))
        o = ours.run(case["text"], intake.production_type.value if intake.production_type else None)
        o_rows.append({"id": case["id"], **o})
        if label == "local":
            print(
                f"  ours  {case['id']} exp={case['expected']['route']:<8} got={o['route']:<8} "
                f"{o['total_ms'] / 1000:6.1f}s {o['llm_calls']}call {o['prompt_tokens']}+{o['completion_tokens']}tok",
                file=sys.stderr,
                flush=True,
            )
    for case in cases:
        b = run_judge(chat, case["text"])
        b_rows.append({"id": case["id"], **b})
        if label == "local":
            print(
                f"  judge {case['id']} exp={case['expected']['route']:<8} got={b['route']:<8} "
                f"{b['llm_ms'] / 1000:6.1f}s {b['llm_calls']} calls {b['prompt_tokens']}+{b['completion_tokens']}tok "
                f"answers={''.join(v[0] for v in b['answers'].values())} errors={b['errors']}",
                file=sys.stderr,
                flush=True,
            )
    return {"summary": summarise(o_rows, b_rows, cases), "ours": o_rows, "baseline": b_rows}


def lexical_core(settings: Settings, cases: list[dict[str, Any]]) -> dict[str, float]:
    """The offline path: lexical extraction + rules per case (no model, no citations), 3 rounds."""
    pipe = Pipeline(settings.model_copy(update={"extractor": "lexical"}), cite=False)
    times = []
    for _ in range(3):
        for case in cases:
            intake = read_intake(Intake(text=case["text"], production_type=case.get("production_type")))
            started = time.perf_counter()
            evaluate(pipe.extractor.extract(intake), intake, pipe.rules)
            times.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": pct(times, 0.5), "p95_ms": pct(times, 0.95)}


def cache_replay(settings: Settings, ours: Ours, cases: list[dict[str, Any]], live: list[dict[str, Any]]) -> Any:
    """Seed a cache in a temp dir with the replies the live run got, then re-run the same plans with it on."""
    with tempfile.TemporaryDirectory() as tmp:
        cache = LLMCache(Path(tmp) / CACHE_FILE)
        for key, entry in ours.plans:
            cache.put(key, entry, model=ours.llm.model, prompt_version=ours.llm.prompt_version)
        cached_settings = settings.model_copy(update={"llm_cache": True})
        llm = LLMExtractor(cached_settings, chat_model=ours.llm.chat_model, cache=cache)
        replay = Ours(cached_settings, llm, index=ours.pipeline.index)
        rows = []
        for c in cases:
            intake = read_intake(Intake(text=c["text"], production_type=c.get("production_type")))
            rows.append(replay.run(c["text"], intake.production_type.value if intake.production_type else None))
    live_p50 = pct([r["total_ms"] for r in live], 0.5)
    replay_p50 = pct([r["total_ms"] for r in rows], 0.5)
    return {
        "seeded": len(ours.plans),
        "replay_calls": sum(r["llm_calls"] for r in rows if r["llm_ms"] > 0),
        "live_p50_ms": live_p50,
        "replay_p50_ms": replay_p50,
        "speedup": live_p50 / replay_p50 if replay_p50 else None,
        "same_routes": sum(a["route"] == b["route"] for a, b in zip(live, rows, strict=True)),
    }


# --- report ----------------------------------------------------------------------------------------------------


def fmt(v: Any, nd: int = 2) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:,.{nd}f}" if abs(v) < 1000 else f"{v:,.0f}"
    return str(v)


ROWS = [
    ("LLM calls per case", "llm_calls"),
    ("prompt tokens per case", "prompt_tokens"),
    ("completion tokens per case", "completion_tokens"),
    ("latency per case, p50 (ms)", "latency_p50_ms"),
    ("route agreement with labels", "route_agreement"),
    ("approval agreement with labels", "approval_agreement"),
    ("escalate recall", "escalate_recall"),
]


def markdown(report: dict[str, Any]) -> str:
    backends = [b for b in ("fake", "local") if b in report]
    head = "| metric |"
    sep = "|---|"
    for b in backends:
        n = report[b]["summary"]["n"]
        head += f" {b} (n={n}): ours | baseline | baseline/ours |"
        sep += "---|---|---|"
    lines = [head, sep]
    for name, key in ROWS:
        line = f"| {name} |"
        for b in backends:
            s = report[b]["summary"]
            meaningful = b == "local" or key in ("llm_calls", "prompt_tokens", "completion_tokens")
            if meaningful:
                line += f" {fmt(s['ours'][key])} | {fmt(s['baseline'][key])} | {fmt(s['ratio'][key])} |"
            else:
                line += " (fixed replies) | | |"
        lines.append(line)
    extra = []
    if "local" in report:
        ov = report["local"]["overhead"]
        extra.append(
            f"| ours: non-LLM time per case (pipeline total − model call, citations included) | p50 {fmt(ov['p50_ms'])}"
            f" ms, p95 {fmt(ov['p95_ms'])} ms |"
        )
    if "fake" in report:
        ov = report["fake"]["overhead"]
        extra.append(
            f"| ours: non-LLM time per case, fake model (citations included) | p50 {fmt(ov['p50_ms'])} ms, "
            f"p95 {fmt(ov['p95_ms'])} ms |"
        )
    if "lexical_core" in report:
        lc = report["lexical_core"]
        extra.append(
            f"| lexical extraction + rules (offline path; target p50 ≤ 10 ms) | p50 {fmt(lc['p50_ms'])} ms, "
            f"p95 {fmt(lc['p95_ms'])} ms |"
        )
    if "cache" in report:
        c = report["cache"]
        extra.append(
            f"| ours: cache replay vs live (same plans, n={c['seeded']}) | p50 {fmt(c['replay_p50_ms'])} ms vs "
            f"{fmt(c['live_p50_ms'])} ms: {fmt(c['speedup'], 0)}× faster, {c['replay_calls']} model calls, "
            f"{c['same_routes']}/{report['local']['summary']['n']} same routes |"
        )
    if extra:
        lines += ["", "| overhead | value |", "|---|---|", *extra]
    return "\n".join(lines)


def overhead(rows: list[dict[str, Any]]) -> dict[str, float]:
    vals = [r["overhead_ms"] for r in rows]
    return {"p50_ms": pct(vals, 0.5), "p95_ms": pct(vals, 0.95)}


# --- --stored --------------------------------------------------------------------------------------------------


def measure(fn: Callable[[], Any], repeat: int) -> dict[str, float]:
    """p50 time over `repeat` untraced calls, then the tracemalloc peak of one more call."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"p50_ms": pct(times, 0.5), "peak_kb": peak / 1024}


def stored_mode(sizes: list[int], cases: list[dict[str, Any]], budget_s: float, retriage_n: int) -> dict[str, Any]:
    from triage.service import run_case, submit
    from triage.store import migrations, queue
    from triage.store.cases import Store
    from triage.store.db import make_engine

    base = Settings().model_copy(update={"extractor": "lexical", "llm_model": None})
    pipeline = Pipeline(base, cite=False)
    memo: dict[str, Any] = {}

    class Memo:  # the lexical pipeline, once per distinct plan: the loop then measures the store
        def run(self, intake: Intake) -> Any:
            if intake.text not in memo:
                memo[intake.text] = pipeline.run(intake)
            return memo[intake.text]

    out: list[dict[str, Any]] = []
    started_all = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(make_engine(f"sqlite:///{Path(tmp) / 'triage.db'}"))
        migrations.migrate(store)
        n = 0
        for size in sorted(sizes):
            t0 = time.perf_counter()
            while n < size:
                c = cases[n % len(cases)]
                intake = Intake(text=c["text"], production_type=c.get("production_type"))
                submit(store, Memo(), intake, org=f"org{n % 5}", actor="bench", actor_role="partner")
                n += 1
                if time.perf_counter() - started_all > budget_s:
                    break
            insert_s = time.perf_counter() - t0
            if n < size:
                print(f"stopped at {n} stored cases: the {budget_s:.0f} s budget ran out", file=sys.stderr)
                out.append({"size": size, "reached": n, "stopped": True})
                break
            row: dict[str, Any] = {
                "size": size,
                "insert_s": insert_s,
                "db_mb": (Path(tmp) / "triage.db").stat().st_size / 1e6,
            }
            for name, fn in (
                ("list_first_page", lambda: queue.list_cases(store, limit=50)),
                ("list_first_page_org", lambda: queue.list_cases(store, queue.Filters(org="org1"), limit=50)),
                ("counts", lambda: queue.counts(store)),
            ):
                row[name] = measure(fn, 10)
            # re-triage: claim stored (triaged) cases again and run the real lexical pipeline on them, writing back
            n_rt = max(1, min(retriage_n, size - 1))  # one spare for the traced call
            ids = iter([s.id for s in queue.list_cases(store, limit=n_rt + 1).rows])

            def retriage(ids: Any = ids) -> None:
                case_id = next(ids)
                token = store.claim(case_id, statuses=("triaged",))
                if token:
                    run_case(store, pipeline, case_id, token, actor="bench", actor_role="system")

            row["retriage_per_case"] = {"n": n_rt, **measure(retriage, n_rt)}
            row["rss_max_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            out.append(row)
            print(f"  {size}: {json.dumps(row)}", file=sys.stderr, flush=True)
        store.close()
    return {"sizes": out, "total_s": time.perf_counter() - started_all}


def stored_markdown(rep: dict[str, Any]) -> str:
    lines = [
        "| stored cases | list_cases first page p50 / peak | list_cases(org) p50 | counts p50 / peak "
        "| re-triage per case p50 / peak | time to grow to this size | process max RSS |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rep["sizes"]:
        if r.get("stopped"):
            lines.append(f"| {r['size']:,} | not reached ({r['reached']:,} in the time budget) | | | | | |")
            continue
        lp, lo, co, rt = r["list_first_page"], r["list_first_page_org"], r["counts"], r["retriage_per_case"]
        lines.append(
            f"| {r['size']:,} | {lp['p50_ms']:.2f} ms / {lp['peak_kb']:.0f} KiB | {lo['p50_ms']:.2f} ms "
            f"| {co['p50_ms']:.2f} ms / {co['peak_kb']:.0f} KiB | {rt['p50_ms']:.1f} ms / {rt['peak_kb']:.0f} KiB "
            f"(n={rt['n']}) | {r['insert_s']:.1f} s | {r['rss_max_mb']:.0f} MB |"
        )
    return "\n".join(lines)


# --- main ------------------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=Path, default=ROOT / "evals" / "cases.jsonl")
    ap.add_argument("--n", type=int, default=8, help="cases for the real model (stratified: notify and escalate)")
    ap.add_argument("--ids", help="comma-separated case ids for the real model instead of an automatic pick")
    ap.add_argument("--model", help="model name (default TRIAGE_LLM_MODEL or LOCAL_LLM_MODEL)")
    ap.add_argument("--base-url", help="server URL (default TRIAGE_LLM_BASE_URL / OPENAI_BASE_URL)")
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--fake-only", action="store_true", help="only the fake backend (no server needed)")
    ap.add_argument("--stored", help="comma-separated store sizes, e.g. 10,100,1000,10000 (runs only this mode)")
    ap.add_argument("--stored-budget", type=float, default=300.0, help="seconds for growing the store")
    ap.add_argument("--retriage-n", type=int, default=50)
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args()

    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.stored:
        rep = stored_mode([int(s) for s in args.stored.split(",")], cases, args.stored_budget, args.retriage_n)
        print(stored_markdown(rep))
        if args.json_out:
            args.json_out.write_text(json.dumps({"stored": rep}, indent=1) + "\n", encoding="utf-8")
        return 0

    overrides: dict[str, Any] = {
        "llm_cache": False,
        "llm_timeout_s": args.timeout,
        "llm_max_retries": 0,
        "extractor": "hybrid",
    }
    model = args.model or os.environ.get("TRIAGE_LLM_MODEL") or os.environ.get("LOCAL_LLM_MODEL")
    if model:
        overrides["llm_model"] = model
    if args.base_url:
        overrides["llm_base_url"] = args.base_url
    settings = Settings().model_copy(update=overrides)
    report: dict[str, Any] = {}

    # (1) fake backend, every case
    fake_settings = settings.model_copy(update={"llm_model": "fake-model"})
    ours = Ours(fake_settings, LLMExtractor(fake_settings, chat_model=fake_ours(), no_cache=True))
    ours.pipeline.run(Intake(text=cases[0]["text"]))  # warm up: the retrieval index and embedding model
    report["fake"] = compare(fake_settings, cases, ours, fake_judge(), "fake")
    report["fake"]["overhead"] = overhead(report["fake"]["ours"])
    report["lexical_core"] = lexical_core(settings, cases)
    print(f"fake backend: {len(cases)} cases done", file=sys.stderr, flush=True)

    # (2) the real server, a stratified sample
    if not args.fake_only:
        if not settings.llm_model:
            ap.error("no model: pass --model or set TRIAGE_LLM_MODEL (or use --fake-only)")
        wanted = args.ids.split(",") if args.ids else None
        sample = [c for c in cases if c["id"] in wanted] if wanted else pick_cases(cases, args.n)
        extractor = build_extractor(settings, no_cache=True)
        llm = extractor.llm if isinstance(extractor, HybridExtractor) else extractor
        assert isinstance(llm, LLMExtractor)
        ours_live = Ours(settings, llm)
        ours_live.pipeline.index.cite("written approval", [], k=1)  # load the retrieval index before timing
        chat = make_chat_model(settings)
        print(f"local: {llm.model} via {llm.method}; {len(sample)} cases", file=sys.stderr, flush=True)
        ours_live.plans.clear()
        report["local"] = compare(settings, sample, ours_live, chat, "local")
        report["local"]["overhead"] = overhead(report["local"]["ours"])
        report["local"]["model"] = llm.model
        report["cache"] = cache_replay(settings, ours_live, sample, report["local"]["ours"])

    table = markdown(report)
    print(table)
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps({**report, "table": table}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
