"""Load a policy written as markdown (knowledge/README.md describes the convention) into citable sections.

Citations must be verbatim, so the loader fixes what a passage is (one paragraph or one list item) and keeps each
passage as an exact substring of its section's text; everything downstream quotes passages and never rewrites them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from triage.records import Citation

REQUIRED_KEYS = ("name", "source", "date")
SECTION_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
_HEADING_RE = re.compile(r"^##(?!#)\s*(?P<rest>.*?)\s*$")
_ID_SUFFIX_RE = re.compile(r"\s*\{#(?P<id>[^}]*)\}$")
_OFFICIAL_RE = re.compile(r"^Official text:\s*(?P<url>\S+)\s*$", re.IGNORECASE)
_BULLET_RE = re.compile(r"^\s*(?P<marker>[-*+]|\d{1,3}[.)])\s+(?P<text>.*)$")
_FRONT_KEY_RE = re.compile(r"^(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_TABLE_SEPARATOR_RE = re.compile(r"^\|?[\s:|-]+\|?$")


class Section(BaseModel):
    """One official section: the unit that rules point at and that citations name."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    url: str
    text: str = Field(description="the section body as loaded; every passage is a substring of it")
    passages: list[str] = Field(description="paragraphs and list items, each verbatim in text")
    file: str = ""
    line: int = 0


class Policy(BaseModel):
    """A loaded policy: named, dated, versioned by content, with sections in document order."""

    model_config = ConfigDict(frozen=True)

    name: str
    source: str
    date: str
    version: str = Field(description="sha256 over the markdown files' bytes, in order of file name")
    sections: dict[str, Section]
    files: list[str] = Field(default_factory=list)
    meta: dict[str, str] = Field(default_factory=dict, description="other front-matter keys of the first file")

    def section(self, section_id: str) -> Section:
        try:
            return self.sections[section_id]
        except KeyError:
            raise KeyError(f"policy {self.name!r} has no section {section_id!r}") from None

    def has_passage(self, section_id: str, text: str) -> bool:
        """True when text is exactly one passage of that section (what `cite` is allowed to emit)."""
        section = self.sections.get(section_id)
        return section is not None and text in section.passages

    def contains(self, section_id: str, text: str) -> bool:
        """True when text is non-empty and verbatim in that section (the contract on any citation)."""
        section = self.sections.get(section_id)
        return section is not None and bool(text.strip()) and text in section.text

    def citation(self, section_id: str, text: str) -> Citation:
        """A citation built from the policy itself; refuses text that is not verbatim in the section."""
        if not self.contains(section_id, text):
            raise ValueError(f"not a verbatim passage of section {section_id!r}: {text[:80]!r}")
        section = self.sections[section_id]
        return Citation(section=section.id, title=section.title, text=text, url=section.url)

    def passages(self) -> Iterator[tuple[Section, int, str]]:
        """Every passage with its section and index, in document order."""
        for section in self.sections.values():
            for index, passage in enumerate(section.passages):
                yield section, index, passage


def policy_files(path: Path) -> list[Path]:
    """The markdown files that make up the policy at path (a file, or a folder without its README)."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise ValueError(f"{path}: no such policy file or folder")
    files = sorted(
        (p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".md" and p.name.lower() != "readme.md"),
        key=lambda p: p.name,
    )
    if not files:
        raise ValueError(f"{path}: no policy markdown files (*.md other than README.md)")
    return files


def policy_version(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for file in sorted(files, key=lambda p: p.name):
        digest.update(file.read_bytes())
    return digest.hexdigest()


def load_policy(path: Path | str) -> Policy:
    """Load one policy from a markdown file or a folder of them; ValueError names file and line on bad input."""
    files = policy_files(Path(path))
    front: dict[str, str] | None = None
    first_file = ""
    sections: dict[str, Section] = {}
    for file in files:
        meta, file_sections = _parse_file(file)
        if front is None:
            front, first_file = meta, file.name
        elif meta["name"] != front["name"]:
            raise ValueError(
                f"{file}:1: policy name {meta['name']!r} differs from {front['name']!r} in {first_file}; "
                "one folder holds one policy"
            )
        for section in file_sections:
            if section.id in sections:
                first = sections[section.id]
                raise ValueError(
                    f"{file}:{section.line}: duplicate section id {section.id!r} (first defined at {first.file}:"
                    f"{first.line})"
                )
            sections[section.id] = section
    assert front is not None
    if not sections:
        raise ValueError(f"{files[0]}: no sections; write each as '## Title {{#section-id}}'")
    return Policy(
        name=front["name"],
        source=front["source"],
        date=front["date"],
        version=policy_version(files),
        sections=sections,
        files=[f.name for f in files],
        meta={k: v for k, v in front.items() if k not in REQUIRED_KEYS},
    )


def _parse_file(file: Path) -> tuple[dict[str, str], list[Section]]:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise ValueError(f"{file}: not UTF-8 text ({exc})") from None
    meta, body_start = _front_matter(file, lines)
    sections: list[Section] = []
    current: tuple[str, str, int] | None = None  # id, title, heading line number
    body: list[tuple[int, str]] = []
    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        heading = _HEADING_RE.match(line)
        if heading:
            if current:
                sections.append(_section(file, current, body, meta["source"]))
            current, body = _heading(file, number, heading["rest"]), []
        elif current:
            body.append((number, line))
    if current:
        sections.append(_section(file, current, body, meta["source"]))
    return meta, sections


def _front_matter(file: Path, lines: list[str]) -> tuple[dict[str, str], int]:
    if not lines or lines[0].strip() != "---":
        raise ValueError(
            f"{file}:1: missing front matter: start the file with a '---' block naming {', '.join(REQUIRED_KEYS)}"
        )
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            missing = [key for key in REQUIRED_KEYS if not meta.get(key)]
            if missing:
                raise ValueError(f"{file}:1: front matter lacks {', '.join(missing)}")
            return meta, number
        if _HEADING_RE.match(line):
            raise ValueError(
                f"{file}:1: front matter is not closed by a '---' line before the heading at line {number}"
            )
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _FRONT_KEY_RE.match(line)
        if not match:
            raise ValueError(f"{file}:{number}: front matter line is not 'key: value': {line!r}")
        meta[match["key"].lower()] = match["value"].strip().strip("\"'")
    raise ValueError(f"{file}:1: front matter is not closed by a '---' line")


def _heading(file: Path, number: int, rest: str) -> tuple[str, str, int]:
    match = _ID_SUFFIX_RE.search(rest)
    if not match:
        raise ValueError(f"{file}:{number}: section heading {rest!r} has no id; write '## {rest} {{#section-id}}'")
    section_id, title = match["id"].strip(), rest[: match.start()].strip()
    if not SECTION_ID_RE.match(section_id):
        raise ValueError(
            f"{file}:{number}: invalid section id {section_id!r}: use lowercase letters, digits and hyphens"
        )
    if not title:
        raise ValueError(f"{file}:{number}: section {section_id!r} has an empty title")
    return section_id, title, number


def _section(file: Path, head: tuple[str, str, int], body: list[tuple[int, str]], source: str) -> Section:
    section_id, title, number = head
    url = source
    content = list(body)
    first = next((i for i, (_, line) in enumerate(content) if line.strip()), None)
    if first is not None:
        official = _OFFICIAL_RE.match(content[first][1].strip())
        if official:
            url = official["url"]
            del content[first]
    blocks = _blocks([line for _, line in content])
    passages = [text for kind, _, text in blocks if kind in ("item", "para", "row")]
    if not passages:
        raise ValueError(f"{file}:{number}: section {section_id!r} has no text")
    parts: list[str] = []
    previous = ""
    for kind, marker, text in blocks:
        rendered = f"{marker} {text}" if marker else text
        if parts:
            parts.append("\n" if kind == previous and kind in ("item", "row") else "\n\n")
        parts.append(rendered)
        previous = kind
    return Section(
        id=section_id, title=title, url=url, text="".join(parts), passages=passages, file=file.name, line=number
    )


def _blocks(lines: list[str]) -> list[tuple[str, str, str]]:
    """Split a section body into (kind, marker, text) blocks: paragraphs, list items, table rows, sub-headings."""
    blocks: list[tuple[str, str, str]] = []
    open_block = False  # whether the last block may take continuation lines
    for raw in lines:
        line = raw.strip()
        if not line:
            open_block = False
            continue
        if line.startswith("#"):
            blocks.append(("heading", "", line))
            open_block = False
            continue
        if line.startswith("|"):
            if not _TABLE_SEPARATOR_RE.match(line):
                blocks.append(("row", "", line))
            open_block = False
            continue
        bullet = _BULLET_RE.match(raw)
        if bullet and bullet["text"].strip():
            blocks.append(("item", bullet["marker"], bullet["text"].strip()))
            open_block = True
        elif open_block and blocks:
            kind, marker, text = blocks[-1]
            blocks[-1] = (kind, marker, f"{text} {line}")
        else:
            blocks.append(("para", "", line))
            open_block = True
    return blocks
