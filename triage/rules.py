"""Loads the decision rules (knowledge/rules.toml) and refuses a rules file that names anything unknown.

Rules are data so a reviewer can read them beside the policy; validation on load means a typo in a trigger,
section or fact is an error naming the rule, not a rule that silently never fires.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from triage.facts import CASE_FACTS, EVIDENCE_FIELDS, FACTS_BY_SCOPE, USE_FACTS
from triage.records import ANSWER_FIELDS, Severity, Trigger

ANSWER_FACTS = ANSWER_FIELDS
__all__ = [
    "ANSWER_FACTS",
    "CASE_FACTS",
    "USE_FACTS",
    "Condition",
    "Rule",
    "RuleSet",
    "RulesError",
    "load_rules",
]

Condition = dict[str, Any]


class Rule(BaseModel):
    id: str = Field(pattern=r"^[a-z_]+\.[a-z_]+$")
    scope: Literal["use", "case"] = "use"
    trigger: Trigger | None = None
    severity: Severity
    sections: list[str] = Field(min_length=1)
    when: Condition
    any: list[Condition] = Field(default_factory=list)
    unless: Condition = Field(default_factory=dict)
    evidence: str | None = None
    reason: str = Field(min_length=10)
    # a case rule may add what the reading reported to its reason: "extraction_failure" adds " Reason: <failure>"
    reason_detail: Literal["extraction_failure"] | None = None
    question: str | None = None


class RuleSet(BaseModel):
    rules: list[Rule]
    version: str = Field(description="sha256 of the rules file")

    def by_id(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


class RulesError(ValueError):
    """The rules file is invalid; the message names the rule."""


def load_rules(path: Path, section_ids: set[str] | None = None) -> RuleSet:
    """Parse and validate a rules file; with `section_ids`, every cited section must exist in the policy."""
    raw = path.read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"{path}: not valid TOML: {exc}") from exc
    rules: list[Rule] = []
    seen: set[str] = set()
    for position, entry in enumerate(data.get("rule", []), start=1):
        name = entry.get("id", f"#{position}") if isinstance(entry, dict) else f"#{position}"
        try:
            rule = Rule.model_validate(entry)
        except ValidationError as exc:
            raise RulesError(f"rule {name}: {_first_error(exc)}") from exc
        if rule.id in seen:
            raise RulesError(f"rule {rule.id}: duplicate id")
        seen.add(rule.id)
        _check_rule(rule, section_ids)
        rules.append(rule)
    if not rules:
        raise RulesError(f"{path}: no [[rule]] entries")
    return RuleSet(rules=rules, version=hashlib.sha256(raw).hexdigest())


def _check_rule(rule: Rule, section_ids: set[str] | None) -> None:
    facts = FACTS_BY_SCOPE[rule.scope]
    for condition in (rule.when, rule.unless, *rule.any):
        for fact, wanted in condition.items():
            if fact not in facts:
                raise RulesError(f"rule {rule.id}: unknown fact {fact!r} for scope {rule.scope}")
            for value in wanted if isinstance(wanted, list) else [wanted]:
                if value not in facts[fact] or type(value) is not type(facts[fact][0]):
                    raise RulesError(f"rule {rule.id}: fact {fact!r} cannot be {value!r}")
    if rule.evidence is not None and rule.evidence not in EVIDENCE_FIELDS:
        raise RulesError(f"rule {rule.id}: evidence field {rule.evidence!r} is not a record field")
    if rule.reason_detail is not None and rule.scope != "case":
        raise RulesError(f"rule {rule.id}: reason_detail is for case rules")
    if rule.severity == "reminder" and rule.trigger is not None:
        raise RulesError(f"rule {rule.id}: a reminder raises no trigger")
    if section_ids is not None:
        for section in rule.sections:
            if section not in section_ids:
                raise RulesError(f"rule {rule.id}: section {section!r} is not in the loaded policy")


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else error["msg"]
