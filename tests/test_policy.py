"""The policy loader: the shipped restatement parses completely, and malformed files fail with file and line."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from triage.policy import Policy, load_policy

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
BASE_URL = (
    "https://partnerhelp.netflixstudios.com/hc/en-us/articles/43393929218323-Using-Generative-AI-in-Content-Production"
)
ANCHORS = {
    "introduction": "",
    "guiding-principles": "#h_01K1BTNMBC8DKAF1607XQ3S9AK",
    "written-approval": "#h_01K1BTNMBHW1JSCHK4914BAXDE",
    "data-use": "#h_01K1BTNMBHB5GW4FJW8X64KHNN",
    "creative-output": "#h_01K1BTNMBKMP99CP2PCXZ8W3H5",
    "talent-performance": "#h_01K1BTNMBP76KFGEWAFWAH22TA",
    "ethics-representation": "#h_01K1BTNMBRSBGNTCCTY9DBXMV2",
    "confidentiality": "#h_01K1BTNMBS130Y200ZWV3H6ZAT",
    "final-vs-temporary": "#h_01K1BTNMBVFQYQNJCCMKR254VK",
    "talent-enhancement": "#h_01K1BTNMBWWPTJJA79EFPY8NRJ",
    "vendors": "#h_01K1BTNMC21630W4ZWFFS0EYP2",
    "use-case-matrix": "#h_01K1BTNMC4RTXXMXPKW2TJJ2ZJ",
}
FRONT = "---\nname: Test policy\nsource: https://example.com/policy\ndate: 2026-01\n---\n"


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy(KNOWLEDGE)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_front_matter(policy: Policy) -> None:
    assert "Using Generative AI in Content Production" in policy.name
    assert policy.source == BASE_URL
    assert policy.date == "2025-08"
    assert policy.files == ["netflix-genai-production.md"]


def test_every_official_section_in_order_with_title_and_anchor(policy: Policy) -> None:
    assert list(policy.sections) == list(ANCHORS)
    for section_id, anchor in ANCHORS.items():
        section = policy.sections[section_id]
        assert section.id == section_id
        assert section.title.strip()
        assert section.url == BASE_URL + anchor
        assert section.passages, section_id


def test_titles_follow_the_official_headings(policy: Policy) -> None:
    assert policy.sections["data-use"].title == "1. Data Use"
    assert policy.sections["talent-performance"].title == "3. Talent & Performance"
    assert policy.sections["confidentiality"].title == "How can I ensure confidentiality and data protection?"


def test_passages_are_verbatim_and_readable_alone(policy: Policy) -> None:
    for section, _, passage in policy.passages():
        assert passage in section.text
        assert passage == passage.strip() and "\n" not in passage
        assert len(passage) > 30, passage
        assert not passage.startswith(("This ", "It ", "They ")), passage


def test_guiding_principles_keep_their_labels(policy: Policy) -> None:
    passages = policy.sections["guiding-principles"].passages
    for label in ("P1", "P2", "P3", "P4", "P5"):
        assert sum(p.startswith(label + ",") for p in passages) == 1, label


def test_preamble_is_not_citable(policy: Policy) -> None:
    assert not any("Editorial note" in s.text for s in policy.sections.values())


def test_version_is_sha256_of_markdown_bytes(policy: Policy) -> None:
    expected = hashlib.sha256((KNOWLEDGE / "netflix-genai-production.md").read_bytes()).hexdigest()
    assert policy.version == expected


def test_ignores_readme_and_other_files(tmp_path: Path, policy: Policy) -> None:
    shutil.copy(KNOWLEDGE / "netflix-genai-production.md", tmp_path)
    write(tmp_path, "README.md", "# not a policy\n\n## Heading without id\n")
    write(tmp_path, "rules.toml", "[rule]\nid = 'x'\n")
    loaded = load_policy(tmp_path)
    assert loaded.version == policy.version
    assert list(loaded.sections) == list(policy.sections)


def test_several_files_form_one_policy_in_name_order(tmp_path: Path) -> None:
    write(tmp_path, "b.md", FRONT + "## Second {#second}\n\nThe second section says something citable.\n")
    write(tmp_path, "a.md", FRONT + "## First {#first}\n\nThe first section says something citable.\n")
    loaded = load_policy(tmp_path)
    assert list(loaded.sections) == ["first", "second"]
    digest = hashlib.sha256((tmp_path / "a.md").read_bytes() + (tmp_path / "b.md").read_bytes()).hexdigest()
    assert loaded.version == digest


def test_paragraphs_items_and_wrapping(tmp_path: Path) -> None:
    text = FRONT + (
        "\n# Title\n\nPreamble text is not cited.\n\n"
        "## Consent rules {#consent}\n\n"
        "A performer's voice may be recreated only with\nthe performer's written consent.\n\n"
        "### Details\n"
        "- Consent for one production does not extend\n  to any other production.\n"
        "* Consent can be withdrawn for future uses.\n"
        "1. A numbered item is a passage too.\n\n"
        "| use | outcome |\n|---|---|\n| ideation | notify |\n"
    )
    loaded = load_policy(write(tmp_path, "p.md", text))
    section = loaded.sections["consent"]
    assert section.url == "https://example.com/policy"  # no Official text line: the source URL
    assert section.passages == [
        "A performer's voice may be recreated only with the performer's written consent.",
        "Consent for one production does not extend to any other production.",
        "Consent can be withdrawn for future uses.",
        "A numbered item is a passage too.",
        "| use | outcome |",
        "| ideation | notify |",
    ]
    assert "### Details" in section.text
    assert all(p in section.text for p in section.passages)
    assert loaded.contains("consent", "written consent")
    assert not loaded.contains("consent", "Preamble text")
    assert loaded.has_passage("consent", section.passages[0])
    assert not loaded.has_passage("consent", "written consent")


def test_citation_is_built_from_the_policy_and_refuses_other_text(policy: Policy) -> None:
    section = policy.sections["vendors"]
    citation = policy.citation("vendors", section.passages[0])
    assert (citation.section, citation.title, citation.url) == ("vendors", section.title, section.url)
    with pytest.raises(ValueError, match="not a verbatim passage"):
        policy.citation("vendors", "Vendors may do anything they like.")
    with pytest.raises(ValueError):
        policy.citation("no-such-section", section.passages[0])
    with pytest.raises(KeyError, match="no-such-section"):
        policy.section("no-such-section")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## Intro {#intro}\n\nText.\n", r"p\.md:1: missing front matter"),
        ("---\nname: X\nsource: https://x\ndate: 2026\n## Intro {#intro}\nText.\n", r"p\.md:1: .*not closed"),
        ("---\nname: X\ndate: 2026\n---\n## Intro {#intro}\n\nText.\n", r"p\.md:1: front matter lacks source"),
        ("---\nname: X\nnot a key value line\n---\n", r"p\.md:3: front matter line"),
        (FRONT + "\n## Introduction\n\nText here.\n", r"p\.md:7: section heading 'Introduction' has no id"),
        (FRONT + "\n## Intro {#Bad_Id}\n\nText.\n", r"p\.md:7: invalid section id 'Bad_Id'"),
        (FRONT + "\n## Intro {#intro}\n\nText.\n\n## Again {#intro}\n\nMore.\n", r"p\.md:11: duplicate section id"),
        (
            FRONT + "\n## Intro {#intro}\nOfficial text: https://x#a\n\n## Next {#next}\n\nText.\n",
            r"p\.md:7: .*no text",
        ),
        (FRONT + "\n## {#intro}\n\nText.\n", r"p\.md:7: section 'intro' has an empty title"),
        (FRONT + "\nOnly a preamble.\n", r"p\.md: no sections"),
    ],
)
def test_bad_files_fail_with_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_policy(write(tmp_path, "p.md", text))


def test_duplicate_ids_across_files_name_both(tmp_path: Path) -> None:
    write(tmp_path, "a.md", FRONT + "## One {#same}\n\nFirst text.\n")
    write(tmp_path, "b.md", FRONT + "## Two {#same}\n\nSecond text.\n")
    with pytest.raises(ValueError, match=r"b\.md:6: duplicate section id 'same' \(first defined at a\.md:6\)"):
        load_policy(tmp_path)


def test_one_folder_one_policy(tmp_path: Path) -> None:
    write(tmp_path, "a.md", FRONT + "## One {#one}\n\nFirst text.\n")
    write(tmp_path, "b.md", FRONT.replace("Test policy", "Other studio") + "## Two {#two}\n\nSecond text.\n")
    with pytest.raises(ValueError, match=r"b\.md:1: policy name 'Other studio' differs"):
        load_policy(tmp_path)


def test_empty_or_missing_folder(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "# readme\n")
    with pytest.raises(ValueError, match="no policy markdown files"):
        load_policy(tmp_path)
    with pytest.raises(ValueError, match="no such policy file or folder"):
        load_policy(tmp_path / "missing")
