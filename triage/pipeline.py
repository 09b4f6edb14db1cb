"""One triage, end to end: extract records, apply the rules, cite the policy, assemble the public result."""

from __future__ import annotations

import hashlib
import logging
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage.config import Settings, get_settings
from triage.engine import Verdict, evaluate
from triage.extract.factory import build_extractor
from triage.extract.protocol import Extractor
from triage.intake import Submission, read_intake
from triage.policy import Policy, load_policy
from triage.records import AnswerEffect, Citation, Extraction, Finding, Intake, TriageResult
from triage.rules import RuleSet, load_rules

if TYPE_CHECKING:
    from triage.retrieval import PolicyIndex

log = logging.getLogger(__name__)
CITATIONS_PER_FINDING = 2


def where(exc: BaseException) -> str:
    """An exception's type and the line that raised it, never its message: a message may quote the plan."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    return f"{type(exc).__name__} at {Path(last.filename).name}:{last.lineno} in {last.name}"


def answer_effects(submission: Submission, extraction: Extraction) -> list[AnswerEffect]:
    """For each answer to a question record, which of its facts the reading now settles with the answer's own words
    as evidence (the same evidence rule as the plan), and which it left open."""
    effects = []
    for index, answer in submission.placed_answers([use.summary for use in extraction.uses]):
        use = extraction.uses[index] if index < len(extraction.uses) else None
        settled: dict[str, str] = {}
        for fact in answer.facts:
            field: Any = getattr(use, fact, None)
            if field is not None and field.evidence and field.evidence in answer.answer:
                settled[fact] = str(getattr(field.value, "value", field.value))
        opened = [fact for fact in answer.facts if fact not in settled]
        effects.append(AnswerEffect(question_id=answer.question_id, use=index, settled=settled, open=opened))
    return effects


class Pipeline:
    """Holds what is loaded once (policy, rules, extractor, index) and triages intakes with it."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        extractor: Extractor | None = None,
        index: PolicyIndex | None = None,
        cite: bool = True,
    ) -> None:
        self.settings = settings or get_settings()
        self.policy: Policy = index.policy if index else load_policy(self.settings.knowledge_dir)
        self.rules: RuleSet = load_rules(self.settings.rules_path, set(self.policy.sections))
        self.extractor: Extractor = extractor or build_extractor(self.settings)
        self.cite_findings = cite
        self._index = index
        self.policy_version = hashlib.sha256(f"{self.policy.version}:{self.rules.version}".encode()).hexdigest()
        self.prompt_version = self.extractor.prompt_version

    @property
    def index(self) -> PolicyIndex:
        if self._index is None:
            from triage.retrieval import PolicyIndex

            self._index = PolicyIndex(self.policy, self.settings)
        return self._index

    def run(self, intake: Intake | Submission) -> TriageResult:
        """Triage one plan. Bad or unreadable text is escalated with the reason, never raised."""
        submission = self.read(intake)
        extraction = self.extract(submission)
        decision = evaluate(extraction, submission, self.rules)
        return self.result(submission, extraction, decision)

    # The stages, each reusable on its own (scripts time and combine them).

    def read(self, intake: Intake | Submission) -> Submission:
        """The intake stage: the text normalised once, plan and answers apart, the production type inferred."""
        return read_intake(intake)

    def extract(self, submission: Submission) -> Extraction:
        """The configured extractor's reading; an extractor that raises fails the case closed."""
        try:
            extraction = self.extractor.extract(submission)
        except Exception as exc:  # an extractor bug must not lose the case: fail closed
            log.error("extractor %s failed: %s", self.extractor.name, where(exc))
            extraction = Extraction(extractor=self.extractor.name, failure=f"extractor error ({type(exc).__name__})")
        if submission.notes:
            extraction = extraction.model_copy(update={"notes": [*submission.notes, *extraction.notes]})
        return extraction

    def result(self, submission: Submission, extraction: Extraction, decision: Verdict) -> TriageResult:
        """The public result (contracts §1), with each finding's citations when citing is on."""
        findings = self._with_citations(decision.findings) if self.cite_findings else decision.findings
        return TriageResult(
            route=decision.route,
            approval_required=decision.approval_required,
            triggers=decision.triggers,
            principles=decision.principles,
            uses=extraction.uses,
            findings=findings,
            questions=decision.questions,
            question_records=decision.question_records,
            answered=answer_effects(submission, extraction),
            extractor=extraction.extractor,
            policy_version=self.policy_version,
            prompt_version=self.prompt_version,
            summary=decision.summary,
            language=extraction.language,
            trace=decision.trace,
            stats=extraction.stats,
            notes=extraction.notes,
        )

    def _with_citations(self, findings: list[Finding]) -> list[Finding]:
        """Attach passages from each rule's sections, chosen by the rule and the partner's evidence (TRIAGE_CITE_QUOTES
        says how the evidence counts).

        If retrieval fails, each section's opening passage is cited instead: still verbatim, less specific.
        """
        requests = [(self.rules.by_id(f.rule).reason, f.evidence, f.sections) for f in findings]
        try:
            citations = self.index.cite_findings(requests, k=CITATIONS_PER_FINDING, quotes=self.settings.cite_quotes)
        except Exception as exc:
            log.error("retrieval failed (%s); citing section openings instead", where(exc))
            citations = [self._section_openings(f.sections) for f in findings]
        return [f.model_copy(update={"citations": c}) for f, c in zip(findings, citations, strict=True)]

    def _section_openings(self, sections: list[str]) -> list[Citation]:
        openings = []
        for section_id in sections[:CITATIONS_PER_FINDING]:
            section = self.policy.sections.get(section_id)
            if section and section.passages:
                openings.append(self.policy.citation(section_id, section.passages[0]))
        return openings
