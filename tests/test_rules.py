"""The rules file: it loads, every rule cites a section of the loaded policy, and bad rules are refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.config import Settings
from triage.policy import load_policy
from triage.records import Trigger
from triage.rules import RulesError, load_rules

SETTINGS = Settings()


@pytest.fixture(scope="module")
def section_ids() -> set[str]:
    return set(load_policy(SETTINGS.knowledge_dir).sections)


def test_every_rule_cites_an_existing_section(section_ids: set[str]) -> None:
    rules = load_rules(SETTINGS.rules_path, section_ids)
    for rule in rules.rules:
        assert rule.sections, rule.id
        assert set(rule.sections) <= section_ids, rule.id


def test_every_trigger_is_raised_by_some_rule() -> None:
    rules = load_rules(SETTINGS.rules_path)
    raised = {rule.trigger for rule in rules.rules if rule.trigger}
    assert raised == set(Trigger)


def test_every_escalating_unknown_asks_a_question() -> None:
    rules = load_rules(SETTINGS.rules_path)
    for rule in rules.rules:
        if rule.id.endswith("_unclear") or rule.id.endswith("_unstated"):
            assert rule.question, f"{rule.id} escalates an unknown but asks nothing"


RULE = """
[[rule]]
id = "{id}"
trigger = "{trigger}"
severity = "{severity}"
sections = ["{section}"]
when = {{ {fact} = {value} }}
reason = "A reason long enough to pass."
"""


def write_rule(tmp_path: Path, **overrides: str) -> Path:
    fields = {
        "id": "test.rule",
        "trigger": "talent_likeness",
        "severity": "approval",
        "section": "talent-performance",
        "fact": "real_person",
        "value": '"yes"',
    }
    fields.update(overrides)
    path = tmp_path / "rules.toml"
    path.write_text(RULE.format(**fields))
    return path


def test_a_valid_rule_loads(tmp_path: Path, section_ids: set[str]) -> None:
    rules = load_rules(write_rule(tmp_path), section_ids)
    assert rules.by_id("test.rule").trigger == Trigger.TALENT_LIKENESS
    assert len(rules.version) == 64


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"trigger": "likeness"}, "rule test.rule: trigger"),
        ({"section": "no-such-section"}, "rule test.rule: section 'no-such-section' is not in the loaded policy"),
        ({"fact": "real_persons"}, "rule test.rule: unknown fact 'real_persons'"),
        ({"value": '"maybe"'}, "rule test.rule: fact 'real_person' cannot be 'maybe'"),
        ({"fact": "screen_bound", "value": '"yes"'}, "rule test.rule: fact 'screen_bound' cannot be 'yes'"),
        ({"severity": "reminder"}, "rule test.rule: a reminder raises no trigger"),
        ({"severity": "urgent"}, "rule test.rule: severity"),
        ({"id": "Bad Id"}, "rule Bad Id: id"),
    ],
)
def test_invalid_rules_are_refused_by_name(
    tmp_path: Path, section_ids: set[str], override: dict[str, str], message: str
) -> None:
    with pytest.raises(RulesError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_rules(write_rule(tmp_path, **override), section_ids)


def test_duplicate_ids_and_bad_toml_are_refused(tmp_path: Path) -> None:
    path = write_rule(tmp_path)
    path.write_text(path.read_text() * 2)
    with pytest.raises(RulesError, match=r"rule test\.rule: duplicate id"):
        load_rules(path)
    path.write_text("[[rule]\nid=")
    with pytest.raises(RulesError, match="not valid TOML"):
        load_rules(path)


def test_the_facts_rules_name_are_the_facts_the_engine_computes() -> None:
    from triage.facts import CASE_FACTS, USE_FACTS, case_facts, use_facts
    from triage.records import AIUse, Extraction, Intake

    computed = use_facts(AIUse(summary="We use Runway."), Intake(text="We use Runway."))
    assert set(computed) == set(USE_FACTS)
    for name, value in computed.items():
        assert value in USE_FACTS[name], name
    assert set(case_facts(Extraction(), escalating=False)) == set(CASE_FACTS)


def test_reason_detail_is_data_and_only_for_case_rules(tmp_path: Path) -> None:
    rules = load_rules(SETTINGS.rules_path)
    assert rules.by_id("system.not_understood").reason_detail == "extraction_failure"
    path = tmp_path / "rules.toml"
    path.write_text(
        '[[rule]]\nid = "x.y"\nseverity = "escalate"\nsections = ["introduction"]\nwhen = { final_output = "yes" }\n'
        'reason = "A reason long enough."\nreason_detail = "extraction_failure"\n',
        encoding="utf-8",
    )
    with pytest.raises(RulesError, match=r"x\.y: reason_detail is for case rules"):
        load_rules(path)
