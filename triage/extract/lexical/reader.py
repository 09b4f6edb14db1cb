"""The embedded offline extractor: reads a plan with phrase patterns, no model and no network.

It is the default when no LLM is configured and the tripwire beside one when it is. It splits the plan into
uses and answers each material question with the sentence as evidence: precisely from the phrase patterns
(lexicon.py for cues, layout, negation and hedges; one module per question: final_status, people, inputs, rights,
stages), with negation and hedges scoped to their clause, and broadly from risk_terms.py, so that an area the use
touches but the precise patterns left silent is never read as settled. Risk is read broadly, lowering narrowly: a
lowering answer needs a trusted sentence about this use, without a contrast idiom turning it around. What it cannot
read it reports as a failure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache, cached_property
from typing import Any

from triage.extract.lexical import final_status as lx_final
from triage.extract.lexical import inputs as lx_inputs
from triage.extract.lexical import lexicon as lx
from triage.extract.lexical import people as lx_people
from triage.extract.lexical import rights as lx_rights
from triage.extract.lexical import risk_terms as rt
from triage.extract.lexical import stages as lx_stages
from triage.extract.lexical.language import READABLE, detect_language, latin_share
from triage.intake import Submission, read_intake
from triage.records import (
    AIUse,
    Answer,
    Choice,
    Consent,
    DataHandling,
    Extraction,
    Intake,
    Media,
    Stage,
)

# (an abbreviation before a number ends no sentence: "ep. 4", "sc. 12", "no. 3")
SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\b[Ee][Pp]\.)(?<!\b[ÉéEe][Pp]\.)(?<!\b[Ee][Pp][Ss]\.)(?<!\b[Ss][Cc]\.)(?<!\b[Nn][Oo]\.)(?<!\b[Cc]ap\.)(?<!\b[Vv]ol\.)"
    r"(?<!\b[Cc]a\.)(?<!\b[Aa]pprox\.)(?<!\b[Cc]irca\.)(?<!\b[Ii]ncl\.)"
    r"[\"')\]]*\s+(?=[^a-z\s])|\n+|;\s+|\s+[•▪●]\s+"
)
# where a piece holding instructions is cut again, so it never takes the partner's own sentence along: any sentence
# end (even before a lower-case word), and around an HTML comment or a JSON object
INJECTION_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]*\s+|(?<=-->)\s*|\s*(?=<!--)|(?<=\})\s+|\s+(?=\{)")
USE_SPLIT = re.compile(
    r",?\s+(?:and also|and then|and separately|as well as|plus)\s+|,\s+(?:and\s+)?|\s+and\s+(?=the|our|we|they)"
    r"|\s+(?:Also|Separately|Additionally),\s+|\s+[-–—]\s+(?=we|they|our)",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
    # a comma before a new clause, not before the next item of a list ("nothing generated goes into the mix, the final
    # cut, trailers or the soundtrack": the denial covers every item)
    r",(?=\s+(?:and |but |so |then )?(?:we|they|the|our|it|its|this|that|these|those|i|he|she|you|which|who|"
    r"everything|nothing|none|all|so|because|since|when|where|which|who|then|for|instead|visible|seen|shown|heard|"
    r"featured|appearing|used|placed|kept|included)\b"
    r"(?!(?:\s+[\w'’-]+){0,3}\s*(?:,|\s(?:or|nor)\s)))|[;()\[\]—]|"
    # "keep 2–3 of the AI aerials" is a range and "nichts geht 1:1 auf Sendung" a ratio, not two clauses
    r"(?<!\d)[–:]|[–:](?!\d)|\s-\s|"
    r"[.!?](?=\s)|"  # a sentence mark inside a segment: chat text starts its sentences in lower case
    r"\b(?:but|however|although|though|while|whereas|except|(?<=, )yet|so that|because|since|pero|aunque|mais|"
    r"cependant|mas|porém|embora|aber|jedoch|obwohl)\b",
    re.IGNORECASE,
)
BUT = re.compile(
    r"\b(?:but|however|yet|although|though|pero|sin embargo|mais|cependant|mas|porém|aber|jedoch|doch)\b", re.I
)
NEGATION_WINDOW = 12
NEGATION_CHARS = 240  # how far back the negation window reaches at most
AI_CUE_NEGATION_WINDOW = 5  # words: "we won't use any generative AI", not "episodes not yet aired … in an AI app"
# (also how close a negation must stand to turn "enterprise" around: "not one of the enterprise tools")
HEADING = re.compile(
    r"^(?:subject|asunto|objet|assunto|betreff|re|fw|fwd|genai|gen ai|ai|ia|ki|plan|plano|notice|note|notes|update|"
    r"protokoll|notizen|minutes|compte rendu|acta|ata|registro|log)\b|\s[-–—]\s|:\s",
    re.IGNORECASE,
)
MAX_SEGMENT_CHARS = 300  # longer sentences are read in word-boundary chunks (linear cost on run-on text)
MAX_LEXICAL_USES = 40
MAX_READ_CHARS = 8_000  # of the uses' own text: beyond it a person reads the rest (bounded work on any plan)
LATIN_SEGMENT = 0.9  # share of Latin letters for a sentence to count as readable in a mixed-script plan
LOW_RISK = {Stage.IDEATION, Stage.PITCH, Stage.PREVIS, Stage.TEMP}
LOW_RISK_STAGES = LOW_RISK | {Stage.ADMIN}
# the risk questions the broad layer guards (rt.TOUCHES): silence or a "no" said elsewhere never lowers them
GUARDED = tuple(name for name in rt.TOUCHES if name != "performer")


@dataclass(frozen=True)
class PlanSegment:
    """A verbatim slice of the plan: a sentence, bullet or clause-level use."""

    text: str
    untrusted: bool = False  # it tries to instruct the triage: only risk it reveals counts
    language: str = "en"
    answer: bool = False  # the partner's answer to a follow-up question: it speaks of the whole plan
    local: bool = True  # it speaks of the use it is grouped with, so it may lower that use's risk
    aside: bool = False  # a report's line on another topic ("Catering: …"): it touches risk, never settles it


@dataclass(frozen=True)
class PatternHit:
    segment: PlanSegment
    start: int
    end: int
    negated: bool
    hedged: bool
    asked: bool = False  # a form's question or field label with an open answer: the words are asked, not said

    @cached_property
    def contrasted(self) -> bool:
        """A contrast idiom stands right before it ("far from temporary"): it lowers nothing. Read only when asked
        (most hits are never asked whether they lower risk)."""
        return bool(rt.CONTRAST.search(self.segment.text[max(0, self.start - 48) : self.start]))


def split_segments(text: str, language: str = "en", *, answer: bool = False) -> list[PlanSegment]:
    """Sentences, bullets and enumerated uses, each a verbatim, stripped slice of the text. Text that instructs the
    triage is cut away from the partner's words first, so it never changes how their sentence splits into uses."""
    pieces: list[tuple[str, bool]] = []
    for sentence, forged in _sentences(text):
        parts = INJECTION_SPLIT.split(sentence) if lx.INJECTION.search(sentence) else [sentence]
        for part in parts:
            for use in _split_uses(part) if not lx.INJECTION.search(part) else [part]:
                pieces.extend((piece, forged) for piece in _bounded(use))
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


def _bounded(sentence: str) -> list[str]:
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


def group_uses(segments: list[PlanSegment]) -> tuple[list[list[PlanSegment]], list[PlanSegment]]:
    """Each segment with an AI cue starts a use; others describe the use before them, or all of them when they
    speak of the whole plan. Returns the uses' own segments and the segments about the whole plan."""
    uses: list[list[PlanSegment]] = []
    before_first: list[PlanSegment] = []
    lead_in: list[PlanSegment] = []  # what came before the first use: read with it, after its own sentences
    global_context: list[PlanSegment] = []
    for segment in segments:
        live = _has_live_ai_cue(segment)
        starts_use = (uses and not segment.untrusted and bool(lx.ANOTHER_TOOL_USE.search(segment.text))) or (
            live
            and not segment.untrusted
            and not (uses and lx.BACK_REFERENCE.search(_without_chat_prefix(segment.text)))
            and not (uses and lx.USES_THE_NAMED_TOOL.search(segment.text))
            and not (uses and _only_names_known_tools(segment, uses[-1]))
            and not (uses and _only_definite_tools(segment))
            and not (uses and lx.TOOL_FIELD.match(_without_chat_prefix(segment.text)))
        )
        if segment.answer and uses:
            global_context.append(segment)
            continue
        if not live and _human_work(segment):
            continue  # "the key art will be illustrated by the agency's artist": not about the AI use
        if not live and lx.SIGN_OFF.search(segment.text) and len(segment.text.split()) <= 8:
            continue  # "Thanks, Ray (VFX Producer)": a signature says nothing about the use
        if _withdrawn(segment):
            continue  # "the idea of cloning Tom's voice is dead": a use the plan has dropped is no use
        if starts_use:
            # a greeting or a lead-in, not this use; a report's line on another topic only touches risk
            preamble = [replace(s, local=False, aside=bool(lx.ASIDE_LINE.match(s.text))) for s in before_first]
            uses.append([segment])
            lead_in = lead_in or preamble
            before_first = []
        elif not uses:
            before_first.append(segment)
        elif lx.GLOBAL_SCOPE.search(segment.text):
            global_context.append(segment)
        else:
            # "GenAI notice: …" or "Here is the AI use we plan for the series:" then the lines that describe it
            introduced = _is_heading(uses[-1][0].text) or uses[-1][0].text.rstrip().endswith(":")
            # under a heading, a form's field lines speak of the use; a free sentence must say it does
            introduced = introduced and not (_is_heading(uses[-1][0].text) and lx.FREE_SENTENCE.match(segment.text))
            local = live or introduced or _speaks_of_the_use(segment)
            aside = not live and bool(lx.ASIDE_LINE.match(segment.text))
            # a ticked box ("[x] No talent likeness") is the partner's claim, not what the use does: it never lowers
            local = local and not aside and not lx.TICKED_BOX.match(segment.text)
            uses[-1].append(replace(segment, local=local, aside=aside))
    if uses and lead_in:
        uses[0] = uses[0] + lead_in
    return uses, global_context


def _human_work(segment: PlanSegment) -> bool:
    """ "Every costume on screen is designed and made by the costume team": a sentence about what people make, not
    about all the generated material."""
    return bool(lx_final.HUMAN_MADE.search(segment.text)) and not lx.GLOBAL_SCOPE.search(segment.text)


def _withdrawn(segment: PlanSegment) -> bool:
    """The sentence drops a use ("the idea of cloning Tom's voice is dead"; a proposal, then "… we've killed both")
    and names no other: every AI cue in it stands inside what it drops. "The idea of a stand-in is dead, we'll clone
    her voice" still starts a use."""
    dropped = [m.span() for m in lx.WITHDRAWN.finditer(segment.text)]
    dropped += [  # all a proposal says up to "we've killed both"
        (0, m.end()) for m in lx.WITHDRAWN_BACK.finditer(segment.text) if lx.PROPOSED.search(segment.text, 0, m.start())
    ]
    if not dropped or segment.answer:
        return False
    return all(any(a <= hit.start and hit.end <= b for a, b in dropped) for hit in _ai_cues(segment))


def _speaks_of_the_use(segment: PlanSegment) -> bool:
    """A following sentence speaks of the use before it when it refers back to it ("These stay internal"), uses
    its tool, or is about its inputs and outputs ("Prompts are generic", "Temp only"); one about something else
    ("Our mood boards were fine last season") may add risk to the use but never lowers it."""
    text = _without_chat_prefix(segment.text)
    return bool(
        lx.BACK_REFERENCE.search(text)
        or lx.USES_THE_NAMED_TOOL.search(text)
        or lx.ABOUT_THE_USE.search(text)
        or lx.FORM_QUESTION.match(text)  # "3. Will output appear in final deliverables? No.": the form's own question
    )


def _without_chat_prefix(text: str) -> str:
    """A chat line without its time stamp and speaker, for the tests that read how a sentence starts."""
    prefix = lx.CHAT_PREFIX.match(text)
    return text[prefix.end() :] if prefix else text


def _ai_cues(segment: PlanSegment) -> tuple[PatternHit, ...]:
    """The segment's AI cues, talk about AI ("per the GenAI policy") blanked out first; read once per plan."""
    return _hits_in(lx.AI_CUE, PlanSegment(_mask(lx.AI_META, segment.text), language=segment.language))


def _has_live_ai_cue(segment: PlanSegment) -> bool:
    """An AI cue that is neither talk about AI ("per the GenAI policy") nor negated ("nothing generated", "without
    any AI"). A cue is denied only by a negation right before it: "frames of episodes that have not aired yet and
    stills into a free AI app" uses AI (a sentence about a use must never read as no use)."""
    return any(not (hit.negated and _denied_close_by(hit)) for hit in _ai_cues(segment))


def _denied_close_by(hit: PatternHit) -> bool:
    """A negated hit's negation stands within AI_CUE_NEGATION_WINDOW words before it, or right after it (a list of
    separate statements, "nothing from the series goes in, enterprise licence", denies only its own item)."""
    masked = _index(hit.segment.text).masked
    left, right = _clause_bounds(hit.segment.text, hit.start, hit.end)
    words = " ".join(masked[max(left, hit.start - NEGATION_CHARS) : hit.start].split()[-AI_CUE_NEGATION_WINDOW:])
    return bool(lx.negation_for(hit.segment.language).search(words) or lx.POST_NEGATION.match(masked, hit.end, right))


def _only_definite_tools(segment: PlanSegment) -> bool:
    """ "No plates are uploaded to the gen tool": every AI cue is a definite reference to a tool already in play."""
    text = segment.text
    if lx.ANOTHER_USE.search(text) or lx_final.FINAL_YES.search(text) or lx_final.FINAL_MARKETING.search(text):
        return False  # "The same tool will also make the background signs": a use of its own
    definite = [m.span() for m in lx.DEFINITE_TOOL.finditer(text)]
    cues = _ai_cues(segment)
    return bool(definite and cues) and all(any(a <= c.start and c.end <= b for a, b in definite) for c in cues)


def _only_names_known_tools(segment: PlanSegment, use: list[PlanSegment]) -> bool:
    """ "Flagging because Otter is an AI tool" after a use of Otter, "The chatbot output is…" after a use of a chatbot:
    the same use, not a new one."""
    cues = [hit.segment.text[hit.start : hit.end].lower() for hit in _ai_cues(segment)]
    known = " ".join(s.text for s in use).lower()
    return bool(cues) and all((lx.TOOL.fullmatch(cue) or lx.TOOL_NOUN.fullmatch(cue)) and cue in known for cue in cues)


@dataclass(frozen=True)
class _SegmentIndex:
    """What every pattern hit in one segment is judged against, found once per segment text (not once per hit),
    so reading stays linear in the plan's length."""

    masked: str  # the text with non-negating idioms blanked out
    breaks: tuple[tuple[int, int], ...]  # clause breaks
    conditionals: tuple[int, ...]  # where a condition ("without consent", "unless") starts
    exceptions: tuple[int, ...]  # where an exception ("apart from") starts
    hedges: tuple[tuple[int, int], ...]
    label_end: int  # where a form's question or field label ends ("Anything on screen?"), 0 when there is none


@cache
def _index(text: str) -> _SegmentIndex:
    breaks = tuple(m.span() for m in CLAUSE_BREAK.finditer(text))
    weak = {m.span() for m in lx.HEDGE.finditer(text) if not _optional_internal_step(text, m.start(), breaks)}
    return _SegmentIndex(
        masked=_mask(rt.NOT_NEGATION, text),
        breaks=breaks,
        conditionals=tuple(m.start() for m in lx.CONDITIONAL.finditer(text)),
        exceptions=tuple(m.start() for m in lx.EXCEPTION.finditer(text)),
        hedges=tuple(sorted(weak | {m.span() for m in lx.STRONG_HEDGE.finditer(text)})),
        label_end=_label_end(text),
    )


def _label_end(text: str) -> int:
    """Where a form's question or field label ends and its answer starts, 0 when the text is no such line."""
    qa = lx.ASKED_WITH_ANSWER.match(text)
    if qa:
        return qa.end()
    if lx.ASKED_LINE.match(text) or lx.EMPTY_FIELD.match(text):
        return len(text)
    labels = (lx.FORM_QUESTION.match(text), lx.FIELD_LABEL.match(text), lx.NO_ANSWER_FIELD.match(text))
    return next((m.end() for m in labels if m), 0)


def _optional_internal_step(text: str, at: int, breaks: tuple[tuple[int, int], ...]) -> bool:
    """ "The editor might drop AI temp cues into the assembly for internal screenings only": a modal on whether a
    step happens, in a clause that itself keeps the step internal or temporary and names no destination on screen,
    is no doubt about a principle."""
    if not lx_final.OPTIONAL_STEP.match(text, at):
        return False
    left, right = _bounds(breaks, at, at, len(text))
    clause = text[left:right]
    return bool(lx_final.FINAL_NO.search(clause)) and not (
        lx_final.FINAL_YES.search(clause) or lx_final.FINAL_STATUS_KEPT.search(clause)
    )


def _bounds(breaks: tuple[tuple[int, int], ...], start: int, end: int, length: int) -> tuple[int, int]:
    left = max((e for s, e in breaks if e <= start), default=0)
    right = min((s for s, _ in breaks if s >= end), default=length)
    return left, right


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounds(_index(text).breaks, start, end, len(text))


def find_hits(pattern: re.Pattern[str], segments: list[PlanSegment]) -> list[PatternHit]:
    """Every match, with whether a negation governs it, whether its clause hedges, and whether a contrast idiom
    stands right before it. Idioms that contain a negation word but deny nothing ("without a doubt", "without any
    on-screen label") are masked before negation is looked for."""
    return [hit for segment in segments for hit in _hits_in(pattern, segment)]


# One plan's hits per pattern and segment: several questions and uses read the same sentences, and a long plan's
# uses all read its sentences about the whole plan (`LexicalExtractor.extract` clears it when it is done). Keyed by
# the pattern's source and flags, which is what makes two patterns equal: hashing a compiled pattern digests its
# whole compiled program on every lookup (about 10 µs for the large alternations).
_HITS: dict[tuple[str, int, PlanSegment], tuple[PatternHit, ...]] = {}


def _hits_in(pattern: re.Pattern[str], segment: PlanSegment) -> tuple[PatternHit, ...]:
    """One segment's hits of one pattern, read once per plan."""
    key = (pattern.pattern, pattern.flags, segment)
    if key not in _HITS:
        _HITS[key] = _read_hits(pattern, segment)
    return _HITS[key]


def _read_hits(pattern: re.Pattern[str], segment: PlanSegment) -> tuple[PatternHit, ...]:
    hits = []
    index = _index(segment.text)
    for match in pattern.finditer(segment.text):
        start, end = match.span()
        left, right = _clause_bounds(segment.text, start, end)
        prefix_words = index.masked[max(left, start - NEGATION_CHARS) : start].split()[-NEGATION_WINDOW:]
        denied = bool(lx.negation_for(segment.language).search(" ".join(prefix_words)))
        negated = (
            (
                denied
                or bool(lx.POST_NEGATION.match(index.masked, end, right))
                or bool(lx.FORM_NO.match(segment.text, end))
            )
            and not any(at >= left for at in index.conditionals)
            and not any(
                at >= end and (at < right or not segment.text[right:at].strip(" ,;:—–-")) for at in index.exceptions
            )
        )
        hedged = any(left <= s and e <= right for s, e in index.hedges)
        asked = False
        if end <= index.label_end:  # the answer decides: "? No" denies, "? Yes" says it, anything else leaves it open
            negated = negated or bool(lx.FORM_ANSWER_NO.match(segment.text, index.label_end))
            asked = not (negated or lx.FORM_YES.match(segment.text, index.label_end))
        hits.append(PatternHit(segment, start, end, negated, hedged, asked))
    return tuple(hits)


def _mask(pattern: re.Pattern[str], text: str) -> str:
    """The text with every match of `pattern` blanked out, positions kept."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _answer(value: str, hit: PatternHit | None, note: str | None = None) -> Answer:
    return Answer(value=value, evidence=hit.segment.text if hit else None, note=note)  # type: ignore[arg-type]


def yes_no(
    segments: list[PlanSegment],
    yes: re.Pattern[str],
    no: re.Pattern[str] | None = None,
    hedge_unclear: bool = False,
    weak: re.Pattern[str] | None = None,
    negated_no_is_yes: bool = False,
    not_after: re.Pattern[str] | None = None,
) -> Answer:
    """Combine pattern hits: a stated yes beats a no (risk wins); a hedged yes may become unclear. Each pattern is
    read only when the ones before it left the answer open."""
    lowering = [h for h in find_hits(no, segments) if _lowers(h) and not h.negated] if no else []
    all_yes = [
        h
        for h in find_hits(yes, segments)
        if not (not_after and _preceded_by(h, not_after, words=3)) and not _overlaps(h, lowering)
    ]  # "before anything is broadcast" is a time; in "our sound designer replaces all of them for the final mix" the
    # final mix is what replaces them
    all_yes = [replace(h, negated=True) if _denies_inside(h) else h for h in all_yes]
    asked = [h for h in all_yes if h.asked and not h.negated]
    yes_hits = [h for h in all_yes if not (h.negated or h.asked)]
    if negated_no_is_yes and no:
        # "won't be replaced" means it stays; "doesn't leave the internal presentation" still stays internal
        yes_hits += [
            h for h in find_hits(no, segments) if h.negated and REPLACED.search(h.segment.text[h.start : h.end])
        ]
    if yes_hits and all(h.segment.aside for h in yes_hits):
        return _answer("unknown", yes_hits[0], note="mentioned in a line about something else")
    yes_hits = [h for h in yes_hits if not h.segment.aside]
    if yes_hits:
        confident = [h for h in yes_hits if not h.hedged]
        if hedge_unclear and not confident:
            return _answer("unknown", yes_hits[0], note="the partner hedges")
        return _answer("yes", confident[0] if confident else yes_hits[0])
    negated_hits = [h for h in all_yes if h.negated and _lowers(h)]
    if negated_hits:
        if hedge_unclear and all(h.hedged for h in negated_hits):
            return _answer("unknown", negated_hits[0], note="the partner hedges")
        return _answer("no", negated_hits[0])
    # "this is not temporary" lowers nothing
    no_hits = [h for h in find_hits(no, segments) if _lowers(h) and not h.negated] if no else []
    if no_hits:
        hedged = [h for h in no_hits if h.hedged]
        if hedge_unclear and hedged:
            return _answer("unknown", hedged[0], note="the partner hedges")
        return _answer("no", no_hits[0])
    if asked:
        return _answer("unknown", asked[0], note="asked on the form, not answered")
    live_weak = [h for h in find_hits(weak, segments) if not h.negated] if weak else []
    if live_weak:
        return _answer("unknown", live_weak[0], note="mentioned but not settled")
    return Answer()


REPLACED = re.compile(r"replac|swap|substitu|ersetz|remplac|reemplaz", re.I)
QUESTION_MARK = re.compile(r"\s*\?")
PASSIVE_REPLACED = re.compile(r"replaced|swapped|substitu[íi]d|ersetzt|remplacée?s?|reemplazad", re.I)
INNER_NEGATION = re.compile(
    r"\s(?:no|not|never|none|nothing|no one|kein\w*|nicht|nichts|nie|aucune?|rien|jamais|ningun[oa]?|nada|nunca|"
    r"nenhuma?)\s",
    re.I,
)


def _denies_inside(hit: PatternHit) -> bool:
    """ "it writes no scenes": a negation between the verb and the object a risk pattern spans."""
    return bool(INNER_NEGATION.search(hit.segment.text[hit.start : hit.end]))


def _lowers(hit: PatternHit) -> bool:
    """A hit may lower risk only from a trusted statement about this very use, not turned around by a contrast."""
    return (
        not hit.segment.untrusted
        and hit.segment.local
        and not hit.contrasted
        and not hit.asked  # "Final or temporary?:" left blank lowers nothing
        and not _questioned(hit)
        and not _replaced_by_generated(hit)
    )


def _questioned(hit: PatternHit) -> bool:
    """ "… Final or temporary?: Notes: …" on one line: a word asked about, with no answer of its own, lowers nothing."""
    text = hit.segment.text
    return bool(QUESTION_MARK.match(text, hit.end)) and hit.end > _index(text).label_end


def _replaced_by_generated(hit: PatternHit) -> bool:
    """ "Our AI tool replaces the temp plates with the final AI renders": a replacement lowers nothing when what does
    the replacing, or what it is replaced with, is generated."""
    text = hit.segment.text
    if not REPLACED.search(text, hit.start, hit.end):
        return False
    if PASSIVE_REPLACED.search(text, hit.start, hit.end):  # "Suno temp music replaced by the composer": the replacer
        return bool(lx.AI_CUE.search(text, hit.start))  # comes after
    before = " ".join(text[: hit.start].split()[-4:])  # "Our AI tool replaces …": the replacer is the subject
    return bool(lx.AI_CUE.search(text, hit.start) or lx.AI_CUE.search(before) or lx.TOOL.search(before))


def _preceded_by(hit: PatternHit, pattern: re.Pattern[str], words: int = 2) -> bool:
    before = hit.segment.text[: hit.start].split()[-words:]
    return bool(pattern.search(" ".join(before)))


def detect_stage(segments: list[PlanSegment]) -> Choice[Stage]:
    """The first stage pattern that matches; a low-risk stage only from a statement that may lower this use's risk."""
    for stage, pattern in lx_stages.STAGE_PATTERNS:
        for hit in find_hits(pattern, segments):
            if hit.negated or (stage in LOW_RISK_STAGES and not _lowers(hit)):
                continue  # "we put no script into it" is no writing use
            if stage == Stage.WRITING and _office_document(hit):
                return Choice[Stage](value=Stage.ADMIN, evidence=hit.segment.text)
            return Choice[Stage](value=stage, evidence=hit.segment.text)
    return Choice[Stage](value=Stage.UNKNOWN)


def _office_document(hit: PatternHit) -> bool:
    """ "Draft a generic safety-briefing checklist template": the writing is office work when the statement, one that
    may lower this use's risk, names an office document and no literary material at all."""
    text = hit.segment.text
    return _lowers(hit) and bool(lx_stages.OFFICE_DOCUMENT.search(text)) and not lx_stages.LITERARY.search(text)


def detect_media(segments: list[PlanSegment]) -> list[Media]:
    joined = " ".join(s.text for s in segments)
    media = [media for media, pattern in lx_stages.MEDIA_PATTERNS if pattern.search(joined)]
    if not media and lx.TEXT_TOOL.search(joined):
        media = [Media.TEXT]  # a chat assistant with nothing else named writes text
    return media


def _overlaps(hit: PatternHit, spans: list[PatternHit]) -> bool:
    """The hit shares words with a lowering phrase that names nothing generated from where it starts ("our sound
    designer replaces all of them for the final mix"; not "… replaces the plates with the final AI renders")."""
    return any(
        s.segment is hit.segment
        and s.start < hit.end
        and hit.start < s.end
        and not lx.AI_CUE.search(s.segment.text, s.start)
        for s in spans
    )


def _inside(hit: PatternHit, spans: list[PatternHit]) -> bool:
    return any(s.segment is hit.segment and s.start <= hit.start and hit.end <= s.end for s in spans)


def detect_consent(segments: list[PlanSegment]) -> Choice[Consent]:
    """Riskiest stated consent wins: refused > pending > obtained. "We won't … without consent" is a promise."""
    for consent, pattern in lx_people.CONSENT_PATTERNS:
        for hit in find_hits(pattern, segments):
            if consent == Consent.OBTAINED and not _lowers(hit):
                continue
            if consent == Consent.ABSENT and _negated_before(hit):
                consent = Consent.PENDING
            return Choice[Consent](value=consent, evidence=hit.segment.text)
    return Choice[Consent](value=Consent.UNKNOWN)


def _negated_before(hit: PatternHit) -> bool:
    left, _ = _clause_bounds(hit.segment.text, hit.start, hit.end)
    prefix = hit.segment.text[left : hit.start]
    return bool(lx.negation_for(hit.segment.language).search(prefix))


def detect_data_handling(segments: list[PlanSegment]) -> Choice[DataHandling]:
    may_train = find_hits(lx_inputs.MAY_TRAIN, segments)
    for hit in may_train:
        if not hit.negated:
            return Choice[DataHandling](value=DataHandling.MAY_TRAIN, evidence=hit.segment.text)
    for handling, pattern in (
        (DataHandling.ENTERPRISE, lx_inputs.ENTERPRISE),
        (DataHandling.NO_TRAINING, lx_inputs.NO_TRAINING),
    ):
        for hit in find_hits(pattern, segments):
            if not _lowers(hit):
                continue
            if handling == DataHandling.ENTERPRISE and hit.negated:
                if _denied_close_by(hit):  # "not one of the enterprise tools"
                    return Choice[DataHandling](value=DataHandling.MAY_TRAIN, evidence=hit.segment.text)
                continue  # a negation further back ("nothing goes in, enterprise licence"): neither way, unread
            return Choice[DataHandling](value=handling, evidence=hit.segment.text)
    for hit in may_train:  # "doesn't train on our inputs"
        if _lowers(hit):
            return Choice[DataHandling](value=DataHandling.NO_TRAINING, evidence=hit.segment.text)
    return Choice[DataHandling](value=DataHandling.UNKNOWN)


def detect_hedge(segments: list[PlanSegment]) -> Answer:
    """A hedge counts when its sentence is about a principle or the AI use ("I think it stays temp, but I'm not
    100% sure"): the hedge and its topic often stand in two clauses of one sentence."""
    for hit in find_hits(lx.STRONG_HEDGE, segments):  # doubt raises risk: it counts wherever it stands in the use
        if not (hit.negated or hit.asked):  # "8. Anything you're unsure about?" asks, it doubts nothing
            return _answer("yes", hit)
    for hit in find_hits(lx.HEDGE, segments):
        if (hit.start, hit.end) not in _index(hit.segment.text).hedges:
            continue  # an optional internal step, already left out of the segment's hedges
        if lx.PRINCIPLE_TOPIC.search(hit.segment.text) or lx.AI_CUE.search(hit.segment.text):
            return _answer("yes", hit)
    return Answer()


def touched(fields: dict[str, Any], segments: list[PlanSegment], *, screen_bound: bool) -> dict[str, Any]:
    """The broad layer: a risk area the use's text touches cannot stay silent; it becomes unknown with the mention as
    evidence (unclear), which escalates with the question that settles it. Only a clear statement lowers a risk.
    Output made for the screen (no low-risk purpose) that the plan says reaches it, unhedged, is final."""
    out = dict(fields)
    for name in GUARDED:
        answer: Answer = fields[name]
        if answer.value != "unknown" or answer.evidence or answer.note:
            continue
        mentions = [
            h
            for h in find_hits(rt.TOUCHES[name], segments)
            # "Call: 08:00 cast" is about the day; "from public sources, nothing from our footage" denies the noun
            if not (h.negated or h.segment.aside or _sentence_denies(h) or _denies_inside(h))
        ]
        if name == "final_output":
            mentions = [h for h in mentions if not _preceded_by(h, lx_final.BEFORE, words=4)]  # "before the final mix"
        if not mentions:
            hints = [h for h in find_hits(rt.HINTS[name], segments) if not h.negated] if name in rt.HINTS else []
            if hints:
                out[name] = _answer("unknown", hints[0], note="mentioned but not settled")
            continue
        plain = not any(h.hedged or h.asked for h in mentions) and not all(h.segment.aside for h in mentions)
        if plain and (name in rt.SAID_PLAINLY or (name == "final_output" and screen_bound)):
            out[name] = _answer("yes", mentions[0])
        else:
            out[name] = _answer("unknown", mentions[0], note="mentioned but not settled")
    return out


def read_use(segments: list[PlanSegment]) -> AIUse:
    """Answer every material question for one use from its segments."""
    stage = detect_stage(segments)
    final = yes_no(
        segments,
        lx_final.FINAL_YES,
        lx_final.FINAL_NO,
        hedge_unclear=True,
        negated_no_is_yes=True,
        not_after=lx_final.BEFORE,
    )
    if final.value == "unknown" and final.evidence is None and stage.value not in LOW_RISK:
        final = yes_no(segments, lx_final.FINAL_MARKETING, hedge_unclear=True)
    if final.value == "unknown" and final.evidence is None and stage.value == Stage.TEMP:
        final = Answer(value="no", evidence=stage.evidence)
    if final.value != "no":
        processing_only = [h for h in find_hits(lx_final.NON_GENERATIVE, segments) if _lowers(h)]
        if processing_only:
            final = _answer("no", processing_only[0])
    real_person = yes_no(
        segments,
        lx_people.REAL_PERSON_STRONG,
        lx_people.REAL_PERSON_NO,
        hedge_unclear=True,
        weak=lx_people.REAL_PERSON_WEAK,
    )
    performance = yes_no(
        segments, lx_people.PERFORMANCE_ALTERATION_YES, lx_people.PERFORMANCE_CUSTOMARY, hedge_unclear=True
    )
    if performance.yes and real_person.value != "yes":
        real_person = performance  # altering a performer's performance shows them doing what they did not do
    training = yes_no(segments, lx_rights.UNOWNED_TRAINING_YES, lx_rights.OWNED_MATERIAL, hedge_unclear=True)
    if training.value == "no" and not find_hits(lx_rights.TRAINING_ANY, segments):
        training = Answer()  # "our own footage" without any training says nothing about training
    if training.unknown and training.evidence is None:
        no_training = find_hits(lx_inputs.NO_TRAINING, segments)
        trains = [
            h for h in find_hits(lx_rights.TRAINING_ANY, segments) if not h.negated and not _inside(h, no_training)
        ]
        if trains and not find_hits(lx_rights.OWNED_MATERIAL, segments):
            training = _answer("unknown", trains[0], note="training data ownership not stated")
    proprietary = yes_no(segments, lx_inputs.PROPRIETARY_INPUT_YES, lx_inputs.GENERIC_INPUTS, hedge_unclear=True)
    data_handling = detect_data_handling(segments)
    proprietary = _generic_only_if_said(proprietary, data_handling, segments)
    if proprietary.unknown and proprietary.evidence is None:
        mentioned = [h for h in find_hits(lx_inputs.PROPRIETARY_MENTION, segments) if not h.negated]
        if mentioned:
            proprietary = _answer("yes" if _said_as_input(mentioned[0]) else "unknown", mentioned[0])
    personal_data = yes_no(segments, lx_inputs.PERSONAL_DATA_YES, lx_inputs.PERSONAL_DATA_NO, hedge_unclear=True)
    if personal_data.unknown and personal_data.evidence is None:
        soft = [h for h in find_hits(lx_inputs.PERSONAL_DATA_SOFT, segments) if not h.negated]
        if soft:
            personal_data = _answer("unknown" if soft[0].hedged or soft[0].segment.aside else "yes", soft[0])
    performer = Answer()
    if real_person.value != "no":
        performers = [h for h in find_hits(lx_people.PERFORMER, segments) if not h.negated]
        performer = _answer("yes", performers[0]) if performers else Answer()
    tool_hits = find_hits(lx.TOOL, segments)
    hedge = detect_hedge(segments)
    fields = touched(
        {
            "final_output": final,
            "key_creative": yes_no(segments, lx_rights.KEY_CREATIVE_YES, lx_rights.KEY_CREATIVE_NO, hedge_unclear=True),
            "real_person": real_person,
            "performance_alteration": performance,
            "union_work": yes_no(segments, lx_people.UNION_WORK_YES, lx_people.UNION_WORK_NO, hedge_unclear=True),
            "personal_data": personal_data,
            "proprietary_input": proprietary,
            "third_party_ip": yes_no(
                segments, lx_rights.THIRD_PARTY_IP_YES, lx_rights.THIRD_PARTY_IP_NO, hedge_unclear=True
            ),
            "unowned_training": training,
            "misleading": yes_no(segments, lx_rights.MISLEADING_YES, lx_rights.MISLEADING_NO, hedge_unclear=True),
        },
        segments,
        screen_bound=stage.value not in LOW_RISK_STAGES and stage.value != Stage.WRITING,
    )
    fields["final_output"] = _unsettled_by_hedge(fields["final_output"], hedge, segments)
    return AIUse(
        summary=segments[0].text,
        tool=_answer("yes", tool_hits[0]) if tool_hits else Answer(),
        stage=stage,
        media=detect_media(segments),
        performer=performer,
        consent=detect_consent(segments),
        data_handling=data_handling,
        vendor_pipeline=yes_no(segments, lx_inputs.VENDOR_PIPELINE),
        hedged=hedge,
        **fields,
    )


def _generic_only_if_said(
    proprietary: Answer, data_handling: Choice[DataHandling], segments: list[PlanSegment]
) -> Answer:
    """ "No script pages, no footage" says what stays out of a tool that may keep its inputs, not that what goes in is
    trivial. In a free or consumer tool, inputs count as generic only when the plan says so ("generic prompts", "only
    text prompts"); with terms unstated, when the plan describes its inputs in detail ("I'd be typing in our rigging
    plan … pretty detailed") they do not either. Either way the area becomes unclear: escalate, and ask."""
    if proprietary.value != "no" or lx_inputs.GENERIC_PROMPTS.search(proprietary.evidence or ""):
        return proprietary
    said_generic = [h for h in find_hits(lx_inputs.GENERIC_PROMPTS, segments) if _lowers(h) and not h.negated]
    if data_handling.value == DataHandling.MAY_TRAIN and not said_generic:
        return Answer(value="unknown", evidence=proprietary.evidence, note="inputs not said to be generic")
    detailed = [h for h in find_hits(lx_inputs.DETAILED_INPUT, segments) if not h.negated]
    if data_handling.value == DataHandling.UNKNOWN and detailed and not said_generic:
        return _answer("unknown", detailed[0], note="inputs described in detail, not said to be generic")
    return proprietary


def _said_as_input(mention: PatternHit) -> bool:
    """Production material named in or around a use is taken as its input ("coverage on the pilot script"), unless
    hedged, named as where the output goes ("temp cues for the rough cut", "in the assembly", "rough cut scratch
    VO"), or named only in a
    title ("Temp music note (ep 1-3 rough cuts)"): then it is touched, not said, and escalates with the question
    that settles it."""
    destination = _preceded_by(mention, lx_final.DESTINATION, words=3) or bool(
        lx_final.TEMP_OUTPUT_AFTER.match(mention.segment.text, mention.end)
    )
    title = not mention.segment.local and _is_heading(mention.segment.text)
    return not (mention.hedged or destination or title or mention.segment.aside)


def _unsettled_by_hedge(final: Answer, hedge: Answer, segments: list[PlanSegment]) -> Answer:
    """A final status the partner hedges about, in its own sentence or the next ("the director has floated keeping
    them in the final mix. We honestly haven't decided"; "probably temp, but it might just stay"), is unclear, not
    stated: the hedge escalates it, and approval waits for the partner's answer (the brief: "might keep it in the
    final" is unsure, not a certain final deliverable)."""
    if final.value != "yes" or not hedge.yes:
        return final
    texts = [s.text for s in segments]  # the use's own sentences in the plan's order, then its lead-in
    if final.evidence not in texts or hedge.evidence not in texts:
        return final
    at, hedged_at = texts.index(final.evidence), texts.index(hedge.evidence)
    if hedged_at in (at, at + 1) and lx_final.FINAL_STATUS_TOPIC.search(hedge.evidence):
        return Answer(value="unknown", evidence=final.evidence, note="the partner hedges")
    return final


@contextmanager
def one_reading() -> Iterator[None]:
    """The reader's caches serve one reading (a plan, or a model's quotes checked by triage.extract.verify): no
    plan text outlives it."""
    try:
        yield
    finally:
        _HITS.clear()
        _index.cache_clear()


class LexicalExtractor:
    """Offline extractor; also the tripwire the hybrid extractor runs beside an LLM."""

    name = "lexical"
    prompt_version: str | None = None

    def extract(self, intake: Submission | Intake) -> Extraction:
        with one_reading():
            return self._extract(read_intake(intake))

    def _extract(self, source: Submission) -> Extraction:
        language = detect_language(source.text)
        code = language.code
        if code == "unknown" and language.latin_share >= 0.9 and len(source.text.split()) <= 8:
            code = "en" if lx.AI_CUE.search(source.text) else "unknown"
        if code in READABLE:
            return self._read(source, code)
        # fail closed, yet what it can read still counts: a paragraph in another script (an injected one, say) must
        # not hide the risk of the sentences around it; those uses can only add findings to the escalation
        latin = latin_language(source.plan)
        return Extraction(
            uses=self._read(source, latin, latin_only=True).uses if latin else [],
            language=code,
            extractor=self.name,
            failure="the plan appears to be in a language the offline extractor cannot read "
            f"(it reads {', '.join(READABLE)})",
        )

    def _read(self, source: Submission, code: str, *, latin_only: bool = False) -> Extraction:
        segments = split_segments(source.plan, code)
        for line in source.answer_lines:  # the service's questions are never evidence; the partner's answers are
            segments += split_segments(line, code, answer=True)
        if latin_only:
            segments = [s for s in segments if latin_share(s.text) >= LATIN_SEGMENT]
        segments = [replace(s, language=_sentence_language(s.text, code)) for s in segments]
        groups, about_the_plan = group_uses(segments)
        summaries = [group[0].text for group in groups]
        for index, lines in source.answers_for_use(summaries).items():  # an answer about a use: read with it only
            if index < len(groups):
                groups[index] = groups[index] + [s for line in lines for s in split_segments(line, code)]
        notes: list[Any] = []
        if any(s.untrusted for s in segments):
            notes.append("the plan contains instructions addressed to the triage; they were read as data only")
        failure = None
        groups = [group + [s for s in about_the_plan if s not in group] for group in _without_headers(groups)]
        read = _within_budget(groups)
        uses = [read_use(group) for group in read]
        if not uses and segments:
            whole = read_use(_from_the_prompted_tool(segments))
            if lx.PROMPTED_TOOL.search(source.plan):  # "generic prompts into the corporate image tool"
                uses = [whole]
            elif _touches_risk(whole):  # "the generator will swap the stunt double's face": no AI word, yet risky
                uses = [whole]
                failure = (
                    "no generative-AI tool or technique was recognised, yet the plan touches areas that need approval;"
                    " it was read as one use for a person to check"
                )
        if len(read) < len(groups):  # bounded work and result size; a person reads what no rule should guess at
            failure = (
                f"the plan describes more AI uses than one submission is read for, {MAX_LEXICAL_USES} uses or "
                f"{MAX_READ_CHARS:,} characters of them; the first {len(read)} were read, so split it into several "
                "submissions"
            )
        return Extraction(
            uses=uses,
            language=code,
            extractor=self.name,
            failure=failure,
            notes=notes,
        )


def _from_the_prompted_tool(segments: list[PlanSegment]) -> list[PlanSegment]:
    """A plan read whole because it names no AI cue, from the first sentence that speaks of a prompted tool ("the
    image tool", "generic prompts"), as a use is read: what comes before it is lead-in, and what follows lowers only
    when it speaks of the use or of every use; both may add risk ("Our mood boards from last season were great. The
    image tool is for the key art")."""
    # a dropped idea, or work people do by hand, is no part of the use, as in group_uses
    segments = [s for s in segments if not (_withdrawn(s) or _human_work(s))] or segments
    start = next((n for n, s in enumerate(segments) if lx.PROMPTED_TOOL.search(s.text)), 0)
    after = [
        replace(s, local=s.local and bool(_speaks_of_the_use(s) or lx.GLOBAL_SCOPE.search(s.text)))
        for s in segments[start + 1 :]
    ]  # "… nothing generated is seen on camera" speaks of every use, this one too
    return [segments[start], *after, *(replace(s, local=False) for s in segments[:start])]


def _within_budget(groups: list[list[PlanSegment]]) -> list[list[PlanSegment]]:
    """The first groups, in order, that are read in full: at most MAX_LEXICAL_USES, and no more than MAX_READ_CHARS
    of their text (a segment several uses share, such as one about the whole plan, counts once). The first group is
    always read. This bounds the reading of any plan, however dense its words or few its sentence breaks."""
    read: list[list[PlanSegment]] = []
    counted: set[int] = set()
    chars = 0
    for group in groups[:MAX_LEXICAL_USES]:
        added = sum(len(s.text) for s in group if id(s) not in counted)
        if read and chars + added > MAX_READ_CHARS:
            break
        counted.update(id(s) for s in group)
        chars += added
        read.append(group)
    return read


def _without_headers(groups: list[list[PlanSegment]]) -> list[list[PlanSegment]]:
    """A heading that names AI but says nothing about what it is for or what it touches ("GenAI notice: Ridge
    Runners", "Plano de uso de IA"), with any greeting or lead-in under it that says nothing either ("Hola Inés:",
    "I'm writing as the guidance asks"), is no use: it becomes lead-in text of the use after it, which it can never
    lower. A sentence whose purpose is unclear stays a use of its own, and escalates."""
    out: list[list[PlanSegment]] = []
    carried: list[PlanSegment] = []
    for n, group in enumerate(groups):
        group = [*group, *carried] if carried else group
        carried = []
        # the cheap tests first: reading a group is the costly part, and a long plan has many
        heading = n + 1 < len(groups) and _is_heading(group[0].text)
        if heading and _says_nothing(read_use(group)):
            carried = [replace(s, local=False) for s in group]
        else:
            out.append(group)
    return out


def _says_nothing(use: AIUse) -> bool:
    """No tool, no stage and no risk area: what a heading that only names AI reads as."""
    return not use.tool.yes and use.stage.value == Stage.UNKNOWN and not _touches_risk(use)


def _is_heading(text: str) -> bool:
    """A subject line, title or lead-in ("GenAI notice: Ridge Runners", "Here is our plan:"): short, and not a
    sentence that ends as a statement does."""
    text = text.rstrip()
    if len(text.split()) > 25:
        return False
    return text.endswith(":") or (not text.endswith((".", "!", "?", ";", ",")) and bool(HEADING.search(text)))


def _sentence_language(text: str, plan_language: str) -> str:
    """A sentence's own language when it is plainly one we read (a plan may mix them: an English line above a
    Portuguese plan must not make Portuguese "no", "in the", read as a negation); else the plan's."""
    guess = detect_language(text)
    return guess.code if guess.code in READABLE and len(text.split()) >= 4 else plan_language


def _sentence_denies(hit: PatternHit) -> bool:
    """A negation earlier in the sentence that distributes over a list: "no generated image goes into the boards,
    the animatic or the final cut"."""
    before = BUT.split(_index(hit.segment.text).masked[: hit.start])[-1]  # "nothing says so, but it airs"
    before = " ".join(before.split()[-NEGATION_WINDOW:])
    return bool(lx.negation_for(hit.segment.language).search(before))


def _touches_risk(use: AIUse) -> bool:
    """True when any risk question of the record is answered yes or touched (unknown with evidence)."""
    return any(getattr(use, name).value == "yes" or getattr(use, name).evidence for name in GUARDED)


def latin_language(plan: str) -> str | None:
    """The readable language of a plan's Latin-script sentences, when only some of its sentences are Latin."""
    segments = split_segments(plan)
    latin = [s.text for s in segments if latin_share(s.text) >= LATIN_SEGMENT]
    if not latin or len(latin) == len(segments):
        return None  # none of it, or all of it: the whole plan was already judged
    code = detect_language(" ".join(latin)).code
    return code if code in READABLE else None
