"""`triage check`: the done-when examples, the public JSON contract (contracts §1) and bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from triage import cli
from triage.config import get_settings
from triage.policy import load_policy
from triage.records import Trigger

VOICE_CLONE = "We'll clone the lead actor's voice for ADR; he hasn't agreed yet."
MOOD_BOARDS = "Mood boards for the production designer in Midjourney under our enterprise agreement."
TOP_LEVEL = {
    "case_id",
    "route",
    "approval_required",
    "triggers",
    "principles",
    "uses",
    "findings",
    "questions",
    "extractor",
    "policy_version",
    "prompt_version",
}
FINDING = {"rule", "trigger", "severity", "use", "reason", "evidence", "citations"}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("triage-data")


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("TRIAGE_DATA_DIR", str(data_dir))
    monkeypatch.delenv("TRIAGE_LLM_MODEL", raising=False)
    monkeypatch.delenv("TRIAGE_EXTRACTOR", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert cli.main(["check", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def assert_contract(result: dict, text: str) -> None:
    assert set(result) >= TOP_LEVEL
    assert result["route"] in {"notify", "escalate"}
    assert result["triggers"] == sorted(set(result["triggers"]))
    assert set(result["triggers"]) <= {t.value for t in Trigger}
    assert set(result["principles"]) == {"P1", "P2", "P3", "P4", "P5"}
    assert set(result["principles"].values()) <= {"yes", "no", "unsure"}
    assert result["extractor"] == "lexical"
    assert len(result["policy_version"]) == 64
    policy = load_policy(get_settings().knowledge_dir)
    for finding in result["findings"]:
        assert set(finding) >= FINDING
        assert finding["severity"] in {"approval", "escalate", "reminder"}
        assert finding["evidence"] is None or finding["evidence"] in text
        assert finding["use"] is None or 0 <= finding["use"] < len(result["uses"])
        assert finding["citations"], finding["rule"]
        for citation in finding["citations"]:
            section = policy.sections[citation["section"]]
            assert citation["text"] in section.text
            assert citation["url"] == section.url
    if result["route"] == "notify":
        assert not result["triggers"] and not result["approval_required"]


def test_voice_clone_without_agreement_needs_approval(capsys: pytest.CaptureFixture[str]) -> None:
    result = check_json(capsys, VOICE_CLONE)
    assert_contract(result, VOICE_CLONE)
    assert result["route"] == "escalate"
    assert result["approval_required"] is True
    assert "talent_likeness" in result["triggers"]
    talent = [f for f in result["findings"] if f["trigger"] == "talent_likeness"]
    assert {c["section"] for f in talent for c in f["citations"]} & {"talent-performance", "talent-enhancement"}


def test_mood_boards_in_an_enterprise_tool_notify(capsys: pytest.CaptureFixture[str]) -> None:
    result = check_json(capsys, MOOD_BOARDS)
    assert_contract(result, MOOD_BOARDS)
    assert result["route"] == "notify"


def test_human_output_shows_route_evidence_and_policy(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", VOICE_CLONE]) == 0
    out = capsys.readouterr().out
    assert "Route: ESCALATE" in out and "Approval required: yes" in out
    assert 'Plan says: "he hasn\'t agreed yet."' in out
    assert "Policy, " in out and "#h_01K1BTNMB" in out
    assert "Use 1: " in out and "Question for the partner (q_" in out  # grouped under the use


def test_reads_a_file_and_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(VOICE_CLONE)
    assert check_json(capsys, "-f", str(plan))["route"] == "escalate"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MOOD_BOARDS.encode())))
    assert check_json(capsys, "-")["route"] == "notify"


def test_production_type_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    text = "We'll generate photos of the town in the 1950s with Midjourney for episode 2."
    assert "misleading_content" in check_json(capsys, "--production-type", "documentary", text)["triggers"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"   \n\t ", "the plan is empty"),
        (b"\xff\xfe bad bytes", "not valid UTF-8"),
        (b"binary\x00data", "looks binary"),
        (b"x" * 20_001, "the limit is 20000"),
    ],
)
def test_bad_input_is_a_clear_error(tmp_path: Path, capsys, content: bytes, message: str) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_bytes(content)
    assert cli.main(["check", "-f", str(plan)]) == cli.EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_missing_file_and_missing_text_are_clear_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "-f", "/no/such/plan.txt"]) == cli.EXIT_BAD_INPUT
    assert cli.main(["check"]) == cli.EXIT_BAD_INPUT
    assert "give the plan" in capsys.readouterr().err


def test_the_console_script_runs(data_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "triage.cli", "check", "--json", VOICE_CLONE],
        capture_output=True,
        text=True,
        check=True,
        env={"TRIAGE_DATA_DIR": str(data_dir), "PATH": "/usr/bin"},
    )
    assert json.loads(proc.stdout)["approval_required"] is True


def test_a_reader_that_stops_reading_early_is_no_error(data_dir: Path) -> None:
    """ "triage check … | head -1": the pipe closes before the output is written; no traceback, exit 0."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "triage.cli", "check", VOICE_CLONE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"TRIAGE_DATA_DIR": str(data_dir), "PATH": "/usr/bin"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    assert b"Traceback" not in proc.stderr.read()


def test_ask_answers_offline(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["ask", "--json", "can we use AI for background signage?"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply["answer"] is None  # no LLM configured: passages only
    assert reply["citations"] and all(c["url"].startswith("https://") for c in reply["citations"])


def test_stored_check_keys_and_audit(capsys: pytest.CaptureFixture[str]) -> None:
    result = check_json(capsys, "--store", "--org", "Acme Films", VOICE_CLONE)
    assert result["case_id"].startswith("c_")
    assert cli.main(["keys", "create", "--role", "partner", "--org", "Acme Films"]) == 0
    key = capsys.readouterr().out.strip().splitlines()[-1]
    assert key.startswith("tri_") and " " not in key
    assert cli.main(["keys", "list"]) == 0
    assert "Acme Films" in capsys.readouterr().out and key not in capsys.readouterr().out
    assert cli.main(["audit", "verify"]) == 0
    assert "verified" in capsys.readouterr().out
    assert cli.main(["keys", "create", "--role", "partner", "--org", "  "]) == cli.EXIT_BAD_INPUT
    assert cli.main(["keys", "create", "--role", "partner", "--org", "Acme\u202eFilms"]) == cli.EXIT_BAD_INPUT
    capsys.readouterr()
    assert cli.main(["audit", "head"]) == 0
    head = capsys.readouterr().out.strip()
    assert head.split(":")[0].isdigit() and len(head.split(":")[1]) == 64
    assert cli.main(["audit", "verify", "--expect-head", head]) == 0
    forged = head.split(":")[0] + ":" + "0" * 64
    assert cli.main(["audit", "verify", "--expect-head", forged]) == 1
    assert "does not hold the expected head" in capsys.readouterr().out


def test_serve_answers_on_loopback(data_dir: Path) -> None:
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {"TRIAGE_DATA_DIR": str(data_dir), "PATH": "/usr/bin"}
    server = subprocess.Popen(
        [sys.executable, "-m", "triage.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert server.poll() is None, "triage serve exited"
                assert time.monotonic() < deadline, "triage serve did not answer within 60 s"
                time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=20)
