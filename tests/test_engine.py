"""The pure rules engine over hand-built records: precedence, the brief's decision semantics, and its trace."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from triage.config import Settings
from triage.engine import evaluate
from triage.policy import load_policy
from triage.records import (
    AIUse,
    Answer,
    Choice,
    Consent,
    DataHandling,
    Extraction,
    Intake,
    Media,
    ProductionType,
    Stage,
)
from triage.rules import RuleSet, load_rules

TEXT = "We'll clone her voice. Mood boards only. Nothing goes in the final cut. Under our enterprise agreement."


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    settings = Settings()
    return load_rules(settings.rules_path, set(load_policy(settings.knowledge_dir).sections))


def yes(quote: str = "We'll clone her voice.") -> Answer:
    return Answer(value="yes", evidence=quote)


def no(quote: str = "Nothing goes in the final cut.") -> Answer:
    return Answer(value="no", evidence=quote)


def use(**fields: Any) -> AIUse:
    base: dict[str, Any] = {
        "summary": "Mood boards only.",
        "stage": Choice[Stage](value=Stage.IDEATION, evidence="Mood boards only."),
        "media": [Media.IMAGE],
        "final_output": no(),
        "data_handling": Choice[DataHandling](
            value=DataHandling.ENTERPRISE, evidence="Under our enterprise agreement."
        ),
    }
    base.update(fields)
    return AIUse(**base)


def decide(rules: RuleSet, *uses: AIUse, production_type: ProductionType | None = None, **extraction: Any):
    intake = Intake(text=TEXT, production_type=production_type)
    return evaluate(Extraction(uses=list(uses), **extraction), intake, rules)


def test_a_harmless_use_is_notify_with_the_share_reminder(rules: RuleSet) -> None:
    decision = decide(rules, use())
    assert decision.route == "notify"
    assert not decision.approval_required
    assert decision.triggers == []
    assert [f.rule for f in decision.findings] == ["intro.share_with_contact"]
    assert decision.principles == {"P1": "yes", "P2": "yes", "P3": "yes", "P4": "yes", "P5": "yes"}


def test_highest_outcome_wins_and_a_harmless_use_never_lowers_it(rules: RuleSet) -> None:
    risky = use(real_person=yes())
    for uses in ([risky], [use(), risky], [risky, use(), use()]):
        decision = decide(rules, *uses)
        assert decision.route == "escalate"
        assert decision.approval_required
        assert decision.triggers == ["talent_likeness"]
        assert "intro.share_with_contact" not in [f.rule for f in decision.findings]


def test_route_does_not_depend_on_the_order_of_uses(rules: RuleSet) -> None:
    uses = [use(real_person=yes()), use(hedged=yes("Mood boards only.")), use()]
    outcomes = {
        (d.route, d.approval_required, tuple(d.triggers))
        for d in (decide(rules, *order) for order in itertools.permutations(uses))
    }
    assert len(outcomes) == 1


def test_consent_is_necessary_never_sufficient(rules: RuleSet) -> None:
    obtained = Choice[Consent](value=Consent.OBTAINED, evidence="We'll clone her voice.")
    decision = decide(rules, use(real_person=yes(), consent=obtained))
    assert decision.route == "escalate" and decision.approval_required
    assert decision.principles["P5"] == "yes"
    pending = Choice[Consent](value=Consent.PENDING, evidence="We'll clone her voice.")
    decision = decide(rules, use(real_person=yes(), consent=pending))
    assert "talent.consent_not_obtained" in [f.rule for f in decision.findings]
    assert decision.principles["P5"] == "no"


@pytest.mark.parametrize(
    ("field", "trigger"),
    [
        ("real_person", "talent_likeness"),
        ("personal_data", "personal_data"),
        ("proprietary_input", "proprietary_material"),
        ("third_party_ip", "third_party_ip"),
    ],
)
def test_temporary_only_satisfies_p4(rules: RuleSet, field: str, trigger: str) -> None:
    consumer = Choice[DataHandling](value=DataHandling.MAY_TRAIN, evidence="Mood boards only.")
    decision = decide(rules, use(**{field: yes()}, data_handling=consumer))
    assert decision.principles["P4"] == "yes"
    assert decision.route == "escalate" and decision.approval_required
    assert trigger in decision.triggers


def test_an_enterprise_tool_softens_only_proprietary_input(rules: RuleSet) -> None:
    decision = decide(rules, use(proprietary_input=yes()))
    assert decision.route == "escalate"
    assert not decision.approval_required
    assert decision.triggers == ["proprietary_material"]
    suppressed = [s for s in decision.trace if s.outcome == "suppressed"]
    assert [s.rule for s in suppressed] == ["data.proprietary_input"]
    for field in ("personal_data", "real_person", "final_output"):
        assert decide(rules, use(**{field: yes()})).approval_required, field


def test_silence_on_a_low_risk_use_is_a_reminder_not_an_escalation(rules: RuleSet) -> None:
    silent = use(final_output=Answer(), data_handling=Choice[DataHandling](value=DataHandling.UNKNOWN))
    decision = decide(rules, silent)
    assert decision.route == "notify"
    assert "data.terms_unstated" in [f.rule for f in decision.findings]
    assert decision.questions


def test_silence_on_screen_bound_output_escalates(rules: RuleSet) -> None:
    plates = use(stage=Choice[Stage](value=Stage.POST_VFX), media=[Media.VIDEO], final_output=Answer())
    decision = decide(rules, plates)
    assert decision.route == "escalate" and not decision.approval_required
    assert decision.triggers == ["final_deliverable"]
    assert decision.principles["P4"] == "unsure"


def test_an_unknown_with_a_note_escalates_and_says_both_views(rules: RuleSet) -> None:
    disputed = Answer(value="unknown", evidence="We'll clone her voice.", note="tripwire: yes; LLM: no")
    decision = decide(rules, use(real_person=disputed))
    finding = next(f for f in decision.findings if f.rule == "talent.likeness_unclear")
    assert decision.route == "escalate" and not decision.approval_required
    assert "tripwire: yes; LLM: no" in finding.reason
    assert finding.evidence == "We'll clone her voice."


@pytest.mark.parametrize(
    ("field", "rule"),
    [
        ("final_output", "output.final_unclear"),
        ("key_creative", "creative.key_element_unclear"),
        ("real_person", "talent.likeness_unclear"),
        ("performance_alteration", "talent.performance_alteration_unclear"),
        ("personal_data", "data.personal_data_unclear"),
        ("proprietary_input", "data.proprietary_input_unclear"),
        ("third_party_ip", "ip.third_party_unclear"),
        ("union_work", "ethics.union_work_unclear"),
        ("misleading", "ethics.misleading_unclear"),
        ("unowned_training", "data.unowned_training_unclear"),
    ],
)
def test_each_unclear_rule_fires_on_evidence_and_not_on_silence(rules: RuleSet, field: str, rule: str) -> None:
    unclear = Answer(value="unknown", evidence="We'll clone her voice.")
    stage = Choice[Stage](value=Stage.POST_VFX)
    fired = [f.rule for f in decide(rules, use(**{field: unclear}, stage=stage)).findings]
    silent = [f.rule for f in decide(rules, use(**{field: Answer()}, stage=stage)).findings]
    assert rule in fired
    assert rule not in silent


def test_a_key_element_in_ideation_is_not_escalated_unless_it_is_final(rules: RuleSet) -> None:
    assert decide(rules, use(key_creative=yes())).route == "notify"
    decision = decide(rules, use(key_creative=yes(), final_output=yes("Nothing goes in the final cut.")))
    assert "key_creative_element" in decision.triggers


def test_documentary_generated_media_on_screen_escalates(rules: RuleSet) -> None:
    footage = use(stage=Choice[Stage](value=Stage.POST_VFX), media=[Media.IMAGE], final_output=Answer())
    assert "misleading_content" in decide(rules, footage, production_type=ProductionType.DOCUMENTARY).triggers
    assert "misleading_content" not in decide(rules, footage, production_type=ProductionType.SCRIPTED).triggers


def test_failure_and_emptiness_fail_closed_with_the_reason(rules: RuleSet) -> None:
    failed = decide(rules, failure="LLM timed out after 60 s")
    assert failed.route == "escalate" and not failed.approval_required
    assert "LLM timed out after 60 s" in failed.findings[0].reason
    assert set(failed.principles.values()) == {"unsure"}
    empty = decide(rules)
    assert empty.route == "escalate"
    assert [f.rule for f in empty.findings] == ["system.no_ai_use"]
    assert empty.questions


def test_findings_are_ordered_and_the_trace_names_every_fired_rule(rules: RuleSet) -> None:
    decision = decide(rules, use(real_person=yes(), hedged=yes("Mood boards only.")))
    severities = [f.severity for f in decision.findings]
    assert severities == sorted(severities, key=["approval", "escalate", "reminder"].index)
    fired = {(s.rule, s.use) for s in decision.trace if s.outcome == "fired"}
    assert fired == {(f.rule, f.use) for f in decision.findings}


def test_evidence_that_is_not_in_the_text_is_never_quoted(rules: RuleSet) -> None:
    invented = Answer(value="yes", evidence="a sentence the partner never wrote")
    decision = decide(rules, use(real_person=invented, summary="not in the text either"))
    assert all(f.evidence is None for f in decision.findings if f.use == 0)


def test_the_same_records_always_give_the_same_decision(rules: RuleSet) -> None:
    records = [use(real_person=yes()), use(personal_data=yes())]
    assert decide(rules, *records) == decide(rules, *records)


def test_a_failed_reading_escalates_with_the_readers_reason(rules: RuleSet) -> None:
    failed = Extraction(failure="the plan appears to be in a language the offline extractor cannot read")
    decision = evaluate(failed, Intake(text="x"), rules)
    (finding,) = [f for f in decision.findings if f.rule == "system.not_understood"]
    assert finding.reason.endswith(" Reason: the plan appears to be in a language the offline extractor cannot read")
