"""One settings object for the whole service, read from the environment (and a `.env` file)."""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from triage.workflow import Sla

REPO_ROOT = Path(__file__).resolve().parent.parent
INSTALLED_DATA = Path(sys.prefix) / "share" / "genai-triage"  # where `pip install .` puts knowledge/ and prompts/


def shipped(name: str) -> Path:
    """A data folder the project ships (`knowledge`, `prompts`): the source tree's when running from a checkout or an
    editable install, else the copy a regular install placed under `<prefix>/share/genai-triage/`."""
    source = REPO_ROOT / name
    return source if source.is_dir() else INSTALLED_DATA / name


ExtractorName = Literal["lexical", "llm", "hybrid"]
StructuredMethod = Literal["auto", "json_schema", "function_calling", "json_mode"]
LLMProvider = Literal["openai", "azure"]
QuoteRanking = Literal["words", "embedding", "off"]
SmtpSecurity = Literal["starttls", "tls", "none"]


class Settings(BaseSettings):
    """Configuration; names and defaults follow the public contract (contracts §5)."""

    model_config = SettingsConfigDict(
        env_file=os.environ.get("TRIAGE_ENV_FILE", ".env"), extra="ignore", populate_by_name=True
    )

    extractor: ExtractorName | None = Field(default=None, validation_alias="TRIAGE_EXTRACTOR")
    llm_model: str | None = Field(default=None, validation_alias="TRIAGE_LLM_MODEL")
    # `openai`: any OpenAI-compatible server (ChatOpenAI); `azure`: Azure OpenAI (AzureChatOpenAI), which needs the
    # endpoint, a deployment and an API version below (the model name defaults to the deployment).
    llm_provider: LLMProvider = Field(default="openai", validation_alias="TRIAGE_LLM_PROVIDER")
    llm_azure_endpoint: str | None = Field(
        default=None, validation_alias=AliasChoices("TRIAGE_LLM_AZURE_ENDPOINT", "AZURE_OPENAI_ENDPOINT")
    )
    llm_azure_deployment: str | None = Field(default=None, validation_alias="TRIAGE_LLM_AZURE_DEPLOYMENT")
    llm_api_version: str | None = Field(
        default=None, validation_alias=AliasChoices("TRIAGE_LLM_API_VERSION", "OPENAI_API_VERSION")
    )
    llm_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("TRIAGE_LLM_BASE_URL", "OPENAI_BASE_URL")
    )
    llm_api_key: str | None = Field(default=None, validation_alias=AliasChoices("TRIAGE_LLM_API_KEY", "OPENAI_API_KEY"))
    llm_temperature: float = Field(default=0.0, validation_alias="TRIAGE_LLM_TEMPERATURE")
    llm_timeout_s: float = Field(default=60.0, validation_alias="TRIAGE_LLM_TIMEOUT")
    llm_max_retries: int = Field(default=2, validation_alias="TRIAGE_LLM_MAX_RETRIES")
    llm_structured_method: StructuredMethod = Field(default="auto", validation_alias="TRIAGE_LLM_METHOD")
    llm_cache: bool = Field(default=True, validation_alias="TRIAGE_LLM_CACHE")

    data_dir: Path = Field(default=Path(".triage"), validation_alias="TRIAGE_DATA_DIR")
    database_url: str | None = Field(default=None, validation_alias="DATABASE_URL")
    chroma_host: str | None = Field(default=None, validation_alias="TRIAGE_CHROMA_HOST")
    chroma_port: int = Field(default=8000, validation_alias="TRIAGE_CHROMA_PORT")

    knowledge_dir: Path = Field(default_factory=lambda: shipped("knowledge"), validation_alias="TRIAGE_KNOWLEDGE_DIR")
    prompts_dir: Path = Field(default_factory=lambda: shipped("prompts"), validation_alias="TRIAGE_PROMPTS_DIR")
    max_text_chars: int = Field(default=20_000, validation_alias="TRIAGE_MAX_TEXT_CHARS")
    rate_limit_per_minute: int = Field(default=120, validation_alias="TRIAGE_RATE_LIMIT")  # per key, or per address
    # for signed-out page views
    signin_rate_limit: int = Field(default=10, validation_alias="TRIAGE_SIGNIN_RATE_LIMIT")  # per address a minute
    auth_failure_rate_limit: int = Field(default=30, validation_alias="TRIAGE_AUTH_FAILURE_RATE_LIMIT")  # per address
    max_triages_per_org: int = Field(default=8, gt=0, validation_alias="TRIAGE_MAX_TRIAGES_PER_ORG")  # per process
    idle_timeout_s: int = Field(default=10, gt=0, validation_alias="TRIAGE_IDLE_TIMEOUT")  # to send a request head
    shutdown_timeout_s: int = Field(default=10, gt=0, validation_alias="TRIAGE_SHUTDOWN_TIMEOUT")  # for in-flight work
    api_docs: bool = Field(default=True, validation_alias="TRIAGE_API_DOCS")  # Swagger UI and ReDoc, shipped assets
    lease_s: float | None = Field(default=None, gt=0, validation_alias="TRIAGE_LEASE_S")
    # How the partner's quote weighs in choosing a finding's citations among its rule's passages (the rule's own text
    # always does): `words` (overlap, microseconds), `embedding` (one model run per case, most of a lexical
    # triage's CPU) or `off`. Every citation is verbatim whichever is chosen; scripts/bench_citations.py compares.
    cite_quotes: QuoteRanking = Field(default="words", validation_alias="TRIAGE_CITE_QUOTES")

    # Notifications (triage/notify/). Email goes out once a host is set: then everyone with an email gets their events
    # unless their (or their organisation's) settings say otherwise. Webhook targets are configured by admins.
    public_url: str = Field(default="http://127.0.0.1:8000", validation_alias="TRIAGE_PUBLIC_URL")
    smtp_host: str | None = Field(default=None, validation_alias="TRIAGE_SMTP_HOST")
    smtp_port: int | None = Field(default=None, validation_alias="TRIAGE_SMTP_PORT")  # 587, or 465 with `tls`
    smtp_from: str = Field(default="triage@localhost", validation_alias="TRIAGE_SMTP_FROM")
    smtp_security: SmtpSecurity = Field(default="starttls", validation_alias="TRIAGE_SMTP_SECURITY")
    smtp_username: str | None = Field(default=None, validation_alias="TRIAGE_SMTP_USERNAME")
    smtp_password: SecretStr | None = Field(default=None, validation_alias="TRIAGE_SMTP_PASSWORD")
    notify_timeout_s: float = Field(default=10.0, gt=0, validation_alias="TRIAGE_NOTIFY_TIMEOUT")
    notify_max_attempts: int = Field(default=8, ge=1, validation_alias="TRIAGE_NOTIFY_MAX_ATTEMPTS")
    notify_backoff_s: float = Field(default=30.0, gt=0, validation_alias="TRIAGE_NOTIFY_BACKOFF")
    notify_poll_s: float = Field(default=1.0, gt=0, validation_alias="TRIAGE_NOTIFY_POLL")
    notify_lease: float | None = Field(default=None, gt=0, validation_alias="TRIAGE_NOTIFY_LEASE_S")
    notify_concurrency: int = Field(default=4, ge=1, validation_alias="TRIAGE_NOTIFY_CONCURRENCY")
    notify_worker: bool = Field(default=True, validation_alias="TRIAGE_NOTIFY_WORKER")  # deliver from API processes
    # The delivery threads' nice value (0-19): higher yields more CPU to triages on a busy machine (Linux).
    notify_nice: int = Field(default=19, ge=0, le=19, validation_alias="TRIAGE_NOTIFY_NICE")
    webhook_allow_loopback: bool = Field(default=False, validation_alias="TRIAGE_WEBHOOK_ALLOW_LOOPBACK")
    # Keep the precedent index up to date from API processes (triage.precedents.sync): off, `triage precedents
    # reindex` brings it up to date by hand.
    precedents_worker: bool = Field(default=True, validation_alias="TRIAGE_PRECEDENTS_WORKER")

    # The review workflow (triage/workflow.py): business days (Monday to Friday) a contact has to answer a triaged
    # case, by outcome (0: no due date), and how long before the due date the reminder goes out.
    sla_approval_days: int = Field(default=2, ge=0, le=60, validation_alias="TRIAGE_SLA_APPROVAL_DAYS")
    sla_escalate_days: int = Field(default=5, ge=0, le=60, validation_alias="TRIAGE_SLA_ESCALATE_DAYS")
    sla_notify_days: int = Field(default=0, ge=0, le=60, validation_alias="TRIAGE_SLA_NOTIFY_DAYS")
    reminder_lead_h: float = Field(default=24.0, ge=0, validation_alias="TRIAGE_REMINDER_LEAD_H")

    @property
    def sla(self) -> Sla:
        return Sla(self.sla_approval_days, self.sla_escalate_days, self.sla_notify_days)

    @property
    def effective_smtp_port(self) -> int:
        return self.smtp_port or {"tls": 465, "starttls": 587, "none": 25}[self.smtp_security]

    @property
    def notify_lease_s(self) -> float:
        """How long a worker holds a message it is sending before another may re-send it: past the send's timeout
        (SMTP's connect, greeting and data each get the timeout: four of them), so a live send is not duplicated."""
        return self.notify_lease or 4 * self.notify_timeout_s + 30.0

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_model_name)

    @property
    def llm_model_name(self) -> str | None:
        """The model the results name: TRIAGE_LLM_MODEL, or for Azure the deployment when no model is given."""
        if self.llm_provider == "azure":
            return self.llm_model or self.llm_azure_deployment
        return self.llm_model

    @property
    def effective_extractor(self) -> ExtractorName:
        """`hybrid` when an LLM is configured, else `lexical`, unless set explicitly."""
        if self.extractor:
            return self.extractor
        return "hybrid" if self.llm_configured else "lexical"

    @property
    def effective_lease_s(self) -> float:
        """How long one run may hold a case before any worker may re-run it (TRIAGE_LEASE_S overrides).

        Longer than the slowest legitimate run, so a live run is never duplicated (were it, the store keeps only the
        newer run's result), and no longer, so a crashed worker's cases are picked up soon: a lexical run takes
        well under a second; an LLM run is at most two calls (reading and one repair), each with its retries,
        timeouts and backoff (at most 30 s). With the default LLM settings this is the 600 s it always was.
        """
        if self.lease_s:
            return self.lease_s
        if self.effective_extractor == "lexical":
            return 60.0
        calls = 2 * (max(0, self.llm_max_retries) + 1)
        return calls * (self.llm_timeout_s + 30.0) + 60.0

    @property
    def rules_path(self) -> Path:
        return self.knowledge_dir / "rules.toml"

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'triage.db').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
