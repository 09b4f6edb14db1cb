"""The chat model every LLM feature uses (extraction and the policy-answer route), built from the settings alone.

`TRIAGE_LLM_PROVIDER=openai` (the default): LangChain's ChatOpenAI for any OpenAI-compatible server (OpenAI,
vLLM, Ollama, llama.cpp; `TRIAGE_LLM_BASE_URL`). `TRIAGE_LLM_PROVIDER=azure`: AzureChatOpenAI with
`TRIAGE_LLM_AZURE_ENDPOINT` (or AZURE_OPENAI_ENDPOINT), `TRIAGE_LLM_AZURE_DEPLOYMENT` and `TRIAGE_LLM_API_VERSION`
(or OPENAI_API_VERSION). Retries are the caller's (`LLMExtractor`), so the client's are off.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import httpx
from langchain_openai import AzureChatOpenAI, ChatOpenAI
from langchain_openai.chat_models.base import BaseChatOpenAI

from triage.config import Settings

MAX_COMPLETION_TOKENS = 3000


def is_openai_host(base_url: str | None) -> bool:
    """True for OpenAI's own API (the default when no base URL is set) and Azure OpenAI."""
    if not base_url:
        return True
    host = (urlparse(base_url).hostname or "").lower()
    return host == "api.openai.com" or host.endswith(".openai.azure.com")


def endpoint_of(settings: Settings) -> str | None:
    """The URL the configured provider talks to (None: OpenAI's default)."""
    return settings.llm_azure_endpoint if settings.llm_provider == "azure" else settings.llm_base_url


def make_chat_model(settings: Settings, *, http_client: httpx.Client | None = None) -> BaseChatOpenAI:
    """The chat model for the configured provider; ValueError (at start) for a configuration that cannot work."""
    if settings.llm_provider == "azure":
        return _azure(settings, http_client)
    if not settings.llm_model:
        raise ValueError("no LLM configured: set TRIAGE_LLM_MODEL (and TRIAGE_LLM_BASE_URL for a non-OpenAI server)")
    openai_host = is_openai_host(settings.llm_base_url)
    api_key = settings.llm_api_key
    if not api_key:
        if openai_host:
            raise ValueError("TRIAGE_LLM_API_KEY (or OPENAI_API_KEY) is needed for OpenAI's API")
        api_key = "not-needed"  # local servers ignore it, the client insists on one
    kwargs: dict[str, Any] = {
        "model": settings.llm_model,
        "base_url": settings.llm_base_url,
        "api_key": api_key,
        **_common(settings),
    }
    if openai_host:
        kwargs["max_tokens"] = MAX_COMPLETION_TOKENS  # sent as max_completion_tokens
    else:
        # max_tokens is what llama.cpp / vLLM read; llama.cpp's default repeat penalty (1.1) skews a grammar-bound
        # record full of repeated keys and "unknown"s, so it is switched off (servers that lack it ignore it).
        kwargs["extra_body"] = {"max_tokens": MAX_COMPLETION_TOKENS, "repeat_penalty": 1.0}
    if http_client is not None:
        kwargs["http_client"] = http_client
    return ChatOpenAI(**kwargs)


def _common(settings: Settings) -> dict[str, Any]:
    return {
        "temperature": settings.llm_temperature,
        "timeout": settings.llm_timeout_s,
        "max_retries": 0,
        "use_responses_api": False,
    }


def _azure(settings: Settings, http_client: httpx.Client | None) -> AzureChatOpenAI:
    missing = [
        name
        for name, value in (
            ("TRIAGE_LLM_AZURE_ENDPOINT", settings.llm_azure_endpoint),
            ("TRIAGE_LLM_AZURE_DEPLOYMENT", settings.llm_azure_deployment),
            ("TRIAGE_LLM_API_VERSION", settings.llm_api_version),
            ("TRIAGE_LLM_API_KEY", settings.llm_api_key),
        )
        if not value
    ]
    if missing:
        raise ValueError(f"TRIAGE_LLM_PROVIDER=azure needs {', '.join(missing)}")
    kwargs: dict[str, Any] = {
        "azure_endpoint": settings.llm_azure_endpoint,
        "azure_deployment": settings.llm_azure_deployment,
        "api_version": settings.llm_api_version,
        "api_key": settings.llm_api_key,
        "model": settings.llm_model_name,
        "max_tokens": MAX_COMPLETION_TOKENS,
        **_common(settings),
    }
    if http_client is not None:
        kwargs["http_client"] = http_client
    return AzureChatOpenAI(**kwargs)
