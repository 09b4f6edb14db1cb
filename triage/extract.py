"""The extractor interface every extractor (lexical, LLM, hybrid) implements, and the choice among them."""

from __future__ import annotations

from typing import Protocol

from triage.config import Settings
from triage.records import Extraction, Intake


class Extractor(Protocol):
    """Reads a plan into AI-use records. Never raises on bad text: it reports `failure` instead."""

    name: str

    def extract(self, intake: Intake) -> Extraction: ...


def build_extractor(settings: Settings) -> Extractor:
    """The extractor the settings ask for; `lexical` needs no model and no network."""
    from triage.lexical import LexicalExtractor

    kind = settings.effective_extractor
    if kind == "lexical":
        return LexicalExtractor()
    raise ValueError(f"extractor {kind!r} needs the LLM extractor, which is not available yet")
