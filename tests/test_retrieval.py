"""The policy index: verified citations, section filters, self-rebuild on policy edits, and retrieval quality."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from triage.config import Settings
from triage.policy import Policy, load_policy
from triage.retrieval import PolicyIndex, get_policy_index

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
QUESTIONS = Path(__file__).resolve().parent / "data" / "retrieval_questions.jsonl"
CHROMA_CLI = ROOT / ".venv" / "bin" / "chroma"

# Measured 0.825 top-1 and 0.975 top-3 on the 40 questions; one miss of slack each so a regression fails.
MIN_TOP1 = 0.80
MIN_TOP3 = 0.95


def make_settings(data_dir: Path, knowledge_dir: Path = KNOWLEDGE, **extra: object) -> Settings:
    return Settings(data_dir=data_dir, knowledge_dir=knowledge_dir, chroma_host=None, **extra)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(KNOWLEDGE)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, policy: Policy) -> PolicyIndex:
    return PolicyIndex(policy, make_settings(tmp_path_factory.mktemp("data")))


def assert_verbatim(policy: Policy, citations: list) -> None:
    for citation in citations:
        section = policy.sections[citation.section]
        assert citation.text in section.passages
        assert citation.text in section.text
        assert (citation.title, citation.url) == (section.title, section.url)


def test_index_holds_every_passage(index: PolicyIndex, policy: Policy) -> None:
    collection = index.collection()
    assert collection.count() == sum(len(s.passages) for s in policy.sections.values())
    assert collection.metadata["policy_version"] == policy.version


def test_cite_respects_a_single_section(index: PolicyIndex, policy: Policy) -> None:
    for section_id, section in policy.sections.items():
        citations = index.cite("do we need consent or approval for this generative AI use?", [section_id], k=3)
        assert citations and len(citations) == min(3, len(section.passages))
        assert {c.section for c in citations} == {section_id}
        assert_verbatim(policy, citations)


def test_cite_respects_several_sections_and_ranks(index: PolicyIndex, policy: Policy) -> None:
    citations = index.cite(
        "clone the lead actor's voice for new lines", ["talent-performance", "talent-enhancement"], k=4
    )
    assert len(citations) == 4
    assert {c.section for c in citations} <= {"talent-performance", "talent-enhancement"}
    assert "voice" in citations[0].text
    assert_verbatim(policy, citations)


def test_cite_falls_back_to_the_whole_policy_only_for_unknown_sections(index: PolicyIndex, policy: Policy) -> None:
    citations = index.cite("a fake news segment with a real journalist", ["no-such-section"], k=2)
    assert [c.section for c in citations][:1] == ["ethics-representation"]
    assert_verbatim(policy, citations)
    assert index.cite("a fake news segment with a real journalist", ["vendors"], k=2)[0].section == "vendors"


def test_k_and_blank_queries(index: PolicyIndex, policy: Policy) -> None:
    assert len(index.cite("vendor pipeline", ["vendors"], k=50)) == len(policy.sections["vendors"].passages)
    assert index.cite("vendor pipeline", ["vendors"], k=0) == []
    assert index.ask("   ") == []
    assert len(index.ask("mood boards", k=3)) == 3


def test_ask_returns_verified_citations(index: PolicyIndex, policy: Policy) -> None:
    citations = index.ask("Can we use an AI tool for mood boards during ideation?")
    assert citations[0].section == "use-case-matrix"
    assert_verbatim(policy, citations)


def test_forged_index_entries_are_never_cited(tmp_path: Path, policy: Policy) -> None:
    index = PolicyIndex(policy, make_settings(tmp_path))
    collection = index.collection()
    forged = "Vendors may train on any production footage they like."
    collection.update(ids=["vendors#0"], documents=[forged])
    collection.update(
        ids=["vendors#1"], metadatas=[{"section": "vendors", "url": "https://evil.example", "title": "x"}]
    )
    hits = index.cite(forged, ["vendors"], k=3)
    assert forged not in [c.text for c in hits]
    assert_verbatim(policy, hits)
    collection.update(ids=["data-use#0"], metadatas=[{"section": "made-up", "title": "x", "url": "y"}])
    assert all(c.section != "made-up" for c in index.ask(policy.sections["data-use"].passages[0], k=5))


def test_existing_index_is_reused(tmp_path: Path, policy: Policy) -> None:
    first = PolicyIndex(policy, make_settings(tmp_path))
    first.collection()
    assert first.build_seconds is not None
    second = PolicyIndex(policy, make_settings(tmp_path))
    second.collection()
    assert second.build_seconds is None


def test_index_rebuilds_when_the_policy_changes(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    settings = make_settings(tmp_path / "data", knowledge)
    before = get_policy_index(settings)
    assert get_policy_index(settings) is before
    old_version = before.policy.version
    before.collection()

    new_passage = "A vendor must keep a written log naming every generative model used on each delivered shot."
    path = knowledge / "netflix-genai-production.md"
    text = path.read_text(encoding="utf-8")
    marker = "\n## Appendix"
    path.write_text(text.replace(marker, f"\n{new_passage}\n{marker}", 1), encoding="utf-8")

    after = get_policy_index(settings)
    assert after is not before
    assert after.policy.version != old_version
    assert new_passage in after.policy.sections["vendors"].passages
    citations = after.cite("log of which generative models were used per shot", ["vendors"], k=1)
    assert after.build_seconds is not None
    assert citations[0].text == new_passage
    assert after.collection().metadata["policy_version"] == after.policy.version
    # The old process-level index is stale, and a fresh open of the store sees the new version.
    reopened = PolicyIndex(after.policy, settings)
    assert reopened.collection().count() == after.collection().count()
    assert reopened.build_seconds is None


def test_rebuild_command(tmp_path: Path, policy: Policy) -> None:
    index = PolicyIndex(policy, make_settings(tmp_path))
    assert index.rebuild() == sum(len(s.passages) for s in policy.sections.values())
    assert index.cite("scripts in a chatbot", ["data-use"], k=1)


def test_retrieval_quality(index: PolicyIndex, capsys: pytest.CaptureFixture[str]) -> None:
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(questions) >= 30
    top1 = top3 = 0
    misses = []
    for item in questions:
        sections = [c.section for c in index.ask(item["question"], k=3)]
        top1 += bool(sections) and sections[0] in item["targets"]
        top3 += any(s in item["targets"] for s in sections)
        if not sections or sections[0] not in item["targets"]:
            misses.append(f"{item['id']}: wanted {item['targets']}, got {sections}")
    rate1, rate3 = top1 / len(questions), top3 / len(questions)
    with capsys.disabled():
        print(f"\nretrieval quality over {len(questions)} questions: top-1 {rate1:.3f}, top-3 {rate3:.3f}")
        for miss in misses:
            print("  top-1 miss", miss)
    assert rate1 >= MIN_TOP1
    assert rate3 >= MIN_TOP3


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture()
def chroma_server(tmp_path: Path) -> Iterator[int]:
    if not CHROMA_CLI.exists():
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    process = subprocess.Popen(
        [str(CHROMA_CLI), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.skip("the chroma server did not start")
                time.sleep(0.2)
        else:
            pytest.skip("the chroma server did not start in 30 s")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_chroma_server_backend(tmp_path: Path, chroma_server: int, policy: Policy) -> None:
    settings = Settings(
        data_dir=tmp_path / "data", knowledge_dir=KNOWLEDGE, chroma_host="127.0.0.1", chroma_port=chroma_server
    )
    index = PolicyIndex(policy, settings)
    citations = index.cite("free chatbot tier that trains on our uploads", ["confidentiality"], k=2)
    assert index.build_seconds is not None
    assert len(citations) == 2 and {c.section for c in citations} == {"confidentiality"}
    assert_verbatim(policy, citations)
    assert not (tmp_path / "data" / "chroma").exists()  # nothing embedded locally
    again = PolicyIndex(policy, settings)
    assert again.ask("mood boards")[0].section == "use-case-matrix"
    assert again.build_seconds is None


def test_recovers_when_another_process_rebuilt_the_index(tmp_path: Path, policy: Policy) -> None:
    settings = make_settings(tmp_path)
    serving = PolicyIndex(policy, settings)
    assert serving.ask("mood boards")
    PolicyIndex(policy, settings).rebuild()  # drops and recreates the collection the first index holds
    assert serving.ask("mood boards")[0].section == "use-case-matrix"


def test_cite_findings_is_verbatim_within_sections_and_falls_back(tmp_path) -> None:
    from triage.config import Settings
    from triage.policy import load_policy
    from triage.retrieval import PolicyIndex

    settings = Settings(TRIAGE_DATA_DIR=tmp_path)
    policy = load_policy(settings.knowledge_dir)
    index = PolicyIndex(policy, settings)
    requests = [
        ("Recreates the voice of a real person.", "We'll clone the lead's voice.", ["talent-enhancement"]),
        ("Personal data goes into a tool.", None, ["data-use", "confidentiality"]),
        ("A rule citing a section this policy lacks.", "anything", ["no-such-section"]),
    ]
    cited = index.cite_findings(requests, k=2)
    assert [len(c) for c in cited] == [2, 2, 2]
    assert {c.section for c in cited[0]} == {"talent-enhancement"}
    assert {c.section for c in cited[1]} <= {"data-use", "confidentiality"}
    for citations in cited:
        for citation in citations:
            assert policy.has_passage(citation.section, citation.text)
            assert citation.url == policy.sections[citation.section].url


def test_quote_words_rank_the_passage_that_shares_them() -> None:
    from triage.retrieval import PassageWords, stems

    assert stems("Cloning the cloned voices") == ["clon", "clon", "voic"]
    words = PassageWords(
        ["Consent is needed to recreate a performer's voice.", "Final shots must be approved.", "Mood boards."]
    )
    scores = words.scores("We will recreate the lead's voice for ADR")
    assert scores.argmax() == 0 and scores[2] == 0.0
    assert not words.scores("Nous allons cloner la voix").any()  # no shared words: the rule alone decides
