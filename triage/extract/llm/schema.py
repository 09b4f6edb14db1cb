"""The record shape the LLM fills: flat per-use fields, enums and a quote beside every answer.

Kept flat and small on purpose so a 1-2B model constrained by a JSON grammar can fill it: one `<question>` enum and
one `<question>_quote` string per material question, no nesting beyond the list of uses. Values the model gets
slightly wrong ("Yes", "maybe") are read leniently as `unknown`, the fail-safe; a wrong shape (no `uses` list, a use
without a summary) is a schema violation the extractor reports. Converting to `AIUse` (and verifying the quotes)
happens in `triage.llm`.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from triage.records import Consent, DataHandling, Media, Stage

TOOL_NAME = "record_ai_uses"
MAX_USES = 8
MAX_QUOTE = 300
MAX_SUMMARY = 600

YN = Literal["yes", "no", "unknown"]
YES_NO_FIELDS: tuple[str, ...] = (
    "final_output",
    "key_creative",
    "real_person",
    "performance_alteration",
    "union_work",
    "personal_data",
    "proprietary_input",
    "third_party_ip",
    "unowned_training",
    "misleading",
    "vendor_pipeline",
    "hedged",
)
CHOICE_FIELDS: dict[str, tuple[str, ...]] = {
    "stage": tuple(s.value for s in Stage),
    "consent": tuple(c.value for c in Consent),
    "data_handling": tuple(d.value for d in DataHandling),
}
MEDIA_VALUES: tuple[str, ...] = tuple(m.value for m in Media)

# Field order is the order the model writes them in: stage and media first (cheap context), then the questions.
FIELD_ORDER: tuple[str, ...] = (
    "summary",
    "tool",
    "stage",
    "media",
    "final_output",
    "key_creative",
    "real_person",
    "performance_alteration",
    "consent",
    "union_work",
    "personal_data",
    "proprietary_input",
    "third_party_ip",
    "unowned_training",
    "data_handling",
    "misleading",
    "vendor_pipeline",
    "hedged",
)


def _enum_or_unknown(value: Any, allowed: tuple[str, ...]) -> str:
    """Lenient enum reading: case and spacing forgiven, anything else is `unknown` (the fail-safe answer)."""
    if isinstance(value, str):
        v = value.strip().lower().replace(" ", "_").replace("-", "_")
        if v in allowed:
            return v
        if v in ("3d_model", "3d"):
            return "3d" if "3d" in allowed else "unknown"
    return "unknown"


def _quote(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("a quote must be a string")
    return value.strip()[: MAX_QUOTE * 2]


class LLMUse(BaseModel):
    """One AI use as the model reports it. Quotes are unverified here."""

    model_config = ConfigDict(extra="ignore")

    summary: str = Field(min_length=1)
    tool: str = ""
    stage: str = "unknown"
    stage_quote: str = ""
    media: list[str] = Field(default_factory=list)
    final_output: YN = "unknown"
    final_output_quote: str = ""
    key_creative: YN = "unknown"
    key_creative_quote: str = ""
    real_person: YN = "unknown"
    real_person_quote: str = ""
    performance_alteration: YN = "unknown"
    performance_alteration_quote: str = ""
    consent: str = "unknown"
    consent_quote: str = ""
    union_work: YN = "unknown"
    union_work_quote: str = ""
    personal_data: YN = "unknown"
    personal_data_quote: str = ""
    proprietary_input: YN = "unknown"
    proprietary_input_quote: str = ""
    third_party_ip: YN = "unknown"
    third_party_ip_quote: str = ""
    unowned_training: YN = "unknown"
    unowned_training_quote: str = ""
    data_handling: str = "unknown"
    data_handling_quote: str = ""
    misleading: YN = "unknown"
    misleading_quote: str = ""
    vendor_pipeline: YN = "unknown"
    vendor_pipeline_quote: str = ""
    hedged: YN = "unknown"
    hedged_quote: str = ""

    @field_validator("summary", mode="before")
    @classmethod
    def _summary(cls, v: Any) -> Any:
        return v.strip()[: MAX_SUMMARY * 2] if isinstance(v, str) else v

    @field_validator("tool", mode="before")
    @classmethod
    def _tool(cls, v: Any) -> str:
        text = _quote(v)
        return "" if text.lower() in ("none", "null", "n/a", "unknown", "unspecified") else text

    @field_validator(*YES_NO_FIELDS, mode="before")
    @classmethod
    def _yes_no(cls, v: Any) -> str:
        if isinstance(v, bool):
            return "yes" if v else "no"
        return _enum_or_unknown(v, ("yes", "no", "unknown"))

    @field_validator("stage", mode="before")
    @classmethod
    def _stage(cls, v: Any) -> str:
        return _enum_or_unknown(v, CHOICE_FIELDS["stage"])

    @field_validator("consent", mode="before")
    @classmethod
    def _consent(cls, v: Any) -> str:
        return _enum_or_unknown(v, CHOICE_FIELDS["consent"])

    @field_validator("data_handling", mode="before")
    @classmethod
    def _data_handling(cls, v: Any) -> str:
        return _enum_or_unknown(v, CHOICE_FIELDS["data_handling"])

    @field_validator("media", mode="before")
    @classmethod
    def _media(cls, v: Any) -> list[str]:
        items = [v] if isinstance(v, str) else v
        if items is None:
            return []
        if not isinstance(items, list):
            raise ValueError("media must be a list")
        out = [_enum_or_unknown(m, MEDIA_VALUES) for m in items]
        return sorted({m for m in out if m != "unknown"}, key=MEDIA_VALUES.index)

    @field_validator(
        "stage_quote",
        "consent_quote",
        "data_handling_quote",
        *(f"{f}_quote" for f in YES_NO_FIELDS),
        mode="before",
    )
    @classmethod
    def _quotes(cls, v: Any) -> str:
        return _quote(v)


class LLMPlan(BaseModel):
    """The whole structured response: every use in one call."""

    model_config = ConfigDict(extra="ignore")

    language: str = "unknown"
    uses: list[LLMUse] = Field(max_length=MAX_USES * 2)

    @field_validator("language", mode="before")
    @classmethod
    def _language(cls, v: Any) -> str:
        if isinstance(v, str) and 2 <= len(v.strip()) <= 8:
            return v.strip().lower()
        return "unknown"


def _yn(desc: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "string", "enum": ["yes", "no", "unknown"]}
    if desc:
        out["description"] = desc
    return out


def _quote_schema() -> dict[str, Any]:
    return {"type": "string", "maxLength": MAX_QUOTE}


def json_schema() -> dict[str, Any]:
    """The JSON Schema sent to the model (tool parameters / response_format). Inline, no $refs, all required.

    Descriptions are left to the prompt's field guide: every schema token is a prompt token on a small server.
    """
    props: dict[str, Any] = {}
    for name in FIELD_ORDER:
        if name == "summary":
            props[name] = {"type": "string", "maxLength": MAX_SUMMARY}
        elif name == "tool":
            props[name] = {"type": "string", "maxLength": 120}
        elif name == "media":
            props[name] = {"type": "array", "items": {"type": "string", "enum": list(MEDIA_VALUES)}, "maxItems": 4}
        elif name in CHOICE_FIELDS:
            props[f"{name}_quote"] = _quote_schema()
            props[name] = {"type": "string", "enum": list(CHOICE_FIELDS[name])}
        else:
            props[f"{name}_quote"] = _quote_schema()
            props[name] = _yn()
    use = {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}
    return {
        "title": TOOL_NAME,
        "description": "Record every distinct use of generative AI in the plan, each answer with a verbatim quote.",
        "type": "object",
        "properties": {
            "language": {"type": "string", "maxLength": 8},
            "uses": {"type": "array", "items": use, "maxItems": MAX_USES},
        },
        "required": ["language", "uses"],
        "additionalProperties": False,
    }


def schema_hash() -> str:
    """Changes whenever the shape the model is asked for changes; part of the cache key."""
    blob = json.dumps(json_schema(), sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def describe_validation_error(err: ValidationError, limit: int = 6) -> str:
    """Where and how the output broke the schema, without echoing the values (which may quote the plan)."""
    parts = []
    for e in err.errors(include_input=False, include_url=False)[:limit]:
        loc = ".".join(str(p) for p in e["loc"]) or "(root)"
        parts.append(f"{loc}: {e['msg']}")
    more = len(err.errors()) - limit
    if more > 0:
        parts.append(f"... and {more} more")
    return "; ".join(parts)
