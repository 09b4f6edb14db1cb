"""Test doubles for the LLM path: a scripted LangChain chat model and a scripted OpenAI-compatible HTTP server.

`ScriptedChatModel` is a real `BaseChatModel` (so LangChain's generic `with_structured_output`, a forced tool call,
runs for real); `openai_chat` builds a real `ChatOpenAI` whose HTTP goes to an in-process `httpx.MockTransport`,
so request shapes, error mapping and parsing are the library's own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from triage.config import Settings
from triage.extract.llm.schema import TOOL_NAME
from triage.extract.llm.scripted import (
    EXAMPLE_PLAN,
    ScriptedChatModel,
    example_output,
    scripted,
    tool_call_message,
    use,
)

__all__ = ["EXAMPLE_PLAN", "ScriptedChatModel", "example_output", "scripted", "tool_call_message", "use"]


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
