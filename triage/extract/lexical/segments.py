"""How a plan is cut into segments: sentences, bullets and enumerated uses, each a verbatim slice of the text.

Text that instructs the triage is cut away from the partner's words first; over-long pieces are read in bounded chunks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.extract.lexical import lexicon as lx

# (an abbreviation before a number ends no sentence: "ep. 4", "sc. 12", "no. 3")
SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\b[Ee][Pp]\.)(?<!\b[ÉéEe][Pp]\.)(?<!\b[Ee][Pp][Ss]\.)(?<!\b[Ss][Cc]\.)(?<!\b[Nn][Oo]\.)(?<!\b[Cc]ap\.)(?<!\b[Vv]ol\.)"
    r"(?<!\b[Cc]a\.)(?<!\b[Aa]pprox\.)(?<!\b[Cc]irca\.)(?<!\b[Ii]ncl\.)"
    r"[\"')\]]*\s+(?=[^a-z\s])|\n+|;\s+|\s+[•▪●]\s+|"
    r"(?<=[。！？؟।])\s*(?=\S)"  # another script's sentence mark ends its sentence: an injected one stands alone
)
# where a piece holding instructions is cut again, so it never takes the partner's own sentence along: any sentence
# end (even before a lower-case word), and around an HTML comment or a JSON object
INJECTION_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]*\s+|(?<=-->)\s*|\s*(?=<!--)|(?<=\})\s+|\s+(?=\{)")
USE_SPLIT = re.compile(
    r",?\s+(?:and also|and then|and separately|as well as|plus)\s+|,\s+(?:and\s+)?|\s+and\s+(?=the|our|we|they)"
    r"|\s+(?:Also|Separately|Additionally),\s+|\s+[-–—]\s+(?=we|they|our)",
    re.IGNORECASE,
)
HEADING = re.compile(
    r"^(?:subject|asunto|objet|assunto|betreff|re|fw|fwd|genai|gen ai|ai|ia|ki|plan|plano|notice|note|notes|update|"
    r"protokoll|notizen|minutes|compte rendu|acta|ata|registro|log)\b|\s[-–—]\s|:\s",
    re.IGNORECASE,
)
MAX_SEGMENT_CHARS = 300  # longer sentences are read in word-boundary chunks (linear cost on run-on text)


@dataclass(frozen=True)
class PlanSegment:
    """A verbatim slice of the plan: a sentence, bullet or clause-level use."""

    text: str
    untrusted: bool = False  # it tries to instruct the triage: only risk it reveals counts
    language: str = "en"
    answer: bool = False  # the partner's answer to a follow-up question: it speaks of the whole plan
    local: bool = True  # it speaks of the use it is grouped with, so it may lower that use's risk
    aside: bool = False  # a report's line on another topic ("Catering: …"): it touches risk, never settles it


def split_segments(text: str, language: str = "en", *, answer: bool = False) -> list[PlanSegment]:
    """Sentences, bullets and enumerated uses, each a verbatim, stripped slice of the text. Text that instructs the
    triage is cut away from the partner's words first, so it never changes how their sentence splits into uses."""
    pieces: list[tuple[str, bool]] = []
    for sentence, forged in _sentences(text):
        parts = INJECTION_SPLIT.split(sentence) if lx.INJECTION.search(sentence) else [sentence]
        for part in parts:
            for use in _split_uses(part) if not lx.INJECTION.search(part) else [part]:
                pieces.extend((piece, forged) for piece in bounded(use))
    segments = []
    for piece, forged in pieces:
        piece = piece.strip().lstrip("-*•▪● ").strip()
        if piece and any(ch.isalnum() for ch in piece):
            untrusted = forged or bool(lx.INJECTION.search(piece))
            segments.append(PlanSegment(piece, untrusted=untrusted, language=language, answer=answer))
    return segments


def _sentences(text: str) -> list[tuple[str, bool]]:
    """The text's sentences, each with whether it stands in a block imitating the service's answers block (plan text
    can never answer the service's questions: such lines are read, never trusted). A form's question with its answer
    on the same line ("Anything on screen? No"), or on the next ("Q: …?" / "A: No"), stays one sentence, so the answer
    is read with what it answers."""
    sentences: list[tuple[str, bool]] = []
    lines = text.split("\n")
    forged = False
    for n, line in enumerate(lines):
        bare = line.strip().lstrip("-*•▪● ").strip()
        opens, closes = lx.ANSWERS_BLOCK_OPEN.search(line), lx.ANSWERS_BLOCK_CLOSE.search(line)
        forged = forged or bool(opens)
        if sentences and lx.FORM_ANSWER_LINE.match(bare) and lx.ASKED_LINE.match(lines[n - 1].strip()):
            sentences[-1] = (f"{sentences[-1][0]} {bare}", sentences[-1][1] or forged)  # "Q: …?" / "A: No"
        else:
            question = lx.FORM_QUESTION.match(bare) or lx.ASKED_LINE.match(bare)
            sentences.extend((piece, forged) for piece in ([line] if question else SENTENCE_END.split(line)))
        forged = forged and not closes
    return sentences


def bounded(sentence: str) -> list[str]:
    """A piece longer than MAX_SEGMENT_CHARS (after the sentence was split into its uses) cut at word boundaries, so
    reading cost stays linear in the plan's length (each pattern hit looks back and ahead within its segment). The
    cut comes after the use split, so it never moves a use boundary; it can separate a negation from what it denies,
    which reads as more risk."""
    chunks: list[str] = []
    while len(sentence) > MAX_SEGMENT_CHARS:
        cut = _chunk_end(sentence)
        chunks.append(sentence[:cut])
        sentence = sentence[cut:]
    return [*chunks, sentence]


def _chunk_end(sentence: str) -> int:
    """Where the first chunk of an over-long piece ends: after the last sentence mark in the chunk's second half
    ("no people. it's just a pinboard": chat text starts its sentences in lower case), else after the last dash or
    semicolon there, else at the last space, else at MAX_SEGMENT_CHARS. A comma is no better than a space: a
    negation distributes over a list ("no voice, not our actors', not anyone's"), and cutting the list reads its tail
    as said plainly."""
    window = sentence[:MAX_SEGMENT_CHARS]
    cut = max(window.rfind(mark) for mark in (". ", "! ", "? "))
    if cut >= MAX_SEGMENT_CHARS // 2:
        return cut + 1
    cut = max(window.rfind(mark) for mark in (" — ", " – ", " - ", "; "))  # a clause mark keeps phrases whole:
    if cut >= MAX_SEGMENT_CHARS // 2:  # "… sur Pinterest — pour générer des croquis « à la manière de Valmont »"
        return cut + 1
    cut = window.rfind(" ")
    return cut if cut > 0 else MAX_SEGMENT_CHARS


def _split_uses(sentence: str) -> list[str]:
    """Split "Midjourney for mood boards, and we'll clone her voice in ElevenLabs" where each side is a use.

    Parts are tracked by position, so a long run-on sentence costs linear time; a part without an AI cue stays with
    the part before it, connector and words verbatim."""
    spans: list[tuple[int, int]] = []
    start = depth = scanned = 0
    for separator in USE_SPLIT.finditer(sentence):
        between = sentence[scanned : separator.start()]
        depth = max(0, depth + between.count("(") - between.count(")"))
        scanned = separator.start()
        if depth:
            continue  # "a mood board (brutalist concrete, 70s signage vibe) with Firefly": a list inside brackets
        spans.append((start, separator.start()))
        start = separator.end()
    spans.append((start, len(sentence)))
    if len(spans) == 1:
        return [sentence]
    merged = [spans[0]]
    cued = [bool(lx.AI_CUE.search(sentence, *spans[0]))]
    for begin, end in spans[1:]:
        has_cue = bool(lx.AI_CUE.search(sentence, begin, end))
        if has_cue and cued[-1]:
            merged.append((begin, end))
            cued.append(True)
        else:
            merged[-1] = (merged[-1][0], end)
            cued[-1] = cued[-1] or has_cue
    return [sentence[a:b] for a, b in merged]


def without_chat_prefix(text: str) -> str:
    """A chat line without its time stamp and speaker, for the tests that read how a sentence starts."""
    prefix = lx.CHAT_PREFIX.match(text)
    return text[prefix.end() :] if prefix else text


def is_heading(text: str) -> bool:
    """A subject line, title or lead-in ("GenAI notice: Ridge Runners", "Here is our plan:"): short, and not a
    sentence that ends as a statement does."""
    text = text.rstrip()
    if len(text.split()) > 25:
        return False
    return text.endswith(":") or (not text.endswith((".", "!", "?", ";", ",")) and bool(HEADING.search(text)))
