"""LLM extraction through LangChain: any OpenAI-compatible chat model reads a plan into AI-use records.

The model only extracts; deterministic rules decide the route. One call per case returns every use in one
structured response (`triage.extract.llm.schema`), then every yes/no/choice is kept only if its quote is found in
the plan (`triage.extract.evidence`). Whatever goes wrong — timeout, connection, HTTP error, refusal, output that
breaks the schema, no use found — comes back as `Extraction(failure=reason)` so the case fails closed to escalate.
Logs carry the reason, never the partner's text. The chat model comes from `triage.extract.llm.client`.

Structured-output method (`TRIAGE_LLM_METHOD`):
- `json_schema`: OpenAI Structured Outputs (`response_format` type json_schema). Right for api.openai.com and Azure;
  a llama.cpp server rejects it with HTTP 500.
- `function_calling`: one forced tool call whose arguments are the record. Works on OpenAI, vLLM, llama.cpp.
- `json_mode`: `response_format={"type": "json_object", "schema": ...}` plus the schema in the prompt; llama.cpp
  and vLLM constrain decoding with the schema, OpenAI's JSON mode only guarantees JSON (schema then checked here).
- `auto` (default): `json_schema` when the base URL is OpenAI's (unset, api.openai.com, *.openai.azure.com),
  `function_calling` for any other server and for chat models passed in that are not ChatOpenAI.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any, Literal

import httpx
import openai
from langchain_core.exceptions import ContextOverflowError, ModelError, ModelRefusalError
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.runnables import Runnable
from langchain_openai import AzureChatOpenAI
from langchain_openai.chat_models.base import BaseChatOpenAI
from pydantic import ValidationError

from triage.config import Settings
from triage.extract.evidence import find_quote, ground_answer, ground_choice, quote_span, sentence_around
from triage.extract.llm.cache import CACHE_FILE, CachedResponse, LLMCache, cache_key
from triage.extract.llm.client import endpoint_of, is_openai_host, make_chat_model
from triage.extract.llm.prompt import ExtractPrompt, load_prompt
from triage.extract.llm.schema import (
    TOOL_NAME,
    YES_NO_FIELDS,
    LLMPlan,
    describe_validation_error,
    json_schema,
    schema_hash,
)
from triage.extract.verify import verify_use
from triage.intake import Submission, read_intake, too_long
from triage.records import (
    AIUse,
    Answer,
    Consent,
    DataHandling,
    Extraction,
    ExtractionStats,
    Intake,
    Media,
    Stage,
    quotes_the_plan,
)

log = logging.getLogger(__name__)

Method = Literal["json_schema", "function_calling", "json_mode"]
MAX_BACKOFF_S = 30.0
_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$", re.IGNORECASE)


class LLMFailure(Exception):
    """A stated reason the model could not give a usable record; becomes `Extraction.failure`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def resolve_method(method: str, base_url: str | None, chat_model: BaseChatModel | None = None) -> Method:
    """The concrete structured-output method for `auto` (see the module docstring)."""
    if method in ("json_schema", "function_calling", "json_mode"):
        return method  # type: ignore[return-value]
    if chat_model is not None and not isinstance(chat_model, BaseChatOpenAI):
        return "function_calling"
    if isinstance(chat_model, AzureChatOpenAI):
        return "json_schema"
    return "json_schema" if is_openai_host(base_url) else "function_calling"


def is_transient(exc: BaseException) -> bool:
    """Worth retrying: connection trouble, timeouts, rate limits, 5xx. Never schema errors or 4xx."""
    if isinstance(exc, ModelError):
        return bool(exc.is_retryable)
    if isinstance(exc, openai.APIConnectionError | openai.RateLimitError | openai.InternalServerError):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code >= 500 or exc.status_code in (408, 429)
    return isinstance(exc, httpx.TransportError | TimeoutError | ConnectionError)


def describe_error(exc: BaseException, timeout_s: float | None = None) -> str:
    """A reason fit for a contact and a log line: kind and status only, never the server's message body."""
    if isinstance(exc, ContextOverflowError):
        return "the plan does not fit the model's context window"
    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException | TimeoutError):
        return f"the model did not answer within {timeout_s:g} s" if timeout_s else "the model call timed out"
    if isinstance(exc, openai.APIConnectionError | httpx.TransportError | ConnectionError):
        causes = {type(e).__name__ for e in _causes(exc)}  # by name: the OpenAI client may bundle its own httpx
        if causes & {"RemoteProtocolError", "ReadError", "ConnectionResetError", "BrokenPipeError"}:
            return "the model server closed the connection before a complete answer"
        return "could not connect to the model server"
    if isinstance(exc, openai.APIStatusError):
        extra = {401: " (authentication failed)", 403: " (permission denied)", 404: " (model not found)"}
        extra[429] = " (rate limited)"
        return f"the model server answered HTTP {exc.status_code}{extra.get(exc.status_code, '')}"
    if isinstance(exc, ModelRefusalError):
        return "the model refused to answer"
    if any(isinstance(e, UnicodeDecodeError | json.JSONDecodeError) for e in _causes(exc)):
        return "the model server's reply was not valid JSON"
    return f"the model call failed ({type(exc).__name__})"


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what it was raised from or during, outermost first."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _json_from_text(content: Any) -> Any:
    """A JSON value from a reply's text, tolerating a code fence; None if there is none."""
    if not isinstance(content, str) or not content.strip():
        return None
    text = _FENCE.sub("", content.strip())
    try:
        return json.loads(text)
    except ValueError:
        start, end = text.find("{"), text.rfind("}")
        if 0 <= start < end:
            try:
                return json.loads(text[start : end + 1])
            except ValueError:
                return None
    return None


def _refused(raw: BaseMessage | None, error: BaseException | None) -> bool:
    if isinstance(error, ModelRefusalError):
        return True
    return isinstance(raw, AIMessage) and bool(raw.additional_kwargs.get("refusal"))


class LLMExtractor:
    """Reads a plan with an LLM; one structured call per case, evidence verified, fails closed."""

    def __init__(
        self,
        settings: Settings,
        chat_model: BaseChatModel | None = None,
        *,
        cache: LLMCache | None = None,
        no_cache: bool = False,
        http_client: httpx.Client | None = None,
        prompt: ExtractPrompt | None = None,
        sleep: Callable[[float], None] = time.sleep,
        backoff_s: float = 1.0,
    ) -> None:
        self.settings = settings
        self.prompt = prompt or load_prompt(settings.prompts_dir)
        self.prompt_version: str = self.prompt.version
        if chat_model is None:
            chat_model = make_chat_model(settings, http_client=http_client)
        self.chat_model = chat_model
        self.model: str = (
            settings.llm_model_name or getattr(chat_model, "model_name", None) or type(chat_model).__name__
        )
        self.name: str = f"llm:{self.model}"
        base_url = endpoint_of(settings) or getattr(chat_model, "openai_api_base", None)
        self.method: Method = resolve_method(settings.llm_structured_method, base_url, chat_model)
        self.schema_hash = schema_hash()
        self.max_retries = max(0, settings.llm_max_retries)
        self._sleep = sleep
        self._backoff_s = backoff_s
        self._structured = self._bind(chat_model)
        self.cache: LLMCache | None = None
        if settings.llm_cache and not no_cache:
            self.cache = cache or LLMCache(settings.data_dir / CACHE_FILE)

    # -- model call -------------------------------------------------------------------------------------------

    def _bind(self, chat_model: BaseChatModel) -> Runnable:
        schema = json_schema()
        if not isinstance(chat_model, BaseChatOpenAI):
            # Generic LangChain chat models implement structured output as a forced tool call.
            return chat_model.with_structured_output(schema, include_raw=True)
        if self.method == "json_mode":
            return chat_model.with_structured_output(
                schema,
                method="json_mode",
                include_raw=True,
                response_format={"type": "json_object", "schema": schema},
            )
        return chat_model.with_structured_output(schema, method=self.method, include_raw=True)

    def _invoke(self, messages: list[BaseMessage], stats: ExtractionStats) -> dict[str, Any]:
        """One model call with retries (and backoff) for transient errors only; every attempt is counted."""
        attempts = self.max_retries + 1
        for attempt in range(attempts):
            stats.llm_calls += 1
            try:
                out = self._structured.invoke(messages)
            except Exception as e:
                reason = describe_error(e, self.settings.llm_timeout_s)
                if is_transient(e) and attempt + 1 < attempts:
                    delay = min(MAX_BACKOFF_S, self._backoff_s * 2**attempt)
                    log.warning("LLM call failed (%s); retry %d/%d in %.1f s", reason, attempt + 1, attempts - 1, delay)
                    self._sleep(delay)
                    continue
                if attempt:
                    reason += f" (after {attempt + 1} attempts)"
                raise LLMFailure(reason) from e
            raw = out.get("raw") if isinstance(out, dict) else None
            usage = getattr(raw, "usage_metadata", None) or {}
            stats.prompt_tokens += int(usage.get("input_tokens") or 0)
            stats.completion_tokens += int(usage.get("output_tokens") or 0)
            return out if isinstance(out, dict) else {"raw": None, "parsed": out, "parsing_error": None}
        raise LLMFailure("no model call was made")  # unreachable: attempts >= 1

    def _parse(self, out: dict[str, Any]) -> tuple[LLMPlan | None, str | None]:
        """The validated plan, or why the output is unusable. Raises LLMFailure on a refusal.

        Reads the raw message itself rather than LangChain's `parsed`: its JSON parser accepts partial JSON, and a
        reply cut off at the token limit must not pass as a plan with fewer uses.
        """
        raw, error = out.get("raw"), out.get("parsing_error")
        data: Any
        if _refused(raw, error):
            raise LLMFailure("the model refused to answer")
        if isinstance(raw, AIMessage):
            if raw.response_metadata.get("finish_reason") == "length":
                return None, "the reply was cut off at the token limit"
            if raw.tool_calls:
                calls = [c for c in raw.tool_calls if c.get("name") == TOOL_NAME] or raw.tool_calls
                data = calls[0].get("args")
            elif raw.invalid_tool_calls:
                return None, "the tool call arguments were not valid JSON"
            elif isinstance(raw.content, str) and raw.content.strip():
                data = _json_from_text(raw.content)
                if data is None:
                    return None, "the reply was not valid JSON"
            else:
                return None, "the reply held no structured record"
        else:
            data = out.get("parsed")
        if hasattr(data, "model_dump"):
            data = data.model_dump()
        if not isinstance(data, dict):
            return None, "the reply was not a JSON object"
        try:
            return LLMPlan.model_validate(data), None
        except ValidationError as e:
            return None, describe_validation_error(e)

    def _ask(self, intake: Submission, stats: ExtractionStats) -> LLMPlan:
        """The model's plan, after at most one repair turn for output that breaks the schema."""
        ptype = intake.production_type.value if intake.production_type else None
        messages = self.prompt.messages(
            intake.plan, ptype, answers=intake.answers, schema_in_prompt=self.method == "json_mode"
        )
        plan, problem = self._parse(self._invoke(messages, stats))
        if plan is None:
            log.warning("LLM output broke the schema (%s); asking once for a repair", problem)
            repair = [*messages, self.prompt.repair_message(problem or "invalid output")]
            plan, problem2 = self._parse(self._invoke(repair, stats))
            if plan is None:
                raise LLMFailure(f"the model's output did not match the record schema ({problem2})")
        return plan

    # -- extraction -------------------------------------------------------------------------------------------

    def _key(self, intake: Submission) -> str:
        return cache_key(
            model=self.model,
            prompt_version=self.prompt_version,
            schema_hash=self.schema_hash,
            method=self.method,
            temperature=self.settings.llm_temperature,
            text=intake.text + "".join(f"\x1f{a.use}:{','.join(a.facts)}" for a in intake.answers),
            production_type=intake.production_type.value if intake.production_type else None,
        )

    def extract(self, intake: Submission | Intake) -> Extraction:
        """Never raises: any failure is returned as `Extraction(failure=...)` and logged without the text.

        The model reads the plan, then each of the partner's answers as data tagged with its use and facts; its
        quotes are checked against `Submission.text` (the plan and the answers' words, never the questions).
        """
        started = time.perf_counter()
        stats = ExtractionStats()
        try:
            intake = read_intake(intake)
            problem = too_long(intake.text, self.settings.max_text_chars)
            if problem:
                raise LLMFailure(problem)
            cache = self.cache
            key = self._key(intake) if cache is not None else ""
            hit = cache.get(key) if cache is not None else None
            plan = None
            if hit is not None:
                try:
                    plan = LLMPlan.model_validate(hit.output)
                except ValidationError:
                    plan = None
            if plan is not None and hit is not None:
                stats = ExtractionStats(
                    llm_calls=hit.llm_calls,
                    prompt_tokens=hit.prompt_tokens,
                    completion_tokens=hit.completion_tokens,
                    cached=True,
                )
            else:
                plan = self._ask(intake, stats)
                if cache is not None:
                    elapsed = (time.perf_counter() - started) * 1000
                    entry = CachedResponse(
                        plan.model_dump(), stats.llm_calls, stats.prompt_tokens, stats.completion_tokens, elapsed
                    )
                    cache.put(key, entry, model=self.model, prompt_version=self.prompt_version)
            if not plan.uses:
                raise LLMFailure("the model found no AI use in the plan")
            uses, dropped, notes = ground_plan(plan, intake.text)
            stats.evidence_dropped = dropped
            uses, unverified = verify_uses(uses, plan.language)
            notes += unverified
            if not any(quotes_the_plan(use) for use in uses):  # e.g. gibberish read as one use of unknowns
                raise LLMFailure("the model's reading has no answer backed by a quote from the plan")
            stats.latency_ms = (time.perf_counter() - started) * 1000
            return Extraction(uses=uses, language=plan.language, extractor=self.name, notes=notes, stats=stats)
        except LLMFailure as f:
            reason = f.reason
        except Exception as e:  # the contract: never raise on bad text or a bad model
            reason = f"internal error in the LLM extractor ({type(e).__name__})"
        stats.latency_ms = (time.perf_counter() - started) * 1000
        log.error("LLM extraction failed: %s [model=%s prompt=%s]", reason, self.model, self.prompt_version)
        return Extraction(extractor=self.name, failure=f"LLM extraction failed: {reason}", stats=stats)


def verify_uses(uses: list[AIUse], language: str) -> tuple[list[AIUse], list[str]]:
    """Every use with its lowering answers checked against their own quotes (`triage.extract.verify`)."""
    verified: list[AIUse] = []
    notes: list[str] = []
    for n, use in enumerate(uses):
        checked, made_silent = verify_use(use, language)
        verified.append(checked)
        notes += [f"use {n}: {note}" for note in made_silent]
    return verified, notes


def ground_plan(plan: LLMPlan, text: str) -> tuple[list[AIUse], int, list[str]]:
    """AIUse records whose every yes/no/choice rests on a quote found in `text`; dropped claims become unknown."""
    uses: list[AIUse] = []
    dropped: list[str] = []
    notes: list[str] = []
    for n, u in enumerate(plan.uses):
        fields: dict[str, Any] = {}
        for name in YES_NO_FIELDS:
            answer, lost = ground_answer(getattr(u, name), getattr(u, f"{name}_quote"), text, name)
            fields[name] = answer
            if lost:
                dropped.append(f"use {n}: {lost}")
        if u.tool:
            span = find_quote(u.tool, text)
            if span:
                fields["tool"] = Answer(value="yes", evidence=span)
            else:  # a tool name not in the text is no risk signal: left silent
                dropped.append(f"use {n}: model named a tool that is not in the plan: '{u.tool[:60]}'")
        for name, enum, unknown in (
            ("stage", Stage, Stage.UNKNOWN),
            ("consent", Consent, Consent.UNKNOWN),
            ("data_handling", DataHandling, DataHandling.UNKNOWN),
        ):
            choice, lost = ground_choice(enum(getattr(u, name)), unknown, getattr(u, f"{name}_quote"), text, name)
            fields[name] = choice
            if lost:
                dropped.append(f"use {n}: {lost}")
        summary = find_quote(u.summary, text)
        if summary is None:
            evidence = [a.evidence for a in fields.values() if getattr(a, "evidence", None)]
            where = quote_span(evidence[0], text) if evidence else None
            if where:
                summary = sentence_around(text, where)
            else:
                summary = u.summary
                notes.append(f"use {n}: the model's summary is not a quote of the plan and no evidence was verified")
        uses.append(AIUse(summary=summary, media=[Media(m) for m in u.media], **fields))
    notes.extend(f"evidence dropped: {d}" for d in dropped)
    return uses, len(dropped), notes
