"""The interface every extractor (lexical, LLM, hybrid) implements."""

from __future__ import annotations

from typing import Protocol

from triage.intake import Submission
from triage.records import Extraction, Intake


class Extractor(Protocol):
    """Reads a plan into AI-use records. Never raises on bad text: it reports `failure` instead.

    `name` is the result's `extractor` ("lexical", "llm:<model>", "hybrid:<model>"); `prompt_version` is the
    result's `prompt_version`: the extraction prompt's version, None for an extractor without a prompt. `extract`
    takes the intake stage's `Submission` (a bare `Intake` is read through the intake stage first).
    """

    name: str

    @property
    def prompt_version(self) -> str | None: ...

    def extract(self, intake: Submission | Intake) -> Extraction: ...
