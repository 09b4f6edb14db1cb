"""The chat-model factory shared by extraction and the policy-answer route: OpenAI-compatible or Azure OpenAI."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_openai import AzureChatOpenAI, ChatOpenAI

from triage.config import Settings
from triage.extract.llm.client import make_chat_model
from triage.extract.llm.extractor import LLMExtractor

AZURE = {
    "TRIAGE_LLM_PROVIDER": "azure",
    "TRIAGE_LLM_AZURE_ENDPOINT": "https://studio.openai.azure.com",
    "TRIAGE_LLM_AZURE_DEPLOYMENT": "triage-gpt4o",
    "TRIAGE_LLM_API_VERSION": "2024-10-21",
    "TRIAGE_LLM_API_KEY": "test-key",
}


def azure_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> Settings:
    for name, value in {**AZURE, "TRIAGE_DATA_DIR": str(tmp_path), **env}.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_azure_is_selected_by_settings_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = azure_settings(monkeypatch, tmp_path)
    assert settings.llm_configured and settings.effective_extractor == "hybrid"
    model = make_chat_model(settings)
    assert isinstance(model, AzureChatOpenAI)
    assert model.deployment_name == "triage-gpt4o" and model.openai_api_version == "2024-10-21"
    assert model.azure_endpoint == "https://studio.openai.azure.com" and model.max_retries == 0
    extractor = LLMExtractor(settings, no_cache=True)
    assert extractor.name == "llm:triage-gpt4o" and extractor.method == "json_schema"


def test_azure_names_what_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = azure_settings(monkeypatch, tmp_path, TRIAGE_LLM_API_VERSION="")
    with pytest.raises(ValueError, match="TRIAGE_LLM_API_VERSION"):
        make_chat_model(settings)


def test_openai_compatible_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIAGE_LLM_MODEL", "local")
    monkeypatch.setenv("TRIAGE_LLM_BASE_URL", "http://127.0.0.1:8765/v1")
    model = make_chat_model(Settings(_env_file=None))  # type: ignore[call-arg]
    assert type(model) is ChatOpenAI and model.model_name == "local"
