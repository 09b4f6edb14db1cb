"""Citations are measured against hand labels: for every rule, the passages of its sections that state what it rests
on (tests/data/citation_labels.toml, labeled from the rules and the policy alone). scripts/bench_citations.py
prints the same figures for every ranking mode."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from triage.config import Settings
from triage.pipeline import Pipeline
from triage.records import Intake

ROOT = Path(__file__).resolve().parent.parent
LABELS = tomllib.loads((ROOT / "tests" / "data" / "citation_labels.toml").read_text(encoding="utf-8"))["rules"]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return Pipeline(Settings(data_dir=tmp_path_factory.mktemp("cq"), extractor="lexical", chroma_host=None))


def test_every_rule_is_labeled_with_passages_of_its_own_sections(pipeline: Pipeline) -> None:
    assert set(LABELS) == {rule.id for rule in pipeline.rules.rules}
    for rule in pipeline.rules.rules:
        refs = LABELS[rule.id]["acceptable"]
        assert refs, rule.id
        for ref in refs:
            section, position = ref.split("#")
            assert section in rule.sections, (rule.id, ref)
            assert 0 <= int(position) < len(pipeline.policy.sections[section].passages), (rule.id, ref)


@pytest.mark.parametrize(("name", "p_at_1"), [("cases", 0.90), ("holdout", 0.90)])
def test_top_citations_state_what_the_rule_rests_on(pipeline: Pipeline, name: str, p_at_1: float) -> None:
    """Measured 0.924 (dev) and 0.944 (held-out) with the default quote ranking; embedding the quote gave 0.74."""
    hits = total = 0
    for line in (ROOT / "evals" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        result = pipeline.run(Intake(text=case["text"], production_type=case.get("production_type")))
        for finding in result.findings:
            if not finding.evidence or not finding.citations:
                continue
            top = finding.citations[0]
            position = pipeline.policy.sections[top.section].passages.index(top.text)
            hits += f"{top.section}#{position}" in LABELS[finding.rule]["acceptable"]
            total += 1
    assert total > 100
    assert hits / total >= p_at_1, f"p@1 {hits / total:.3f} over {total} findings"
