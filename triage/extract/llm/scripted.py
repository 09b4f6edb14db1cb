"""A scripted chat model: LangChain's real `BaseChatModel` interface, replies from a script instead of a server.

It stands in for a model where the model itself is not under test: the test suite (structured output, retries,
failures) and the fake-model benchmarks (`scripts/bench_baseline.py`). `with_structured_output` and forced tool
calls run through LangChain for real; each script item is an `AIMessage`, a dict (sent back as the extraction
tool's call), or an exception to raise. What it was sent is kept in `calls`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field

from triage.extract.llm.schema import TOOL_NAME

# A sample plan and a well-formed reply for it, for fakes that need any valid reading.
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
