"""How a plan's segments group into AI uses: each segment with a live AI cue starts one, the rest describe the use
before them or the whole plan; dropped proposals and work people do by hand are no use. Reading is bounded.
"""

from __future__ import annotations

from dataclasses import replace

from triage.extract.lexical import final_status as lx_final
from triage.extract.lexical import lexicon as lx
from triage.extract.lexical.hits import NEGATION_CHARS, PatternHit, clause_bounds, hits_in, mask, segment_index
from triage.extract.lexical.segments import PlanSegment, is_heading, without_chat_prefix

AI_CUE_NEGATION_WINDOW = 5  # words: "we won't use any generative AI", not "episodes not yet aired … in an AI app"
# (also how close a negation must stand to turn "enterprise" around: "not one of the enterprise tools")
MAX_LEXICAL_USES = 40
MAX_READ_CHARS = 8_000  # of the uses' own text: beyond it a person reads the rest (bounded work on any plan)


def group_uses(segments: list[PlanSegment]) -> tuple[list[list[PlanSegment]], list[PlanSegment]]:
    """Each segment with an AI cue starts a use; others describe the use before them, or all of them when they
    speak of the whole plan. Returns the uses' own segments and the segments about the whole plan."""
    uses: list[list[PlanSegment]] = []
    before_first: list[PlanSegment] = []
    lead_in: list[PlanSegment] = []  # what came before the first use: read with it, after its own sentences
    global_context: list[PlanSegment] = []
    for segment in segments:
        live = has_live_ai_cue(segment)
        starts_use = (uses and not segment.untrusted and bool(lx.ANOTHER_TOOL_USE.search(segment.text))) or (
            live
            and not segment.untrusted
            and not (uses and lx.BACK_REFERENCE.search(without_chat_prefix(segment.text)))
            and not (uses and lx.USES_THE_NAMED_TOOL.search(segment.text))
            and not (uses and _only_names_known_tools(segment, uses[-1]))
            and not (uses and _only_definite_tools(segment))
            and not (uses and lx.TOOL_FIELD.match(without_chat_prefix(segment.text)))
        )
        if segment.answer and uses:
            global_context.append(segment)
            continue
        if not live and human_work(segment):
            continue  # "the key art will be illustrated by the agency's artist": not about the AI use
        if not live and lx.SIGN_OFF.search(segment.text) and len(segment.text.split()) <= 8:
            continue  # "Thanks, Ray (VFX Producer)": a signature says nothing about the use
        if withdrawn(segment):
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
            introduced = is_heading(uses[-1][0].text) or uses[-1][0].text.rstrip().endswith(":")
            # under a heading, a form's field lines speak of the use; a free sentence must say it does
            introduced = introduced and not (is_heading(uses[-1][0].text) and lx.FREE_SENTENCE.match(segment.text))
            local = live or introduced or speaks_of_the_use(segment)
            aside = not live and bool(lx.ASIDE_LINE.match(segment.text))
            # a ticked box ("[x] No talent likeness") is the partner's claim, not what the use does: it never lowers
            local = local and not aside and not lx.TICKED_BOX.match(segment.text)
            uses[-1].append(replace(segment, local=local, aside=aside))
    if uses and lead_in:
        uses[0] = uses[0] + lead_in
    return uses, global_context


def human_work(segment: PlanSegment) -> bool:
    """ "Every costume on screen is designed and made by the costume team": a sentence about what people make, not
    about all the generated material."""
    return bool(lx_final.HUMAN_MADE.search(segment.text)) and not lx.GLOBAL_SCOPE.search(segment.text)


def withdrawn(segment: PlanSegment) -> bool:
    """The sentence drops a use ("the idea of cloning Tom's voice is dead"; a proposal, then "… we've killed both")
    and names no other: every AI cue in it stands inside what it drops. "The idea of a stand-in is dead, we'll clone
    her voice" still starts a use."""
    dropped = [m.span() for m in lx.WITHDRAWN.finditer(segment.text)]
    dropped += [  # all a proposal says up to "we've killed both"
        (0, m.end()) for m in lx.WITHDRAWN_BACK.finditer(segment.text) if lx.PROPOSED.search(segment.text, 0, m.start())
    ]
    if not dropped or segment.answer:
        return False
    return all(any(a <= hit.start and hit.end <= b for a, b in dropped) for hit in ai_cues(segment))


def speaks_of_the_use(segment: PlanSegment) -> bool:
    """A following sentence speaks of the use before it when it refers back to it ("These stay internal"), uses
    its tool, or is about its inputs and outputs ("Prompts are generic", "Temp only"); one about something else
    ("Our mood boards were fine last season") may add risk to the use but never lowers it."""
    text = without_chat_prefix(segment.text)
    return bool(
        lx.BACK_REFERENCE.search(text)
        or lx.USES_THE_NAMED_TOOL.search(text)
        or lx.ABOUT_THE_USE.search(text)
        or lx.FORM_QUESTION.match(text)  # "3. Will output appear in final deliverables? No.": the form's own question
    )


def ai_cues(segment: PlanSegment) -> tuple[PatternHit, ...]:
    """The segment's AI cues, talk about AI ("per the GenAI policy") blanked out first; read once per plan."""
    return hits_in(lx.AI_CUE, PlanSegment(mask(lx.AI_META, segment.text), language=segment.language))


def has_live_ai_cue(segment: PlanSegment) -> bool:
    """An AI cue that is neither talk about AI ("per the GenAI policy") nor negated ("nothing generated", "without
    any AI"). A cue is denied only by a negation right before it: "frames of episodes that have not aired yet and
    stills into a free AI app" uses AI (a sentence about a use must never read as no use)."""
    return any(not (hit.negated and denied_close_by(hit)) for hit in ai_cues(segment))


def denied_close_by(hit: PatternHit) -> bool:
    """A negated hit's negation stands within AI_CUE_NEGATION_WINDOW words before it, or right after it (a list of
    separate statements, "nothing from the series goes in, enterprise licence", denies only its own item)."""
    masked = segment_index(hit.segment.text).masked
    left, right = clause_bounds(hit.segment.text, hit.start, hit.end)
    words = " ".join(masked[max(left, hit.start - NEGATION_CHARS) : hit.start].split()[-AI_CUE_NEGATION_WINDOW:])
    return bool(lx.negation_for(hit.segment.language).search(words) or lx.POST_NEGATION.match(masked, hit.end, right))


def _only_definite_tools(segment: PlanSegment) -> bool:
    """ "No plates are uploaded to the gen tool": every AI cue is a definite reference to a tool already in play."""
    text = segment.text
    if lx.ANOTHER_USE.search(text) or lx_final.FINAL_YES.search(text) or lx_final.FINAL_MARKETING.search(text):
        return False  # "The same tool will also make the background signs": a use of its own
    definite = [m.span() for m in lx.DEFINITE_TOOL.finditer(text)]
    cues = ai_cues(segment)
    return bool(definite and cues) and all(any(a <= c.start and c.end <= b for a, b in definite) for c in cues)


def _only_names_known_tools(segment: PlanSegment, use: list[PlanSegment]) -> bool:
    """ "Flagging because Otter is an AI tool" after a use of Otter, "The chatbot output is…" after a use of a chatbot:
    the same use, not a new one."""
    cues = [hit.segment.text[hit.start : hit.end].lower() for hit in ai_cues(segment)]
    known = " ".join(s.text for s in use).lower()
    return bool(cues) and all((lx.TOOL.fullmatch(cue) or lx.TOOL_NOUN.fullmatch(cue)) and cue in known for cue in cues)


def from_the_prompted_tool(segments: list[PlanSegment]) -> list[PlanSegment]:
    """A plan read whole because it names no AI cue, from the first sentence that speaks of a prompted tool ("the
    image tool", "generic prompts"), as a use is read: what comes before it is lead-in, and what follows lowers only
    when it speaks of the use or of every use; both may add risk ("Our mood boards from last season were great. The
    image tool is for the key art")."""
    # a dropped idea, or work people do by hand, is no part of the use, as in group_uses
    segments = [s for s in segments if not (withdrawn(s) or human_work(s))] or segments
    start = next((n for n, s in enumerate(segments) if lx.PROMPTED_TOOL.search(s.text)), 0)
    after = [
        replace(s, local=s.local and bool(speaks_of_the_use(s) or lx.GLOBAL_SCOPE.search(s.text)))
        for s in segments[start + 1 :]
    ]  # "… nothing generated is seen on camera" speaks of every use, this one too
    return [segments[start], *after, *(replace(s, local=False) for s in segments[:start])]


def within_budget(groups: list[list[PlanSegment]]) -> list[list[PlanSegment]]:
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
