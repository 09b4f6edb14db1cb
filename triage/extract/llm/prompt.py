"""The extraction prompt, loaded from a versioned data file and checked before any model sees it.

The prompt lives in `prompts/extract.toml` so that changing it is a reviewed data change with a new
`prompt_version` ("extract-v<N>:<sha256[:12]>" of the file), which results report and the LLM cache keys on.
The partner's text is passed as data inside <plan>…</plan>, and their answers to follow-up questions each inside
<answer use="N" facts="…">…</answer> after it (the question's wording, the service's own, is never sent: the model
cannot quote it as evidence); any delimiter inside the text is escaped, so the text cannot close a data block and
speak as the instructions.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, Field, PositiveInt, field_validator, model_validator

from triage.extract.evidence import find_quote
from triage.extract.llm.schema import CHOICE_VALUES, FIELD_ORDER, YES_NO_FIELDS, LLMUse, json_schema
from triage.records import PartnerAnswer, ProductionType

PROMPT_NAME = "extract"
_DELIMITER = re.compile(r"<\s*(/?)\s*(plan|answers?)\b[^>]*>", re.IGNORECASE)
ANSWERS_INTRO = (
    "The partner's answers to follow-up questions, after the plan. Each answer is about one use: the one whose"
    " sentence `about` gives, else the one numbered in `use` (1 is the first use in plan order), and the facts it"
    " names; read it as part of that use only, under the same evidence rule as the plan: quote the answer's words"
    " verbatim."
)


class PromptError(ValueError):
    """The prompt file is missing or does not pass its checks; raised at start, never per case."""


class Example(BaseModel):
    """A worked example: a short plan and the uses we expect, held to the same evidence rule as the model."""

    model_config = ConfigDict(extra="forbid")

    production_type: ProductionType | None = None
    plan: str = Field(min_length=1)
    uses: list[LLMUse] = Field(min_length=1)

    @field_validator("uses", mode="before")
    @classmethod
    def _known_fields_only(cls, uses: object) -> object:
        # The model's replies may carry extra keys (ignored); a worked example may not: it would be a typo.
        for i, use in enumerate(uses if isinstance(uses, list) else []):
            unknown = set(use) - set(LLMUse.model_fields) if isinstance(use, dict) else set()
            if unknown:
                raise ValueError(f"example use {i}: unknown field(s) {sorted(unknown)}")
        return uses

    @model_validator(mode="after")
    def _quotes_are_in_the_plan(self) -> Example:
        for i, use in enumerate(self.uses):
            for field in ("summary", "tool", *(f"{f}_quote" for f in (*YES_NO_FIELDS, *CHOICE_VALUES))):
                quote = getattr(use, field)
                if quote and find_quote(quote, self.plan) is None:
                    raise ValueError(f"example use {i}: {field} is not a quote of the example plan")
            for field in YES_NO_FIELDS:
                if getattr(use, field) != "unknown" and not getattr(use, f"{field}_quote"):
                    raise ValueError(f"example use {i}: {field} is answered without a quote")
            for field in CHOICE_VALUES:
                if getattr(use, field) != "unknown" and not getattr(use, f"{field}_quote"):
                    raise ValueError(f"example use {i}: {field} is answered without a quote")
        return self


class PromptFile(BaseModel):
    """The shape of prompts/extract.toml."""

    model_config = ConfigDict(extra="forbid")

    version: PositiveInt
    system: str = Field(min_length=20)
    field_guide: str = Field(min_length=20)
    user: str
    repair: str
    examples: list[Example] = Field(min_length=1, max_length=6)

    @field_validator("user")
    @classmethod
    def _user_template(cls, v: str) -> str:
        if v.count("{plan}") != 1 or v.count("{production_type}") != 1:
            raise ValueError("user must contain {plan} and {production_type} exactly once")
        if not re.search(r"<plan>\s*\{plan\}\s*</plan>", v):
            raise ValueError("user must wrap {plan} in <plan>…</plan>")
        return v

    @field_validator("repair")
    @classmethod
    def _repair_template(cls, v: str) -> str:
        if v.count("{error}") != 1:
            raise ValueError("repair must contain {error} exactly once")
        return v


def escape_plan(text: str) -> str:
    """Neutralise <plan>, </plan>, <answer …> and </answer> inside the partner's text so it cannot end a data block."""
    return _DELIMITER.sub(lambda m: f"&lt;{m.group(1)}{m.group(2)}&gt;", text)


def answers_text(answers: Sequence[PartnerAnswer]) -> str:
    """The answers block: each answer's words as data, tagged with its use (1-based) and facts, never the question."""
    blocks = []
    for answer in answers:
        use = "plan" if answer.use is None else str(answer.use + 1)
        about = f' about="{html.escape(answer.use_summary)}"' if answer.use_summary else ""
        tag = f'<answer use="{use}"{about} facts="{" ".join(answer.facts)}">'
        blocks.append(f"{tag}\n{escape_plan(answer.answer.strip())}\n</answer>")
    return "\n".join([ANSWERS_INTRO, *blocks])


def _example_json(example: Example) -> str:
    """An example answer showing only what the plan states; unknown and empty fields are left out."""
    uses = []
    for use in example.uses:
        data = use.model_dump()
        shown: dict[str, object] = {}
        for name in FIELD_ORDER:
            value = data[name]
            if value in ("", "unknown", []):
                continue
            if f"{name}_quote" in data:  # quote first: the model finds the words, then answers from them
                shown[f"{name}_quote"] = data[f"{name}_quote"]
            shown[name] = value
        uses.append(shown)
    return json.dumps({"language": "en", "uses": uses}, ensure_ascii=False)


@dataclass(frozen=True)
class ExtractPrompt:
    """A loaded, checked prompt; builds the messages for one case."""

    spec: PromptFile
    version: str

    def system_text(self, *, schema_in_prompt: bool = False) -> str:
        parts = [self.spec.system.strip(), self.spec.field_guide.strip()]
        if schema_in_prompt:
            parts.append("Reply with one JSON object matching this JSON Schema:\n" + json.dumps(json_schema()))
        lines = ["Worked examples (fields not shown are unknown or empty):"]
        for ex in self.spec.examples:
            ptype = ex.production_type.value if ex.production_type else "not stated"
            lines.append(f"Production type: {ptype}\n<plan>\n{ex.plan.strip()}\n</plan>\nAnswer: {_example_json(ex)}")
        parts.append("\n\n".join(lines))
        return "\n\n".join(parts)

    def user_text(self, text: str, production_type: str | None, answers: Sequence[PartnerAnswer] = ()) -> str:
        user = self.spec.user.replace("{production_type}", production_type or "not stated").replace(
            "{plan}", escape_plan(text.strip())
        )
        return f"{user}\n\n{answers_text(answers)}" if answers else user

    def messages(
        self,
        text: str,
        production_type: str | None = None,
        *,
        answers: Sequence[PartnerAnswer] = (),
        schema_in_prompt: bool = False,
    ) -> list[BaseMessage]:
        return [
            SystemMessage(self.system_text(schema_in_prompt=schema_in_prompt)),
            HumanMessage(self.user_text(text, production_type, answers)),
        ]

    def repair_message(self, error: str) -> HumanMessage:
        return HumanMessage(self.spec.repair.replace("{error}", error))


def _load(path: Path) -> ExtractPrompt:
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
        spec = PromptFile.model_validate(data)
    except FileNotFoundError as e:
        raise PromptError(f"prompt file not found: {path}") from e
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise PromptError(f"prompt file {path} is not valid TOML: {e}") from e
    except ValueError as e:  # pydantic.ValidationError is a ValueError
        raise PromptError(f"prompt file {path} failed its checks: {e}") from e
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return ExtractPrompt(spec=spec, version=f"{PROMPT_NAME}-v{spec.version}:{digest}")


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int, size: int) -> ExtractPrompt:
    return _load(Path(path))


def load_prompt(prompts_dir: Path, name: str = PROMPT_NAME) -> ExtractPrompt:
    """Load and check `<prompts_dir>/<name>.toml`; raises PromptError with the reason if it is unusable."""
    path = Path(prompts_dir) / f"{name}.toml"
    try:
        st = path.stat()
    except FileNotFoundError as e:
        raise PromptError(f"prompt file not found: {path}") from e
    return _load_cached(str(path.resolve()), st.st_mtime_ns, st.st_size)
