"""Schemathesis over the published OpenAPI schema, in-process against the ASGI app with real keys.

Every operation gets schema-valid and schema-invalid requests (bounded, so this runs in seconds). Each answer
must not be a 5xx, and must conform to the schema: a documented status code, the documented content type and
a body matching the documented model. The real pipeline (lexical extractor, citations) runs behind the API, on
a SQLite store of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402
from starlette.types import ASGIApp, Receive, Scope, Send  # noqa: E402
from triage_support import FakePipeline, auth  # noqa: E402

from api.main import create_app  # noqa: E402
from triage.config import Settings  # noqa: E402
from triage.pipeline import Pipeline  # noqa: E402
from triage.records import Intake  # noqa: E402
from triage.service import submit  # noqa: E402
from triage.store.accounts import issue_key  # noqa: E402

PLAN = "For the final cut we will clone our narrator's voice with ElevenLabs. Consent is pending."
MAX_EXAMPLES = 30


class Target:
    """The ASGI app schemathesis calls. The schema is loaded at import, before any database exists, from an app
    that is never given one; the module fixture then points this at an app on a temporary store. Lifespan events
    are answered here: the fixture opens and closes that app's store itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.keys: dict[str, str] = {}  # role → key, set by the fixture

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        await self.app(scope, receive, send)


target = Target(create_app(Settings(extractor="lexical"), pipeline=FakePipeline(), rerun_on_startup=False))
schema = schemathesis.openapi.from_asgi("/openapi.json", target)
# An invalid body may be refused for its size before it is read: 413 is as much a rejection as 422.
rejection = schema.config.checks.negative_data_rejection
rejection.expected_statuses = [*rejection.expected_statuses, "413"]


@dataclass
class Served:
    case_id: str  # a case of the partner's organisation, so {case_id} can name a real one
    spare_key_id: str  # a key the fuzzer may revoke


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    data: Path = tmp_path_factory.mktemp("fuzz")
    config = Settings(data_dir=data, extractor="lexical", auth_failure_rate_limit=1_000_000)
    app = create_app(config, pipeline=Pipeline(config), rerun_on_startup=False, rate_limit_per_minute=1_000_000)
    store = app.state.triage.store()
    keys = {role: issue_key(store, role, org)[1] for role, org in
            (("partner", "acme"), ("contact", "studio"), ("admin", "studio"))}  # fmt: skip
    spare = issue_key(store, "partner", "spare")[0].id
    case = submit(store, app.state.triage.build_pipeline(), Intake(text=PLAN), org="acme", actor="fuzz",
                  actor_role="partner")  # fmt: skip
    previous, target.app, target.keys = target.app, app, keys
    try:
        yield Served(case.id, spare)
    finally:
        target.app = previous
        app.state.triage.close()


ROLE_MARK = "role:"


@schema.auth(refresh_interval=None)
class RoleKeys:
    """The role each operation is meant for, so the fuzzer gets past the 403 to the handler. Schemathesis applies
    it (and leaves it out when a case deliberately drops or mangles the Authorization header), sometimes while
    collecting, before any key exists: it marks the role, and the test swaps in that role's real key."""

    def get(self, case: Any, ctx: Any) -> str:
        path = case.operation.path
        role = "admin" if path.startswith("/v1/keys") else "contact" if path.endswith("/reviews") else "partner"
        return ROLE_MARK + role

    def set(self, case: Any, data: str, ctx: Any) -> None:
        case.headers = {**(case.headers or {}), **auth(data)}


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_answers_within_its_schema(case: Any, served: Served) -> None:
    """No 5xx, and every answer (errors included) is documented by the schema the API publishes."""
    params = case.path_parameters or {}
    # half the time a real id, so the handlers past the lookup are fuzzed too; the other ids stay as generated
    if "case_id" in params and len(str(params["case_id"])) % 2 == 0:
        params["case_id"] = served.case_id
    if "key_id" in params and len(str(params["key_id"])) % 2 == 0:
        params["key_id"] = served.spare_key_id
    mark = (case.headers or {}).get("Authorization", "")
    if mark.startswith(f"Bearer {ROLE_MARK}"):
        case.headers["Authorization"] = f"Bearer {target.keys[mark.removeprefix(f'Bearer {ROLE_MARK}')]}"
    response = case.call()
    case.validate_response(response, excluded_checks=[positive_data_acceptance])
    if response.status_code == 422 and not case.meta.generation.mode.is_negative:
        assert_refusal_is_a_rule_the_schema_cannot_state(response.json())


def assert_refusal_is_a_rule_the_schema_cannot_state(body: dict[str, Any]) -> None:
    """Schema-valid data may still be refused, but only by a rule a JSON schema cannot express: blank text,
    control characters, unpaired surrogates (a sentence from check_text), or a cross-field rule (a value_error
    from a model validator). A type, enum, length or missing-field error here would mean the server's validation
    contradicts the schema it publishes."""
    detail = body["detail"]
    if isinstance(detail, str):
        return
    kinds = {issue["type"] for issue in detail}
    assert kinds <= {"value_error"}, f"schema-valid request refused by schema rules: {detail}"
