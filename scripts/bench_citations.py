"""How citations ranked by a quote's words compare with citations ranked by embedding the quote, and what each costs.

Run: .venv/bin/python scripts/bench_citations.py [--sets cases regressions holdout] [--weights 0.25 0.5 1]

Every finding of every case in the chosen eval sets (lexical extractor) is cited three ways: rule + quote embedded
(the model reads the quote), rule + quote words (the default), rule alone. Reported per set and way:
- precision against tests/data/citation_labels.toml (passages of each rule's sections labeled by hand, from the rules
  and the policy alone, as stating what the rule rests on): the top citation acceptable (p@1), and the share of
  the two cited passages that are (p@2);
- agreement with the embedding ranking (same top passage, same pair);
- the ranking CPU per case.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from triage import retrieval  # noqa: E402
from triage.config import Settings  # noqa: E402
from triage.pipeline import CITATIONS_PER_FINDING, Pipeline  # noqa: E402
from triage.records import Intake  # noqa: E402
from triage.retrieval import PolicyIndex  # noqa: E402


def requests_per_case(pipeline: Pipeline, path: Path) -> list[list[tuple[str, str | None, list[str]]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        intake = Intake(text=case["text"], production_type=case.get("production_type"))
        result = pipeline.run(intake)
        requests = [(pipeline.rules.by_id(f.rule).reason, f.evidence, f.sections) for f in result.findings]
        if requests:
            out.append(requests)
    return out


LABELS = ROOT / "tests" / "data" / "citation_labels.toml"


def keys(cited: list[list]) -> list[list[tuple[str, str]]]:
    return [[(c.section, c.text) for c in citations] for citations in cited]


def acceptable_passages(pipeline: Pipeline) -> dict[str, set[tuple[str, str]]]:
    """Rule reason (what a citation request names a rule by) -> the (section, text) passages labeled acceptable."""
    labels = tomllib.loads(LABELS.read_text(encoding="utf-8"))["rules"]
    out = {}
    for rule_id, label in labels.items():
        passages = set()
        for ref in label["acceptable"]:
            section, position = ref.split("#")
            passages.add((section, pipeline.policy.sections[section].passages[int(position)]))
        out[pipeline.rules.by_id(rule_id).reason] = passages
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["cases", "regressions", "holdout"])
    parser.add_argument("--weights", nargs="+", type=float, default=[retrieval.QUOTE_WORD_WEIGHT])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), chroma_host=None, extractor="lexical")
        index = PolicyIndex.from_settings(settings)
        pipeline = Pipeline(settings, index=index, cite=False)
        acceptable = acceptable_passages(pipeline)
        k = CITATIONS_PER_FINDING
        for name in args.sets:
            cases = requests_per_case(pipeline, ROOT / "evals" / f"{name}.jsonl")
            with_quote = [r for case in cases for r in case if r[1]]
            print(f"\n{name}: {len(cases)} cases with findings, {len(with_quote)} findings with a quote")
            timings: dict[str, list[float]] = {}
            reference: list[list[tuple[str, str]]] = []
            for case in cases:
                index._query_cache.clear()  # every quote embedded, as for a new plan (rule vectors re-cached below)
                index._vectors([r[0] for r in case])
                started = time.perf_counter()
                reference += keys(index.cite_findings(case, k, quotes="embedding"))
                timings.setdefault("embedding", []).append((time.perf_counter() - started) * 1000)
            findings = [r for case in cases for r in case]
            quoted = [i for i, r in enumerate(findings) if r[1]]
            labeled = [acceptable[r[0]] for r in findings]
            modes = [("embedding", "embedding", 0.0)]
            modes += [(f"words w={w}", "words", w) for w in args.weights] + [("rule alone", "off", 0.0)]
            for label, mode, weight in modes:
                retrieval.QUOTE_WORD_WEIGHT = weight
                got: list[list[tuple[str, str]]] = []
                for case in cases:
                    started = time.perf_counter()
                    got += keys(index.cite_findings(case, k, quotes=mode))  # type: ignore[arg-type]
                    if mode != "embedding":
                        timings.setdefault(label, []).append((time.perf_counter() - started) * 1000)
                p1 = statistics.fmean(got[i][0] in labeled[i] for i in quoted)
                p2 = statistics.fmean(c in labeled[i] for i in quoted for c in got[i])
                top1 = statistics.fmean(got[i][0] == reference[i][0] for i in quoted)
                pair = statistics.fmean(set(got[i]) == set(reference[i]) for i in quoted)
                print(f"  {label:<14} p@1 {p1:.3f}  p@2 {p2:.3f}  as embedding: top-1 {top1:.3f}  pair {pair:.3f}")
            for label, values in timings.items():
                print(f"  ranking CPU per case, {label:<14} p50 {statistics.median(values):6.2f} ms")


if __name__ == "__main__":
    main()
