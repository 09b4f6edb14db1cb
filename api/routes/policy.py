"""The loaded policy: its sections, and passages (plus a grounded answer when an LLM is configured) for a question."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, HTTPException, status

from api.deps import CurrentPrincipal, JsonBody, SettingsDep
from api.models import PolicyAnswer, PolicySection, PolicySections, Question
from api.pools import runs_policy
from triage.policy import load_policy
from triage.policy_answer import answer_from_policy
from triage.retrieval import get_policy_index
from triage.service import POLICY_QUESTION_MAX_CHARS, check_text

log = logging.getLogger(__name__)

router = APIRouter(prefix="/policy", tags=["policy"])


def _unavailable(what: str, exc: BaseException) -> HTTPException:
    log.error("%s unavailable: %s", what, type(exc).__name__)
    return HTTPException(
        status.HTTP_503_SERVICE_UNAVAILABLE, f"{what} is not available on this server ({type(exc).__name__})"
    )


@router.get("/sections", response_model=PolicySections, operation_id="list_policy_sections")
def list_sections(principal: CurrentPrincipal, settings: SettingsDep) -> Any:
    """Every section of the loaded policy, in document order, with the official URL to read its exact wording."""
    try:
        policy = load_policy(settings.knowledge_dir)
    except Exception as exc:
        raise _unavailable("the policy", exc) from exc
    return PolicySections(
        name=policy.name,
        version=policy.version,
        sections=[PolicySection(id=s.id, title=s.title, url=s.url, text=s.text) for s in policy.sections.values()],
    )


@router.post("/ask", response_model=PolicyAnswer, operation_id="ask_policy", dependencies=[JsonBody])
@runs_policy
def ask(body: Question, principal: CurrentPrincipal, settings: SettingsDep) -> Any:
    """The policy passages that best answer a question, each a verbatim citation of a loaded section."""
    question = check_text(body.question, max_chars=POLICY_QUESTION_MAX_CHARS, what="the question")
    try:
        citations = get_policy_index(settings).ask(question, body.k)
    except Exception as exc:
        raise _unavailable("policy search", exc) from exc
    if not settings.llm_configured:
        return PolicyAnswer(question=question, citations=[c.model_dump(mode="json") for c in citations])
    from triage.extract.llm.client import make_chat_model

    grounded = answer_from_policy(question, citations, make_chat_model(settings))
    return PolicyAnswer(
        question=question,
        citations=[c.model_dump(mode="json") for c in grounded.citations],
        answer=grounded.answer,
        grounded=grounded.grounded,
    )
