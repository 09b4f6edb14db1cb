"""Settings: the shipped data folders resolve in a checkout and in a regular install; tests never read a `.env`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from triage import config
from triage.config import Settings


def test_a_developers_env_file_and_variables_never_reach_a_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text("TRIAGE_LLM_MODEL=gpt-4o-mini\nTRIAGE_EXTRACTOR=hybrid\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert os.environ["TRIAGE_ENV_FILE"] == os.devnull
    assert not any(name.startswith(("OPENAI_", "AZURE_OPENAI_")) for name in os.environ)
    settings = Settings()
    assert settings.llm_model is None and settings.effective_extractor == "lexical"


def test_shipped_folders_come_from_the_checkout_when_there_is_one() -> None:
    assert config.shipped("knowledge") == config.REPO_ROOT / "knowledge"
    assert (Settings().rules_path).is_file() and (Settings().prompts_dir / "extract.toml").is_file()


def test_shipped_folders_fall_back_to_the_installed_copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(config, "REPO_ROOT", tmp_path / "no-checkout")
    assert config.shipped("prompts") == config.INSTALLED_DATA / "prompts"
