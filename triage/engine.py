"""The deterministic decision: AI-use records in, route and findings out. Pure: no I/O, no model, no clock.

Precedence: approval > escalate > reminder. Every use is judged on its own and the highest outcome wins, so a
harmless use never lowers a risky one. Case-level rules run last: a failed or empty extraction escalates (fail
closed), and a case with nothing to escalate gets the reminder to tell the contact.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel

from triage.facts import Facts, answer_state, case_facts, use_facts
from triage.intake import Submission
from triage.records import (
    AIUse,
    Answer,
    Choice,
    Consent,
    DataHandling,
    Extraction,
    Finding,
    Intake,
    PrincipleAnswer,
    QuestionRecord,
    Route,
    TraceStep,
    Trigger,
)
from triage.rules import Condition, Rule, RuleSet

__all__ = ["Verdict", "answer_state", "evaluate", "principle_answers", "use_facts"]

SEVERITY_RANK = {"approval": 0, "escalate": 1, "reminder": 2}


class Verdict(BaseModel):
    """What the rules decided for one case (the pipeline adds citations and versions to make the result)."""

    route: Route
    approval_required: bool
    triggers: list[Trigger]
    principles: dict[str, PrincipleAnswer]
    findings: list[Finding]
    questions: list[str]
    question_records: list[QuestionRecord]
    trace: list[TraceStep]
    summary: str


def matches(condition: Condition, facts: Facts) -> bool:
    for fact, wanted in condition.items():
        accepted = wanted if isinstance(wanted, list) else [wanted]
        if facts[fact] not in accepted:
            return False
    return True


def rule_applies(rule: Rule, facts: Facts) -> tuple[bool, bool]:
    """(fires, suppressed): the rule's conditions hold, and whether its `unless` then holds too."""
    if not matches(rule.when, facts):
        return False, False
    if rule.any and not any(matches(option, facts) for option in rule.any):
        return False, False
    if rule.unless and matches(rule.unless, facts):
        return False, True
    return True, False


def evidence_for(rule: Rule, use: AIUse, text: str) -> str | None:
    """The quote backing a finding: the rule's evidence field, else the use's own sentence; verbatim or nothing."""
    quote = None
    if rule.evidence:
        field: Answer | Choice[Any] = getattr(use, rule.evidence)
        quote = field.evidence
    quote = quote or use.summary
    return quote if quote and quote in text else None


def evaluate(extraction: Extraction, intake: Intake | Submission, rules: RuleSet) -> Verdict:
    """Route a case from its records. The same records always give the same decision.

    A hybrid reading carries the tripwire's own reading: each escalating finding of it that the merged records
    lack is added on the merged use it maps to, so the model can add risk but never remove what the deterministic
    layer saw.
    """
    findings: list[Finding] = []
    trace: list[TraceStep] = []
    for index, use in enumerate(extraction.uses):
        _judge_use(use, index, intake, rules, findings, trace)
    if extraction.tripwire is not None:
        seen = {(f.rule, f.use) for f in findings}
        for use, index in zip(extraction.tripwire.uses, extraction.tripwire_uses, strict=True):
            extra: list[Finding] = []
            _judge_use(use, index, intake, rules, extra, [])
            for finding in extra:
                if finding.severity != "reminder" and (finding.rule, finding.use) not in seen:
                    findings.append(finding)
                    trace.append(TraceStep(rule=finding.rule, use=index, outcome="fired", detail="tripwire reading"))

    facts = case_facts(extraction, escalating=any(f.severity != "reminder" for f in findings))
    for rule in rules.rules:
        if rule.scope != "case":
            continue
        fires, _ = rule_applies(rule, facts)
        if not fires:
            continue
        reason = rule.reason
        if rule.reason_detail == "extraction_failure" and extraction.failure:
            reason = f"{reason} Reason: {extraction.failure}"
        findings.append(
            Finding(
                rule=rule.id,
                trigger=rule.trigger,
                severity=rule.severity,
                use=None,
                reason=reason,
                sections=list(rule.sections),
            )
        )
        trace.append(TraceStep(rule=rule.id, use=None, outcome="fired", detail=_when_text(rule, facts)))

    findings.sort(key=lambda f: (SEVERITY_RANK[f.severity], -1 if f.use is None else f.use))
    route: Route = "escalate" if any(f.severity != "reminder" for f in findings) else "notify"
    approval_required = any(f.severity == "approval" for f in findings)
    triggers = sorted({f.trigger for f in findings if f.trigger is not None})
    records = question_records(findings, extraction, rules)
    principles = principle_answers(extraction, intake)
    return Verdict(
        route=route,
        approval_required=approval_required,
        triggers=triggers,
        principles=principles,
        findings=findings,
        questions=list(dict.fromkeys(q.text for q in records)),
        question_records=records,
        trace=trace,
        summary=_summary(route, approval_required, triggers, extraction),
    )


def _judge_use(
    use: AIUse, index: int, intake: Intake | Submission, rules: RuleSet, findings: list[Finding], trace: list[TraceStep]
) -> None:
    """Every use-scoped rule on one record: findings and trace steps appended."""
    facts = use_facts(use, intake)
    for rule in rules.rules:
        if rule.scope != "use":
            continue
        fires, suppressed = rule_applies(rule, facts)
        if suppressed:
            trace.append(TraceStep(rule=rule.id, use=index, outcome="suppressed", detail=f"unless {rule.unless}"))
        if not fires:
            continue
        reason = rule.reason
        note = getattr(use, rule.evidence).note if rule.evidence else None
        if note:
            reason = f"{reason} ({note})"
        findings.append(
            Finding(
                rule=rule.id,
                trigger=rule.trigger,
                severity=rule.severity,
                use=index,
                reason=reason,
                evidence=evidence_for(rule, use, intake.text),
                sections=list(rule.sections),
            )
        )
        trace.append(TraceStep(rule=rule.id, use=index, outcome="fired", detail=_when_text(rule, facts)))


def principle_answers(extraction: Extraction, intake: Intake | Submission) -> dict[str, PrincipleAnswer]:
    """P1–P5 as a partner could affirm them from this plan: no (contradicted), unsure (unclear), or yes."""
    if extraction.failure or not extraction.uses:
        return {p: "unsure" for p in ("P1", "P2", "P3", "P4", "P5")}
    read = [*extraction.uses, *(extraction.tripwire.uses if extraction.tripwire else [])]  # the tripwire's too
    states = [use_facts(use, intake) for use in read]

    def worst(no: bool, unsure: bool) -> PrincipleAnswer:
        return "no" if no else "unsure" if unsure else "yes"

    handling = {use.data_handling.value for use in read}
    talent_states = [
        (s[f], s["consent"]) for s in states for f in ("real_person", "performance_alteration", "union_work")
    ]
    return {
        "P1": worst(
            any("yes" in (s["third_party_ip"], s["unowned_training"]) for s in states),
            any("unclear" in (s["third_party_ip"], s["unowned_training"]) for s in states),
        ),
        "P2": worst(DataHandling.MAY_TRAIN in handling, DataHandling.UNKNOWN in handling),
        "P3": worst(
            DataHandling.MAY_TRAIN in handling,
            bool(handling - {DataHandling.ENTERPRISE}),
        ),
        "P4": worst(
            any(s["final_output"] == "yes" for s in states),
            any(
                s["final_output"] == "unclear" or (s["final_output"] == "silent" and s["screen_bound"]) for s in states
            ),
        ),
        "P5": worst(
            any(state == "yes" and consent != Consent.OBTAINED.value for state, consent in talent_states),
            any(state == "unclear" for state, _ in talent_states),
        ),
    }


# the values of a condition that mean "the plan does not settle it": what an answer would settle
_OPEN_VALUES = {"unknown", "silent", "unclear"}
_RECORD_FIELDS = frozenset(AIUse.model_fields)


def rule_facts(rule: Rule) -> list[str]:
    """The record fields an answer to the rule's question would settle: those its conditions require to be open
    (unknown, silent or unclear), else its evidence field."""
    open_facts = [
        fact
        for fact, wanted in rule.when.items()
        if fact in _RECORD_FIELDS and _OPEN_VALUES & set(wanted if isinstance(wanted, list) else [wanted])
    ]
    return open_facts or ([rule.evidence] if rule.evidence else [])


def question_id(text: str, use: int | None, summary: str) -> str:
    """Stable for the same question about the same use of the same plan: re-triaging after an answer keeps it."""
    return "q_" + hashlib.sha256(f"{text}\x1f{use}\x1f{summary}".encode()).hexdigest()[:12]


def question_records(findings: list[Finding], extraction: Extraction, rules: RuleSet) -> list[QuestionRecord]:
    """One record per question and use, in the findings' order; rules asking the same question about the same use
    share it (their facts merged, the first rule named)."""
    records: dict[tuple[str, int | None], QuestionRecord] = {}
    for finding in findings:
        rule = rules.by_id(finding.rule)
        if not rule.question:
            continue
        key = (rule.question, finding.use)
        facts = rule_facts(rule)
        if key in records:
            known = records[key]
            records[key] = known.model_copy(update={"facts": list(dict.fromkeys([*known.facts, *facts]))})
            continue
        in_range = finding.use is not None and finding.use < len(extraction.uses)
        summary = extraction.uses[finding.use].summary if in_range and finding.use is not None else ""
        records[key] = QuestionRecord(
            id=question_id(rule.question, finding.use, summary),
            use=finding.use,
            facts=facts,
            rule=rule.id,
            text=rule.question,
        )
    return list(records.values())


def _when_text(rule: Rule, facts: Facts) -> str:
    shown = {fact: facts[fact] for fact in rule.when}
    return f"{rule.severity}: " + ", ".join(f"{fact}={value}" for fact, value in shown.items())


def _summary(route: Route, approval: bool, triggers: list[Trigger], extraction: Extraction) -> str:
    uses = len(extraction.uses)
    counted = f"{uses} AI use{'s' if uses != 1 else ''}"
    if extraction.failure:
        return f"Escalate: the plan could not be read reliably ({extraction.failure})."
    if not uses:
        return "Escalate: no use of generative AI was found in the text."
    names = ", ".join(t.value for t in triggers)
    if approval:
        return f"Escalate — written approval is required before proceeding ({counted}; triggers: {names})."
    if route == "escalate":
        return f"Escalate — approval may be required; confirm with your contact first ({counted}; triggers: {names})."
    verb = "appears" if uses == 1 else "appear"
    return f"Notify — {counted} {verb} to follow the five principles; tell your contact before starting."
