"""Answers about the policy are kept only when their quotes are in the passages they cite."""

from __future__ import annotations

import json

import openai
from langchain_core.messages import AIMessage
from llm_fakes import scripted

from triage.policy_answer import NOT_IN_POLICY, answer_from_policy
from triage.records import Citation

PASSAGES = [
    Citation(
        section="final-vs-temporary",
        title="Final vs temporary",
        text="A brief, unreferenced background "
        "prop may be incidental and low risk, while a prominent one needs greater care.",
    ),
    Citation(
        section="data-use",
        title="1. Data Use",
        text="Personal data of cast or crew needs explicit approval before it goes into any tool.",
    ),
]


def reply(answer: str, cite: list[int], quotes: list[str]) -> AIMessage:
    return AIMessage(content=json.dumps({"answer": answer, "cite": cite, "quotes": quotes}))


def test_a_grounded_answer_keeps_only_the_cited_passages() -> None:
    model = scripted(reply("Incidental background signs may be low risk.", [1], ["unreferenced background prop"]))
    result = answer_from_policy("Can we use AI for background signage?", PASSAGES, model)
    assert result.grounded and result.answer.startswith("Incidental")
    assert result.citations == [PASSAGES[0]]
    sent = model.calls[0][-1].content
    assert "<question>Can we use AI for background signage?</question>" in sent and "[2] (1. Data Use)" in sent


def test_an_invented_quote_or_citation_is_not_kept() -> None:
    for bad in (
        reply("Signs are always fine.", [1], ["signs are always fine"]),
        reply("Signs are fine.", [7], ["unreferenced background prop"]),
        reply("Signs are fine.", [1], []),
        AIMessage(content="Sure! Signs are fine."),
        reply("NOT_IN_POLICY", [], []),
    ):
        result = answer_from_policy("Can we use AI for background signage?", PASSAGES, scripted(bad))
        assert not result.grounded and result.answer == NOT_IN_POLICY and result.reason
        assert result.citations == PASSAGES


def test_a_failed_call_leaves_the_passages() -> None:
    failing = scripted(openai.APIConnectionError(request=None))  # type: ignore[arg-type]
    result = answer_from_policy("Anything?", PASSAGES, failing)
    assert not result.grounded and "APIConnectionError" in (result.reason or "")
    assert result.citations == PASSAGES


def test_no_passages_means_the_policy_does_not_say() -> None:
    result = answer_from_policy("What about catering?", [], scripted())
    assert result.answer == NOT_IN_POLICY and not result.citations
