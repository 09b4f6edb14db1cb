"""A result read use by use, as the pages and the command line show it: each use's sentence and outcome, its
findings with duplicates collapsed, and the questions that concern it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from triage.records import Finding, QuestionRecord, Severity, TriageResult

Outcome = Literal["approval", "escalate", "reminder", "clear"]
_RANK: dict[str, int] = {"approval": 0, "escalate": 1, "reminder": 2, "clear": 3}


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    index: int  # into result.findings
    show_evidence: bool  # false when the group already shows the same words (its sentence, or an earlier finding)


@dataclass
class UseGroup:
    use: int | None  # index into result.uses; None: the whole plan
    summary: str
    findings: list[FindingView] = field(default_factory=list)
    questions: list[QuestionRecord] = field(default_factory=list)

    @property
    def number(self) -> str:
        return "whole plan" if self.use is None else str(self.use + 1)

    @property
    def outcome(self) -> Outcome:
        severities: list[Severity] = [v.finding.severity for v in self.findings]
        return min(severities, key=_RANK.__getitem__) if severities else "clear"


def group_by_use(result: TriageResult) -> list[UseGroup]:
    """The whole-plan group first (only when it has something), then one group per use, in the plan's order."""
    groups = [UseGroup(None, "")] + [UseGroup(i, use.summary) for i, use in enumerate(result.uses)]
    by_use = {g.use: g for g in groups}
    seen: dict[int | None, set[tuple[object, ...]]] = {g.use: set() for g in groups}
    shown: dict[int | None, set[str]] = {g.use: {g.summary} for g in groups}
    for index, finding in enumerate(result.findings):
        group = by_use.get(finding.use, by_use[None])
        key = (finding.severity, finding.trigger, finding.reason, finding.evidence)
        if key in seen[group.use]:
            continue  # the same finding twice for one use: shown once
        seen[group.use].add(key)
        evidence = finding.evidence or ""
        group.findings.append(FindingView(finding, index, bool(evidence) and evidence not in shown[group.use]))
        shown[group.use].add(evidence)
    for question in result.question_records:
        by_use.get(question.use, by_use[None]).questions.append(question)
    return [g for g in groups if g.use is not None or g.findings or g.questions]
