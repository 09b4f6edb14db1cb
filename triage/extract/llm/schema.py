"""The record shape the LLM fills: flat per-use fields, enums and a quote beside every answer.

Kept flat and small on purpose so a 1-2B model constrained by a JSON grammar can fill it: one `<question>` enum and
one `<question>_quote` string per material question, no nesting beyond the list of uses. Values the model gets
slightly wrong ("Yes", "maybe") are read leniently as `unknown`, the fail-safe; a wrong shape (no `uses` list, a use
without a summary) is a schema violation the extractor reports. Converting to `AIUse` (and verifying the quotes)
happens in `triage.extract.llm.extractor`.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, create_model, field_validator

from triage.records import ANSWER_FIELDS, CHOICE_FIELDS, AIUse, Media

TOOL_NAME = "record_ai_uses"
MAX_LLM_USES = 8
MAX_QUOTE = 300
MAX_SUMMARY = 600

YN = Literal["yes", "no", "unknown"]
# Record questions the model does not answer as yes/no: it names the tool as free text (`tool`), and whether the
# real person is a performer is left to the lexical reader.
NOT_ASKED: tuple[str, ...] = ("tool", "performer")
YES_NO_FIELDS: tuple[str, ...] = tuple(name for name in ANSWER_FIELDS if name not in NOT_ASKED)
# The record's categorical answers (stage, consent, data handling) and the values each can take.
CHOICE_VALUES: dict[str, tuple[str, ...]] = {
    name: tuple(v.value for v in AIUse.model_fields[name].annotation.__pydantic_generic_metadata__["args"][0])  # type: ignore[union-attr]
    for name in CHOICE_FIELDS
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


class LLMUseBase(BaseModel):
    """One AI use as the model reports it. Quotes are unverified here.

    The fields besides summary, tool and media are derived from `AIUse` (`LLMUse` below): one `<question>` (yes /
    no / unknown, or a choice's value) and one `<question>_quote` per question in YES_NO_FIELDS and CHOICE_VALUES.
    """

    model_config = ConfigDict(extra="ignore")

    summary: str = Field(min_length=1)
    tool: str = ""
    media: list[str] = Field(default_factory=list)

    @field_validator("summary", mode="before")
    @classmethod
    def _summary(cls, v: Any) -> Any:
        return v.strip()[: MAX_SUMMARY * 2] if isinstance(v, str) else v

    @field_validator("tool", mode="before")
    @classmethod
    def _tool(cls, v: Any) -> str:
        text = _quote(v)
        return "" if text.lower() in ("none", "null", "n/a", "unknown", "unspecified") else text

    @field_validator(*YES_NO_FIELDS, mode="before", check_fields=False)
    @classmethod
    def _yes_no(cls, v: Any) -> str:
        if isinstance(v, bool):
            return "yes" if v else "no"
        return _enum_or_unknown(v, ("yes", "no", "unknown"))

    @field_validator(*CHOICE_VALUES, mode="before", check_fields=False)
    @classmethod
    def _choice(cls, v: Any, info: ValidationInfo) -> str:
        return _enum_or_unknown(v, CHOICE_VALUES[str(info.field_name)])

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

    @field_validator(*(f"{f}_quote" for f in (*CHOICE_VALUES, *YES_NO_FIELDS)), mode="before", check_fields=False)
    @classmethod
    def _quotes(cls, v: Any) -> str:
        return _quote(v)


def _answer_fields() -> dict[str, Any]:
    """Each question of AIUse the model answers, with its quote beside it, in AIUse's order."""
    fields: dict[str, Any] = {}
    for name in AIUse.model_fields:
        if name in YES_NO_FIELDS:
            fields[name] = (YN, "unknown")
        elif name in CHOICE_VALUES:
            fields[name] = (str, "unknown")
        else:
            continue
        fields[f"{name}_quote"] = (str, "")
    return fields


if TYPE_CHECKING:
    LLMUse = LLMUseBase
else:
    LLMUse = create_model("LLMUse", __base__=LLMUseBase, __module__=__name__, **_answer_fields())


class LLMPlan(BaseModel):
    """The whole structured response: every use in one call."""

    model_config = ConfigDict(extra="ignore")

    language: str = "unknown"
    uses: list[LLMUse] = Field(max_length=MAX_LLM_USES * 2)

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
        elif name in CHOICE_VALUES:
            props[f"{name}_quote"] = _quote_schema()
            props[name] = {"type": "string", "enum": list(CHOICE_VALUES[name])}
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
            "uses": {"type": "array", "items": use, "maxItems": MAX_LLM_USES},
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
