"""The choice among the extractors (lexical, LLM, hybrid) the settings ask for."""

from __future__ import annotations

from triage.config import Settings
from triage.extract.protocol import Extractor


def build_extractor(settings: Settings, *, no_cache: bool = False) -> Extractor:
    """The extractor the settings ask for; `lexical` needs no model and no network.

    `llm` and `hybrid` need TRIAGE_LLM_MODEL; `hybrid` (the default once a model is configured) runs the lexical
    extractor beside the LLM as a tripwire. `no_cache` bypasses the LLM response cache (as does
    TRIAGE_LLM_CACHE=false). Raises ValueError for a configuration that cannot work, at start rather than per case.
    """
    from triage.extract.lexical.reader import LexicalExtractor

    kind = settings.effective_extractor
    if kind == "lexical":
        return LexicalExtractor()
    if not settings.llm_configured:
        raise ValueError(
            f"extractor {kind!r} needs a model: set TRIAGE_LLM_MODEL (plus TRIAGE_LLM_BASE_URL and "
            "TRIAGE_LLM_API_KEY for a server other than OpenAI's), or use TRIAGE_EXTRACTOR=lexical"
        )
    from triage.extract.llm.extractor import LLMExtractor

    llm = LLMExtractor(settings, no_cache=no_cache)
    if kind == "llm":
        return llm
    from triage.extract.hybrid import HybridExtractor

    return HybridExtractor(LexicalExtractor(), llm)
