"""Test doubles for the LLM path: a scripted LangChain chat model and a scripted OpenAI-compatible HTTP server.

`ScriptedChatModel` is a real `BaseChatModel` (so LangChain's generic `with_structured_output`, a forced tool call,
runs for real); `openai_chat` builds a real `ChatOpenAI` whose HTTP goes to an in-process `httpx.MockTransport`,
so request shapes, error mapping and parsing are the library's own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field

from triage.config import Settings
from triage.extract.llm.schema import TOOL_NAME

EXAMPLE_PLAN = (
    "We will use Midjourney for mood boards in the pitch deck; nothing goes in the final cut. "
    "ElevenLabs will clone the lead actor's voice for ADR in episode 2, and consent is still pending."
)


def use(summary: str, **answers: Any) -> dict[str, Any]:
    """One use in the LLM schema; `answers` like real_person=("yes", "quote") or tool="Name", media=[...]."""
    out: dict[str, Any] = {"summary": summary}
    for key, value in answers.items():
        if isinstance(value, tuple):
            out[key], out[f"{key}_quote"] = value
        else:
            out[key] = value
    return out


def example_output() -> dict[str, Any]:
    """What a good model returns for EXAMPLE_PLAN."""
    return {
        "language": "en",
        "uses": [
            use(
                "We will use Midjourney for mood boards in the pitch deck; nothing goes in the final cut.",
                tool="Midjourney",
                stage=("pitch", "mood boards in the pitch deck"),
                media=["image"],
                final_output=("no", "nothing goes in the final cut"),
            ),
            use(
                "ElevenLabs will clone the lead actor's voice for ADR in episode 2, and consent is still pending.",
                tool="ElevenLabs",
                stage=("sound", "ADR"),
                media=["voice"],
                final_output=("yes", "for ADR in episode 2"),
                real_person=("yes", "clone the lead actor's voice"),
                consent=("pending", "consent is still pending"),
            ),
        ],
    }


def tool_call_message(args: dict[str, Any], *, input_tokens: int = 1000, output_tokens: int = 200) -> AIMessage:
    return AIMessage(
        content="",
        tool_calls=[{"name": TOOL_NAME, "args": args, "id": "call_1", "type": "tool_call"}],
        usage_metadata={
            "input_tokens": input_tokens,
            "output_tokens": output_tokens,
            "total_tokens": input_tokens + output_tokens,
        },
    )


class ScriptedChatModel(BaseChatModel):
    """Replies from a script: each item an AIMessage to return or an exception to raise. Records what it was sent."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    script: list[Any]
    calls: list[list[BaseMessage]] = Field(default_factory=list)
    bound: list[dict[str, Any]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> Any:
        self.bound.append({"tools": list(tools), **kwargs})
        return self.bind(tools=list(tools), **kwargs)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.calls.append(list(messages))
        if not self.script:
            raise AssertionError("the scripted model ran out of replies")
        item = self.script.pop(0)
        if isinstance(item, BaseException):
            raise item
        if isinstance(item, dict):
            item = tool_call_message(item)
        return ChatResult(generations=[ChatGeneration(message=item)])


def scripted(*items: Any) -> ScriptedChatModel:
    return ScriptedChatModel(script=list(items), calls=[], bound=[])


def settings_for(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for a test: a model configured, data in tmp_path, no real server, no sleeping retries."""
    values: dict[str, Any] = {
        "llm_model": "test-model",
        "llm_base_url": "http://llm.test/v1",
        "llm_api_key": "test-key",
        "data_dir": tmp_path / "data",
        "llm_max_retries": 2,
        "llm_timeout_s": 5.0,
    }
    values.update(overrides)
    return Settings(**values)


class FakeServer:
    """An OpenAI-compatible chat/completions endpoint answering from a script of handlers; keeps the requests."""

    def __init__(self, *replies: Callable[[dict[str, Any]], httpx.Response] | httpx.Response | Exception) -> None:
        self.replies = list(replies)
        self.requests: list[dict[str, Any]] = []
        self.headers: list[httpx.Headers] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.requests.append(body)
        self.headers.append(request.headers)
        if not self.replies:
            raise AssertionError("the fake server ran out of replies")
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        if callable(reply) and not isinstance(reply, httpx.Response):
            return reply(body)
        return reply

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))


def completion(
    message: dict[str, Any], *, finish_reason: str = "stop", prompt: int = 900, out: int = 150
) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 1,
            "model": "test-model",
            "choices": [{"index": 0, "message": {"role": "assistant", **message}, "finish_reason": finish_reason}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": out, "total_tokens": prompt + out},
        },
    )


def content_reply(data: Any) -> httpx.Response:
    """A reply whose content is JSON text (json_schema / json_mode)."""
    return completion({"content": data if isinstance(data, str) else json.dumps(data)})


def tool_reply(args: Any) -> httpx.Response:
    """A reply with one forced tool call (function_calling)."""
    arguments = args if isinstance(args, str) else json.dumps(args)
    call = {"id": "call_1", "type": "function", "function": {"name": TOOL_NAME, "arguments": arguments}}
    return completion({"content": None, "tool_calls": [call]}, finish_reason="tool_calls")


def status_reply(status: int) -> httpx.Response:
    return httpx.Response(status, json={"error": {"message": "scripted failure", "type": "server_error"}})
